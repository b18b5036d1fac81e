import { UnknownModelError } from '../errors/unknown-model-error';
import type { GeminiBackend, ModelGeneration } from './types';

/**
 * The product line of a Gemini model, as it appears in the id after the version.
 *
 * `other` is a family word this package does not know (for example Gemini 4's `argon`); such a
 * model still resolves, with the generation's default rule and `inferred: true`.
 *
 * @example
 * ```ts
 * const family: ModelFamily = 'flash-lite';
 * ```
 */
export type ModelFamily =
  | 'pro'
  | 'pro-vision'
  | 'ultra'
  | 'flash'
  | 'flash-8b'
  | 'flash-lite'
  | 'flash-image'
  | 'flash-lite-image'
  | 'pro-image'
  | 'robotics-er'
  | 'computer-use'
  | 'other';

/**
 * Release stage read from the id: `-exp…` is `experimental`, `-preview…` is `preview`, a
 * `-latest` alias is `latest`, anything else `stable`.
 *
 * @example
 * ```ts
 * resolveModel('gemini-2.5-pro-exp-03-25').stage; // 'experimental'
 * ```
 */
export type ModelStage = 'stable' | 'preview' | 'experimental' | 'latest';

/**
 * What a model supports that changes image cost or request limits.
 *
 * @example
 * ```ts
 * resolveModel('gemini-3-pro-preview').capabilities.maxImagesPerRequest['vertex-ai']; // 900
 * ```
 */
export interface ModelCapabilities {
  /**
   * Most images one request may carry, per backend (count of image parts). Gemini API: 3,600 for
   * most models; Vertex AI lists 3,000 (900 for Gemini 3 Pro). Image-generation models accept
   * far fewer: 3 for Gemini 2.5 Flash Image, 14 for the Gemini 3 image models.
   */
  readonly maxImagesPerRequest: Readonly<Record<GeminiBackend, number>>;
  /** Whether a `mediaResolution` setting changes the image tokens (false for fixed-cost models). */
  readonly supportsMediaResolution: boolean;
  /** Whether `mediaResolution` may be set per image part (Gemini 3 and later only). */
  readonly supportsPerPartMediaResolution: boolean;
  /** Whether `ultra_high` (2,240-token budget, per part only) is available. */
  readonly supportsUltraHighMediaResolution: boolean;
}

/**
 * A model id resolved to the facts the estimators need: generation, family, capabilities and the
 * key of its price.
 *
 * @example
 * ```ts
 * const model: ResolvedModel = resolveModel('models/gemini-2.5-flash-preview-05-20');
 * model.generation; // '2.5'
 * ```
 */
export interface ResolvedModel {
  /** The id exactly as passed to {@link resolveModel}. */
  readonly input: string;
  /** The id lower-cased, trimmed, without a `models/` (or Vertex resource) prefix. */
  readonly id: string;
  /** Version and family without stage or date suffixes, e.g. `gemini-2.5-flash`. */
  readonly baseId: string;
  /** The version as Google writes it: `1.0`, `1.5`, `2.0`, `2.5`, `3`, `3.1`, `4`; for Robotics-ER its own version. */
  readonly version: string;
  /** The token-rule generation this model follows. */
  readonly generation: ModelGeneration;
  /** The product line. */
  readonly family: ModelFamily;
  /** Release stage read from the id. */
  readonly stage: ModelStage;
  /** For an alias such as `gemini-flash-latest`, the model it stood for on {@link MODEL_ALIASES_AS_OF}. */
  readonly aliasTarget: string | undefined;
  /** True when the generation or family was guessed by pattern (future major, unknown minor or family). */
  readonly inferred: boolean;
  /** Why the resolution is what it is, when that is not obvious from the id; otherwise `undefined`. */
  readonly note: string | undefined;
  /** Key into a {@link PriceTable}'s `entries`, e.g. `gemini-2.5-flash`. */
  readonly priceKey: string;
  /** What the model supports that changes cost or limits. */
  readonly capabilities: ModelCapabilities;
}

/**
 * The date {@link MODEL_ALIASES} reflects (ISO 8601). Google repoints `-latest` aliases without notice.
 *
 * @example
 * ```ts
 * console.log(`gemini-flash-latest meant ${MODEL_ALIASES['gemini-flash-latest']} on ${MODEL_ALIASES_AS_OF}`);
 * ```
 */
