import type { MediaResolution } from '@gemini-vision/core';

import type { ThinkingControl } from '../models/resolve-model-profile';
import type { TaskPrompt } from '../prompts/build-task-prompt';

/** How an image reaches the model: inline base64 or a Files API reference. */
export type ImageReference =
  | { readonly kind: 'inline'; readonly data: string; readonly mimeType: string }
  | { readonly kind: 'file'; readonly uri: string; readonly mimeType: string };

/**
 * Where the prompt text goes relative to the images.
 *
 * - `auto`: after a single image on `generateContent` (the guide's tip for `contents`), before the
 *   images otherwise (multi-image prompts and the Interactions API, as the newer guide shows).
 * - `before-images` / `after-images`: always there.
 *
 * @example
 * ```ts
 * const placement: TextPlacement = 'after-images';
 * ```
 */
export type TextPlacement = 'auto' | 'before-images' | 'after-images';

/** Everything one model call needs, independent of the API that carries it. */
export interface RequestSpec {
  /** Model id. */
  readonly model: string;
  /** Prompt, system instruction and response format. */
  readonly prompt: TaskPrompt;
  /** The images, in order. */
  readonly images: readonly ImageReference[];
  /** Whether the text goes before or after the images (already resolved from `auto`). */
  readonly textFirst: boolean;
  /** Sampling temperature, or `undefined` for the model default. */
  readonly temperature: number | undefined;
  /** Output cap, thinking included. */
  readonly maxOutputTokens: number;
  /** Thinking setting to send, or `undefined` for none. */
  readonly thinking: ThinkingControl | undefined;
  /** Media resolution per image part (Gemini 3), or `undefined`. */
  readonly partMediaResolution: MediaResolution | undefined;
  /** Media resolution for the whole request (Gemini 1.5–2.5), or `undefined`. */
  readonly requestMediaResolution: MediaResolution | undefined;
}

/** Resolves `auto` text placement. */
export function resolveTextFirst(placement: TextPlacement, imageCount: number, api: 'generate-content' | 'interactions'): boolean {
  if (placement === 'before-images') return true;
  if (placement === 'after-images') return false;
  return !(imageCount === 1 && api === 'generate-content');
}
