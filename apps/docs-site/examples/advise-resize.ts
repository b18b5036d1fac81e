// Should you downscale a 12-megapixel photo before sending it? It depends on the generation.
import { adviseResize } from '@gemini-vision/core';

const photo = { width: 4032, height: 3024 };

for (const model of ['gemini-2.0-flash', 'gemini-2.5-flash', 'gemini-3-flash-preview']) {
  const advice = adviseResize(photo, { model, minSide: 768 });
  const { size, tokens, tokensSaved } = advice.recommended;
  console.log(`${model}: send ${size.width}×${size.height} (${tokens} tokens, saves ${tokensSaved})`);
  console.log(`  ${advice.summary}`);
}
// => gemini-2.0-flash: send 1536×1152 (1290 tokens, saves 0)
// => gemini-2.5-flash: send 4032×3024 (258 tokens, saves 0)
// => gemini-3-flash-preview: send 1216×912 (1064 tokens, saves 0)
