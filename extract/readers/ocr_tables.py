"""Page images of scans: deskew, and the ruled table's cell grid from its drawn lines.

Works on a greyscale page as a numpy array. The skew is the angle that makes the horizontal
projection of dark pixels sharpest. Table rules are long runs of inked pixels: horizontal
rules across a row of pixels, vertical rules down a column; a row of the table lies between
two horizontal rules, and its cells between the vertical rules present in that row (a merged
group-title cell has none inside it). A rule's ink is lighter than a letter's: a thin rule
of a low-resolution scan comes out grey (a 100-ppi scan's, ~220 on paper of 255), spread over
two rows of pixels; a vertical rule is looked for as any pixel darker than paper
(`V_CONTRAST`), and where it is that faint, it is taken as drawn in a row where it shows at
all. The table is the run of horizontal rules that holds the most rows between vertical
rules: a rule elsewhere on the page (a scanner's edge, a framed box) is no part of it.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

DARK = 140  # grey level below which a pixel is ink
RULE_DARK = 200  # looking for a table's rules: grey level below which a pixel is a rule's ink
V_CONTRAST = 20  # ... and, down a column of the table, a pixel this much darker than paper
MAX_SKEW_DEG = 3.0
H_RULE_SHARE = 0.3  # a horizontal rule is at least this share of the page width
H_WINDOW_SHARE = 0.08  # ... found as a window this wide that is nearly all ink
V_RULE_SHARE = 0.6  # a column boundary is inked over this share of the table's height
V_PRESENT_SHARE = 0.7  # ... and, in one row, over this share of the row's height
FAINT_PRESENT_SHARE = 0.15  # ... or, drawn too faint to be inked as text is, shows at all
INSET = 8  # pixels trimmed from each side of a cell before OCR (the rules' ink)
MIN_ROW_PX = 12
STRIP = 256  # rows of pixels handled at once

Box = tuple[int, int, int, int]  # x0, top, x1, bottom in pixels
Gray = NDArray[np.uint8]


@dataclass(frozen=True)
class CellGrid:
    """A table's box and rows; each row has one entry per column: a cell box or None
    where a cell merged from the left spans."""

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]


def skew_angle(gray: Gray) -> float:
    """The page's skew in degrees (counter-clockwise positive), 0 when unsure."""
    small = gray[::2, ::2]
    ys, xs = np.nonzero(small < DARK)
    if len(ys) < 500:
        return 0.0
    if len(ys) > 200_000:
        pick = np.linspace(0, len(ys) - 1, 200_000).astype(np.int64)
        ys, xs = ys[pick], xs[pick]

    def sharpness(angle: float) -> float:
        rows = np.round(ys + xs * math.tan(math.radians(angle))).astype(np.int64)
        counts = np.bincount(rows - rows.min()).astype(np.float64)
        return float((counts * counts).sum())

    best = max(np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + 1e-9, 0.25), key=sharpness)
    fine = max(np.arange(best - 0.25, best + 0.25 + 1e-9, 0.05), key=sharpness)
    return round(float(fine), 2)


def _runs(flags: NDArray[np.bool_], max_gap: int = 2) -> list[tuple[int, int]]:
    """(first, last) index of each run of True, bridging gaps up to `max_gap`."""
    indexes = np.flatnonzero(flags)
    if len(indexes) == 0:
        return []
    runs: list[tuple[int, int]] = []
    start = prev = int(indexes[0])
    for value in indexes[1:]:
        value = int(value)
        if value - prev > max_gap + 1:
            runs.append((start, prev))
            start = value
        prev = value
    runs.append((start, prev))
    return runs


