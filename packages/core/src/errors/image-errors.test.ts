import { describe, expect, it } from 'vitest';

import { GeminiVisionError } from './gemini-vision-error';
import { ImageDecodeError } from './image-decode-error';
import { describeImageSource } from './image-error-source';
import { ImageTooLargeError } from './image-too-large-error';
import { ImageUnreadableError } from './image-unreadable-error';
import { ImageUnsupportedFormatError } from './image-unsupported-format-error';
import { UnsafePathError } from './unsafe-path-error';

describe('describeImageSource', () => {
  it.each([
    { source: 'photos/cat.jpg', text: '`photos/cat.jpg`' },
    { source: { byteLength: 2048 }, text: 'a 2048-byte buffer' },
    { source: { stream: true as const }, text: 'a stream' },
  ])('describes $source as $text', ({ source, text }) => {
    expect(describeImageSource(source)).toBe(text);
  });
});

describe('image errors', () => {
  it.each([
    {
      error: new ImageUnreadableError({ source: 'empty.jpg', reason: 'it is empty (0 bytes)', hint: 'Pass an image.' }),
      code: 'IMAGE_UNREADABLE',
      name: 'ImageUnreadableError',
      message: 'Could not read the image `empty.jpg`: it is empty (0 bytes). Pass an image.',
      source: 'empty.jpg',
    },
    {
      error: new ImageUnsupportedFormatError({ source: { byteLength: 12 }, detected: 'a TIFF image' }),
      code: 'IMAGE_UNSUPPORTED_FORMAT',
      name: 'ImageUnsupportedFormatError',
      message: 'Could not use the image a 12-byte buffer: it is a TIFF image, which is not supported here.',
      source: 'a 12-byte buffer',
    },
    {
      error: new ImageUnsupportedFormatError({ source: { stream: true } }),
      code: 'IMAGE_UNSUPPORTED_FORMAT',
      name: 'ImageUnsupportedFormatError',
      message: 'Could not recognise the image a stream: its bytes match no supported image format.',
      source: 'a stream',
    },
    {
      error: new ImageTooLargeError({ source: 'bomb.png', width: 100_000, height: 100_000, pixelLimit: 268_402_689 }),
      code: 'IMAGE_TOO_LARGE',
      name: 'ImageTooLargeError',
      message:
        'Expected at most 268402689 pixels for the image `bomb.png`, but its header claims 100000×100000 (10000000000 pixels). Downscale it with another tool, or raise the `maxPixels` option if you trust the file.',
      source: 'bomb.png',
    },
    {
      error: new ImageDecodeError({ source: 'cut.jpg', codec: 'sharp', cause: new Error('VipsJpeg: premature end of JPEG file\nmore') }),
      code: 'IMAGE_DECODE_FAILED',
      name: 'ImageDecodeError',
      message: 'Could not decode the image `cut.jpg` with the `sharp` codec: VipsJpeg: premature end of JPEG file.',
      source: 'cut.jpg',
    },
  ])('$name carries code $code, the source and a one-line message', ({ error, code, name, message, source }) => {
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
    expect(error.source).toBe(source);
    expect(GeminiVisionError.isInstance(error)).toBe(true);
  });

  it('keeps the cause and tells the classes apart', () => {
    const cause = new Error('EACCES');
    const unreadable = new ImageUnreadableError({ source: 'a.jpg', reason: 'permission denied', cause });

    expect(unreadable.cause).toBe(cause);
    expect(ImageUnreadableError.isInstance(unreadable)).toBe(true);
    expect(ImageDecodeError.isInstance(unreadable)).toBe(false);
    expect(ImageTooLargeError.isInstance(new Error('x'))).toBe(false);
  });

  it('UnsafePathError names the path and directory without dumping long input', () => {
    const error = new UnsafePathError({ name: '../'.repeat(40), directory: 'out', reason: 'it climbs out of the directory with `..`' });

    expect(error.code).toBe('UNSAFE_PATH');
    expect(error.message).toBe(
      'Expected a file name that stays inside `out`, but received a string of length 120: it climbs out of the directory with `..`. Pass the name through safeFileName() first.',
    );
    expect(error.path).toBe('../'.repeat(40));
    expect(UnsafePathError.isInstance(error)).toBe(true);
  });
});
