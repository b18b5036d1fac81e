#!/usr/bin/python3
"""Segmentation-mask pipelines in Python: model reply text -> one full-frame binary mask per item.

    /usr/bin/python3 bench/peers/mask-pipeline.py REPLY.txt --mode guide|cookbook|numpy
        [--width 1024 --height 1024] [--seconds 3] [--digests OUT.tsv]

Modes:
- `guide`: the Python sample of Google's "Image understanding" guide (`extract_segmentation_masks`,
  seeds/000 lines 480-560): parse_json, json.loads, int() boxes, base64 -> PIL, resize BILINEAR to
  the box, then a per-pixel Python loop drawing the pixels `> 128` into a full-size RGBA overlay.
  The API call, the alpha_composite and the PNG saves are left out (they would only slow it down).
- `cookbook`: the cookbook's `parse_segmentation_masks` (research/spatial.md 4.1) verbatim: int()
  boxes, PIL BILINEAR resize, pasted into a full-frame uint8 array; then `> 127`, the threshold its
  `plot_segmentation_masks` uses.
- `numpy`: a vectorised version that works on the box only: the same decode and BILINEAR resize,
  `np.asarray(mask) > 127` on the box, pasted into a full-frame bool array.

Prints one JSON line: items per run, runs, seconds, items per second. `--digests` writes, per item,
the foreground pixel count and the SHA-1 of `np.packbits` of its full-frame mask (row-major).
"""
import argparse
import base64
import hashlib
import io
import json
import time

import numpy as np
from PIL import Image, ImageDraw

parser = argparse.ArgumentParser()
parser.add_argument("reply")
parser.add_argument("--mode", choices=["guide", "cookbook", "numpy"], required=True)
parser.add_argument("--width", type=int, default=1024)
parser.add_argument("--height", type=int, default=1024)
parser.add_argument("--seconds", type=float, default=3.0)
parser.add_argument("--digests")
args = parser.parse_args()
text = open(args.reply, encoding="utf-8").read()
W, H = args.width, args.height


def parse_json(json_output: str):
    # The guide's and the cookbook's fence stripper, verbatim.
    lines = json_output.splitlines()
    for i, line in enumerate(lines):
        if line == "```json":
            json_output = "\n".join(lines[i + 1 :])
            json_output = json_output.split("```")[0]
            break
    return json_output


def guide(predicted: str):
    """The guide's loop, minus the API call, the compositing and the file saves."""
    items = json.loads(parse_json(predicted))
    results = []
    for i, item in enumerate(items):
        box = item["box_2d"]
        y0 = int(box[0] / 1000 * H)
        x0 = int(box[1] / 1000 * W)
        y1 = int(box[2] / 1000 * H)
        x1 = int(box[3] / 1000 * W)
        if y0 >= y1 or x0 >= x1:
            continue
        png_str = item["mask"]
        if not png_str.startswith("data:image/png;base64,"):
            continue
        png_str = png_str.removeprefix("data:image/png;base64,")
        mask_data = base64.b64decode(png_str)
        mask = Image.open(io.BytesIO(mask_data))
        mask = mask.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)
        mask_array = np.array(mask)
        overlay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
        overlay_draw = ImageDraw.Draw(overlay)
        color = (255, 255, 255, 200)
        for y in range(y0, y1):
            for x in range(x0, x1):
                if mask_array[y - y0, x - x0] > 128:  # Threshold for mask
                    overlay_draw.point((x, y), fill=color)
        results.append((item["label"], np.asarray(overlay)[:, :, 3] > 0))
    return results


def parse_segmentation_masks(predicted_str: str, *, img_height: int, img_width: int):
    """The cookbook's function (Spatial_understanding.ipynb), returning (label, full uint8 mask)."""
    items = json.loads(parse_json(predicted_str))
    masks = []
    for item in items:
        abs_y0 = int(item["box_2d"][0] / 1000 * img_height)
        abs_x0 = int(item["box_2d"][1] / 1000 * img_width)
        abs_y1 = int(item["box_2d"][2] / 1000 * img_height)
        abs_x1 = int(item["box_2d"][3] / 1000 * img_width)
        if abs_y0 >= abs_y1 or abs_x0 >= abs_x1:
            print("Invalid bounding box", item["box_2d"])
            continue
        label = item["label"]
        png_str = item["mask"]
        if not png_str.startswith("data:image/png;base64,"):
            print("Invalid mask")
            continue
        png_str = png_str.removeprefix("data:image/png;base64,")
        png_str = base64.b64decode(png_str)
        mask = Image.open(io.BytesIO(png_str))
        bbox_height = abs_y1 - abs_y0
        bbox_width = abs_x1 - abs_x0
        if bbox_height < 1 or bbox_width < 1:
            print("Invalid bounding box")
            continue
        mask = mask.resize((bbox_width, bbox_height), resample=Image.Resampling.BILINEAR)
        np_mask = np.zeros((img_height, img_width), dtype=np.uint8)
        np_mask[abs_y0:abs_y1, abs_x0:abs_x1] = mask
        masks.append((label, np_mask))
    return masks


def cookbook(predicted: str):
    return [(label, full > 127) for label, full in parse_segmentation_masks(predicted, img_height=H, img_width=W)]


def vectorised(predicted: str):
    items = json.loads(parse_json(predicted))
    results = []
    for item in items:
        b = item["box_2d"]
        y0, x0, y1, x1 = int(b[0] / 1000 * H), int(b[1] / 1000 * W), int(b[2] / 1000 * H), int(b[3] / 1000 * W)
        if y0 >= y1 or x0 >= x1:
            continue
        png = base64.b64decode(item["mask"].removeprefix("data:image/png;base64,"))
        box = np.asarray(Image.open(io.BytesIO(png)).resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)) > 127
        full = np.zeros((H, W), dtype=bool)
        full[y0:y1, x0:x1] = box
        results.append((item["label"], full))
    return results


pipeline = {"guide": guide, "cookbook": cookbook, "numpy": vectorised}[args.mode]
results = pipeline(text)  # warm-up, and the output checked below
runs = 0
started = time.perf_counter()
while True:
    pipeline(text)
    runs += 1
    elapsed = time.perf_counter() - started
    if elapsed >= args.seconds:
        break
if args.digests:
    with open(args.digests, "w", encoding="utf-8") as out:
        for label, full in results:
            out.write(f"{label}\t{int(full.sum())}\t{hashlib.sha1(np.packbits(full)).hexdigest()}\n")
print(json.dumps({"mode": args.mode, "items": len(results), "runs": runs, "seconds": round(elapsed, 3), "itemsPerSecond": round(len(results) * runs / elapsed, 1)}))
