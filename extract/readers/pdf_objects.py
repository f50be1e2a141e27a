"""The fast path of a born-digital page: text read per text object, not per character.

A PDF text object (one text-showing operation) has one font, one size and one baseline, so a
page of 40–80 objects is read with a few hundred pdfium calls instead of tens of thousands.
Objects on one baseline are joined (with a space where the gap is a word gap) and cut into
segments at column gaps; objects inside a ruled table's cell make up the cell's text. A page
where this is not safe (an object spanning a column gap or two cells, or rotated text) is
left to the per-character path (`pdf_text`).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vnplan.extract.readers.pdf_geometry import PageFrame, Segment, TableBlock
from vnplan.extract.readers.pdf_glyphs import SOFT_SPACE, is_fallback_letter
from vnplan.extract.readers.pdf_tables import Grid, locate

COLUMN_GAP_EM = 1.8  # as in pdf_text: a wider gap separates two columns
WORD_GAP_EM = 0.12  # a gap between two objects wider than this is a space
ASCENT, DESCENT = 0.85, 0.25  # a line's box around its baseline, in ems
MAX_EM_PER_CHAR = 1.2  # an object wider than this per character hides a gap inside
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demibold", "demi")
_ITALIC_FLAG = 1 << 6
_FORCE_BOLD_FLAG = 1 << 18


class Piece(NamedTuple):
    """One text object as displayed (a tuple: a page makes dozens)."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    bold: bool
    italic: bool
    font: int  # identifies the font (pieces in different fonts may be a glyph-fallback split)


def _font_facts(font: object) -> tuple[bool, bool]:
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(max(length, 1))
    pdfium_c.FPDFFont_GetBaseFontName(font, buffer, length)
    name = buffer.value.decode("latin-1", "replace").lower()
    flags = int(pdfium_c.FPDFFont_GetFlags(font))
    bold = int(pdfium_c.FPDFFont_GetWeight(font)) >= 600 or bool(flags & _FORCE_BOLD_FLAG) or any(
        w in name for w in _BOLD_NAMES)
    italic = bool(flags & _ITALIC_FLAG) or "italic" in name or "oblique" in name
    return bold, italic


class _ObjectReader:
    """Reads text objects with pdfium's own calls into buffers kept for the whole page (the
    Python wrappers make an object per call; a page has hundreds of text objects)."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self.textpage = textpage.raw
        self.buffer = (ctypes.c_ushort * 2048)()
        self.matrix = pdfium_c.FS_MATRIX()
        self.box = [ctypes.c_float() for _ in range(4)]
        self.size = ctypes.c_float()

    def text(self, obj: ctypes.c_void_p) -> str:
        size = ctypes.sizeof(self.buffer)
        length = pdfium_c.FPDFTextObj_GetText(obj, self.textpage, self.buffer, size)
        if length <= 2:
            return ""
        if length > size:  # the buffer was too small: pdfium only said how much it needs
            self.buffer = (ctypes.c_ushort * (length // 2 + 1))()
            pdfium_c.FPDFTextObj_GetText(obj, self.textpage, self.buffer, length)
        text = ctypes.string_at(self.buffer, length - 2).decode("utf-16-le", "replace")
        # pdfium appends the space it inserts before the next object: only leading spaces are
        # real
        return unicodedata.normalize("NFC", text.replace("\x02", "-")).rstrip()

    def matrix_of(self, obj: ctypes.c_void_p) -> tuple[float, float, float, float, float, float]:
        m = self.matrix
        pdfium_c.FPDFPageObj_GetMatrix(obj, m)
        return m.a, m.b, m.c, m.d, m.e, m.f

    def bounds(self, obj: ctypes.c_void_p) -> tuple[float, float, float, float]:
        left, bottom, right, top = self.box
        pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
        return left.value, bottom.value, right.value, top.value

    def font_size(self, obj: ctypes.c_void_p) -> float:
        pdfium_c.FPDFTextObj_GetFontSize(obj, self.size)
        return float(self.size.value)


def read_pieces(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage,
                frame: PageFrame) -> list[Piece] | None:
    """The page's text objects, or None when the character path must read the page."""
    pieces: list[Piece] = []
    fonts: dict[int, tuple[int, bool, bool]] = {}
    reader = _ObjectReader(textpage)
    raw = page.raw
    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    get_font, render_mode = pdfium_c.FPDFTextObj_GetFont, pdfium_c.FPDFTextObj_GetTextRenderMode
    text_type, stroked = pdfium_c.FPDF_PAGEOBJ_TEXT, pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = get_object(raw, i)
        if get_type(obj) != text_type:
            continue
        text = reader.text(obj)
        shown = text.strip()
        if not shown:
            continue
        a, b, c, d, e, f = reader.matrix_of(obj)
        dx, dy = frame.direction(a, b)
        if abs(dy) > 0.01 * max(abs(dx), 1e-6) or dx <= 0:
            return None  # rotated or mirrored text
        size = round(reader.font_size(obj) * math.sqrt(abs(a * d - b * c)), 1)
        font = get_font(obj)
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        facts = fonts.get(key)
        if facts is None:
            facts = fonts[key] = (len(fonts), *_font_facts(font))
        index, bold, italic = facts
        if render_mode(obj) == stroked:
            bold = True
        x0, _, x1, _ = frame.box(*reader.bounds(obj))
        origin_x, baseline = frame.point(e, f)
        if size <= 0 or (x1 - x0) > MAX_EM_PER_CHAR * size * len(shown) + 2 * size:
            return None  # a gap inside the object: let the characters tell
        pieces.append(Piece(text, min(x0, origin_x), x1, baseline, size, bold, italic, index))
    return pieces


