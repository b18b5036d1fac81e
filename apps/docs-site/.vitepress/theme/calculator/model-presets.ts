/** A model the calculator offers in its list, grouped by token-rule generation. */
export interface ModelPreset {
  /** The id passed to core, exactly as a request would name it. */
  readonly id: string;
  /** What the list shows. */
  readonly label: string;
}

/** A group of presets that share a token rule. */
export interface ModelPresetGroup {
  /** The group heading, e.g. `Gemini 2.5`. */
  readonly label: string;
  /** The models in it. */
  readonly models: readonly ModelPreset[];
}

/** The value of the model list's last entry: type any id instead. */
export const CUSTOM_MODEL = 'custom';

/** The model the calculator starts with. */
export const DEFAULT_MODEL = 'gemini-3-flash-preview';

/** At least one model of every generation, the image-generation models that bill flat, and aliases. */
export const MODEL_PRESET_GROUPS: readonly ModelPresetGroup[] = [
  {
    label: 'Gemini 3 and later (budget grid)',
    models: [
      { id: 'gemini-3-flash-preview', label: 'gemini-3-flash-preview' },
      { id: 'gemini-3.1-flash-lite', label: 'gemini-3.1-flash-lite' },
      { id: 'gemini-3.1-pro-preview', label: 'gemini-3.1-pro-preview' },
      { id: 'gemini-3.5-flash', label: 'gemini-3.5-flash' },
      { id: 'gemini-flash-latest', label: 'gemini-flash-latest (alias)' },
      { id: 'gemini-3-pro-image-preview', label: 'gemini-3-pro-image-preview (flat 560)' },
    ],
  },
  {
    label: 'Gemini 2.5 (flat on the Gemini API, tiles on Vertex AI)',
    models: [
      { id: 'gemini-2.5-flash', label: 'gemini-2.5-flash' },
      { id: 'gemini-2.5-flash-lite', label: 'gemini-2.5-flash-lite' },
      { id: 'gemini-2.5-pro', label: 'gemini-2.5-pro' },
      { id: 'gemini-2.5-flash-image', label: 'gemini-2.5-flash-image (flat 1290)' },
    ],
  },
  {
    label: 'Gemini 2.0 (crop tiles + 1)',
    models: [
      { id: 'gemini-2.0-flash', label: 'gemini-2.0-flash' },
      { id: 'gemini-2.0-flash-lite', label: 'gemini-2.0-flash-lite' },
    ],
  },
  {
    label: 'Gemini 1.x (crop tiles / flat)',
    models: [
      { id: 'gemini-1.5-flash', label: 'gemini-1.5-flash' },
      { id: 'gemini-1.5-pro', label: 'gemini-1.5-pro' },
      { id: 'gemini-1.0-pro-vision', label: 'gemini-1.0-pro-vision (flat 258)' },
    ],
  },
];