export const MODEL_ALIASES_AS_OF = '2026-06-02';

/**
 * Gemini ids that carry no version, and the model each stood for on {@link MODEL_ALIASES_AS_OF}.
 *
 * @remarks
 * - `gemini-flash-latest` → `gemini-3.5-flash` (GA 2026-05-19 and, per third-party reports,
 *   the alias target since then), `gemini-flash-lite-latest` → `gemini-3.1-flash-lite`,
 *   `gemini-pro-latest` → `gemini-3.1-pro-preview` (3 Pro Preview was retired 2026-03-09).
 *   These three all follow the Gemini 3 image rule, so only prices depend on the exact target.
 * - `gemini-pro`, `gemini-pro-vision`, `gemini-ultra`: the 2023 Gemini 1.0 names.
 * - `gemini-exp-1206`: the December 2024 experiment that became Gemini 2.0 Pro (inferred).
 *
 * @example
 * ```ts
 * MODEL_ALIASES['gemini-flash-latest']; // 'gemini-3.5-flash'
 * ```
 */
export const MODEL_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  'gemini-flash-latest': 'gemini-3.5-flash',
  'gemini-flash-lite-latest': 'gemini-3.1-flash-lite',
  'gemini-pro-latest': 'gemini-3.1-pro-preview',
  'gemini-pro': 'gemini-1.0-pro',
  'gemini-pro-vision': 'gemini-1.0-pro-vision',
  'gemini-ultra': 'gemini-1.0-ultra',
  'gemini-exp-1206': 'gemini-2.0-pro-exp',
});

/** Resolved ids are cached; the cache is cleared when it reaches this many entries. */
const CACHE_LIMIT = 512;

const cache = new Map<string, ResolvedModel>();

/**
 * Resolves a Gemini model id to its generation, family, capabilities and price key.
 *
 * @remarks
 * Accepts the ids people actually send: a `models/` prefix (or a full Vertex resource name, or
 * `google/`), upper case, `-latest`, `-preview`, `-preview-MM-DD`, `-preview-MM-YYYY`,
 * `-exp-MM-DD`, `-001`/`-002`, and aliases from {@link MODEL_ALIASES}. Ids are matched by
 * pattern, so future versions of a known generation resolve too: `gemini-3.8-flash` and
 * `gemini-3.7-flash-lite-preview-09-2026` are Gemini 3. Later majors (`gemini-4-…`) get the newest
 * known rule (Gemini 3) and `inferred: true`.
 *
 * Robotics-ER models follow the model they are built on: 1.6 and 2 are built on Gemini 3 Flash and
 * 3.5 Flash (model cards, 2026), so they resolve to Gemini 3 (documented basis; their image
 * tokens are not measured). Robotics-ER 1.5 resolves to Gemini 2.5 (inferred: it extends the
 * 2.0/2.5 backbone and shipped in the 2.5 era).
 *
 * Results are cached by the exact input string, so repeated calls cost one `Map` lookup.
 * Pure: no I/O.
 *
 * @param model - A Gemini model id, e.g. `gemini-2.5-flash` or `models/gemini-3-flash-preview`.
 * @returns The resolved model (frozen; shared between calls).
 * @throws {@link UnknownModelError} If `model` is not a Gemini id (`gpt-4o`, `gemma-3-27b-it`,
 * `''`, `gemini`, `gemini-embedding-001`).
 *
 * @example
 * ```ts
 * resolveModel('models/gemini-3-flash-preview').generation; // '3'
 * resolveModel('gemini-4-argon').inferred;                   // true
 * ```
 */
export function resolveModel(model: string): ResolvedModel {
  const cached = cache.get(model);
  if (cached !== undefined) return cached;

  const resolved = resolveUncached(model);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(model, resolved);
  return resolved;
}

const RESOURCE_PREFIX = /^(?:projects\/[^/]+\/locations\/[^/]+\/)?(?:publishers\/google\/)?models\/|^google\//;
const VERSIONED_ID = /^gemini-(?:(live)-)?(\d+)(?:\.(\d+))?-([a-z0-9][a-z0-9.]*(?:-[a-z0-9.]+)*)$/;
const ROBOTICS_ID = /^gemini-robotics-er-(\d+)(?:\.(\d+))?(?:-([a-z0-9.]+(?:-[a-z0-9.]+)*))?$/;
const FAMILY_WORD = /^[a-z]+$/;

