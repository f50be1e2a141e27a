"""Word files → `Layout`: .docx read natively with python-docx, legacy .doc via LibreOffice.

The body is read in order, paragraphs and tables interleaved (the body's XML children). A
borderless table of two columns at the top or the end of the text (the agency | national
motto header, the "Nơi nhận" | signature block) is layout, not data: its left cell's
paragraphs come out as lines, then its right cell's. Other tables give one line per row with
cells; a cell merged across columns is given once ("" where it repeats) with the columns it
covers, a cell merged down again in every row it covers (with a warning). Word's automatic
numbering is rendered in front of the paragraph's text. Word has no fixed pages: `page` is None.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from vnplan.errors import ConversionError
from vnplan.extract.readers.anchors import has_layout_anchor
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.readers.layout import Layout, Line, merged_down_note
from vnplan.schema import Warning
from vnplan.text.numerals import to_roman

LAYOUT_TABLE_MAX_ROWS = 4
LAYOUT_TABLE_MAX_COLUMNS = 4
TOP_PARAGRAPHS_MAX = 3  # a layout table is "at the top" after at most this many paragraphs
SOFFICE_TIMEOUT = 180  # seconds for one .doc → .docx conversion
_NO_BORDER = ("nil", "none")


def read_docx_layout(data: bytes) -> Layout:
    """The lines of a .docx in body order; table rows carry their cells."""
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ConversionError("corrupt_docx", f"the Word file cannot be read ({error})") from error
    except Exception as error:  # lxml and python-docx raise many kinds on a damaged package
        raise ConversionError("corrupt_docx", f"the Word file cannot be read ({error})") from error
    reader = _Reader(document, _Numbering(document), _Styles(document))
    blocks = list(_body_blocks(document))
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            reader.paragraph(block)
        elif _is_layout_table(block, blocks, index):
            reader.layout_table(block)
        else:
            reader.data_table(block)
    notes = list(reader.notes())
    return Layout(lines=reader.lines, pages=None, notes=notes)


def read_doc_layout(data: bytes) -> Layout:
    """A legacy .doc, converted to .docx by LibreOffice (headless, throw-away profile)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ConversionError("needs_libreoffice", "legacy Word .doc files are converted with "
                              "LibreOffice, which is not installed (apt-get install "
                              "libreoffice-writer); or save the file as .docx")
    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        source = Path(tmp, "input.doc")
        source.write_bytes(data)
        profile = Path(tmp, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "docx", "--outdir", str(Path(tmp, "out")), str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=SOFFICE_TIMEOUT, check=False)
        except subprocess.TimeoutExpired as error:
            raise ConversionError("corrupt_doc", "LibreOffice did not convert the .doc in "
                                  f"{SOFFICE_TIMEOUT} s") from error
        converted = Path(tmp, "out", "input.docx")
        if not converted.is_file():
            raise ConversionError("corrupt_doc", "LibreOffice could not convert the .doc file")
        layout = read_docx_layout(converted.read_bytes())
    layout.notes.insert(0, Warning(
        code="converted_from_doc",
        message="legacy .doc converted to .docx with "
                            "LibreOffice before reading"))
    return layout


def _body_blocks(document: DocxDocument) -> Iterator[Paragraph | Table]:
    """Paragraphs and tables of the body in order (content controls opened)."""
    def walk(element: Any) -> Iterator[Paragraph | Table]:
        for child in element.iterchildren():
            if child.tag == qn("w:p"):
                yield Paragraph(child, document._body)
            elif child.tag == qn("w:tbl"):
                yield Table(child, document._body)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    yield from walk(content)

    yield from walk(document.element.body)


def _has_borders(table: Table) -> bool:
    """Does the table draw borders (its own, its style's or its cells')?"""
    elements = [table._tbl.tblPr]
    style = table.style
    while style is not None:
        elements.append(style.element)
        style = style.base_style
    for element in elements:
        if element is None:
            continue
        for borders in element.iter(qn("w:tblBorders"), qn("w:tcBorders")):
            if any(b.get(qn("w:val")) not in _NO_BORDER for b in borders):
                return True
    return any(any(b.get(qn("w:val")) not in _NO_BORDER for b in borders)
               for borders in table._tbl.iter(qn("w:tcBorders")))


def _is_layout_table(table: Table, blocks: list[Paragraph | Table], index: int) -> bool:
    """A borderless table that lays out the header or the signature (it holds the motto, "Số:",
    "Nơi nhận:", TM./KT. …), or a borderless two-column one at the top or the end of the text."""
    if len(table.rows) > LAYOUT_TABLE_MAX_ROWS:
        return False
    if len(table.columns) <= LAYOUT_TABLE_MAX_COLUMNS and any(
            has_layout_anchor(p.text) for row in table.rows for cell in row.cells
            for p in cell.paragraphs):
        return True
    if len(table.columns) != 2 or _has_borders(table):
        return False
    before = [b for b in blocks[:index] if not isinstance(b, Paragraph) or b.text.strip()]
    if len(before) <= TOP_PARAGRAPHS_MAX and not any(isinstance(b, Table) for b in before):
        return True
    for block in blocks[index + 1 :]:
        if isinstance(block, Table):
            return False
        text = block.text.strip()
        if APPENDIX_HEADING.match(text):
            return True
        if text:
            return False
    return True