def _horizontal_rules(ink: NDArray[np.bool_]) -> list[tuple[int, int, int]]:
    """(y, x0, x1) of each long horizontal rule."""
    height, width = ink.shape
    window = max(20, int(width * H_WINDOW_SHARE))
    full = np.zeros((height, max(width - window + 1, 1)), dtype=np.bool_)
    for start in range(0, height, STRIP):  # in strips: bounded memory at 300 dpi
        strip = ink[start : start + STRIP]
        sums = np.zeros((strip.shape[0], width + 1), dtype=np.int32)
        np.cumsum(strip, axis=1, dtype=np.int32, out=sums[:, 1:])
        full[start : start + STRIP] = (sums[:, window:] - sums[:, :-window]) >= 0.9 * window
    rules = []
    for first, last in _runs(np.asarray(full.any(axis=1), dtype=np.bool_)):
        band = full[first : last + 1].any(axis=0)
        xs = np.flatnonzero(band)
        x0, x1 = int(xs[0]), int(xs[-1]) + window
        if x1 - x0 >= H_RULE_SHARE * width:
            rules.append(((first + last) // 2, x0, x1))
    return rules


def find_grid(gray: Gray) -> CellGrid | None:
    """The page's ruled table (the run of rules with the most rows), or None."""
    rules = _horizontal_rules(_thicker(gray < RULE_DARK, axis=0))
    if len(rules) < 3:
        return None
    light = _thicker(gray < int(np.median(gray)) - V_CONTRAST, axis=1)  # most of a page is paper
    dark = _thicker(gray < DARK, axis=1)
    ys = [y for y, _, _ in rules]
    light_rows, dark_rows = _inked_rows(light, ys), _inked_rows(dark, ys)
    spans = sorted(itertools.combinations(range(len(rules)), 2), key=lambda s: s[0] - s[1])
    for first, last in spans:
        height = max(ys[last] - ys[first], 1)
        grid = _grid(rules[first : last + 1], (light_rows[last] - light_rows[first]) / height,
                     (dark_rows[last] - dark_rows[first]) / height, light, dark)
        if grid is not None:
            return grid
    return None


def _thicker(ink: NDArray[np.bool_], axis: int) -> NDArray[np.bool_]:
    """The ink a pixel thicker on both sides along `axis` (0: up and down)."""
    out = ink.copy()
    if axis == 0:
        out[1:] |= ink[:-1]
        out[:-1] |= ink[1:]
    else:
        out[:, 1:] |= ink[:, :-1]
        out[:, :-1] |= ink[:, 1:]
    return out


def _inked_rows(ink: NDArray[np.bool_], ys: list[int]) -> NDArray[np.int64]:
    """For each rule (at `ys`), the inked pixels of every pixel column from the first rule
    down to it: a span's counts are the difference of its two rules'."""
    counts = np.zeros((len(ys), ink.shape[1]), dtype=np.int64)
    for k, (y0, y1) in enumerate(itertools.pairwise(ys), start=1):
        counts[k] = counts[k - 1] + ink[y0:y1].sum(axis=0)
    return counts


def _grid(rules: list[tuple[int, int, int]], light_share: NDArray[np.float64],
          dark_share: NDArray[np.float64], light: NDArray[np.bool_],
          dark: NDArray[np.bool_]) -> CellGrid | None:
    """The table ruled by `rules` (top to bottom), if vertical rules cut it into columns: each
    pixel column inked (`light`, `dark`) over the given share of the table's height."""
    top, bottom = rules[0][0], rules[-1][0]
    left, right = min(r[1] for r in rules), max(r[2] for r in rules)
    columns = [(a + b) // 2 for a, b in _runs(light_share >= V_RULE_SHARE)
               if left - 10 <= (a + b) // 2 <= right + 10]
    if len(columns) < 3:
        return None
    faint = [float(dark_share[max(x - 2, 0) : x + 3].max()) < V_RULE_SHARE for x in columns]
    rows: list[tuple[Box | None, ...]] = []
    for (y0, _, _), (y1, _, _) in itertools.pairwise(rules):
        if y1 - y0 < MIN_ROW_PX:
            continue
        present = [0] + [i for i in range(1, len(columns) - 1)
                         if _present(light if faint[i] else dark, columns[i], y0, y1,
                                     FAINT_PRESENT_SHARE if faint[i] else V_PRESENT_SHARE)
                         ] + [len(columns) - 1]
        cells: list[Box | None] = [None] * (len(columns) - 1)
        for a, b in itertools.pairwise(present):
            cells[a] = (columns[a] + INSET, y0 + INSET, columns[b] - INSET, y1 - INSET)
        rows.append(tuple(cells))
    if len(rows) < 2:
        return None
    return CellGrid(bbox=(columns[0], top, columns[-1], bottom), rows=tuple(rows))


def _present(ink: NDArray[np.bool_], x: int, y0: int, y1: int, share: float) -> bool:
    """Is the column boundary at `x` drawn between the rules at `y0` and `y1` (inked over
    `share` of the row's height)?"""
    stripe = ink[y0 + INSET : y1 - INSET + 1, max(x - 2, 0) : x + 3]
    return bool(stripe.size) and float(stripe.any(axis=1).mean()) >= share


def is_blank(gray: Gray, box: Box) -> bool:
    """Does the cell hold (almost) no ink?"""
    x0, y0, x1, y1 = box
    if x1 - x0 < 4 or y1 - y0 < 4:
        return True
    return int((gray[y0:y1, x0:x1] < DARK).sum()) < 25


def ink_box(gray: Gray, box: Box) -> Box:
    """The part of a cell that holds ink (tesseract reads a lone "2" in a tall empty cell
    badly, and well once cropped to it and given a white margin)."""
    x0, y0, x1, y1 = box
    ys, xs = np.nonzero(gray[y0:y1, x0:x1] < DARK)
    if len(ys) == 0:
        return box
    return (x0 + int(xs.min()), y0 + int(ys.min()), x0 + int(xs.max()) + 1,
            y0 + int(ys.max()) + 1)
