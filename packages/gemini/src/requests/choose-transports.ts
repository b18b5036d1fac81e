import {
  CapabilityUnsupportedError,
  checkRequestLimits,
  RequestLimitExceededError,
  type GeminiBackend,
  type RequestLimitCheck,
} from '@gemini-vision/core';

/**
 * How images travel: `auto` chooses from the request size (inline while the base64 payload fits
 * the inline limit, the largest images through the Files API otherwise), `inline` or `files-api`
 * force one way.
 *
 * @example
 * ```ts
 * const transport: TransportSetting = 'files-api';
 * ```
 */
export type TransportSetting = 'auto' | 'inline' | 'files-api';

/** Options of {@link chooseTransports}. */
export interface ChooseTransportsOptions {
  readonly model: string;
  /** Bytes of everything but the images (prompt, system instruction, JSON). */
  readonly textBytes: number;
  /** `current` (100 MB of base64) or `legacy` (20 MB). */
  readonly inlineLimit: 'current' | 'legacy';
  readonly transport: TransportSetting;
  readonly backend: GeminiBackend;
}

/**
 * Decides, per image, inline data or a Files API upload, from core's `checkRequestLimits`.
 *
 * @remarks
 * Limits no transport can fix (too many images, an unsupported MIME type, a file over 2 GB) throw
 * {@link RequestLimitExceededError}. With `auto`, images move to the Files API largest first until
 * the inline payload fits; a multi-image request can mix both. Vertex AI has no Files API.
 *
 * @throws {@link RequestLimitExceededError} For hard limits, or `inline` that does not fit.
 * @throws {@link CapabilityUnsupportedError} If uploads would be needed on Vertex AI.
 */
export function chooseTransports(
  images: readonly { readonly mimeType: string; readonly byteLength: number }[],
  options: ChooseTransportsOptions,
): { readonly transports: readonly ('inline' | 'files-api')[]; readonly check: RequestLimitCheck } {
  const check = checkRequestLimits({
    model: options.model,
    images,
    textBytes: options.textBytes,
    inlineLimit: options.inlineLimit,
    backend: options.backend,
    transport: 'inline',
  });
  const hard = check.violations.filter((violation) => violation.code !== 'INLINE_PAYLOAD_TOO_LARGE');
  if (hard.length > 0) throw new RequestLimitExceededError({ violations: hard });

  const transports: ('inline' | 'files-api')[] = images.map(() => 'inline');
  if (options.transport === 'files-api') transports.fill('files-api');
  else if (!check.ok) {
    if (options.transport === 'inline') throw new RequestLimitExceededError({ violations: check.violations });
    let payload = check.inlinePayloadBytes;
    const largestFirst = images
      .map((image, index) => ({ index, base64: 4 * Math.ceil(image.byteLength / 3) }))
      .sort((a, b) => b.base64 - a.base64);
    for (const { index, base64 } of largestFirst) {
      if (payload <= check.inlinePayloadLimitBytes) break;
      transports[index] = 'files-api';
      payload -= base64;
    }
  }
  if (options.backend === 'vertex-ai' && transports.includes('files-api')) {
    throw new CapabilityUnsupportedError({
      model: options.model,
      capability: 'Files API uploads on Vertex AI',
      hint: 'Send smaller images (see `prepare`) so they fit inline, or use the Gemini API backend.',
    });
  }
  return { transports, check };
}