@dataclass
class _Numbering:
    """Word's list numbering (numbering.xml), rendered as the text Word would show."""

    document: DocxDocument
    counters: dict[tuple[str, int], int] = field(default_factory=dict)
    unrendered: int = 0
    rendered: int = 0

    def _definitions(self) -> Any:
        try:
            return self.document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return None

    def label(self, paragraph: Paragraph, style: Any) -> str:
        """The number Word prints before this paragraph ("" when it has none)."""
        num_pr = _num_pr(paragraph, style)
        if num_pr is None:
            return ""
        num_id = _val(num_pr.find(qn("w:numId")))
        level = int(_val(num_pr.find(qn("w:ilvl"))) or 0)
        numbering = self._definitions()
        if not num_id or num_id == "0" or numbering is None:
            return ""
        num = next((n for n in numbering.iter(qn("w:num")) if n.get(qn("w:numId")) == num_id),
                   None)
        abstract_id = _val(num.find(qn("w:abstractNumId"))) if num is not None else None
        abstract = next((a for a in numbering.iter(qn("w:abstractNum"))
                         if a.get(qn("w:abstractNumId")) == abstract_id), None)
        if abstract is None:
            self.unrendered += 1
            return ""
        levels = {int(lvl.get(qn("w:ilvl"))): lvl for lvl in abstract.iter(qn("w:lvl"))}
        if level not in levels:
            self.unrendered += 1
            return ""
        key = abstract_id or num_id
        self.counters[(key, level)] = self.counters.get((key, level), _start(levels[level]) - 1) + 1
        for deeper in [k for k in self.counters if k[0] == key and k[1] > level]:
            del self.counters[deeper]
        text = _val(levels[level].find(qn("w:lvlText"))) or ""
        if _val(levels[level].find(qn("w:numFmt"))) == "bullet":
            self.rendered += 1
            return "-"

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            lvl = levels.get(at)
            value = self.counters.get((key, at), _start(lvl) if lvl is not None else 1)
            return _format(value, _val(lvl.find(qn("w:numFmt"))) if lvl is not None else "")

        self.rendered += 1
        return re.sub(r"%(\d)", number, text).strip()


@dataclass
class _Styles:
    """Styles by id, looked up once (python-docx scans every style for each default)."""

    document: DocxDocument
    found: dict[tuple[str | None, Any], Any] = field(default_factory=dict)

    def paragraph(self, paragraph: Paragraph) -> Any:
        return self._get(paragraph._p.style, WD_STYLE_TYPE.PARAGRAPH)

    def run(self, run: Any) -> Any:
        style_id = run._r.style
        return None if style_id is None else self._get(style_id, WD_STYLE_TYPE.CHARACTER)

    def _get(self, style_id: str | None, kind: Any) -> Any:
        key = (style_id, kind)
        if key not in self.found:
            self.found[key] = self.document.part.get_style(style_id, kind)
        return self.found[key]


def _num_pr(paragraph: Paragraph, style: Any) -> Any:
    p_pr = paragraph._p.pPr
    num_pr = p_pr.find(qn("w:numPr")) if p_pr is not None else None
    while num_pr is None and style is not None:
        style_pr = style.element.find(qn("w:pPr"))
        num_pr = style_pr.find(qn("w:numPr")) if style_pr is not None else None
        style = style.base_style
    return num_pr


def _val(element: Any) -> str | None:
    return None if element is None else element.get(qn("w:val"))


def _start(level: Any) -> int:
    value = _val(level.find(qn("w:start")))
    return int(value) if value and value.isdigit() else 1


def _format(value: int, fmt: str | None) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman: str = to_roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        letter = "abcdefghijklmnopqrstuvwxyz"[(value - 1) % 26]
        return letter.upper() if fmt == "upperLetter" else letter
    return str(value)


def _inherited(paragraph_style: Any, run_style: Any, run: Any, name: str) -> bool:
    """A run's bold/italic: its own, else its character style's, else the paragraph style's."""
    value = getattr(run.font, name)
    for style in (run_style, paragraph_style):
        while value is None and style is not None:
            value = getattr(style.font, name)
            style = style.base_style
    return bool(value)


def _size(paragraph: Paragraph, style: Any) -> float | None:
    sizes = [float(run.font.size.pt) for run in paragraph.runs
             if run.font.size and run.text.strip()]
    if sizes:
        return max(sizes, key=sizes.count)
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    return None


def _alignment(paragraph: Paragraph, style: Any) -> str | None:
    """The paragraph's w:jc value ("center", "both", "end" …), its own or its style's (read
    from the XML: python-docx refuses the values of newer Word versions)."""
    elements = [paragraph._p.pPr]
    while style is not None:
        elements.append(style.element.find(qn("w:pPr")))
        style = style.base_style
    for element in elements:
        jc = element.find(qn("w:jc")) if element is not None else None
        if jc is not None:
            return _val(jc)
    return None


