// Turn a saved Gemini detection reply into pixel boxes on the ORIGINAL photo, after the photo was
// auto-oriented (EXIF 6) and resized before sending. box_2d is [ymin, xmin, ymax, xmax] in 0..1000
// of the image as sent.
import { createFrameTransform, parseDetections } from '@gemini-vision/core';

// A real reply from gemini-3-flash-preview (the cookbook's cupcakes), first three items.
const reply = `[
  {"box_2d": [393, 67, 574, 206], "label": "red sprinkle topping"},
  {"box_2d": [379, 248, 539, 370], "label": "pink swirl topping with sprinkles"},
  {"box_2d": [365, 396, 502, 503], "label": "light pink swirl topping"}
]`;

// The original file is stored 4032×3024 with EXIF orientation 6 (a portrait phone photo,
// displayed 3024×4032); it was auto-oriented and resized to 768×1024 before sending.
const original = { originalSize: { width: 4032, height: 3024 }, orientation: 6 } as const;
const steps = [{ type: 'resize', size: { width: 768, height: 1024 } }] as const;
const displayed = createFrameTransform({ ...original, steps }); // boxes on the photo as people see it
const stored = createFrameTransform({ ...original, steps, originalSpace: 'stored' }); // for tools that ignore EXIF

const { items, issues } = parseDetections(reply);
for (const item of items) {
  const box = displayed.normalizedBoxToOriginal(item.box);
  const raw = stored.normalizedBoxToOriginal(item.box);
  console.log(`${item.label}: displayed x ${box.x0}–${box.x1}, y ${box.y0}–${box.y1}; stored x ${raw.x0}–${raw.x1}, y ${raw.y0}–${raw.y1}`);
}
console.log(`${items.length} boxes, ${issues.length} issues`);
// => red sprinkle topping: displayed x 202–622, y 1584–2314; stored x 1584–2314, y 2401–2821
// => 3 boxes, 0 issues
