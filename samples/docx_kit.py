"""Word-file building blocks shared by every sample: Liberation Serif defaults, formatted
paragraphs and table cells, centred rules, borderless layout tables, fixed metadata and a
zip writer with fixed timestamps (identical content gives identical bytes)."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

FONT = "Liberation Serif"
BODY_PT = 14
TABLE_PT = 12
FIXED_TIME = dt.datetime(2022, 3, 30, 8, 0, 0, tzinfo=dt.UTC)
ZIP_TIME = (2022, 3, 30, 8, 0, 0)


def set_run_fonts(parent: _Element) -> _Element:
    """Point every script slot of ``parent``'s ``rPr`` at Liberation Serif (no theme fonts)."""
    rpr: _Element | None = parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        parent.append(rpr)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)
    return rpr



def new_document(created: dt.datetime = FIXED_TIME) -> DocxDocument:
    """A blank document with Liberation Serif defaults and fixed metadata."""
    doc = Document()
    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
    rpr = set_run_fonts(rpr_default)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(BODY_PT * 2))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "vi-VN")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_PT)
    set_run_fonts(normal.element)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    props = doc.core_properties
    props.author = "vnplan samples"
    props.last_modified_by = "vnplan samples"
    props.created = created
    props.modified = created
    props.revision = 1
    return doc


def add_text(
    par: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
) -> None:
    """Append ``text`` to ``par``; ``*words*`` spans become italic runs."""
    for i, piece in enumerate(re.split(r"\*([^*]+)\*", text)):
        if not piece:
            continue
        run = par.add_run(piece)
        run.bold = bold or None
        run.italic = (italic or i % 2 == 1) or None
        if size is not None:
            run.font.size = Pt(size)


def paragraph(
    container: DocxDocument | _Cell,
    text: str = "",
    *,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    before: float = 0,
    after: float = 0,
    indent: Length | None = None,
) -> Paragraph:
    """Add a formatted paragraph to a document or a table cell."""
    par = container.add_paragraph()
    fmt = par.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if indent is not None:
        fmt.first_line_indent = indent
    add_text(par, text, bold=bold, italic=italic, size=size)
    return par


def cell_paragraph(
    cell: _Cell,
    text: str,
    *,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    before: float = 0,
    after: float = 0,
) -> Paragraph:
    """Write into the cell's untouched first paragraph, or add a new one."""
    par: Paragraph = cell.paragraphs[-1]
    if len(cell.paragraphs) > 1 or par.runs or par._p.pPr is not None:
        par = cell.add_paragraph()
    fmt = par.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    add_text(par, text, bold=bold, italic=italic, size=size)
    return par


def rule(container: DocxDocument | _Cell, width_cm: float, length_cm: float) -> Paragraph:
    """A short centred horizontal line: an empty paragraph with a bottom border."""
    par = container.add_paragraph()
    fmt = par.paragraph_format
    side = Cm(max(0.0, (width_cm - length_cm) / 2))
    fmt.left_indent = side
    fmt.right_indent = side
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(4)
    fmt.line_spacing = Pt(3)
    ppr = par._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    border.append(bottom)
    ppr.insert_element_before(
        border, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr"
    )
    return par


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Fix column widths (fixed layout, grid and every cell) so LibreOffice and Word agree."""
    table.autofit = False
    for col, width in zip(table.columns, widths_cm, strict=True):
        col.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)


def borderless_table(doc: DocxDocument, widths_cm: Sequence[float]) -> Table:
    """A one-row table without borders, used for the header and the signature blocks."""
    table: Table = doc.add_table(rows=1, cols=len(widths_cm))
    set_widths(table, widths_cm)
    return table


def setup_portrait(doc: DocxDocument) -> None:
    """A4 portrait, margins 2 cm top/bottom, 3 cm left, 2 cm right."""
    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)
    sec.header_distance = sec.footer_distance = Cm(1.0)



def mark_header_row(table: Table) -> None:
    """Repeat the first row on every page (w:tblHeader); rows stay free to split."""
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    tr_pr.append(header)



def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps so identical content gives identical bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()

