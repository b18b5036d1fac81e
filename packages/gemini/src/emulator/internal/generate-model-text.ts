import { encodeGrayscalePng } from './encode-grayscale-png';
import { generateFromSchema } from './generate-from-schema';
import { type ModelCall, promptTextOf } from './model-call';
import { createSeededRandom, type SeededRandom, seedFromText } from './seeded-random';

/** What a generated reply answers. */
export type GeneratedReplyKind = 'segment' | 'detect' | 'point' | 'schema' | 'caption';

/** A generated reply. */
export interface GeneratedReply {
  /** What the prompt asked for. */
  readonly kind: GeneratedReplyKind;
  /** The model's text. */
  readonly text: string;
}

/** Side of the square mask PNGs, like Gemini 2.5's. */
export const GENERATED_MASK_SIDE_PX = 256;

const DEFAULT_ITEM_LIMIT = 5;

/**
 * Generates a deterministic reply from what the prompt asks for: the same model, prompt and images
 * always give the same text.
 *
 * - a response schema → JSON that follows it;
 * - "segmentation mask" / "segment" → boxes with 256×256 grayscale PNG masks (boxes only on
 *   Gemini 3, which returns no masks);
 * - pointing prompts → `[{"point": [y, x], "label"}]`;
 * - detection prompts → `[{"box_2d": [ymin, xmin, ymax, xmax], "label"}]`;
 * - anything else → a short caption.
 *
 * JSON lists are fenced in ```` ```json ```` on models before Gemini 3 unless JSON output was
 * requested, as the real models do.
 */
export function generateModelText(call: ModelCall): GeneratedReply {
  const prompt = promptTextOf(call);
  const random = createSeededRandom(
    seedFromText([call.resolved.id, prompt, ...call.images.map((image) => image.sha256)].join('\u0000')),
  );
  if (call.schema !== undefined) {
    return { kind: 'schema', text: JSON.stringify(generateFromSchema(call.schema, random, '')) };
  }
  const kind = classifyPrompt(prompt);
  const label = findSubject(call.texts.join('\n'));
  const count = Math.min(findItemLimit(prompt), random.integer(2, 4));
  switch (kind) {
    case 'segment': {
      const withMasks = call.resolved.generation !== '3';
      const lines = layOutBoxes(count, random).map((box, index) => {
        const mask = withMasks ? `, "mask": "${encodeMaskDataUrl(random)}"` : '';
        return `{"box_2d": [${box.join(', ')}]${mask}, "label": ${JSON.stringify(numberedLabel(label, index, count))}}`;
      });
      return { kind, text: formatList(lines, call) };
    }
    case 'detect': {
      const lines = layOutBoxes(count, random).map(
        (box, index) => `{"box_2d": [${box.join(', ')}], "label": ${JSON.stringify(numberedLabel(label, index, count))}}`,
      );
      return { kind, text: formatList(lines, call) };
    }
    case 'point': {
      const lines = layOutBoxes(count, random).map((box, index) => {
        const y = Math.round((box[0] + box[2]) / 2);
        const x = Math.round((box[1] + box[3]) / 2);
        return `{"point": [${y}, ${x}], "label": ${JSON.stringify(numberedLabel(label, index, count))}}`;
      });
      return { kind, text: formatList(lines, call) };
    }
    case 'caption':
      return { kind: 'caption', text: caption(call) };
  }
}

/** Classifies a prompt by the words the guide's prompts use. */
export function classifyPrompt(prompt: string): Exclude<GeneratedReplyKind, 'schema'> {
  if (/segmentation mask|\bsegment(s|ing)?\b/i.test(prompt)) return 'segment';
  if (/\bpoint to\b|"point"|\[y, ?x\]|\bpoints?\b.*\bnormalized\b/i.test(prompt)) return 'point';
  if (/bounding box|box_2d|\bdetect|\blocate\b|\bpositions? of\b|draw a (square|box|rectangle)/i.test(prompt)) return 'detect';
  return 'caption';
}

type Box = readonly [number, number, number, number];

