import { describe, expect, it } from 'vitest';

import { createMemoryStream } from '../../test/memory-io';
import { createProgress } from './create-progress';

describe('createProgress', () => {
  it('draws nothing on a stream that is not a terminal', () => {
    const stream = createMemoryStream({ isTTY: false });
    let time = 0;
    const progress = createProgress(stream, { total: 100, label: 'probing', now: () => (time += 1000) });

    for (let index = 0; index < 100; index += 1) progress.tick();
    progress.done();

    expect(stream.text()).toBe('');
  });

  it('draws nothing when the work ends before the delay', () => {
    const stream = createMemoryStream({ isTTY: true });
    const progress = createProgress(stream, { total: 100, label: 'probing', now: () => 10 });

    for (let index = 0; index < 100; index += 1) progress.tick();
    progress.done();

    expect(stream.text()).toBe('');
  });

  it('draws a bar on a terminal once the work is long, at most ten times a second, and erases it', () => {
    const stream = createMemoryStream({ isTTY: true });
    let time = 0;
    const progress = createProgress(stream, { total: 10, label: 'probing', delayMs: 250, now: () => time });

    for (let index = 0; index < 10; index += 1) {
      time += 60;
      progress.tick();
    }
    progress.done();

    const frames = stream.text().split('\r').filter((frame) => frame !== '');
    expect(frames[0]).toBe(`probing ${'█'.repeat(12)}${'░'.repeat(12)} 5/10 (50%)\u001b[K`);
    expect(frames.at(-1)).toBe('\u001b[K');
    expect(frames).toHaveLength(4);
  });
});