function resolveUncached(input: unknown): ResolvedModel {
  if (typeof input !== 'string') throw new UnknownModelError(input as string);

  const id = input.trim().toLowerCase().replace(RESOURCE_PREFIX, '');
  const aliasTarget = MODEL_ALIASES[id];
  if (aliasTarget !== undefined) {
    const target = parseId(aliasTarget);
    if (target === undefined) throw new UnknownModelError(input);
    const aliasNote = `\`${id}\` stood for \`${aliasTarget}\` on ${MODEL_ALIASES_AS_OF}; Google repoints aliases without notice.`;
    return freezeModel({
      ...target,
      input,
      id,
      stage: id.endsWith('-latest') ? 'latest' : target.stage,
      aliasTarget,
      note: target.note === undefined ? aliasNote : `${aliasNote} ${target.note}`,
    });
  }

  const parsed = parseId(id);
  if (parsed === undefined) throw new UnknownModelError(input);
  return freezeModel({ ...parsed, input, id, aliasTarget: undefined });
}

type ParsedId = Omit<ResolvedModel, 'input' | 'id' | 'aliasTarget'>;

function parseId(id: string): ParsedId | undefined {
  const robotics = ROBOTICS_ID.exec(id);
  if (robotics !== null) return parseRoboticsId(robotics);

  const match = VERSIONED_ID.exec(id);
  if (match === null) return undefined;
  const [, live, majorText = '', minorText, rest = ''] = match;
  const major = Number(majorText);
  const minor = minorText === undefined ? 0 : Number(minorText);
  if (major < 1) return undefined;

  const words = rest.split('-');
  const family = readFamily(words);
  if (family === undefined) return undefined;

  const version = formatVersion(major, minor);
  const { generation, note: generationNote } = generationOf(major, minor, version);
  const familyWord = family === 'other' ? (words[0] ?? '') : family;
  const baseId = `gemini-${version}-${familyWord}`;
  const familyNote =
    family === 'other'
      ? `\`${familyWord}\` is not a family this package knows; the generation's default image rule applies.`
      : undefined;
  const notes = [generationNote, familyNote].filter((note) => note !== undefined);

  return {
    baseId,
    version,
    generation,
    family,
    stage: readStage(words),
    inferred: generationNote !== undefined || family === 'other',
    note: notes.length === 0 ? undefined : notes.join(' '),
    priceKey: baseId + readPriceVariant(words, live !== undefined),
    capabilities: capabilitiesOf(generation, family, version),
  };
}

function parseRoboticsId(match: RegExpExecArray): ParsedId {
  const [, majorText = '', minorText, rest] = match;
  const major = Number(majorText);
  const minor = minorText === undefined ? 0 : Number(minorText);
  const version = minorText === undefined ? majorText : `${majorText}.${minorText}`;
  const baseId = `gemini-robotics-er-${version}`;
  const words = rest === undefined ? [] : rest.split('-');

  let generation: ModelGeneration;
  let inferred: boolean;
  let note: string;
  if (major === 1 && minor === 6) {
    generation = '3';
    inferred = false;
    note = 'Gemini Robotics-ER 1.6 is built on Gemini 3 Flash (model card, April 2026), so it follows the Gemini 3 image rule; its image tokens are not measured.';
  } else if (major === 2 && minor === 0) {
    generation = '3';
    inferred = false;
    note = 'Gemini Robotics-ER 2 is built on Gemini 3.5 Flash (Robotics overview, 2026), so it follows the Gemini 3 image rule; its image tokens are not measured.';
  } else if (major === 1 && minor === 5) {
    generation = '2.5';
    inferred = true;
    note = 'Gemini Robotics-ER 1.5 extends the Gemini 2.0/2.5 backbone and shipped in the 2.5 era (September 2025); the Gemini 2.5 image rule is assumed.';
  } else if (major < 1 || (major === 1 && minor < 6)) {
    generation = '2.5';
    inferred = true;
    note = `Gemini Robotics-ER ${version} is not a known release; the Gemini 2.5 rule of Robotics-ER 1.5 is assumed.`;
  } else {
    generation = '3';
    inferred = true;
    note = `Gemini Robotics-ER ${version} is not a known release; the Gemini 3 rule of Robotics-ER 1.6 and 2 is assumed.`;
  }

  return {
    baseId,
    version,
    generation,
    family: 'robotics-er',
    stage: readStage(words),
    inferred,
    note,
    priceKey: baseId,
    capabilities: capabilitiesOf(generation, 'robotics-er', version),
  };
}

