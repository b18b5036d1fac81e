// What captioning a folder of 3,000 images costs on each model, at standard and Batch API rates,
// before a single call. Sizes are as displayed (after EXIF orientation), e.g. from probeImages().
import { estimateRequestCost, type Size } from '@gemini-vision/core';

const folder: readonly { readonly size: Size; readonly count: number }[] = [
  { size: { width: 3024, height: 4032 }, count: 2000 }, // portrait phone photos
  { size: { width: 1170, height: 2532 }, count: 700 }, // phone screenshots
  { size: { width: 1920, height: 1080 }, count: 300 }, // video frames
];
const prompt = 'Write a one-sentence alt text for this image.';
const outputTokensPerImage = 40;

for (const model of ['gemini-2.0-flash', 'gemini-2.5-flash', 'gemini-3-flash-preview']) {
  let tokens = 0;
  let standard = 0;
  let batch = 0;
  for (const { size, count } of folder) {
    // One request per image: the prompt, the image and a short answer.
    const request = { model, images: [{ size }], text: prompt, outputTokens: outputTokensPerImage };
    const perImage = estimateRequestCost(request);
    const perImageBatch = estimateRequestCost({ ...request, batch: true });
    tokens += perImage.inputTokens * count;
    standard += (perImage.dollars?.total ?? Number.NaN) * count;
    batch += (perImageBatch.dollars?.total ?? Number.NaN) * count;
  }
  console.log(`${model}: ${tokens} input tokens, $${standard.toFixed(2)} standard, $${batch.toFixed(2)} batch`);
}
// => gemini-2.0-flash: 4783200 input tokens, $0.53 standard, $0.26 batch
// => gemini-2.5-flash: 810000 input tokens, $0.54 standard, $0.27 batch
// => gemini-3-flash-preview: 3248600 input tokens, $1.98 standard, $0.99 batch
