import type { BoxRepair } from '../geometry/repair-normalized-box';
import type { PointRepair } from './types';

/**
 * How much a {@link ParseIssue} matters.
 *
 * - `error`: something the model said was lost (an item dropped, a mask unreadable, no JSON at all).
 * - `warning`: kept, but changed or suspect (a box clamped, a number given as a string, a reply
 *   cut short whose complete items were recovered).
 * - `info`: a harmless normalization worth knowing (a wrapper object unwrapped, a key alias).
 *
 * @example
 * ```ts
 * const serious = parseDetections(text).issues.filter((issue) => issue.severity !== 'info');
 * ```
 */
export type ParseIssueSeverity = 'error' | 'warning' | 'info';

/**
 * A tolerance the JSON reader applied to text that is not strict JSON.
 *
 * - `trailing-comma`: `[1, 2,]`; `extra-comma`: `[1,, 2]` or `[, 1]`; `missing-comma`: `[{…} {…}]`.
 * - `comment`: `// …` or `/* … *\/`.
 * - `control-character`: a raw tab, newline or other U+0000–U+001F inside a string (kept as is).
 * - `single-quotes`: `'label'`; `unquoted-key`: `{label: "cat"}`.
 * - `python-literal`: `True`, `False`, `None`; `non-finite-literal`: `NaN`, `Infinity`.
 * - `non-standard-number`: `+1`, `.5`, `1.`, `01`.
 * - `invalid-escape`: a backslash escape JSON does not define, such as `\'` or `\x`.
 *
 * @example
 * ```ts
 * const repair: JsonRepair = 'trailing-comma';
 * ```
 */
export type JsonRepair =
  | 'trailing-comma'
  | 'extra-comma'
  | 'missing-comma'
  | 'comment'
  | 'control-character'
  | 'single-quotes'
  | 'unquoted-key'
  | 'python-literal'
  | 'non-finite-literal'
  | 'non-standard-number'
  | 'invalid-escape';

/**
 * How a mask was encoded when it was not a PNG, in a `unsupported-mask-encoding` issue.
 *
 * - `segmentation-tokens`: `<start_of_mask><seg_35>…` VQ codes (Gemini 2.5 Flash at times); they
 *   need a VQ-VAE decoder this package does not have.
 * - `polygon`: `[[a, b], …]` point lists (Gemini 3.5+, Robotics-ER 1.6); the axis order is not
 *   documented, so the points are passed on as given.
 * - `non-png-image`: a JPEG, GIF, WebP or other non-PNG image (see the issue's `mimeType`).
 *
 * @example
 * ```ts
 * const encoding: UnsupportedMaskEncoding = 'polygon';
 * ```
 */
export type UnsupportedMaskEncoding = 'segmentation-tokens' | 'polygon' | 'non-png-image';

/**
 * One problem found while turning model text into items, or one tolerance applied to it.
 *
 * @remarks
 * A discriminated union on {@link ParseIssue.code}; codes are stable and only ever added. Every
 * issue has a one-line human `message` (never bulk data) and `itemIndex` when it concerns one item
 * (the item's position in the model's list, as in the item's `index`).
 *
 * | code | severity | meaning |
 * |---|---|---|
 * | `empty-response` | error | the text is empty or whitespace |
 * | `no-json-found` | error | no JSON array or object in the text |
 * | `invalid-json` | error, or warning if items before the error were kept | a syntax error at `offset` |
 * | `truncated` | warning, or error if nothing was recovered | the text ends inside the JSON at `offset` |
 * | `scan-limit-reached` | warning | pathological input: the search for JSON stopped at `offset` |
 * | `json-repaired` | info | a non-JSON tolerance was applied (`repair`) |
 * | `multiple-candidates` | info | several JSON blocks; the one at `chosenOffset` was used |
 * | `not-an-array` | error | the JSON is neither a list, a known wrapper, nor a single item |
 * | `single-object` | info | one item object where a list was expected |
 * | `wrapper-unwrapped` | info | the list was taken from `{ "<key>": [...] }` |
 * | `empty-array` | info | the model returned an empty list |
 * | `item-not-an-object` | error | a list entry is not an object; dropped |
 * | `key-alias` | info | `count` items used `key` for `canonicalKey` |
 * | `numeric-string` | warning | a number was given as a string in `key` (`"390"`) |
 * | `missing-box` / `invalid-box` | error | no usable `box_2d`; item dropped |
 * | `box-repaired` | warning | the box was reordered, clamped or is degenerate (`repairs`) |
 * | `missing-label` | warning | no label; the item keeps `label: ''` |
 * | `invalid-label` | warning | a label that is not a string; numbers and booleans are stringified, anything else becomes `''` |
 * | `invalid-confidence` | warning | a confidence that is not a finite number; omitted |
 * | `missing-point` / `invalid-point` | error | no usable `[y, x]`; item dropped |
 * | `point-repaired` | warning | the point was clamped into 0..1000 (`repairs`) |
 * | `missing-mask` | warning | no mask; the item keeps its box and `mask: null` |
 * | `unsupported-mask-encoding` | warning | a mask this version cannot decode; `mask: null` |
 * | `invalid-mask` | error | a mask that is not valid base64 or not an image; `mask: null` |
 * | `mask-mime-mismatch` | info | a data URL declared another type but the bytes are PNG |
 * | `filtered-by-label` | info | `count` items dropped by `options.labels` |
 * | `max-items-exceeded` | info | `count` items dropped by `options.maxItems` |
 *
 * @example
 * ```ts
 * for (const issue of parseDetections(text).issues) {
 *   if (issue.code === 'box-repaired') console.warn(issue.itemIndex, issue.repairs);
 * }
 * ```
 */
