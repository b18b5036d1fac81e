import { describe, expect, it } from 'vitest';

import { InvalidArgumentError } from '../errors/invalid-argument-error';
import {
  FILES_API_MAX_FILE_BYTES,
  INLINE_PAYLOAD_LIMIT_BYTES,
  LEGACY_INLINE_PAYLOAD_LIMIT_BYTES,
  MAX_IMAGES_PER_REQUEST,
  SUPPORTED_IMAGE_MIME_TYPES,
  checkRequestLimits,
} from './check-request-limits';

const jpeg = (byteLength: number) => ({ mimeType: 'image/jpeg', byteLength });

describe('checkRequestLimits', () => {
  it('accepts a small request and recommends inline data', () => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(300_000), { mimeType: 'image/png', byteLength: 10 }], textBytes: 120 });

    expect(check).toEqual({
      ok: true,
      violations: [],
      inlinePayloadBytes: 400_000 + 16 + 120,
      inlinePayloadLimitBytes: INLINE_PAYLOAD_LIMIT_BYTES,
      maxImages: MAX_IMAGES_PER_REQUEST,
      recommendedTransport: 'inline',
    });
  });

  it.each([
    { byteLength: 0, base64: 0 },
    { byteLength: 1, base64: 4 },
    { byteLength: 2, base64: 4 },
    { byteLength: 3, base64: 4 },
    { byteLength: 4, base64: 8 },
    { byteLength: 15_000_000, base64: 20_000_000 },
    { byteLength: 75_000_001, base64: 100_000_004 },
  ])('counts $byteLength bytes as $base64 bytes of base64', ({ byteLength, base64 }) => {
    expect(checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(byteLength)] }).inlinePayloadBytes).toBe(base64);
  });

  it.each([
    { model: 'gemini-2.5-flash', backend: 'gemini-api', limit: 3600 },
    { model: 'gemini-2.5-flash', backend: 'vertex-ai', limit: 3000 },
    { model: 'gemini-3-pro-preview', backend: 'vertex-ai', limit: 900 },
    { model: 'gemini-2.5-flash-image', backend: 'gemini-api', limit: 3 },
    { model: 'gemini-3-pro-image-preview', backend: 'gemini-api', limit: 14 },
  ] as const)('allows $limit images on $model ($backend) and flags one more', ({ model, backend, limit }) => {
    const atLimit = checkRequestLimits({ model, backend, images: Array.from({ length: limit }, () => jpeg(1000)) });
    const over = checkRequestLimits({ model, backend, images: Array.from({ length: limit + 1 }, () => jpeg(1000)) });

    expect(atLimit.ok).toBe(true);
    expect(over.ok).toBe(false);
    expect(over.violations).toEqual([
      { code: 'TOO_MANY_IMAGES', limit, actual: limit + 1, message: expect.stringMatching(/Split the images across requests/) as string },
    ]);
  });

  it.each(SUPPORTED_IMAGE_MIME_TYPES)('accepts %s', (mimeType) => {
    expect(checkRequestLimits({ model: 'gemini-3-flash-preview', images: [{ mimeType, byteLength: 100 }] }).ok).toBe(true);
  });

  it.each(['IMAGE/JPEG', 'image/png; charset=binary', ' image/webp '])('accepts the spelling %j', (mimeType) => {
    expect(checkRequestLimits({ model: 'gemini-3-flash-preview', images: [{ mimeType, byteLength: 100 }] }).ok).toBe(true);
  });

  it.each([
    { mimeType: 'image/gif', fix: /Convert it to PNG, JPEG or WebP/ },
    { mimeType: 'image/svg+xml', fix: /Convert it to PNG, JPEG or WebP/ },
    { mimeType: 'application/pdf', fix: /Convert it to PNG, JPEG or WebP/ },
    { mimeType: 'image/jpg', fix: /Label it `image\/jpeg`/ },
  ])('flags $mimeType with its index and a fix', ({ mimeType, fix }) => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(10), { mimeType, byteLength: 10 }] });

    expect(check.ok).toBe(false);
    expect(check.violations).toEqual([{ code: 'UNSUPPORTED_MIME_TYPE', index: 1, mimeType, message: expect.stringMatching(fix) as string }]);
  });

  it('flags an inline payload over 100 MB and recommends the Files API', () => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(80_000_000)] });

    expect(check.recommendedTransport).toBe('files-api');
    expect(check.violations).toEqual([
      {
        code: 'INLINE_PAYLOAD_TOO_LARGE',
        limit: INLINE_PAYLOAD_LIMIT_BYTES,
        actual: 106_666_668,
        message:
          'The inline payload is 106.7 MB after base64, over 100 MB (the limit since 2026-01-12). Upload the images with the Files API (up to 2 GB each, kept 48 h) and send file references instead.',
      },
    ]);
  });

  it('passes the same images when they go through the Files API', () => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(80_000_000)], transport: 'files-api' });

    expect(check).toMatchObject({ ok: true, recommendedTransport: 'files-api' });
  });

  it('checks the legacy 20 MB limit when asked', () => {
    const images = [jpeg(16_000_000)];

    expect(checkRequestLimits({ model: 'gemini-2.5-flash', images }).ok).toBe(true);
    expect(checkRequestLimits({ model: 'gemini-2.5-flash', images, inlineLimit: 'legacy' })).toMatchObject({
      ok: false,
      inlinePayloadLimitBytes: LEGACY_INLINE_PAYLOAD_LIMIT_BYTES,
      violations: [{ code: 'INLINE_PAYLOAD_TOO_LARGE', limit: 20_000_000 }],
    });
  });

  it('counts the text toward the inline limit', () => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(15_000_000)], textBytes: 1, inlineLimit: 'legacy' });

    expect(check.inlinePayloadBytes).toBe(20_000_001);
    expect(check.ok).toBe(false);
  });

  it('flags a file over the Files API limit, whatever the transport', () => {
    const check = checkRequestLimits({ model: 'gemini-2.5-flash', images: [jpeg(10), jpeg(2_100_000_000)], transport: 'files-api' });

    expect(check.violations).toEqual([
      { code: 'FILE_TOO_LARGE', index: 1, limit: FILES_API_MAX_FILE_BYTES, actual: 2_100_000_000, message: expect.stringMatching(/Downscale or recompress/) as string },
    ]);
  });

  it('reports every violation at once', () => {
    const images = [{ mimeType: 'image/gif', byteLength: 90_000_000 }, jpeg(10), jpeg(10), jpeg(10)];

    const check = checkRequestLimits({ model: 'gemini-2.5-flash-image', images });

    expect(check.violations.map((violation) => violation.code)).toEqual(['TOO_MANY_IMAGES', 'UNSUPPORTED_MIME_TYPE', 'INLINE_PAYLOAD_TOO_LARGE']);
  });

  it.each([
    { images: [{ mimeType: 'image/png', byteLength: -1 }], argument: 'images[0].byteLength' },
    { images: [{ mimeType: 'image/png', byteLength: 1.5 }], argument: 'images[0].byteLength' },
    { images: [{ mimeType: 'image/png' }], argument: 'images[0].byteLength' },
    { images: undefined, argument: 'options.images' },
  ])('rejects an invalid $argument', ({ images, argument }) => {
    const call = () => checkRequestLimits({ model: 'gemini-2.5-flash', images } as never);

    expect(call).toThrow(InvalidArgumentError);
    expect(call).toThrow(`\`${argument}\``);
  });

  it('rejects a negative textBytes', () => {
    expect(() => checkRequestLimits({ model: 'gemini-2.5-flash', images: [], textBytes: -1 })).toThrow('`options.textBytes`');
  });
});
