#!/usr/bin/env python3
"""Generates `coco-rle-references.json`: COCO RLE vectors for `encodeCocoRle` / `decodeCocoRle`.

pycocotools is not installable here (PyPI unreachable, not packaged by Debian bookworm), so this
script carries a line-by-line Python port of the four functions of pycocotools'
`common/maskApi.c` that matter (cocodataset/cocoapi @ 28dffd92): `rleEncode`, `rleDecode`,
`rleToString`, `rleFrString`. The port is checked, before anything is written, against strings
that pycocotools itself produced and that are published in test suites:

- pytorchcocotools (tests compare against `pycocotools.mask.encode` on 25x25 squares):
  `05d00000000d?`, `R45d00000000b;`, `X`05d00000000`, `0ac0`, `R4:?00000000000000000e7`,
  `V<5d00000000^3`;
- pycocotools' own `tests/test_cases.py` (ppwwyyxx/cocoapi @ 41c30454): `testZeroLeadingRLE`
  (decodes; three leading zero counts) and `testInvalidRLECounts` (must be rejected: its counts do
  not add up to 1024 x 1024).

Then it writes random and edge-case vectors produced by the port.

    python3 packages/core/src/masks/__fixtures__/generate-coco-rle-references.py
"""

import base64
import json
import pathlib
import random

HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "coco-rle-references.json"


# --- port of cocoapi common/maskApi.c -------------------------------------------------------


def rle_encode(mask_rows: list, height: int, width: int) -> list:
    """rleEncode: runs over the column-major (Fortran) order, starting with a run of zeros."""
    column_major = [mask_rows[y][x] for x in range(width) for y in range(height)]
    counts, previous, run = [], 0, 0
    for value in column_major:
        if value != previous:
            counts.append(run)
            run = 0
            previous = value
        run += 1
    counts.append(run)
    return counts


def rle_decode(counts: list, height: int, width: int) -> list:
    """rleDecode, with the bounds check of newer pycocotools (ValueError if sizes disagree)."""
    if sum(counts) != height * width:
        raise ValueError("Invalid RLE mask representation")
    column_major, value = [], 0
    for count in counts:
        column_major += [value] * count
        value = 1 - value
    return [[column_major[x * height + y] for x in range(width)] for y in range(height)]


def rle_to_string(counts: list) -> str:
    """rleToString: LEB128-like, 5 bits per char plus a continuation bit, chars 48..111."""
    out = []
    for i, count in enumerate(counts):
        x = count
        if i > 2:
            x -= counts[i - 2]
        more = True
        while more:
            c = x & 0x1F
            x >>= 5
            more = x != -1 if (c & 0x10) else x != 0
            if more:
                c |= 0x20
            out.append(chr(c + 48))
    return "".join(out)


def rle_fr_string(text: str) -> list:
    """rleFrString: the inverse of rle_to_string."""
    counts, p = [], 0
    while p < len(text):
        x, k, more = 0, 0, True
        while more:
            c = ord(text[p]) - 48
            x |= (c & 0x1F) << (5 * k)
            more = bool(c & 0x20)
            p += 1
            k += 1
            if not more and (c & 0x10):
                x |= -1 << (5 * k)
        if len(counts) > 2:
            x += counts[-2]
        counts.append(x)
    return counts


# --- published vectors (produced by pycocotools) ---------------------------------------------


def square(height: int, width: int, x0: int, y0: int, x1: int, y1: int) -> list:
    return [[1 if x0 <= x < x1 and y0 <= y < y1 else 0 for x in range(width)] for y in range(height)]


PUBLISHED_SQUARES = [
    # (x0, y0, x1, y1) on 25x25, expected pycocotools string
    ((0, 0, 5, 5), "05d00000000d?"),
    ((5, 5, 10, 10), "R45d00000000b;"),
    ((20, 20, 25, 25), "X`05d00000000"),
    ((0, 0, 25, 25), "0ac0"),
    ((5, 5, 15, 15), "R4:?00000000000000000e7"),
    ((15, 15, 20, 20), "V<5d00000000^3"),
]

ZERO_LEADING = {
    "size": [1350, 1080],
    "counts": '000lg0Zb01O00001O00001O001O00001O00001O001O00001O01O2N3M3M3M2N3M3N2M3M2N1O1O1O1O2N1O1O1O2N1O1O101N1O1O1O2N1O1O1O2N3M2N1O2N1O2O0O2N1O1O2N1O2N1O2N1O2N1O2N1O2O0O2N1O3M2N1O2N2N2N2N2N1O2N2N2N2N1O2N2N2N2N2N1N3N2N00O1O1O1O100000000000000O100000000000000001O0000001O00001O0O5L7I5K4L4L3M2N2N2N1O2m]OoXOm`0Sg0j^OVYOTa0lf0c^O]YO[a0ef0\\^OdYOba0bg0N2N2N2N2N2N2N2N2N2N2N2N2N2N2N2N2N3M2M4M2N3M2N3M2N3M2N3M2N3M2N3M2N3M2N3M2M4M2N2N3M2M4M2N2N3M2M3N3M2N3M2M3N3M2N2N3L3N2N3M2N3L3N2N3M5J4M3M4L3M3L5L3M3M4L3L4\\EXTOd6jo0K6J5K6I4M1O1O1O1N2O1O1O001N2O00001O0O101O000O2O00001N101N101N2N101N101N101N2O0O2O0O2O0O2O1N101N2N2O1N2O1N2O1N101N2O1N2O1N2O0O2O1N2N2O1N2O0O2O1N2O1N2N2N1N4M2N2M4M2N3L3N2N3L3N3L3N2N3L3N2N3L3M4L3M3M4L3M5K5K5K6J5K5K6J7I7I7Ibijn0',
}

