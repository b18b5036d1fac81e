#!/usr/bin/python3
"""The same folder pass with Pillow: lazy `Image.open(path).size` per file (only the header is
read; pixels are decoded on `load()`, never called here).

    /usr/bin/python3 bench/peers/preflight-pillow.py DIR [--orientation] [--threads N] [--sizes OUT.tsv]

`--orientation` also reads the EXIF orientation (`getexif()`, parsed at open for JPEG, PNG eXIf
before IDAT and WebP) and swaps the sides for 5-8, as a displayed size needs. Debian's Pillow 9.4
opens neither HEIC nor AVIF: those files are counted as `unsupported`, not as images.
Prints one JSON line: files, images, unsupported, failed, pixels.
"""
import argparse
import json
import os
from concurrent.futures import ThreadPoolExecutor

from PIL import Image, UnidentifiedImageError

parser = argparse.ArgumentParser()
parser.add_argument("directory")
parser.add_argument("--orientation", action="store_true")
parser.add_argument("--threads", type=int, default=1)
parser.add_argument("--sizes")
args = parser.parse_args()


def probe(entry):
    try:
        with Image.open(entry.path) as image:
            width, height = image.size
            if args.orientation and image.getexif().get(0x0112, 1) in (5, 6, 7, 8):
                width, height = height, width
            return "image", entry.name, width, height
    except UnidentifiedImageError:
        return "unsupported", entry.name, 0, 0
    except Exception:  # noqa: BLE001 - a benchmark counts failures, it does not stop on them
        return "failed", entry.name, 0, 0


def entries():
    with os.scandir(args.directory) as scan:
        for entry in scan:
            if not entry.name.startswith(".") and entry.is_file():
                yield entry


totals = {"files": 0, "images": 0, "unsupported": 0, "failed": 0, "pixels": 0}
sizes = open(args.sizes, "w") if args.sizes else None
results = map(probe, entries()) if args.threads == 1 else ThreadPoolExecutor(args.threads).map(probe, entries())
for kind, name, width, height in results:
    totals["files"] += 1
    totals[kind if kind != "image" else "images"] += 1
    if kind == "image":
        totals["pixels"] += width * height
        if sizes:
            sizes.write(f"{name}\t{width}\t{height}\n")
if sizes:
    sizes.close()
print(json.dumps(totals))
