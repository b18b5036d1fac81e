import { ApiError, GoogleGenAI } from '@google/genai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { InvalidArgumentError, parseDetections } from '@gemini-vision/core';

import type { Emulator } from './emulator';
import type { FaultKind } from './fault-script';
import { startEmulator } from './start-emulator';

const MODEL = 'gemini-2.5-flash';
const DETECT = 'Detect the bounding boxes of the socks';
const RETRY = { attempts: 3, initialDelay: 0.01, maxDelay: 0.02, jitter: 0 };

let emulator: Emulator;
let ai: GoogleGenAI;

beforeAll(async () => {
  emulator = await startEmulator();
  ai = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url } });
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(() => {
  emulator.reset();
});

function generate(client: GoogleGenAI = ai, prompt = DETECT) {
  return client.models.generateContent({ model: MODEL, contents: prompt });
}

async function settle(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => 'ok',
    (error: unknown) => error,
  );
}

describe('startEmulator (faults)', () => {
  it.each([
    { fault: '429', status: 429, googleStatus: 'RESOURCE_EXHAUSTED' },
    { fault: '500', status: 500, googleStatus: 'INTERNAL' },
    { fault: '503', status: 503, googleStatus: 'UNAVAILABLE' },
  ] as const)('serves a $fault as a Google error the SDK throws', async ({ fault, status, googleStatus }) => {
    emulator.script([{ when: { route: 'generateContent' }, fault }]);

    const error = await settle(generate());

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(status);
    expect((error as ApiError).message).toContain(googleStatus);
    expect(emulator.stats.faults[fault]).toBe(1);
    expect(emulator.stats.billed).toEqual([]);
  });

  it('sends Retry-After and RetryInfo with a 429', async () => {
    emulator.script([{ fault: { kind: '429', retryAfterSeconds: 7 } }]);

    const response = await fetch(`${emulator.url}/v1beta/models/${MODEL}:generateContent`, {
      method: 'POST',
      headers: { 'x-goog-api-key': 'test-key', 'content-type': 'application/json' },
      body: JSON.stringify({ contents: [{ parts: [{ text: 'hi' }] }] }),
    });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await response.json()).toMatchObject({
      error: { details: [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }] },
    });
  });

  it.each(['503', '429'] as const)('lets the SDK with retryOptions recover from a %s, billing once', async (fault) => {
    const retrying = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url, retryOptions: RETRY } });
    emulator.script([{ when: { route: 'generateContent' }, fault }]);

    const response = await generate(retrying);

    expect(response.text).toBeTruthy();
    expect(emulator.requests.map((request) => request.status)).toEqual([Number(fault), 200]);
    expect([...emulator.stats.billedRequests.values()]).toEqual([1]);
  });

  it('holds the socket on a timeout until the client gives up, billing nothing', async () => {
    const impatient = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: emulator.url, timeout: 150 } });
    emulator.script([{ fault: { kind: 'timeout', holdMs: 10_000 } }]);

    const started = Date.now();
    const error = await settle(generate(impatient));

    expect(error).toBeInstanceOf(Error);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(emulator.requests[0]).toMatchObject({ fault: 'timeout', status: 0 });
    expect(emulator.stats.billed).toEqual([]);
  });

  it('resets the connection on a disconnect', async () => {
    emulator.script([{ fault: 'disconnect' }]);

    const error = await settle(generate());

    expect(error).toBeInstanceOf(TypeError); // fetch failed
    expect(emulator.stats.faults.disconnect).toBe(1);
  });

  it('cuts the JSON body on malformed-json, which is billed, so a retry bills twice', async () => {
    emulator.script([{ when: { route: 'generateContent' }, fault: 'malformed-json' }]);

    const error = await settle(generate());
    await generate();

    expect(error).toBeInstanceOf(SyntaxError);
    expect(emulator.requests[0]?.status).toBe(200);
    expect([...emulator.stats.billedRequests.values()]).toEqual([2]);
  });

  it('breaks the second event of a stream on malformed-json', async () => {
    emulator.script([{ when: { route: 'streamGenerateContent' }, fault: 'malformed-json' }]);

    const stream = await ai.models.generateContentStream({ model: MODEL, contents: DETECT });
    const texts: string[] = [];
    const error = await settle(
      (async () => {
        for await (const chunk of stream) texts.push(chunk.text ?? '');
      })(),
    );

    expect(error).toBeInstanceOf(Error);
    expect(texts).toHaveLength(1);
  });

  it('truncates the reply mid-item with finishReason MAX_TOKENS', async () => {
    const whole = await generate();
    emulator.script([{ fault: 'truncated' }]);
    const cut = await generate();

    expect(cut.candidates?.[0]?.finishReason).toBe('MAX_TOKENS');
    expect(whole.text?.startsWith(cut.text ?? '')).toBe(true);
    expect(cut.text?.length).toBeLessThan(whole.text?.length ?? 0);
    expect(parseDetections(cut.text ?? '').truncated).toBe(true);
    expect(emulator.stats.billed.map((call) => call.truncated)).toEqual([false, true]);
  });

  it('faults the nth matching request only', async () => {
    emulator.script([{ when: { route: 'generateContent', nth: 2 }, fault: '429' }]);

    const outcomes = [await settle(generate()), await settle(generate()), await settle(generate())];

    expect(outcomes.map((outcome) => (outcome === 'ok' ? 200 : (outcome as ApiError).status))).toEqual([200, 429, 200]);
  });

  it('matches rules by path and model, and repeats them `times` times', async () => {
    emulator.script([{ when: { path: /countTokens$/, model: 'models/gemini-3-flash-preview' }, fault: '503', times: Infinity }]);

    const counted = [
      await settle(ai.models.countTokens({ model: 'gemini-3-flash-preview', contents: 'a' })),
      await settle(ai.models.countTokens({ model: 'gemini-3-flash-preview', contents: 'b' })),
      await settle(ai.models.countTokens({ model: MODEL, contents: 'c' })),
    ];

    expect(counted.map((outcome) => (outcome instanceof ApiError ? outcome.status : 'ok'))).toEqual([503, 503, 'ok']);
  });

  it('replays the same random faults for the same seed', async () => {
    const statuses = async (): Promise<number[]> => {
      const random = await startEmulator({ faultRate: 0.5, seed: 42 });
      try {
        const client = new GoogleGenAI({ apiKey: 'test-key', httpOptions: { baseUrl: random.url } });
        for (let index = 0; index < 12; index += 1) await settle(generate(client, `prompt ${index}`));
        await client.files.list(); // files are not on the default fault routes
        return random.requests.map((request) => request.status);
      } finally {
        await random.close();
      }
    };

    const first = await statuses();
    const second = await statuses();

    expect(second).toEqual(first);
    expect(first.slice(0, 12).some((status) => status !== 200)).toBe(true);
    expect(first.slice(0, 12).some((status) => status === 200)).toBe(true);
    expect(first.slice(0, 12).every((status) => [200, 429, 500, 503].includes(status))).toBe(true);
    expect(first.at(-1)).toBe(200);
  });

  it('lets the interactions client retry a 503 on its own', async () => {
    emulator.script([{ when: { route: 'createInteraction' }, fault: '503' }]);

    const interaction = await ai.interactions.create({ model: 'gemini-3-flash-preview', input: 'Hello there' });

    expect(interaction.status).toBe('completed');
    expect(emulator.requests.map((request) => request.status)).toEqual([503, 200]);
  });

  it('rejects a malformed rule', () => {
    expect(() => {
      emulator.script([{ fault: '418' as FaultKind }]);
    }).toThrow(InvalidArgumentError);
    expect(() => {
      emulator.script([{ when: { nth: 0 }, fault: '500' }]);
    }).toThrow(InvalidArgumentError);
  });
});
