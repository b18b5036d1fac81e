// Node: decode Gemini 2.5 segmentation masks and place them on the image, the way the guide and
// the cookbook do: box_2d → pixels (floor), bilinear resize of the 256×256 PNG to the box,
// foreground where the value is > 127. Masks stay box-sized (crop-local) until you need more.
import { readFile } from 'node:fs/promises';

import { maskArea, parseSegmentations, placeSegmentationMask, toFullFrameMask } from '@gemini-vision/core';
import { createPngMaskDecoder } from '@gemini-vision/images';

// A real gemini-2.5-flash reply (fenced, as 2.x models do), trimmed to three items.
const reply = await readFile(new URL('./assets/cupcakes-segment-reply.txt', import.meta.url), 'utf8');
const sent = { width: 1024, height: 1024 }; // the image as sent; use a frame transform for the original

const decoder = createPngMaskDecoder();
const { items, issues } = parseSegmentations(reply);
for (const item of items) {
  if (item.mask === null) continue; // Gemini 3 answers with boxes only: the issues say so
  const decoded = await decoder.decodePng(item.mask.bytes); // 256×256, values 0 or 255
  const placed = placeSegmentationMask(decoded, item.box, sent);
  if (placed.degenerate) continue; // a box thinner than a pixel: nothing to place
  const { x0, y0, x1, y1 } = placed.box;
  console.log(`${item.label}: box ${x0},${y0}–${x1},${y1}, mask ${decoded.width}×${decoded.height} → ${placed.mask.width}×${placed.mask.height}, ${placed.area} px`);
}
const first = items[0];
if (first?.mask) {
  const full = toFullFrameMask(placeSegmentationMask(await decoder.decodePng(first.mask.bytes), first.box, sent));
  console.log(`full-frame mask ${full.width}×${full.height}, ${maskArea(full)} px`);
}
console.log(`${issues.length} issues`);
// => metal pot: box 404,159–592,370, mask 256×256 → 188×211, 23997 px
// => full-frame mask 1024×1024, 23997 px
