// Micro-benchmarks of @gemini-vision/core. Run with `pnpm bench` in packages/core; the figures go
// into BENCHMARKS.md at the repository root.
import { cpus, loadavg } from 'node:os';

import { bench, do_not_optimize, group, run } from 'mitata';

import {
  adviseResize,
  estimateImageTokens,
  estimateRequestCost,
  resolveModel,
  type EstimateImageTokensOptions,
} from '../src/tokens/index';

interface EstimateCase {
  readonly size: { readonly width: number; readonly height: number };
  readonly options: EstimateImageTokensOptions;
}

const modelOptions: readonly EstimateImageTokensOptions[] = [
  { model: 'gemini-1.5-flash' },
  { model: 'gemini-2.0-flash' },
  { model: 'gemini-2.5-flash' },
  { model: 'gemini-2.5-flash', backend: 'vertex-ai' },
  { model: 'gemini-2.5-pro', mediaResolution: 'low' },
  { model: 'gemini-3-flash-preview' },
  { model: 'models/gemini-3.1-pro-preview', mediaResolution: 'medium' },
  { model: 'gemini-flash-latest', accounting: 'count-tokens' },
];

const sizes = [
  { width: 640, height: 480 },
  { width: 1024, height: 1024 },
  { width: 1920, height: 1080 },
  { width: 4032, height: 3024 },
  { width: 512, height: 2048 },
  { width: 100, height: 100 },
  { width: 3000, height: 500 },
  { width: 768, height: 1932 },
];

/** Every model setting × every size: 64 estimates per benchmark iteration. */
const mixedCases: readonly EstimateCase[] = modelOptions.flatMap((options) => sizes.map((size) => ({ size, options })));

function casesFor(options: EstimateImageTokensOptions): readonly EstimateCase[] {
  return sizes.map((size) => ({ size, options }));
}

/** 4,096 distinct pseudo-random sizes (100–6,000 px per side) over the same 8 settings: explanations are rarely cached. */
let seed = 0x9e3779b9;
function nextSide(): number {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return 100 + (seed % 5901);
}
const distinctCases: readonly EstimateCase[] = Array.from({ length: 4096 }, (_, index) => ({
  size: { width: nextSide(), height: nextSide() },
  options: modelOptions[index % modelOptions.length] ?? { model: 'gemini-2.5-flash' },
}));
let distinctOffset = 0;

const gridCases = casesFor({ model: 'gemini-3-flash-preview' });
const tiledCases = casesFor({ model: 'gemini-2.0-flash' });
const flatCases = casesFor({ model: 'gemini-2.5-flash' });

function estimateAll(cases: readonly EstimateCase[]): void {
  for (const { size, options } of cases) do_not_optimize(estimateImageTokens(size, options));
}

const perIteration = new Map<string, number>();

function benchCases(name: string, cases: readonly EstimateCase[]): void {
  perIteration.set(name, cases.length);
  bench(name, () => {
    estimateAll(cases);
  });
}

group('estimateImageTokens', () => {
  benchCases('mixed: 8 model settings × 8 sizes', mixedCases);
  perIteration.set('mixed: 8 settings × 4,096 distinct sizes (64 per iteration)', 64);
  bench('mixed: 8 settings × 4,096 distinct sizes (64 per iteration)', () => {
    for (let index = 0; index < 64; index += 1) {
      const item = distinctCases[(distinctOffset + index) & 4095];
      if (item !== undefined) do_not_optimize(estimateImageTokens(item.size, item.options));
    }
    distinctOffset = (distinctOffset + 64) & 4095;
  });
  benchCases('gemini-3 budget grid × 8 sizes', gridCases);
  benchCases('gemini-2.0 tiles + global × 8 sizes', tiledCases);
  benchCases('gemini-2.5 flat × 8 sizes', flatCases);
});

group('other token functions', () => {
  bench('resolveModel (cached)', () => {
    do_not_optimize(resolveModel('models/gemini-3.1-pro-preview'));
  });
  const hundredImages = Array.from({ length: 100 }, (_, index) => ({ size: sizes[index % sizes.length] ?? { width: 1, height: 1 } }));
  bench('estimateRequestCost: 100 images on gemini-3-flash-preview', () => {
    do_not_optimize(estimateRequestCost({ model: 'gemini-3-flash-preview', images: hundredImages, text: 'Describe each image.', outputTokens: 500 }));
  });
  bench('adviseResize: 4032×3024 on gemini-2.0-flash (scans 4032 sizes)', () => {
    do_not_optimize(adviseResize({ width: 4032, height: 3024 }, { model: 'gemini-2.0-flash' }));
  });
});

const { benchmarks } = await run();

console.log('');
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, load average ${loadavg()[0]?.toFixed(2) ?? '?'}`);
for (const trial of benchmarks) {
  const count = perIteration.get(trial.alias);
  const stats = trial.runs[0]?.stats;
  if (count === undefined || stats === undefined) continue;
  const millionsPerSecond = (nanoseconds: number): string => ((count / nanoseconds) * 1e3).toFixed(2);
  console.log(
    `${trial.alias}: ${millionsPerSecond(stats.avg)} million estimates/second on the mean (${(stats.avg / count).toFixed(1)} ns each), ${millionsPerSecond(stats.p50)} on the median`,
  );
}
