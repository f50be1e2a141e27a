"""One born-digital PDF page → text segments and table rows, with pypdfium2.

Pages are read per text object (`pdf_objects`) where that is safe, else per character: pdfium
gives each character's code point, advance (loose box), baseline origin and text object
(boxes are made from the baseline and the font size, so that accents and descenders do not
move a character off its line); font facts are read once per text object. Characters are cut
into segments at pdfium's line breaks, at backward jumps and at gaps wider than a column gap;
characters inside a ruled table's cells are gathered per cell instead.
"""

from __future__ import annotations

import ctypes
import re
import statistics
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vnplan.extract.readers.pdf_geometry import PageFrame, PageText, Segment, TableBlock
from vnplan.extract.readers.pdf_glyphs import SOFT_SPACE, is_fallback_letter
from vnplan.extract.readers.pdf_objects import Piece, page_content, read_pieces
from vnplan.extract.readers.pdf_tables import Grid, find_grids, locate, page_edges

COLUMN_GAP_EM = 1.8  # a horizontal gap wider than this many ems separates two columns
OBJECT_TEXT_SHARE = 0.95  # below this share of the page's characters, read per character
ASCENT, DESCENT = 0.85, 0.25  # a character's box: this many ems above and below its baseline
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "demi")
_ITALIC_FLAG = 1 << 6  # PDF font descriptor flag "Italic"
_FORCE_BOLD_FLAG = 1 << 18
_HYPHEN_MARK = "\x02"  # pdfium's code for a soft hyphen at a line end
GENERATED_SPACE = "\x00"  # a space pdfium inserted (not in the PDF), until `_text` decides


class _Char(NamedTuple):
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    font: int  # index into the page's font list
    space: bool
    line_break: bool  # pdfium put a line break before this character
    cell: tuple[int, int, int] | None
    stamp: bool = False  # drawn from a signature field's appearance (see `pdf.py`)


@dataclass(frozen=True)
class Font:
    size: float
    bold: bool
    italic: bool


def font_of(textpage: pdfium.PdfTextPage, index: int, obj: ctypes.c_void_p | None) -> Font:
    """Size, bold and italic of the character at `index` (its text object's font)."""
    raw = textpage.raw
    size = float(pdfium_c.FPDFText_GetFontSize(raw, index))
    buffer = ctypes.create_string_buffer(256)
    flags = ctypes.c_int(0)
    pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, len(buffer), ctypes.byref(flags))
    name = buffer.value.decode("latin-1", "replace").lower()
    weight = int(pdfium_c.FPDFText_GetFontWeight(raw, index))
    stroked = bool(obj) and pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == (
        pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
    )
    bold = weight >= 600 or any(w in name for w in _BOLD_NAMES) or bool(
        flags.value & _FORCE_BOLD_FLAG) or stroked
    italic = bool(flags.value & _ITALIC_FLAG) or "italic" in name or "oblique" in name
    return Font(size=round(size, 1), bold=bold, italic=italic)


def read_page_text(
    page: pdfium.PdfPage, number: int, own_chars: int | None = None
) -> tuple[PageText, int]:
    """The page's segments and tables, and how many characters it has.

    `own_chars` is given for a page whose signature fields were drawn into it: its first
    `own_chars` characters are the page's own, the rest the fields' text, which is put where
    it is printed (the number after "Số:", the day after "ngày")."""
    left, bottom, right, top = page.get_cropbox()
    frame = PageFrame(left, bottom, right, top, rotation=page.get_rotation())
    width, height = frame.size
    grids = find_grids(page_edges(page, frame), width, height)
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        pieces = read_pieces(page, textpage, frame) if count and own_chars is None else None
        if pieces and _missing_text(pieces, textpage):
            pieces = None  # text in form XObjects or elsewhere the objects do not show
        content = page_content(pieces, grids) if pieces is not None else None
        if content is not None:
            segments, tables = content
        else:
            chars, fonts = _chars(textpage, frame, grids, own_chars)
            segments = [_segment(run, fonts) for run in _runs(
                [c for c in chars if c.cell is None], fonts)]
            tables = [_table(i, grid, chars, fonts) for i, grid in enumerate(grids)]
    finally:
        textpage.close()
    page_text = PageText(number=number, width=width, height=height,
                         segments=tuple(s for s in segments if s.text),
                         tables=tuple(t for t in tables if t.rows))
    return page_text, count