function readFamily(words: readonly string[]): ModelFamily | undefined {
  const [first = '', second] = words;
  const hasImage = words.includes('image');
  switch (first) {
    case 'pro':
      if (second === 'vision') return 'pro-vision';
      return hasImage ? 'pro-image' : 'pro';
    case 'flash':
      if (second === 'lite') return hasImage ? 'flash-lite-image' : 'flash-lite';
      if (second === '8b') return 'flash-8b';
      return hasImage ? 'flash-image' : 'flash';
    case 'ultra':
      return 'ultra';
    case 'computer':
      return second === 'use' ? 'computer-use' : 'other';
    default:
      return FAMILY_WORD.test(first) ? 'other' : undefined;
  }
}

function readStage(words: readonly string[]): ModelStage {
  if (words.includes('exp')) return 'experimental';
  if (words.includes('preview')) return 'preview';
  if (words.includes('latest')) return 'latest';
  return 'stable';
}

/** Speech, live and native-audio variants are priced apart from their base model. */
function readPriceVariant(words: readonly string[], live: boolean): string {
  if (words.includes('tts')) return '-tts';
  if (words.includes('native') || words.includes('audio')) return '-native-audio';
  if (live || words.includes('live')) return '-live';
  return '';
}

function formatVersion(major: number, minor: number): string {
  if (major >= 3) return minor === 0 ? String(major) : `${major}.${minor}`;
  return `${major}.${minor}`;
}

function generationOf(
  major: number,
  minor: number,
  version: string,
): { generation: ModelGeneration; note: string | undefined } {
  if (major === 1) {
    if (minor === 0 || minor === 5) return { generation: minor === 0 ? '1.0' : '1.5', note: undefined };
    const generation = minor < 5 ? '1.0' : '1.5';
    return { generation, note: `Gemini ${version} is not a known release; treated as Gemini ${generation}.` };
  }
  if (major === 2) {
    if (minor === 0 || minor === 5) return { generation: minor === 0 ? '2.0' : '2.5', note: undefined };
    const generation = minor < 5 ? '2.0' : '2.5';
    return { generation, note: `Gemini ${version} is not a known release; treated as Gemini ${generation}.` };
  }
  if (major === 3) return { generation: '3', note: undefined };
  return {
    generation: '3',
    note: `Gemini ${major} is newer than the measured rules; the newest known rule (Gemini 3 budget grid) is assumed, as Google's media-resolution page groups "Gemini 4 and Gemini 3 models".`,
  };
}

const DEFAULT_MAX_IMAGES = { 'gemini-api': 3600, 'vertex-ai': 3000 } as const;

function capabilitiesOf(
  generation: ModelGeneration,
  family: ModelFamily,
  version: string,
): ModelCapabilities {
  const isImageModel = family === 'flash-image' || family === 'pro-image' || family === 'flash-lite-image';
  const isGemini3 = generation === '3';

  let maxImagesPerRequest: Readonly<Record<GeminiBackend, number>> = DEFAULT_MAX_IMAGES;
  if (isImageModel) {
    const limit = isGemini3 ? 14 : 3;
    maxImagesPerRequest = { 'gemini-api': limit, 'vertex-ai': limit };
  } else if (family === 'pro-vision') {
    maxImagesPerRequest = { 'gemini-api': 16, 'vertex-ai': 16 };
  } else if (isGemini3 && family === 'pro' && (version === '3' || version === '3.1')) {
    maxImagesPerRequest = { 'gemini-api': 3600, 'vertex-ai': 900 };
  }

  return {
    maxImagesPerRequest: Object.freeze({ ...maxImagesPerRequest }),
    supportsMediaResolution: generation !== '1.0' && !isImageModel,
    supportsPerPartMediaResolution: isGemini3 && !isImageModel,
    supportsUltraHighMediaResolution: isGemini3 && !isImageModel,
  };
}

function freezeModel(model: ResolvedModel): ResolvedModel {
  Object.freeze(model.capabilities);
  return Object.freeze(model);
}