/** Lays `count` boxes out on a grid over 0..1000, one per cell, with random margins. */
function layOutBoxes(count: number, random: SeededRandom): Box[] {
  const columns = Math.ceil(Math.sqrt(count));
  const rows = Math.ceil(count / columns);
  const cellWidth = Math.floor(1000 / columns);
  const cellHeight = Math.floor(1000 / rows);
  return Array.from({ length: count }, (_, index): Box => {
    const top = Math.floor(index / columns) * cellHeight;
    const left = (index % columns) * cellWidth;
    const ymin = top + random.integer(Math.floor(cellHeight * 0.05), Math.floor(cellHeight * 0.2));
    const xmin = left + random.integer(Math.floor(cellWidth * 0.05), Math.floor(cellWidth * 0.2));
    const ymax = top + cellHeight - random.integer(Math.floor(cellHeight * 0.05), Math.floor(cellHeight * 0.2));
    const xmax = left + cellWidth - random.integer(Math.floor(cellWidth * 0.05), Math.floor(cellWidth * 0.2));
    return [ymin, xmin, ymax, xmax];
  });
}

/** A filled ellipse (255 inside, 0 outside) on a 256×256 frame, as a PNG data URL. */
function encodeMaskDataUrl(random: SeededRandom): string {
  const side = GENERATED_MASK_SIDE_PX;
  const radiusX = (side / 2) * (0.6 + random.next() * 0.35);
  const radiusY = (side / 2) * (0.6 + random.next() * 0.35);
  const center = side / 2;
  const pixels = new Uint8Array(side * side);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const dx = (x + 0.5 - center) / radiusX;
      const dy = (y + 0.5 - center) / radiusY;
      if (dx * dx + dy * dy <= 1) pixels[y * side + x] = 255;
    }
  }
  return `data:image/png;base64,${Buffer.from(encodeGrayscalePng(side, side, pixels)).toString('base64')}`;
}

function formatList(lines: readonly string[], call: ModelCall): string {
  const list = `[\n${lines.map((line) => `  ${line}`).join(',\n')}\n]`;
  const jsonMode = call.responseMimeType?.toLowerCase().startsWith('application/json') === true;
  return jsonMode || call.resolved.generation === '3' ? list : `\`\`\`json\n${list}\n\`\`\``;
}

function caption(call: ModelCall): string {
  const [first] = call.images;
  if (first === undefined) {
    const prompt = call.texts.join(' ').replace(/\s+/g, ' ').trim();
    return `Emulated reply to: "${prompt.length > 80 ? `${prompt.slice(0, 77)}...` : prompt}"`;
  }
  const shape = first.width === first.height ? 'square' : first.width > first.height ? 'landscape' : 'portrait';
  const more = call.images.length > 1 ? ` and ${call.images.length - 1} more image(s)` : '';
  return `A ${shape} ${first.width}×${first.height} image${more}. (Emulated reply: no model looked at it.)`;
}

const SUBJECT_PATTERNS = [
  /\b(?:segment|detect|find|locate|point to|positions of)\s+(?:(?:all|the|every|each)\s+)*([a-z][a-z-]+)/gi,
  /\b(?:of|for)\s+(?:(?:all|the|every|each)\s+)+([a-z][a-z-]+)/gi,
];
const NOT_A_SUBJECT = /^(the|a|an|all|every|each|this|these|2d|bounding|boxes|segmentation|masks?|no|more|items?|objects?|image|positions?)$/;

/** The object the prompt asks about, singular ("cupcakes" → "cupcake"), else `object`. */
function findSubject(prompt: string): string {
  for (const pattern of SUBJECT_PATTERNS) {
    for (const match of prompt.matchAll(pattern)) {
      const word = match[1]?.toLowerCase();
      if (word === undefined || NOT_A_SUBJECT.test(word)) continue;
      return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
    }
  }
  return 'object';
}

function numberedLabel(label: string, index: number, count: number): string {
  return count === 1 ? label : `${label} ${index + 1}`;
}

function findItemLimit(prompt: string): number {
  const match = /\b(?:no more than|at most|up to|limit to|maximum of)\s+(\d{1,3})\b/i.exec(prompt);
  const limit = match?.[1] === undefined ? DEFAULT_ITEM_LIMIT : Number(match[1]);
  return Math.max(1, limit);
}