INVALID = {
    "size": [1024, 1024],
    "counts": 'jd`0=`o06J5L4M3L3N2N2N2N2N1O2N2N101N1O2O0O1O2N100O1O2N100O1O1O1O1O101N1O1O1O1O1O1O101N1O100O101O0O100000000000000001O00001O1O0O2O1N3N1N3N3L5Kh0XO6J4K5L5Id[o5N]dPJ7K4K4M3N2M3N2N1O2N100O2O0O1000O01000O101N1O1O2N2N2M3M3M4J7Inml5H[RSJ6L2N2N2N2O000000000000O2O1N2N2Mkm81SRG6L3L3N2O1N2N2O0O2O00001O0000000000O2O001N2O0O2N2N3M3L5JRjf6MPVYI8J4L3N3M2N1O2O1N101N1000000O10000001O000O101N101N1O2N2N2N3L4L7FWZ_50ne`J0000001O000000001O0000001O1O0N3M3N1O2N2N2O1N2O001N2`RO^O`k0c0[TOEak0;\\\\TOJbk07\\\\TOLck03[TO0dk01ZTO2dk0OYTO4gk0KXTO7gk0IXTO8ik0HUTO:kk0ETTO=lk0CRTO>Pl0@oSOb0Rl0\\\\OmSOe0Tl0[OjSOg0Ul0YOiSOi0Wl0XOgSOi0Yl0WOeSOk0[l0VOaSOn0kh0cNmYO',
}


def check_port_against_published() -> None:
    for (x0, y0, x1, y1), expected in PUBLISHED_SQUARES:
        counts = rle_encode(square(25, 25, x0, y0, x1, y1), 25, 25)
        assert rle_to_string(counts) == expected, (x0, y0, x1, y1, rle_to_string(counts), expected)
        assert rle_fr_string(expected) == counts
    zero_counts = rle_fr_string(ZERO_LEADING["counts"])
    assert zero_counts[:3] == [0, 0, 0] and sum(zero_counts) == 1350 * 1080
    invalid_counts = rle_fr_string(INVALID["counts"])
    assert sum(invalid_counts) != 1024 * 1024


# --- generated vectors -----------------------------------------------------------------------


def to_bytes(mask_rows: list) -> str:
    return base64.b64encode(bytes(v for row in mask_rows for v in row)).decode("ascii")


def vector(name: str, mask_rows: list, height: int, width: int) -> dict:
    counts = rle_encode(mask_rows, height, width)
    text = rle_to_string(counts)
    assert rle_fr_string(text) == counts
    assert rle_decode(counts, height, width) == mask_rows
    return {"name": name, "height": height, "width": width, "mask": to_bytes(mask_rows), "counts": counts, "string": text}


def generated_vectors() -> list:
    rng = random.Random(20261121)
    vectors = [
        vector("1x1 background", [[0]], 1, 1),
        vector("1x1 foreground", [[1]], 1, 1),
        vector("2x2 [[0,1],[1,1]]", [[0, 1], [1, 1]], 2, 2),
        vector("10x10 rows 2..4 cols 3..6", square(10, 10, 3, 2, 6, 4), 10, 10),
        vector("3x4 starts with foreground", [[1, 0, 0, 1], [1, 1, 0, 0], [0, 1, 1, 1]], 3, 4),
        vector("60x50 one pixel near the end", [[1 if (x, y) == (48, 57) else 0 for x in range(50)] for y in range(60)], 60, 50),
        vector("12x300 wide stripe", square(12, 300, 0, 3, 300, 9), 12, 300),
    ]
    for i, (height, width, density) in enumerate([(7, 9, 0.5), (16, 5, 0.1), (5, 31, 0.9), (23, 23, 0.3)]):
        rows = [[1 if rng.random() < density else 0 for _ in range(width)] for _ in range(height)]
        vectors.append(vector(f"random {height}x{width} density {density} #{i}", rows, height, width))
    # Long runs exercise multi-character numbers and negative deltas.
    rows = [[1 if (x * 7 + y * 3) % 100 < 40 else 0 for x in range(70)] for y in range(60)]
    vectors.append(vector("60x70 diagonal bands", rows, 60, 70))
    return vectors


def main() -> None:
    check_port_against_published()
    references = {
        "_note": "GENERATED by generate-coco-rle-references.py; do not edit. Masks are base64 of row-major 0/1 bytes.",
        "published": {
            "squares25": [{"box": list(box), "string": text} for box, text in PUBLISHED_SQUARES],
            "zeroLeading": {**ZERO_LEADING, "area": sum(rle_fr_string(ZERO_LEADING["counts"])[1::2])},
            "invalid": INVALID,
        },
        "vectors": generated_vectors(),
    }
    OUTPUT.write_text(json.dumps(references, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT.name}: {len(references['vectors'])} vectors; port matches the published strings")


if __name__ == "__main__":
    main()