def _page_break(paragraph: Paragraph) -> bool:
    if paragraph.paragraph_format.page_break_before:
        return True
    return any(br.get(qn("w:type")) == "page" for br in paragraph._p.iter(qn("w:br")))


def _cell_lines(cell: Any) -> Iterator[str]:
    """A cell's paragraphs, and the rows of a table inside it, in order."""
    for block in cell.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                for inner in row.cells:
                    yield from _cell_lines(inner)
        else:
            yield block.text


@dataclass
class _Reader:
    document: DocxDocument
    numbering: _Numbering
    styles: _Styles
    lines: list[Line] = field(default_factory=list)
    gap: bool = False
    page_break: bool = False
    spread: int = 0  # cells merged down, repeated in the rows below their first

    def paragraph(self, paragraph: Paragraph) -> None:
        label = self.numbering.label(paragraph, self.styles.paragraph(paragraph))
        text = unicodedata.normalize("NFC", paragraph.text.replace("\t", " "))
        self.page_break = self.page_break or _page_break(paragraph)
        if not text.strip():
            self.gap = True
            return
        style = self.styles.paragraph(paragraph)
        runs = [(run, self.styles.run(run)) for run in paragraph.runs if run.text.strip()]
        weight = sum(len(run.text) for run, _ in runs) or 1
        bold = sum(len(r.text) for r, s in runs if _inherited(style, s, r, "bold")) * 2 > weight
        italic = sum(len(r.text) for r, s in runs if _inherited(style, s, r, "italic")) * 2 > (
            weight)
        centered = _alignment(paragraph, style) == "center"
        parts = [part.strip() for part in text.split("\n") if part.strip()]
        if label and parts:
            parts[0] = f"{label} {parts[0]}"
        for part in parts:
            self.lines.append(Line(text=" ".join(part.split()), bold=bold, italic=italic,
                                   size=_size(paragraph, style), centered=centered,
                                   gap_before=self.gap, break_before=self.page_break))
            self.gap = self.page_break = False

    def layout_table(self, table: Table) -> None:
        """Each column's paragraphs top to bottom, left column first."""
        seen: set[Any] = set()  # the cells' XML elements (kept alive: identity is stable)
        for column in range(len(table.columns)):  # a merged cell is read once, in its first
            for row in table.rows:
                cells = row.cells
                if column < len(cells) and cells[column]._tc not in seen:
                    seen.add(cells[column]._tc)
                    for block in cells[column].iter_inner_content():
                        if isinstance(block, Table):  # a table inside a layout cell
                            self.layout_table(block)
                        else:
                            self.paragraph(block)
                    self.gap = True

    def data_table(self, table: Table) -> None:
        """One line per row. A cell merged across columns gives its text once ("" where it
        repeats) and the columns it covers (`spans`); a cell merged down gives it again in each
        row it covers, since it is that row's value too (a task's lead printed once beside
        three tasks), though the line's text keeps what is printed. A row with no text of its
        own is no row."""
        seen: dict[Any, str] = {}  # the cells' XML elements (kept alive: identity is stable)
        first = True
        for row in table.rows:
            texts: list[str] = []
            spans: list[int] = []
            at: dict[Any, int] = {}  # where each cell of the row begins
            own, repeated = False, []  # where a cell merged down from above is given again
            for cell in row.cells:
                if cell._tc in at:
                    spans[at[cell._tc]] += 1
                    spans.append(0)
                    texts.append("")
                    continue
                at[cell._tc] = len(texts)
                spans.append(1)
                if cell._tc in seen:
                    if seen[cell._tc]:
                        repeated.append(len(texts))
                    texts.append(seen[cell._tc])
                    continue
                lines = (" ".join(text.split()) for text in _cell_lines(cell))
                text = unicodedata.normalize("NFC", "\n".join(p for p in lines if p))
                seen[cell._tc] = text
                texts.append(text)
                own = own or bool(text)
            if own:
                self.spread += len(repeated)
                shown = ("" if i in repeated else " ".join(t.split()) for i, t in enumerate(texts))
                self.lines.append(Line(text=" | ".join(shown),
                                       cells=tuple(texts), starts_table=first,
                                       spans=tuple(spans) if max(spans) > 1 else None,
                                       break_before=self.page_break))
                self.page_break = first = False
        self.gap = True

    def notes(self) -> Iterator[Warning]:
        if self.spread:
            yield merged_down_note(self.spread)
        if self.numbering.rendered:
            yield Warning(
                code="numbering_rendered",
                message=f"Word list numbering rendered as text on "
                   f"{self.numbering.rendered} paragraph(s)")
        if self.numbering.unrendered:
            yield Warning(
                code="numbering_unrendered",
                message=f"{self.numbering.unrendered} paragraph(s) use Word "
                   "list numbering that could not be rendered: their numbers are missing")