def _missing_text(pieces: list[Piece], textpage: pdfium.PdfTextPage) -> bool:
    """Do the text objects read hold noticeably fewer characters than the page has?"""
    shown = sum(len("".join(p.text.split())) for p in pieces)
    return shown < OBJECT_TEXT_SHARE * len("".join(textpage.get_text_range().split()))


def _chars(
    textpage: pdfium.PdfTextPage, frame: PageFrame, grids: list[Grid], own_chars: int | None
) -> tuple[list[_Char], list[Font]]:
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    fonts: list[Font] = []
    font_index: dict[int | None, int] = {}
    chars: list[_Char] = []
    line_break = False
    for index in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, index)
        text = chr(code) if 0 < code < 0x110000 else ""
        if text in ("\r", "\n"):
            line_break = True
            continue
        if not text or (unicodedata.category(text) == "Cc" and text != _HYPHEN_MARK):
            continue
        if not pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect):
            continue
        pdfium_c.FPDFText_GetCharOrigin(raw, index, origin_x, origin_y)
        obj = pdfium_c.FPDFText_GetTextObject(raw, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value if obj else None
        font = font_index.get(key)
        if font is None:
            font = font_index[key] = len(fonts)
            fonts.append(font_of(textpage, index, obj))
        size = fonts[font].size or abs(rect.top - rect.bottom)
        x0, _, x1, _ = frame.box(rect.left, rect.bottom, rect.right, rect.top)
        baseline = frame.point(origin_x.value, origin_y.value)[1]
        y0, y1 = baseline - ASCENT * size, baseline + DESCENT * size
        cell = locate(grids, (x0 + x1) / 2, (y0 + y1) / 2) if grids else None
        space = text.isspace()
        if space and pdfium_c.FPDFText_IsGenerated(raw, index) == 1:
            text = GENERATED_SPACE
        stamp = own_chars is not None and index >= own_chars
        chars.append(_Char("-" if text == _HYPHEN_MARK else text, x0, y0, x1, y1, font,
                           space, line_break and not stamp, cell, stamp))
        line_break = False
    return (_place_stamps(chars) if own_chars is not None else chars), fonts


def _place_stamps(chars: list[_Char]) -> list[_Char]:
    """Each run of stamped characters moved after the page character it follows on its line,
    with spaces around it; a run on no line of the page stays at the end."""
    own = [c for c in chars if not c.stamp]
    runs: list[list[_Char]] = []
    for char in chars:
        if char.stamp:
            last = runs[-1][-1] if runs else None
            if last is not None and last.x0 <= char.x0 <= last.x1 + 0.5 * (
                    last.bottom - last.top) and abs(last.top - char.top) < 2:
                runs[-1].append(char)
            else:
                runs.append([char])
    tail: list[_Char] = []
    for run in reversed(runs):
        middle = (run[0].top + run[0].bottom) / 2
        before = [i for i, c in enumerate(own)
                  if not c.space and c.top <= middle <= c.bottom and c.x1 <= run[0].x0 + 1]
        if not before:
            tail = run + tail
            continue
        at = max(before, key=lambda i: own[i].x1) + 1
        gap = own[at - 1]._replace(text=" ", space=True, line_break=False)
        own[at:at] = [gap, *(c._replace(stamp=False) for c in run), gap]
    return own + tail


def _runs(chars: list[_Char], fonts: list[Font]) -> list[list[_Char]]:
    """Cut characters (in pdfium's order) into runs on one baseline without a column gap."""
    runs: list[list[_Char]] = []
    current: list[_Char] = []
    last: _Char | None = None  # last visible character of the current run
    for char in chars:
        if char.space:
            if current:
                current.append(char)
            continue
        if last is not None and _breaks(last, char, fonts):
            runs.append(current)
            current = []
        current.append(char)
        last = char
    if current:
        runs.append(current)
    return runs


def _breaks(last: _Char, char: _Char, fonts: list[Font]) -> bool:
    size = max(fonts[last.font].size, fonts[char.font].size, 1.0)
    if char.cell != last.cell:
        return True
    middle = (char.top + char.bottom) / 2
    if not last.top - 0.2 * size <= middle <= last.bottom + 0.2 * size:
        return True  # another line (pdfium's line breaks are not always there)
    if char.line_break and char.x0 < last.x1 - 0.5 * size:
        return True
    gap = char.x0 - last.x1
    return gap > COLUMN_GAP_EM * size or gap < -2 * size


def _segment(run: list[_Char], fonts: list[Font]) -> Segment:
    visible = [c for c in run if not c.space]
    text = _text(run, fonts)
    sizes = [fonts[c.font].size for c in visible]
    bold = sum(1 for c in visible if fonts[c.font].bold and c.text.isalnum())
    italic = sum(1 for c in visible if fonts[c.font].italic and c.text.isalnum())
    letters = sum(1 for c in visible if c.text.isalnum()) or 1
    first_end = next((i for i, c in enumerate(run) if c.space), len(run))
    first = [c for c in run[:first_end] if not c.space] or visible[:1]
    return Segment(
        text=text,
        x0=min(c.x0 for c in visible),
        top=min(c.top for c in visible),
        x1=max(c.x1 for c in visible),
        bottom=max(c.bottom for c in visible),
        size=statistics.median(sizes),
        bold=bold * 2 > letters,
        italic=italic * 2 > letters,
        first_word=first[-1].x1 - first[0].x0,
    )


def _table(index: int, grid: Grid, chars: list[_Char], fonts: list[Font]) -> TableBlock:
    """Cell texts of one table: each cell's lines in reading order, joined by spaces."""
    cells: dict[tuple[int, int], list[_Char]] = {}
    for char in chars:
        if char.cell is not None and char.cell[0] == index:
            cells.setdefault((char.cell[1], char.cell[2]), []).append(char)
    rows: list[tuple[str, ...]] = []
    for r, row in enumerate(grid.rows):
        texts = tuple(_cell_text(cells.get((r, c), []), fonts) for c in range(len(row)))
        if any(texts):
            rows.append(texts)
    return TableBlock(top=grid.bbox[1], rows=tuple(rows))


def _cell_text(chars: list[_Char], fonts: list[Font]) -> str:
    """A cell's characters (in pdfium's order) cut into lines, lines top to bottom."""
    lines: list[list[_Char]] = []
    for char in chars:
        last = lines[-1][-1] if lines else None
        middle = (char.top + char.bottom) / 2
        if last is None or char.line_break or not last.top <= middle <= last.bottom:
            lines.append([char])
        else:
            lines[-1].append(char)
    lines.sort(key=lambda line: min(c.top for c in line))
    return " ".join(_text(line, fonts) for line in lines).strip()


def _text(chars: list[_Char], fonts: list[Font]) -> str:
    """NFC text of characters; a space pdfium inserted at a font change next to a Vietnamese
    letter becomes `SOFT_SPACE` (maybe a glyph-fallback split, see `pdf_glyphs`)."""
    parts: list[str] = []
    for i, char in enumerate(chars):
        if char.text != GENERATED_SPACE:
            parts.append(char.text)
            continue
        before = next((c for c in reversed(chars[:i]) if not c.space), None)
        after = next((c for c in chars[i + 1 :] if not c.space), None)
        soft = before is not None and after is not None and before.font != after.font and (
            is_fallback_letter(before.text[-1:]) or is_fallback_letter(after.text[:1]))
        parts.append(SOFT_SPACE if soft else " ")
    text = re.sub(rf"[ {SOFT_SPACE}]*\s[ {SOFT_SPACE}]*", " ", "".join(parts))
    return unicodedata.normalize("NFC", text.strip())
