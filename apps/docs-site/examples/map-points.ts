// Turn a saved pointing reply ([y, x] in 0..1000 of the image as sent) into pixels on the
// original image, which was resized to 800 px wide before sending (as the Robotics-ER quickstart does).
import { createFrameTransform, parsePoints } from '@gemini-vision/core';

// A real gemini-robotics-er-1.6-preview reply, first three items.
const reply = `[
  {"point": [263, 404], "label": "blue bowl"},
  {"point": [376, 298], "label": "clear bag of food"},
  {"point": [371, 622], "label": "brown bag"}
]`;

const frame = createFrameTransform({
  originalSize: { width: 1600, height: 1204 },
  steps: [{ type: 'resize', size: { width: 800, height: 602 } }],
});

for (const item of parsePoints(reply).items) {
  const [y, x] = item.point; // y first!
  const pixel = frame.normalizedPointToOriginal(item.point);
  console.log(`${item.label}: [y ${y}, x ${x}] → (${pixel.x.toFixed(1)}, ${pixel.y.toFixed(1)}) px`);
}
// => blue bowl: [y 263, x 404] → (646.4, 316.7) px
