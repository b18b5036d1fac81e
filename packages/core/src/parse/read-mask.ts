// Internal to parse/: reading an item's segmentation mask. Not re-exported by parse/index.ts.
import { decodeBase64 } from '../internal/base64';
import { describeValue } from '../internal/describe-value';
import { MASK_KEYS, pickKey, type ItemContext } from './read-item-fields';
import type { SegmentationMask } from './types';

const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A data URL header longer than this is not a header. */
const MAX_DATA_URL_HEADER_LENGTH = 200;
const SEGMENTATION_TOKEN = /<seg_(\d{1,9})>/g;

/**
 * Reads the item's mask: PNG bytes from a data URL or bare base64 (whitespace and URL-safe
 * alphabet tolerated), or `null` with an issue for anything else.
 */
export function readMask(raw: Readonly<Record<string, unknown>>, context: ItemContext): SegmentationMask | null {
  const picked = pickKey(raw, MASK_KEYS, context);
  if (picked === undefined) return reportMissing(context, 'has no `mask`');
  const { key, value } = picked;
  if (typeof value === 'string') return readMaskString(value, key, context);
  if (Array.isArray(value)) return readPolygon(value as readonly unknown[], key, context);
  return reportInvalid(context, `has ${describeValue(value)} in \`${key}\` instead of a base64 PNG`);
}

function readMaskString(text: string, key: string, context: ItemContext): SegmentationMask | null {
  const start = text.search(/\S/);
  if (start === -1) return reportMissing(context, `has an empty \`${key}\``);

  if (text.includes('<seg_') || text.includes('<start_of_mask>')) {
    const segmentationTokens = [...text.matchAll(SEGMENTATION_TOKEN)].map((match) => Number(match[1]));
    context.issues.push({
      code: 'unsupported-mask-encoding',
      severity: 'warning',
      itemIndex: context.index,
      encoding: 'segmentation-tokens',
      segmentationTokens,
      message: `Item ${context.index}'s mask is ${segmentationTokens.length} <seg_N> tokens, which need a VQ-VAE decoder this package does not have; kept its box. Gemini 2.5 Flash with thinking off usually returns PNG masks.`,
    });
    return null;
  }

  let payloadStart = start;
  let declaredMimeType: string | undefined;
  if (text.slice(start, start + 5).toLowerCase() === 'data:') {
    const comma = text.indexOf(',', start);
    if (comma === -1 || comma - start > MAX_DATA_URL_HEADER_LENGTH) {
      return reportInvalid(context, `has a data URL without a \`,\` in \`${key}\``);
    }
    const [mimeType = '', ...parameters] = text
      .slice(start + 5, comma)
      .split(';')
      .map((part) => part.trim().toLowerCase());
    if (!parameters.includes('base64')) {
      return reportInvalid(context, `has a data URL that is not base64-encoded in \`${key}\``);
    }
    declaredMimeType = mimeType;
    payloadStart = comma + 1;
  }

  const decoded = decodeBase64(text, payloadStart);
  if (!decoded.ok) {
    return reportInvalid(
      context,
      `has a \`${key}\` that is not valid base64 (${decoded.reason} at offset ${decoded.offset})`,
    );
  }
  const { bytes } = decoded;
  const sniffedMimeType = sniffImageMimeType(bytes);
  if (sniffedMimeType === 'image/png') {
    if (declaredMimeType !== undefined && declaredMimeType !== 'image/png') {
      context.issues.push({
        code: 'mask-mime-mismatch',
        severity: 'info',
        itemIndex: context.index,
        declaredMimeType,
        message: `Item ${context.index}'s mask is declared ${describeValue(declaredMimeType)} but is a PNG; used it as a PNG.`,
      });
    }
    return { encoding: 'png', bytes };
  }
  const mimeType =
    sniffedMimeType ??
    (declaredMimeType !== undefined && declaredMimeType !== 'image/png' && declaredMimeType !== ''
      ? declaredMimeType
      : undefined);
  if (mimeType !== undefined) {
    context.issues.push({
      code: 'unsupported-mask-encoding',
      severity: 'warning',
      itemIndex: context.index,
      encoding: 'non-png-image',
      mimeType,
      message: `Item ${context.index}'s mask is ${describeValue(mimeType)}, not a PNG; kept its box.`,
    });
    return null;
  }
  return reportInvalid(context, `has a \`${key}\` that decodes to ${bytes.length} bytes without a PNG signature`);
}

function readPolygon(value: readonly unknown[], key: string, context: ItemContext): SegmentationMask | null {
  const polygon = toPolygon(value);
  if (polygon === undefined) {
    return reportInvalid(context, `has ${describeValue(value)} in \`${key}\` that is neither a base64 PNG nor a polygon`);
  }
  context.issues.push({
    code: 'unsupported-mask-encoding',
    severity: 'warning',
    itemIndex: context.index,
    encoding: 'polygon',
    polygon,
    message: `Item ${context.index}'s mask is a polygon of ${polygon.length} points, which this version does not rasterize; kept its box and the points in this issue.`,
  });
  return null;
}

/** `[[a, b], …]` or a flat `[a, b, c, d, …]` of finite numbers, as pairs; `undefined` otherwise. */
function toPolygon(value: readonly unknown[]): (readonly [number, number])[] | undefined {
  if (value.length === 0) return undefined;
  const pairs: (readonly [number, number])[] = [];
  if (value.every((element) => typeof element === 'number')) {
    if (value.length % 2 !== 0) return undefined;
    for (let position = 0; position < value.length; position += 2) {
      const first = value[position];
      const second = value[position + 1];
      if (!isFiniteNumber(first) || !isFiniteNumber(second)) return undefined;
      pairs.push([first, second]);
    }
    return pairs;
  }
  for (const element of value) {
    if (!Array.isArray(element) || element.length !== 2) return undefined;
    const [first, second] = element as readonly unknown[];
    if (!isFiniteNumber(first) || !isFiniteNumber(second)) return undefined;
    pairs.push([first, second]);
  }
  return pairs;
}

function sniffImageMimeType(bytes: Uint8Array): string | undefined {
  if (PNG_SIGNATURE.every((byte, position) => bytes[position] === byte)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x38) return 'image/gif';
  const riff = bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[2] === 0x46 && bytes[3] === 0x46;
  const webp = bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50;
  if (riff && webp) return 'image/webp';
  return undefined;
}

function reportMissing(context: ItemContext, what: string): null {
  context.issues.push({
    code: 'missing-mask',
    severity: 'warning',
    itemIndex: context.index,
    message: `Item ${context.index} ${what}; kept its box with \`mask: null\`. Gemini 3 models return boxes only for segmentation prompts.`,
  });
  return null;
}

function reportInvalid(context: ItemContext, what: string): null {
  context.issues.push({
    code: 'invalid-mask',
    severity: 'error',
    itemIndex: context.index,
    message: `Item ${context.index} ${what}; kept its box with \`mask: null\`.`,
  });
  return null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
