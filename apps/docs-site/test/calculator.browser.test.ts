// The token calculator in real headless Chromium: the built static site, served from 127.0.0.1,
// running @gemini-vision/core in the page. Expected values come from calling core here in Node.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  estimateImageTokens,
  estimateRequestCost,
  type GeminiBackend,
  type MediaResolution,
  type Size,
} from '@gemini-vision/core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHROMIUM_PATH } from './ensure-chromium';
import { DIST_DIRECTORY, ensureSiteBuilt } from './ensure-site-built';
import { serveStatic, type StaticServer } from './serve-static';

const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/docs-site/', import.meta.url));
const PORTRAIT_JPEG = fileURLToPath(new URL('../examples/assets/portrait-orientation-6.jpg', import.meta.url));
const HEIC = fileURLToPath(new URL('__fixtures__/heif-enc-64x48.heic', import.meta.url));
const IMAGE_COUNT = 1000;

/** ecosystem.md §5: the flags Debian's chromium needs here (no sandbox as root, no network chatter). */
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Setting {
  readonly model: string;
  readonly backend: GeminiBackend;
  readonly mediaResolution?: MediaResolution;
  readonly size: Size;
}

/** At least one model of every generation, 2.5 on both backends, and Gemini 3 budgets. */
const TYPED_SETTINGS: readonly Setting[] = [
  { model: 'gemini-1.0-pro-vision', backend: 'gemini-api', size: { width: 1920, height: 1080 } },
  { model: 'gemini-1.5-flash', backend: 'gemini-api', size: { width: 4000, height: 3000 } },
  { model: 'gemini-2.0-flash', backend: 'gemini-api', size: { width: 960, height: 540 } },
  { model: 'gemini-2.5-flash', backend: 'gemini-api', size: { width: 3840, height: 2160 } },
  { model: 'gemini-2.5-flash', backend: 'vertex-ai', size: { width: 700, height: 1003 } },
  { model: 'gemini-2.5-pro', backend: 'gemini-api', mediaResolution: 'low', size: { width: 1024, height: 1024 } },
  { model: 'gemini-3-flash-preview', backend: 'gemini-api', size: { width: 1568, height: 728 } },
  { model: 'gemini-3.1-flash-lite', backend: 'vertex-ai', mediaResolution: 'ultra_high', size: { width: 4096, height: 512 } },
];

function expectedFor(setting: Setting): { tokens: number; standard: number | undefined; batch: number | undefined } {
  const { model, backend, mediaResolution, size } = setting;
  const tokens = estimateImageTokens(size, { model, backend, mediaResolution }).tokens;
  const perPart = mediaResolution === undefined ? {} : { mediaResolution };
  const request = model.startsWith('gemini-3')
    ? { model, backend, images: [{ size, ...perPart }] }
    : { model, backend, mediaResolution, images: [{ size }] };
  const standard = estimateRequestCost(request).dollars?.input;
  const batch = estimateRequestCost({ ...request, batch: true }).dollars?.input;
  return {
    tokens,
    standard: standard === undefined ? undefined : standard * IMAGE_COUNT,
    batch: batch === undefined ? undefined : batch * IMAGE_COUNT,
  };
}

let server: StaticServer | undefined;
let browser: Browser | undefined;
let page: Page;
let siteUrl = '';
const consoleErrors: string[] = [];

/** Waits until `selector`'s `attribute` equals `expected`; fails with the value it last had. */
async function waitForAttribute(selector: string, attribute: string, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([target, name, value]) => document.querySelector(target)?.getAttribute(name) === value,
      [selector, attribute, expected] as const,
      { timeout: 5000 },
    );
  } catch {
    const actual = await page.locator(selector).getAttribute(attribute).catch(() => null);
    expect(actual, `${selector}[${attribute}]`).toBe(expected);
  }
}

async function applySetting(setting: Setting): Promise<void> {
  await page.selectOption('#model', setting.model);
  await page.selectOption('#backend', setting.backend);
  await page.selectOption('#media-resolution', setting.mediaResolution ?? 'default');
  await page.fill('#width', String(setting.size.width));
  await page.fill('#height', String(setting.size.height));
}

async function numberAt(selector: string): Promise<number | undefined> {
  const value = await page.locator(selector).getAttribute('data-value');
  return value === null || value === '' ? undefined : Number(value);
}