def _cells(pieces: list[Piece], grids: list[Grid]) -> list[tuple[int, int, int] | None] | None:
    """Each piece's cell (None outside tables); None if a piece spans two cells."""
    out: list[tuple[int, int, int] | None] = []
    for piece in pieces:
        middle = piece.baseline - 0.3 * piece.size
        first = locate(grids, piece.x0 + 0.5, middle)
        if first != locate(grids, piece.x1 - 0.5, middle):
            return None
        out.append(first)
    return out


def _lines(pieces: Sequence[Piece]) -> list[list[Piece]]:
    """Pieces grouped by baseline (top to bottom), each line left to right."""
    lines: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (p.baseline, p.x0)):
        if lines and abs(piece.baseline - lines[-1][0].baseline) <= 0.3 * piece.size:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return [sorted(line, key=lambda p: p.x0) for line in lines]


def _join(line: Sequence[Piece]) -> str:
    text = line[0].text
    for prev, piece in itertools.pairwise(line):
        gap = piece.x0 - prev.x1
        if piece.text.startswith(" ") or gap <= WORD_GAP_EM * piece.size:
            text += piece.text
        elif piece.font != prev.font and (is_fallback_letter(text.rstrip()[-1:]) or
                                          is_fallback_letter(piece.text[:1])):
            text += SOFT_SPACE + piece.text
        else:
            text += " " + piece.text
    return " ".join(text.split())


def _segments(pieces: Sequence[Piece]) -> list[Segment]:
    segments: list[Segment] = []
    for line in _lines(pieces):
        run = [line[0]]
        for piece in line[1:]:
            if piece.x0 - run[-1].x1 > COLUMN_GAP_EM * max(piece.size, run[-1].size):
                segments.append(_segment(run))
                run = []
            run.append(piece)
        segments.append(_segment(run))
    return segments


def _segment(run: list[Piece]) -> Segment:
    text = _join(run)
    size = max(run, key=lambda p: len(p.text)).size
    letters = sum(len(p.text.strip()) for p in run) or 1
    first = run[0].text.strip()
    first_word = first.split(" ", 1)[0]
    width = run[0].x1 - run[0].x0
    baseline = run[0].baseline
    return Segment(
        text=text,
        x0=run[0].x0,
        top=baseline - ASCENT * size,
        x1=run[-1].x1,
        bottom=baseline + DESCENT * size,
        size=size,
        bold=sum(len(p.text.strip()) for p in run if p.bold) * 2 > letters,
        italic=sum(len(p.text.strip()) for p in run if p.italic) * 2 > letters,
        first_word=width * len(first_word) / max(len(first), 1),
    )


def page_content(pieces: list[Piece],
                 grids: list[Grid]) -> tuple[list[Segment], list[TableBlock]] | None:
    """Segments outside tables and the tables' rows; None if a piece spans two cells."""
    cells = _cells(pieces, grids) if grids else [None] * len(pieces)
    if cells is None:
        return None
    outside = [p for p, cell in zip(pieces, cells, strict=True) if cell is None]
    tables: list[TableBlock] = []
    for index, grid in enumerate(grids):
        by_cell: dict[tuple[int, int], list[Piece]] = {}
        for piece, cell in zip(pieces, cells, strict=True):
            if cell is not None and cell[0] == index:
                by_cell.setdefault((cell[1], cell[2]), []).append(piece)
        rows = []
        for r, row in enumerate(grid.rows):
            texts = tuple(" ".join(_join(line) for line in _lines(by_cell.get((r, c), [])))
                          for c in range(len(row)))
            if any(texts):
                rows.append(texts)
        if rows:
            tables.append(TableBlock(top=grid.bbox[1], rows=tuple(rows)))
    return _segments(outside), tables
