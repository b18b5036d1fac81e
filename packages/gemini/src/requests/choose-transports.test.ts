import { describe, expect, it } from 'vitest';

import { CapabilityUnsupportedError, RequestLimitExceededError } from '@gemini-vision/core';

import { chooseTransports, type ChooseTransportsOptions } from './choose-transports';

const options: ChooseTransportsOptions = { model: 'gemini-2.5-flash', textBytes: 1000, inlineLimit: 'current', transport: 'auto', backend: 'gemini-api' };
const jpeg = (byteLength: number) => ({ mimeType: 'image/jpeg', byteLength });

describe('chooseTransports', () => {
  it('sends small images inline', () => {
    expect(chooseTransports([jpeg(1_000_000), jpeg(2_000_000)], options).transports).toEqual(['inline', 'inline']);
  });

  it('moves the largest images to the Files API until the rest fits (and mixes both)', () => {
    const { transports } = chooseTransports([jpeg(10_000_000), jpeg(70_000_000), jpeg(5_000_000)], options);

    expect(transports).toEqual(['inline', 'files-api', 'inline']);
  });

  it('uses the 20 MB legacy limit when asked', () => {
    const images = [jpeg(10_000_000), jpeg(8_000_000)];

    expect(chooseTransports(images, options).transports).toEqual(['inline', 'inline']);
    expect(chooseTransports(images, { ...options, inlineLimit: 'legacy' }).transports).toEqual(['files-api', 'inline']);
  });

  it('uploads everything when forced', () => {
    expect(chooseTransports([jpeg(10)], { ...options, transport: 'files-api' }).transports).toEqual(['files-api']);
  });

  it('refuses forced inline data over the limit', () => {
    expect(() => chooseTransports([jpeg(80_000_000)], { ...options, transport: 'inline' })).toThrow(RequestLimitExceededError);
  });

  it('refuses limits no transport can fix', () => {
    const call = () => chooseTransports([{ mimeType: 'image/gif', byteLength: 10 }], options);

    expect(call).toThrow(RequestLimitExceededError);
    expect(call).toThrow(/image\/gif/u);
  });

  it('refuses uploads on Vertex AI', () => {
    expect(() => chooseTransports([jpeg(80_000_000)], { ...options, backend: 'vertex-ai' })).toThrow(CapabilityUnsupportedError);
  });
});