beforeAll(async () => {
  ensureSiteBuilt();
  server = await serveStatic(DIST_DIRECTORY);
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: LAUNCH_ARGS });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  siteUrl = server.url;
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${siteUrl}/calculator.html`);
  // Hydrated: Vue has mounted the app, so the controls react.
  await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('token calculator', () => {
  it('renders core’s estimate for the default size before any input', async () => {
    const expected = estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview' });
    await waitForAttribute('#tokens', 'data-value', String(expected.tokens));
    expect(await page.locator('#rule').textContent()).toBe('budget-grid');
  });

  it.each(TYPED_SETTINGS)('shows core’s tokens and dollars for $model on $backend at $size.width×$size.height', async (setting) => {
    const expected = expectedFor(setting);
    await applySetting(setting);
    await waitForAttribute('#tokens', 'data-value', String(expected.tokens));
    expect(await numberAt('#total-tokens')).toBe(expected.tokens * IMAGE_COUNT);
    const standard = await numberAt('#dollars-standard');
    const batch = await numberAt('#dollars-batch');
    if (expected.standard === undefined) expect(standard).toBeUndefined();
    else expect(standard).toBeCloseTo(expected.standard, 12);
    if (expected.batch === undefined) expect(batch).toBeUndefined();
    else expect(batch).toBeCloseTo(expected.batch, 12);
    expect(await page.locator('#explanation').textContent()).toBe(
      estimateImageTokens(setting.size, setting).explanation,
    );
    expect(await page.locator('#error').count()).toBe(0);
  });

  it('reads size and EXIF orientation from a chosen file’s header and swaps the sides', async () => {
    await applySetting({ model: 'gemini-2.0-flash', backend: 'gemini-api', size: { width: 10, height: 10 } });
    await page.setInputFiles('#image-file', PORTRAIT_JPEG);
    const displayed = { width: 800, height: 1200 };
    const expected = estimateImageTokens(displayed, { model: 'gemini-2.0-flash' });
    await waitForAttribute('#tokens', 'data-value', String(expected.tokens));
    const sentence = await page.locator('#size-used').textContent();
    expect(sentence).toContain('Using 800 × 1,200 px, read from the header of portrait-orientation-6.jpg');
    expect(sentence).toContain('stored 1,200 × 800, EXIF orientation 6, so the sides are swapped');
    expect(await page.locator('#width').inputValue()).toBe('800');
    expect(await page.locator('.gv-frame img').count()).toBe(1);
    await page.screenshot({ path: `${ARTIFACTS}calculator-tiles.png`, fullPage: true });

    await page.selectOption('#model', 'gemini-3-flash-preview');
    const grid = estimateImageTokens(displayed, { model: 'gemini-3-flash-preview' });
    if (grid.rule !== 'budget-grid') throw new Error('expected the budget-grid rule');
    await waitForAttribute('#tokens', 'data-value', String(grid.tokens));
    await waitForAttribute('svg[data-kind]', 'data-columns', String(grid.columns));
    await waitForAttribute('svg[data-kind]', 'data-rows', String(grid.rows));
    await page.screenshot({ path: `${ARTIFACTS}calculator.png`, fullPage: true });
  });

  it('reads a HEIC header (which probe-image-size alone cannot) and draws a placeholder instead of the image', async () => {
    await page.selectOption('#model', 'gemini-3-flash-preview');
    await page.setInputFiles('#image-file', HEIC);
    const expected = estimateImageTokens({ width: 64, height: 48 }, { model: 'gemini-3-flash-preview' });
    await waitForAttribute('#tokens', 'data-value', String(expected.tokens));
    expect(await page.locator('#size-used').textContent()).toContain('Using 64 × 48 px, read from the header of heif-enc-64x48.heic (image/heic');
    expect(await page.locator('.gv-frame img').count()).toBe(0);
  });

  it('shows core’s typed error for a non-Gemini model id', async () => {
    await page.selectOption('#model', 'custom');
    await page.fill('#custom-model', 'gpt-4o');
    await waitForAttribute('#error', 'data-code', 'UNKNOWN_MODEL');
    expect(await page.locator('#error-name').textContent()).toBe('UnknownModelError');
    expect(await page.locator('#error-message').textContent()).toContain('but received "gpt-4o"');
    expect(await page.locator('#tokens').count()).toBe(0);

    await page.fill('#custom-model', 'gemini-3.7-flash');
    const size = { width: Number(await page.inputValue('#width')), height: Number(await page.inputValue('#height')) };
    const future = estimateImageTokens(size, { model: 'gemini-3.7-flash' });
    await waitForAttribute('#tokens', 'data-value', String(future.tokens));
  });

  it('shows core’s typed error for ultra_high before Gemini 3', async () => {
    await page.selectOption('#model', 'gemini-2.5-flash');
    await page.selectOption('#media-resolution', 'ultra_high');
    await waitForAttribute('#error', 'data-code', 'INVALID_ARGUMENT');
    await page.selectOption('#media-resolution', 'default');
    await waitForAttribute('#tokens', 'data-value', '258');
  });

});

describe('how tokens are counted', () => {
  it('draws every figure from core’s estimate, server-rendered and hydrated', async () => {
    await page.goto(`${siteUrl}/guide/how-tokens-are-counted.html`);
    await page.waitForFunction(() => (document.querySelector('#app') as { __vue_app__?: unknown } | null)?.__vue_app__ !== undefined);
    const figures = page.locator('figure.gv-figure');
    expect(await figures.count()).toBeGreaterThanOrEqual(10);
    const grid = estimateImageTokens({ width: 1920, height: 1080 }, { model: 'gemini-3-flash-preview' });
    const tiles = estimateImageTokens({ width: 960, height: 540 }, { model: 'gemini-2.0-flash' });
    const captions = (await figures.locator('figcaption').allTextContents()).join('\n');
    expect(captions).toContain(`= ${grid.tokens} tokens (B = 1120)`);
    expect(captions).toContain(`+ 1 global view × 258 = ${tiles.tokens} tokens`);
    await page.screenshot({ path: `${ARTIFACTS}how-tokens-are-counted.png`, fullPage: true });
    await page.locator('.gv-figures').nth(1).screenshot({ path: `${ARTIFACTS}figures-gemini-2.0.png` });
    await page.locator('.gv-figures').last().screenshot({ path: `${ARTIFACTS}figures-gemini-3.png` });
  });
});

describe('the pages', () => {
  it('log no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('ship no Node built-ins, sharp or pngjs to the browser', () => {
    const assets = join(DIST_DIRECTORY, 'assets');
    const scripts = readdirSync(assets, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
    // An import of one of these, or Vite's stub for a Node built-in imported by browser code.
    const nodeOnly = /\b(?:from|import)\s*\(?\s*["'](?:node:[\w/]+|fs|path|zlib|stream|module|sharp|pngjs)["']|__vite-browser-external/u;

    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((name) => nodeOnly.test(readFileSync(join(assets, name), 'utf8')))).toEqual([]);
  });
});

mkdirSync(ARTIFACTS, { recursive: true });
