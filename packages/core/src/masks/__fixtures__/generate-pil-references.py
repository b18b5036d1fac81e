#!/usr/bin/env python3
"""Generates `pil-resize-references.json`: Pillow's own resize output, for bit-exact tests of
`resizeMaskBilinear` and `resizeMaskNearest`.

Run from anywhere (needs only Pillow; Debian: `apt-get install python3-pil`):

    /usr/bin/python3 packages/core/src/masks/__fixtures__/generate-pil-references.py

Two kinds of reference, both resized by `Image.resize(size, resample)` on mode "L" images:

- `cases`: small synthetic masks (random bytes, random binary, gradients, 1x1) resized up, down
  and mixed. Input and every output are stored in full, base64 of the row-major bytes.
- `realMasks`: the 51 real Gemini masks in the `cupcakes__segment__*.txt` fixtures beside this
  script. Each is resized to its cookbook pixel box on the 1024x1024 frame
  (`int(v / 1000 * 1024)`) and to a few other sizes; only a SHA-256 of the output bytes, its sum
  and its count of values > 127 are stored, to keep the file small.

The script is deterministic (fixed seed); rerunning it must reproduce the committed file byte for
byte with the same Pillow version.
"""

import base64
import hashlib
import io
import json
import pathlib
import random

import PIL
from PIL import Image

HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "pil-resize-references.json"
FRAME = (1024, 1024)  # width, height of cupcakes.jpg as sent to the model
RESPONSES = [
    "cupcakes__segment__gemini-2.5-pro-exp-03-25__cookbook-py.txt",
    "cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-py.txt",
    "cupcakes__segment__gemini-2.5-flash-preview-05-20__cookbook-ts.txt",
]
FILTERS = {"bilinear": Image.BILINEAR, "nearest": Image.NEAREST}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def random_bytes(rng: random.Random, width: int, height: int) -> bytes:
    return bytes(rng.randrange(256) for _ in range(width * height))


def random_binary(rng: random.Random, width: int, height: int) -> bytes:
    return bytes(255 if rng.random() < 0.5 else 0 for _ in range(width * height))


def blob(width: int, height: int) -> bytes:
    """A filled ellipse of 255 on 0, like a real mask."""
    cx, cy, rx, ry = width / 2, height / 2, width * 0.35, height * 0.3
    return bytes(
        255 if ((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1 else 0
        for y in range(height)
        for x in range(width)
    )


def gradient(width: int, height: int) -> bytes:
    return bytes((x * 37 + y * 11) % 256 for y in range(height) for x in range(width))


def synthetic_cases() -> list:
    rng = random.Random(20261121)
    inputs = [
        ("random 7x5", 7, 5, random_bytes(rng, 7, 5)),
        ("random binary 16x16", 16, 16, random_binary(rng, 16, 16)),
        ("gradient 13x9", 13, 9, gradient(13, 9)),
        ("single pixel 1x1", 1, 1, bytes([200])),
        ("random 3x1", 3, 1, random_bytes(rng, 3, 1)),
        ("random 64x48", 64, 48, random_bytes(rng, 64, 48)),
        ("ellipse 40x40", 40, 40, blob(40, 40)),
    ]
    sizes = {
        "random 7x5": [(7, 5), (14, 10), (3, 2), (1, 1), (20, 3), (5, 17), (7, 11), (2, 5), (100, 1)],
        "random binary 16x16": [(16, 16), (5, 5), (33, 33), (9, 23), (16, 7), (1, 16), (255, 2)],
        "gradient 13x9": [(6, 4), (26, 18), (13, 4), (39, 9), (4, 30)],
        "single pixel 1x1": [(1, 1), (5, 3), (2, 2)],
        "random 3x1": [(10, 4), (2, 1), (1, 3)],
        "random 64x48": [(37, 29), (21, 50), (64, 13), (3, 3), (97, 71), (17, 48)],
        "ellipse 40x40": [(13, 7), (11, 31), (57, 40), (40, 1)],
    }
    cases = []
    for name, width, height, data in inputs:
        image = Image.frombytes("L", (width, height), data)
        resized = []
        for filter_name, resample in FILTERS.items():
            for out_width, out_height in sizes[name]:
                out = image.resize((out_width, out_height), resample=resample)
                resized.append(
                    {
                        "filter": filter_name,
                        "width": out_width,
                        "height": out_height,
                        "data": b64(out.tobytes()),
                    }
                )
        cases.append({"name": name, "width": width, "height": height, "data": b64(data), "resized": resized})
    return cases


def strip_fence(text: str) -> str:
    start = text.index("```json") + len("```json")
    return text[start : text.index("```", start)]


def digest(image: Image.Image) -> dict:
    data = image.tobytes()
    return {
        "sha256": hashlib.sha256(data).hexdigest(),
        "sum": sum(data),
        "above127": sum(1 for value in data if value > 127),
    }


def real_masks() -> list:
    width, height = FRAME
    entries = []
    for file in RESPONSES:
        items = json.loads(strip_fence((HERE / file).read_text(encoding="utf-8")))
        for index, item in enumerate(items):
            y0, x0, y1, x1 = item["box_2d"]
            box = (int(x0 / 1000 * width), int(y0 / 1000 * height), int(x1 / 1000 * width), int(y1 / 1000 * height))
            png = base64.b64decode(item["mask"].removeprefix("data:image/png;base64,"))
            mask = Image.open(io.BytesIO(png))
            assert mask.mode == "L", (file, index, mask.mode)
            sizes = [(box[2] - box[0], box[3] - box[1])]
            if index < 2:  # a few other sizes, up and down, for the first masks of each file
                sizes += [(300, 17), (256, 100), (1, 1), (512, 512), (255, 257)]
            outputs = []
            for filter_name, resample in FILTERS.items():
                for out_width, out_height in sizes:
                    out = mask.resize((out_width, out_height), resample=resample)
                    outputs.append({"filter": filter_name, "width": out_width, "height": out_height, **digest(out)})
            entries.append({"file": file, "index": index, "box": list(box), "resized": outputs})
    return entries


def main() -> None:
    references = {
        "_note": "GENERATED by generate-pil-references.py; do not edit. Pillow Image.resize on mode L.",
        "pillow": PIL.__version__,
        "cases": synthetic_cases(),
        "realMasks": real_masks(),
    }
    OUTPUT.write_text(json.dumps(references, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {len(references['cases'])} cases, {len(references['realMasks'])} real masks")


if __name__ == "__main__":
    main()
