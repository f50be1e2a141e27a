"""Positioned text of every page → `Line`s in reading order, for born-digital and scanned PDFs.

Per page: segments are grouped into rows; running heads, footers and page numbers are dropped;
a run of rows split by one vertical gap (the agency | national-motto header, the "Nơi nhận" |
signature block) is read as two columns, left column first; ruled tables are placed at their
top, each row a `Line` with cells. Then each line is told whether it starts a paragraph: it
continues the line above when the spacing is normal, the line above was full (the first word
would not have fit on it), it is not indented and does not open a new numbered item.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from vnplan.extract.readers.anchors import RECIPIENTS, skeleton
from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.readers.layout import Line
from vnplan.extract.readers.pdf_geometry import PageText, Segment
from vnplan.extract.readers.pdf_glyphs import rejoin_glyph_splits
from vnplan.schema import Warning

MIN_COLUMN_GAP_EM = 1.8  # two columns are at least this far apart
MIN_TWO_SIDED_ROWS = 2  # rows with text on both sides needed to call a block two columns
BAND_ROW_GAP_EM = 3.0  # a block of two columns ends at a vertical gap larger than this
STACKED = 0.5  # scanned lines whose spans across the page overlap this much: one over another
SIGNATURE_GAP_EM = 9.0  # ... but a scan's "Nơi nhận" | signature block spans the signing space
MARGIN_BAND = 0.15  # running heads and page numbers live in this top/bottom share of a page
RUNNING_SHARE = 0.5  # a line at the same place on this share of the pages is a running head
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:trang|page)\s+)?(?P<n>\d{1,4})(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$",
    re.IGNORECASE,
)
_MARKER = re.compile(r"^(?:[-–•+*]\s|[IVXLC]+\.\s|\d+(?:\.\d+)*[.)]\s|[a-zđ]\)\s)")
_TERMINAL = re.compile(r"[.;:!?…]['\"”)]?$")

Flow = tuple[int, ...]  # (0,) the page's main text; (band, side) a column of a two-column block


class _Placed(NamedTuple):
    """A line placed on its page, before the paragraph decisions (a tuple: one a line)."""

    text: str
    page: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool | None
    italic: bool | None
    first_word: float
    flow: Flow
    cells: tuple[str, ...] | None = None
    first_on_page: bool = False


def _rows(segments: Sequence[Segment], scanned: bool = False) -> list[list[Segment]]:
    """Segments grouped into rows (mutually overlapping vertically), top to bottom. On a
    scan, a line OCR boxed too tall (its box reaching into the next line's) stays its own row
    when the two lie over each other: the segments of one row stand side by side."""
    rows: list[list[Segment]] = []
    for seg in sorted(segments, key=lambda s: (s.top, s.x0)):
        middle = (seg.top + seg.bottom) / 2
        if rows:
            row = rows[-1]
            head = row[0]
            head_middle = (head.top + head.bottom) / 2
            stacked = scanned and any(_side_overlap(seg, other) > STACKED for other in row)
            if head.top <= middle <= head.bottom and seg.top <= head_middle <= seg.bottom and (
                    not stacked):
                row.append(seg)
                continue
        rows.append([seg])
    return [sorted(row, key=lambda s: s.x0) for row in rows]


def _side_overlap(a: Segment, b: Segment) -> float:
    """How much of the narrower of two segments the other covers across the page (0–1)."""
    width = min(a.x1 - a.x0, b.x1 - b.x0)
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) / width if width > 0 else 0.0


def _row_text(row: list[Segment]) -> str:
    return " ".join(s.text for s in row)


def _drop_running(pages: list[PageText], rows: list[list[list[Segment]]]) -> int:
    """Remove page numbers and running heads/footers (in place); how many rows went."""
    edges: list[tuple[int, int]] = []  # (page index, row index) of first/last rows in margins
    for p, page_rows in enumerate(rows):
        height = pages[p].height
        for r in {0, len(page_rows) - 1} if page_rows else set():
            row = page_rows[r]
            top, bottom = min(s.top for s in row), max(s.bottom for s in row)
            if top < height * MARGIN_BAND or bottom > height * (1 - MARGIN_BAND):
                edges.append((p, r))
    drop: set[tuple[int, int]] = set()
    numbers = [(p, r, int(m["n"])) for p, r in edges
               if (m := _PAGE_NUMBER.match(_row_text(rows[p][r]).strip()))]
    offsets = Counter(n - pages[p].number for p, _, n in numbers)
    if offsets:
        offset, count = offsets.most_common(1)[0]
        if count >= 2 or (len(pages) <= 2 and offset == 0):
            drop |= {(p, r) for p, r, n in numbers if n - pages[p].number == offset}
    seen: dict[tuple[str, int], set[int]] = {}
    for p, r in edges:
        row = rows[p][r]
        key = (re.sub(r"\d+", "#", _row_text(row)), round(min(s.top for s in row) / 6))
        seen.setdefault(key, set()).add(p)
    needed = max(3, RUNNING_SHARE * len(pages))
    drop |= {(p, r) for p, r in edges
             if len(seen[(re.sub(r"\d+", "#", _row_text(rows[p][r])),
                          round(min(s.top for s in rows[p][r]) / 6))]) >= needed}
    for p, r in sorted(drop, reverse=True):
        del rows[p][r]
    return len(drop)


def _split(row: list[Segment]) -> tuple[float, float] | None:
    """The widest column gap inside a row, as (left edge, right edge), if there is one."""
    best: tuple[float, float] | None = None
    for a, b in itertools.pairwise(row):
        size = max(a.size, b.size)
        if b.x0 - a.x1 >= MIN_COLUMN_GAP_EM * size and (best is None or
                                                         b.x0 - a.x1 > best[1] - best[0]):
            best = (a.x1, b.x0)
    return best


def _fit(row: list[Segment], lo: float, hi: float) -> tuple[float, float, bool] | None:
    """The gap narrowed to let the row in, and whether it has text on both sides; or None."""
    sides = set()
    for seg in row:
        if seg.x1 <= hi and (seg.x0 < lo or (seg.x0 + seg.x1) / 2 < (lo + hi) / 2):
            lo = max(lo, seg.x1)
            sides.add("left")
        elif seg.x0 >= lo:
            hi = min(hi, seg.x0)
            sides.add("right")
        else:
            return None
    size = max(s.size for s in row)
    if hi - lo < 0.5 * size:
        return None
    return lo, hi, len(sides) == 2


def _signature_block(row: list[Segment], scanned: bool) -> bool:
    """Does a scanned row open the end block Nghị định 30/2020 (Phụ lục I) lays out as two
    columns: "Nơi nhận:" on the left, the signature (position, signing space with the seal,
    name) on the right? A one-line position ("GIÁM ĐỐC") gives it a single row with text on
    both sides, and the signing space a gap far wider than between two lines."""
    return scanned and bool(RECIPIENTS.match(skeleton(row[0].text)))


def _blocks(rows: list[list[Segment]],
            scanned: bool = False) -> list[tuple[int, int, float] | int]:
    """Rows as plain row indexes, or (first, end, split x) for a block of two columns."""
    out: list[tuple[int, int, float] | int] = []
    i = 0
    while i < len(rows):
        signature = _signature_block(rows[i], scanned)
        split = _split(rows[i])
        if split is None and signature and i + 1 < len(rows):
            split = _split(rows[i + 1])  # the signature starts a row under "Nơi nhận:"
        if split is None:
            out.append(i)
            i += 1
            continue
        lo, hi = split
        max_gap = SIGNATURE_GAP_EM if signature else BAND_ROW_GAP_EM
        j, two_sided = i + 1, 1
        while j < len(rows):
            size = max(s.size for s in rows[j])
            gap = min(s.top for s in rows[j]) - max(s.bottom for s in rows[j - 1])
            fit = _fit(rows[j], lo, hi)
            if fit is None or gap > max_gap * size:
                break
            lo, hi, both = fit
            two_sided += both
            j += 1
        if two_sided >= MIN_TWO_SIDED_ROWS or (signature and j > i + 1):
            out.append((i, j, (lo + hi) / 2))
            i = j
        else:
            out.append(i)
            i += 1
    return out


def _merge(row: list[Segment], page: int, flow: Flow) -> _Placed:
    widest = max(row, key=lambda s: s.x1 - s.x0)
    letters = sum(len(s.text) for s in row) or 1
    bold = [s.bold for s in row]
    italic = [s.italic for s in row]
    return _Placed(
        text=_row_text(row),
        page=page,
        x0=row[0].x0,
        top=min(s.top for s in row),
        x1=max(s.x1 for s in row),
        bottom=max(s.bottom for s in row),
        size=widest.size,
        bold=None if None in bold else sum(len(s.text) for s in row if s.bold) * 2 > letters,
        italic=None if None in italic else sum(len(s.text) for s in row if s.italic) * 2 > letters,
        first_word=row[0].first_word,
        flow=flow,
    )


def _place_page(page: PageText, rows: list[list[Segment]]) -> list[_Placed]:
    """The page's lines and table rows in reading order."""
    items: list[tuple[float, list[_Placed]]] = []
    for band, block in enumerate(_blocks(rows, page.scanned)):
        if isinstance(block, int):
            items.append((rows[block][0].top, [_merge(rows[block], page.number, (0,))]))
            continue
        first, end, split = block
        placed: list[_Placed] = []
        for side in (0, 1):
            for row in rows[first:end]:
                part = [s for s in row if ((s.x0 + s.x1) / 2 < split) == (side == 0)]
                if part:
                    placed.append(_merge(part, page.number, (band + 1, side)))
        items.append((min(s.top for s in rows[first]), placed))
    for table in page.tables:
        placed = [_Placed(text=" | ".join(cells), page=page.number, x0=0, top=table.top, x1=0,
                          bottom=table.top, size=0, bold=None, italic=None, first_word=0,
                          flow=(-1,), cells=cells) for cells in table.rows]
        items.append((table.top, placed))
    items.sort(key=lambda item: item[0])
    out = [line for _, lines in items for line in lines]
    if out:
        out[0] = out[0]._replace(first_on_page=True)
    return out


@dataclass(frozen=True)
class _Frame:
    """Where a flow's lines start and end, and whether its lines are centred."""

    left: float
    right: float
    centered_column: bool = False


def _frames(placed: list[_Placed], sizes: dict[tuple[int, int], list[int]],
            pages: dict[int, PageText]) -> dict[tuple[int, Flow], _Frame]:
    """The frame of every flow on every page (main text: shared by pages of one size)."""
    main: dict[tuple[int, int], list[_Placed]] = {}
    columns: dict[tuple[int, Flow], list[_Placed]] = {}
    for line in placed:
        if line.cells is not None:
            continue
        if line.flow == (0,):
            page = pages[line.page]
            main.setdefault((round(page.width), round(page.height)), []).append(line)
        else:
            columns.setdefault((line.page, line.flow), []).append(line)
    frames: dict[tuple[int, Flow], _Frame] = {}
    for size_key, lines in main.items():
        left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
        rights = sorted(line.x1 for line in lines)
        frame = _Frame(left=float(left), right=rights[int(0.95 * (len(rights) - 1))])
        for number in sizes.get(size_key, []):
            frames[(number, (0,))] = frame
    for key, lines in columns.items():
        x0s = [line.x0 for line in lines]
        centers = [(line.x0 + line.x1) / 2 for line in lines]
        centered = len(lines) >= 2 and max(centers) - min(centers) + 1 < max(x0s) - min(x0s)
        frames[key] = _Frame(min(x0s), max(line.x1 for line in lines), centered)
    return frames


def _normal_gaps(placed: list[_Placed]) -> dict[int, float]:
    """The usual gap between two lines of one paragraph, per rounded font size."""
    gaps: dict[int, list[float]] = {}
    for prev, line in itertools.pairwise(placed):
        if (line.flow != prev.flow or line.page != prev.page or line.cells is not None
                or prev.cells is not None or abs(line.size - prev.size) > 0.6):
            continue
        gap = line.top - prev.bottom
        if -0.5 * line.size <= gap <= 2 * line.size:
            gaps.setdefault(round(line.size), []).append(round(gap * 2) / 2)
    return {size: Counter(values).most_common(1)[0][0] for size, values in gaps.items()}


def _is_centered(line: _Placed, frame: _Frame) -> bool:
    if frame.centered_column:
        return True
    em = line.size or 1.0
    middle = (frame.left + frame.right) / 2
    return (line.x0 - frame.left > em and frame.right - line.x1 > em
            and abs((line.x0 + line.x1) / 2 - middle) <= em)


def _continues(prev: _Placed, line: _Placed, frame: _Frame, normal: float | None,
               prev_continued: bool) -> bool:
    """Does `line` carry on the paragraph of `prev` (same flow, same page)?"""
    em = max(line.size, 1.0)
    if abs(line.size - prev.size) > 1.0 or line.top - prev.bottom > (
        (normal if normal is not None else 0.3 * em) + 0.25 * em
    ):
        return False
    if prev.x1 + 0.3 * em + line.first_word < frame.right - 0.5 * em:
        return False  # the first word would have fit on the line above: a new paragraph
    indented = line.x0 > frame.left + 0.5 * em
    if indented and not (prev_continued and abs(line.x0 - prev.x0) <= 0.5 * em):
        return False
    return not (_MARKER.match(line.text) and _TERMINAL.search(prev.text))


def _turns_page(prev: _Placed, line: _Placed, prev_frame: _Frame, frame: _Frame) -> bool:
    """Does the first line of a page carry on the last paragraph of the page before?"""
    em = max(line.size, 1.0)
    if line.page != prev.page + 1 or abs(line.size - prev.size) > 1.0:
        return False
    if _TERMINAL.search(prev.text) or _MARKER.match(line.text):
        return False
    full = prev.x1 + 0.3 * em + line.first_word >= prev_frame.right - 0.5 * em
    return full and line.x0 <= frame.left + 0.5 * em


def layout_lines(pages: Sequence[PageText]) -> tuple[list[Line], list[Warning]]:
    """The `Line`s of all pages in reading order, and layout notes."""
    page_rows = [_rows(page.segments, page.scanned) for page in pages]
    dropped = _drop_running(list(pages), page_rows)
    placed = [line for page, rows in zip(pages, page_rows, strict=True)
              for line in _place_page(page, rows)]
    by_number = {page.number: page for page in pages}
    sizes: dict[tuple[int, int], list[int]] = {}
    for page in pages:
        sizes.setdefault((round(page.width), round(page.height)), []).append(page.number)
    frames = _frames(placed, sizes, by_number)
    normal = _normal_gaps(placed)
    lines: list[Line] = []
    joins = 0
    previous: dict[Flow, tuple[_Placed, bool]] = {}
    table_break = False
    for item in placed:
        carried = None
        if item.first_on_page:
            carried = previous.get((0,))
            previous.clear()
        if item.cells is not None:
            cells = []
            for cell in item.cells:
                text, count = rejoin_glyph_splits(cell)
                joins += count
                cells.append(text)
            table_break = table_break or item.first_on_page
            lines.append(Line(text=" | ".join(cells), cells=tuple(cells), page=item.page,
                              break_before=table_break and item.page > pages[0].number,
                              ocr=by_number[item.page].scanned))
            table_break = table_break and is_header_row(item.cells)  # the break reaches the
            # first row after a header repeated at the top of the page
            previous.clear()
            continue
        table_break = False
        frame = frames[(item.page, item.flow)]
        centered = _is_centered(item, frame)
        before = previous.get(item.flow)
        starts = True
        gap = False
        if carried is not None and item.flow == (0,) and not centered:
            prev = carried[0]
            starts = _is_centered(prev, frames[(prev.page, prev.flow)]) or not _turns_page(
                prev, item, frames[(prev.page, prev.flow)], frame)
        elif before is not None:
            prev, prev_continued = before
            prev_centered = _is_centered(prev, frame)
            starts = centered or prev_centered or not _continues(
                prev, item, frame, normal.get(round(item.size)), prev_continued)
            gap = item.top - prev.bottom > normal.get(round(item.size), 0.3 * item.size) + (
                0.25 * item.size)
        previous[item.flow] = (item, not starts)
        if item.flow != (0,):
            previous.pop((0,), None)  # a column block ends the main text's paragraph
        text, count = rejoin_glyph_splits(item.text)
        joins += count
        lines.append(Line(text=text, page=item.page, bold=item.bold, italic=item.italic,
                          size=round(item.size, 1), centered=centered, starts_paragraph=starts,
                          gap_before=gap,
                          break_before=item.first_on_page and item.page > pages[0].number,
                          ocr=by_number[item.page].scanned))
    notes: list[Warning] = []
    if joins:
        notes.append(Warning(
            code="glyph_split_rejoined",
            message=f"rejoined {joins} word(s) split by glyph "
                      "fallback (e.g. 'c ủa' → 'của')"))
    if dropped:
        notes.append(Warning(
            code="running_text_removed",
            message=f"removed {dropped} page number(s) and running "
                      "head/footer line(s)"))
    return lines, notes