export type ParseIssue =
  | {
      readonly code: 'empty-response' | 'no-json-found' | 'not-an-array';
      readonly severity: 'error';
      readonly message: string;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'invalid-json' | 'truncated';
      readonly severity: 'error' | 'warning';
      readonly message: string;
      /** UTF-16 offset in the text where the syntax error is, or where the text ends. */
      readonly offset: number;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'scan-limit-reached';
      readonly severity: 'warning';
      readonly message: string;
      /** UTF-16 offset at which the search for JSON stopped. */
      readonly offset: number;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'json-repaired';
      readonly severity: 'info';
      readonly message: string;
      /** The tolerance applied. */
      readonly repair: JsonRepair;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'multiple-candidates';
      readonly severity: 'info';
      readonly message: string;
      /** How many JSON candidates the text held. */
      readonly count: number;
      /** UTF-16 offset of the candidate that was used. */
      readonly chosenOffset: number;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'single-object' | 'empty-array';
      readonly severity: 'info';
      readonly message: string;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'wrapper-unwrapped';
      readonly severity: 'info';
      readonly message: string;
      /** The wrapper's key, e.g. `boxes`. */
      readonly key: string;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'key-alias';
      readonly severity: 'info';
      readonly message: string;
      /** The key the model used, e.g. `bbox`. */
      readonly key: string;
      /** The key it stands for, e.g. `box_2d`. */
      readonly canonicalKey: string;
      /** How many items used it. */
      readonly count: number;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code: 'filtered-by-label' | 'max-items-exceeded';
      readonly severity: 'info';
      readonly message: string;
      /** How many items were dropped. */
      readonly count: number;
      readonly itemIndex?: undefined;
    }
  | {
      readonly code:
        | 'item-not-an-object'
        | 'missing-box'
        | 'invalid-box'
        | 'missing-point'
        | 'invalid-point'
        | 'invalid-mask';
      readonly severity: 'error';
      readonly message: string;
      readonly itemIndex: number;
    }
  | {
      readonly code: 'missing-label' | 'invalid-label' | 'invalid-confidence' | 'missing-mask';
      readonly severity: 'warning';
      readonly message: string;
      readonly itemIndex: number;
    }
  | {
      readonly code: 'numeric-string';
      readonly severity: 'warning';
      readonly message: string;
      readonly itemIndex: number;
      /** The key whose value held the numeric string, e.g. `box_2d`. */
      readonly key: string;
    }
  | {
      readonly code: 'box-repaired';
      readonly severity: 'warning';
      readonly message: string;
      readonly itemIndex: number;
      /** What was repaired (the same list as the item's `repairs`). */
      readonly repairs: readonly BoxRepair[];
    }
  | {
      readonly code: 'point-repaired';
      readonly severity: 'warning';
      readonly message: string;
      readonly itemIndex: number;
      /** What was repaired (the same list as the item's `repairs`). */
      readonly repairs: readonly PointRepair[];
    }
  | {
      readonly code: 'unsupported-mask-encoding';
      readonly severity: 'warning';
      readonly message: string;
      readonly itemIndex: number;
      /** What the mask was instead of a PNG. */
      readonly encoding: UnsupportedMaskEncoding;
      /** For `polygon`: the pairs exactly as given (axis order unverified), for a later rasterizer. */
      readonly polygon?: readonly (readonly [number, number])[];
      /** For `segmentation-tokens`: the `N` of every `<seg_N>`, in order. */
      readonly segmentationTokens?: readonly number[];
      /** For `non-png-image`: the type sniffed from the bytes, or the one the data URL declared. */
      readonly mimeType?: string;
    }
  | {
      readonly code: 'mask-mime-mismatch';
      readonly severity: 'info';
      readonly message: string;
      readonly itemIndex: number;
      /** The MIME type the data URL declared. */
      readonly declaredMimeType: string;
    };

/**
 * The stable code of a {@link ParseIssue}.
 *
 * @example
 * ```ts
 * const code: ParseIssueCode = 'missing-mask';
 * ```
 */
export type ParseIssueCode = ParseIssue['code'];
