"""Administrative documents written for the samples, read from ``sources/<slug>.toml`` and laid
out as Nghị định 30/2020/NĐ-CP, Phụ lục I prescribes (A4, Liberation Serif 14 pt, two-column
header, centred type and subject, numbered body, "Nơi nhận" and the signature).

A source file holds the document's metadata, its header, signature and table blocks, and its
body as lines of a small markup (one paragraph a line; blank lines are ignored)::

    ^TEXT          centred, bold (type line, subject, authority line, Chương heading)
    ^_TEXT         centred, italic ("(Ban hành kèm theo …)")
    ^=TEXT         centred, regular ("Kính gửi: …" on one line)
    --             a short centred rule under the subject
    _TEXT          justified, italic, first-line indent (the "Căn cứ …;" lines)
    #TEXT          justified, bold, kept with the next paragraph (a heading)
    >TEXT, >>TEXT  indented 2.5 / 4.5 cm, no first-line indent ("Kính gửi:" and its items)
    TEXT           justified, first-line indent 1 cm; **bold** and *italic* spans inside
    @header NAME   a header block  ([headers.NAME])
    @signature NAME  "Nơi nhận" and a signature block  ([signatures.NAME])
    @table NAME    a bordered table  ([tables.NAME]; a row with fewer cells than columns is a
                   group row, its last cell merged across the rest)
    @page portrait|landscape   a new page (a new section in that orientation)

``portal_page.py`` renders the same source as the body of a web page.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx_kit import (
    TABLE_PT,
    borderless_table,
    mark_header_row,
    new_document,
    normalise_zip,
    rule,
    set_widths,
    setup_portrait,
)

SOURCES = Path(__file__).resolve().parent / "sources"
MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
HEADER_WIDTHS_CM = (6.5, 9.5)  # 16 cm = A4 portrait less 3 + 2 cm margins
SIGNATURE_WIDTHS_CM = (8.0, 8.0)
SIGNATURE_GAP_LINES = 4  # room for the hand signature and the seal
INLINE = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


# --------------------------------------------------------------------------------------------
# The source
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Header:
    """The two header columns: issuer, number and "V/v" subject (left); motto, place-date."""

    left: list[str]
    number: str = ""
    subject: list[str] = field(default_factory=list)
    place_date: str = ""
    rows: int = 1  # 2: the number and the place-date in a second table row
    mark: str = ""  # "DỰ THẢO", boxed above the header
    widths: tuple[float, float] = HEADER_WIDTHS_CM


@dataclass(frozen=True)
class Signature:
    """'Nơi nhận' and the signature block: authority and position lines, then the name."""

    lines: list[str]
    name: str
    recipients: list[str] = field(default_factory=list)
    layout: str = "table"  # "table": side by side; "stacked": signature, then "Nơi nhận"
    signed_note: str = "(Đã ký)"  # what a web copy prints where the signature was


@dataclass(frozen=True)
class DataTable:
    """A bordered table: header cells, rows (a short row is a group row), column widths."""

    widths: list[float]
    header: list[str]
    rows: list[list[str]]
    bold_last: bool = False
    aligns: list[str] = field(default_factory=list)  # per column: "left", "center", "right"


@dataclass(frozen=True)
class Source:
    """One document to build."""

    slug: str
    forms: list[str]
    created: dt.datetime
    body: list[str]
    headers: dict[str, Header]
    signatures: dict[str, Signature]
    tables: dict[str, DataTable]
    portal: dict[str, Any]


def load_source(path: Path) -> Source:
    """Read one ``sources/*.toml`` file."""
    data = tomllib.loads(path.read_text("utf-8"))
    return Source(
        slug=data["slug"],
        forms=list(data["forms"]),
        created=data["created"],
        body=[line.strip() for line in data["body"].splitlines() if line.strip()],
        headers={k: Header(**{**v, "widths": tuple(v.get("widths", HEADER_WIDTHS_CM))})
                 for k, v in data.get("headers", {}).items()},
        signatures={k: Signature(**v) for k, v in data.get("signatures", {}).items()},
        tables={k: DataTable(**v) for k, v in data.get("tables", {}).items()},
        portal=data.get("portal", {}),
    )


def load_sources() -> list[Source]:
    """Every source, in file-name order."""
    return [load_source(p) for p in sorted(SOURCES.glob("*.toml"))]


@dataclass(frozen=True)
class Block:
    """One line of the body markup: what it is (``kind``) and its text or block name."""

    kind: str
    text: str = ""


def parse_body(lines: list[str]) -> Iterator[Block]:
    """The body markup as blocks, in order."""
    sigils = (
        ("^_", "center-italic"),
        ("^=", "center-plain"),
        ("^", "center"),
        (">>", "indent2"),
        (">", "indent1"),
        ("_", "italic"),
        ("#", "heading"),
    )
    for line in lines:
        if line == "--":
            yield Block("rule")
        elif line.startswith("@"):
            kind, _, arg = line[1:].partition(" ")
            yield Block(kind, arg.strip())
        else:
            kind, text = next(
                ((k, line[len(s):]) for s, k in sigils if line.startswith(s)), ("text", line)
            )
            yield Block(kind, text)


def inline_spans(text: str) -> Iterator[tuple[str, bool, bool]]:
    """(text, bold, italic) pieces of a line with **bold** and *italic* spans."""
    for piece in INLINE.split(text):
        if piece.startswith("**") and piece.endswith("**") and len(piece) > 4:
            yield piece[2:-2], True, False
        elif piece.startswith("*") and piece.endswith("*") and len(piece) > 2:
            yield piece[1:-1], False, True
        elif piece:
            yield piece, False, False


# --------------------------------------------------------------------------------------------
# Word layout
# --------------------------------------------------------------------------------------------


def add_runs(
    par: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
) -> Paragraph:
    """Append ``text`` with its inline spans; ``bold``/``italic`` apply to every run."""
    for piece, span_bold, span_italic in inline_spans(text):
        run = par.add_run(piece)
        run.bold = (bold or span_bold) or None
        run.italic = (italic or span_italic) or None
        if size is not None:
            run.font.size = Pt(size)
    return par


def new_paragraph(
    container: DocxDocument | _Cell,
    *,
    align: WD_ALIGN_PARAGRAPH,
    before: float = 0,
    after: float = 0,
    first_line_cm: float | None = None,
    left_cm: float | None = None,
) -> Paragraph:
    """An empty paragraph in a document or a cell (a cell's first, unused paragraph is reused)."""
    if isinstance(container, _Cell):
        par: Paragraph = container.paragraphs[-1]
        if len(container.paragraphs) > 1 or par.runs or par._p.pPr is not None:
            par = container.add_paragraph()
    else:
        par = container.add_paragraph()
    fmt = par.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if first_line_cm is not None:
        fmt.first_line_indent = Cm(first_line_cm)
    if left_cm is not None:
        fmt.left_indent = Cm(left_cm)
    return par


def centred(
    container: DocxDocument | _Cell,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: float | None = None,
    before: float = 0,
) -> Paragraph:
    par = new_paragraph(container, align=WD_ALIGN_PARAGRAPH.CENTER, before=before)
    return add_runs(par, text, bold=bold, italic=italic, size=size)


def boxed_mark(doc: DocxDocument, text: str) -> None:
    """A mark such as DỰ THẢO in a small box at the top right."""
    par = new_paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER, after=6, left_cm=12.5)
    add_runs(par, text, bold=True, size=13)
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "6"), ("space", "2"), ("color", "000000")):
            edge.set(qn(f"w:{key}"), value)
        borders.append(edge)
    par._p.get_or_add_pPr().insert_element_before(
        borders, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr", "w:sectPr"
    )


def add_header(doc: DocxDocument, header: Header) -> None:
    """The header as a borderless table: one row, or two with number and date below."""
    if header.mark:
        boxed_mark(doc, header.mark)
    left_w, right_w = header.widths
    table = borderless_table(doc, header.widths)
    left, right = table.rows[0].cells
    for line in header.left:
        centred(left, line, size=13)
    rule(left, left_w, 2.2)
    centred(right, MOTTO[0], bold=True, size=12)
    centred(right, MOTTO[1], bold=True, size=13)
    rule(right, right_w, 5.6)
    if header.rows == 2:
        row = table.add_row()  # type: ignore[no-untyped-call]
        set_widths(table, header.widths)
        left, right = row.cells
    if header.number:
        centred(left, header.number, size=13, before=2)
    for line in header.subject:
        centred(left, line, size=12)
    if header.place_date:
        par = new_paragraph(right, align=WD_ALIGN_PARAGRAPH.CENTER, before=2)
        add_runs(par, header.place_date, italic=True, size=13)


def add_signature(doc: DocxDocument, signature: Signature) -> None:
    """'Nơi nhận' beside the signature (a borderless table), or the signature above it."""
    if signature.layout == "table":
        table = borderless_table(doc, SIGNATURE_WIDTHS_CM)
        left, right = table.rows[0].cells
        add_recipients(left, signature.recipients)
        add_signature_lines(right, signature)
        return
    block = new_paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER, before=12, left_cm=8.0)
    add_runs(block, signature.lines[0], bold=True)
    for line in signature.lines[1:]:
        add_runs(new_paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER, left_cm=8.0), line, bold=True)
    for _ in range(SIGNATURE_GAP_LINES):
        new_paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER, left_cm=8.0)
    name = new_paragraph(doc, align=WD_ALIGN_PARAGRAPH.CENTER, left_cm=8.0, after=12)
    add_runs(name, signature.name, bold=True)
    add_recipients(doc, signature.recipients)


def add_recipients(container: DocxDocument | _Cell, recipients: list[str]) -> None:
    left = WD_ALIGN_PARAGRAPH.LEFT
    add_runs(new_paragraph(container, align=left, before=12), "Nơi nhận:", bold=True, italic=True,
             size=12)
    for line in recipients:
        add_runs(new_paragraph(container, align=left), line, size=11)


def add_signature_lines(cell: _Cell, signature: Signature) -> None:
    for i, line in enumerate(signature.lines):
        centred(cell, line, bold=True, before=12 if i == 0 else 0)
    for _ in range(SIGNATURE_GAP_LINES):
        centred(cell, "")
    centred(cell, signature.name, bold=True)


ALIGNS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def add_table(doc: DocxDocument, spec: DataTable) -> None:
    """A bordered table with a repeated bold header row; group rows merged and bold."""
    table = doc.add_table(rows=1 + len(spec.rows), cols=len(spec.header))
    table.style = doc.styles["Table Grid"]
    set_widths(table, spec.widths)
    for cell, text in zip(table.rows[0].cells, spec.header, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_text(cell, text, WD_ALIGN_PARAGRAPH.CENTER, bold=True)
    mark_header_row(table)
    aligns = [ALIGNS[a] for a in spec.aligns] or [WD_ALIGN_PARAGRAPH.LEFT] * len(spec.header)
    for index, (tr, cells) in enumerate(zip(table.rows[1:], spec.rows, strict=True)):
        bold = spec.bold_last and index == len(spec.rows) - 1
        targets = list(tr.cells)
        if len(cells) < len(spec.header):  # a group row: its last cell spans the rest
            merged = targets[len(cells) - 1].merge(targets[-1])
            targets = [*targets[: len(cells) - 1], merged]
            bold = True
        for col, (cell, text) in enumerate(zip(targets, cells, strict=False)):
            align = aligns[col] if len(cells) == len(spec.header) else WD_ALIGN_PARAGRAPH.LEFT
            if col == 0:
                align = WD_ALIGN_PARAGRAPH.CENTER
            cell_text(cell, text, align, bold=bold)


def cell_text(cell: _Cell, text: str, align: WD_ALIGN_PARAGRAPH, *, bold: bool = False) -> None:
    """A table cell's text; a newline starts a new paragraph inside the cell."""
    for line in text.split("\n"):
        par = new_paragraph(cell, align=align, before=2, after=2)
        add_runs(par, line, bold=bold, size=TABLE_PT)


def new_page(doc: DocxDocument, orientation: str) -> None:
    """A new section on a new page, A4 in the given orientation."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    if orientation == "landscape":
        sec.orientation = WD_ORIENT.LANDSCAPE
        sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
        sec.top_margin = sec.bottom_margin = Cm(2.0)
        sec.left_margin = sec.right_margin = Cm(2.0)
    else:
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
        sec.top_margin = sec.bottom_margin = Cm(2.0)
        sec.left_margin, sec.right_margin = Cm(3.0), Cm(2.0)


def add_block(doc: DocxDocument, source: Source, block: Block, after_header: bool) -> None:
    """Typeset one body block (the type line after a header gets room above it)."""
    justify = WD_ALIGN_PARAGRAPH.JUSTIFY
    match block.kind:
        case "header":
            add_header(doc, source.headers[block.text])
        case "signature":
            add_signature(doc, source.signatures[block.text])
        case "table":
            add_table(doc, source.tables[block.text])
        case "page":
            new_page(doc, block.text)
        case "rule":
            rule(doc, 16.0, 4.0)
        case "center":
            par = centred(doc, block.text, bold=True, before=18 if after_header else 6)
            par.paragraph_format.keep_with_next = True
        case "center-italic":
            centred(doc, block.text, italic=True)
        case "center-plain":
            centred(doc, block.text, before=12)
        case "indent1" | "indent2":
            left = 2.5 if block.kind == "indent1" else 4.5
            par = new_paragraph(doc, align=justify, before=6 if left < 4 else 0, left_cm=left)
            add_runs(par, block.text)
        case "italic" | "heading" | "text":
            par = new_paragraph(doc, align=justify, before=6, first_line_cm=1.0)
            add_runs(par, block.text, bold=block.kind == "heading", italic=block.kind == "italic")
            par.paragraph_format.keep_with_next = block.kind == "heading" or None
        case _:
            raise ValueError(f"{source.slug}: unknown body block @{block.kind}")


def build_admin_docx(source: Source) -> bytes:
    """Lay out a whole document and return the DOCX bytes (zip entries with fixed dates)."""
    doc = new_document(source.created)
    setup_portrait(doc)
    previous = ""
    for block in parse_body(source.body):
        add_block(doc, source, block, after_header=previous == "header")
        previous = block.kind
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())
