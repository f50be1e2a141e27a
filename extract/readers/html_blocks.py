"""A page's own structure → `Line`s: each block element a line, `<br>` a line break.

Tables are read for what they are on Vietnamese legal portals:

- a layout table (cells holding blocks or other tables) and the two-column document header
  are read cell by cell, row by row: left cell lines, then right cell lines;
- a key–value table (metadata such as "Số hiệu | 227/KH-UBND") gives one "Key Value" line a row;
- a data table (three or more columns, e.g. STT | Nội dung | …) gives one `Line(cells=…)` a
  row, as the Word reader does: a cell merged across columns padded with "" (its `spans` say
  so), one merged down given again in each row it covers.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml.html import HtmlElement

from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.readers.html_dom import attached, normalize_space, word_set
from vnplan.extract.readers.layout import Line, merged_down_note
from vnplan.schema import Warning

BLOCK_TAGS = word_set(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd table tr td th thead tbody tfoot caption "
    "section article main header footer blockquote pre form center address figure hr "
    "fieldset details summary"
)
_LAYOUT_CONTENT = ("table", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "form")
_BOLD_TAGS = word_set("b strong h1 h2 h3 h4 h5 h6 th")
_ITALIC_TAGS = word_set("i em")
_CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
KEY_WORDS_MAX = 4
LABEL_WORDS_MAX = 6  # a column name in a header row
DATA_COLUMNS_MIN = 3
HEADER_ROWS_MAX = 3  # a task table's header is among its first rows
_ITEM_NUMBER = re.compile(r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})\.?")
_LIST_LABEL = re.compile(r"(?:(?:Mẫu|Biểu|Phụ lục)(?: số)?\s*)?"
                         r"(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})[a-z]?\.?", re.IGNORECASE)


@dataclass(frozen=True)
class _Style:
    bold: bool = False
    italic: bool = False
    centered: bool = False


@dataclass
class _Writer:
    """Collects inline text into lines; a block boundary or `<br>` ends the line."""

    lines: list[Line] = field(default_factory=list)
    parts: list[tuple[str, _Style]] = field(default_factory=list)
    gap: bool = False
    spread: int = 0  # cells merged down, given again in a row below

    def add(self, text: str | None, style: _Style) -> None:
        if text:
            self.parts.append((text, style))

    def end_line(self, *, block: bool) -> None:
        text = normalize_space("".join(t for t, _ in self.parts))
        styles = [s for t, s in self.parts if t.strip()]
        self.parts = []
        if text:
            self.lines.append(
                Line(
                    text=text,
                    bold=all(s.bold for s in styles),
                    italic=all(s.italic for s in styles),
                    centered=any(s.centered for s in styles),
                    gap_before=self.gap,
                )
            )
            self.gap = False
        if block and self.lines:
            self.gap = True


class Blocks(NamedTuple):
    """A page read block by block: its lines, and the warnings reading them gave."""

    lines: list[Line]
    notes: list[Warning]


def page_blocks(root: HtmlElement) -> Blocks:
    """The lines of a (cleaned) page's body in reading order, and what reading them noted."""
    body = root.find("body")
    writer = _Writer()
    _walk(body if body is not None else root, _Style(), writer)
    writer.end_line(block=True)
    return Blocks(writer.lines, [merged_down_note(writer.spread)] if writer.spread else [])


def _walk(element: HtmlElement, style: _Style, writer: _Writer) -> None:
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    if tag == "br":
        writer.end_line(block=False)
        return
    if tag == "table":
        writer.end_line(block=True)
        _table(element, style, writer)
        writer.end_line(block=True)
        return
    style = _style_of(element, tag, style)
    block = tag in BLOCK_TAGS
    if block:
        writer.end_line(block=True)
    writer.add(element.text, style)
    for child in element:
        if isinstance(child.tag, str):
            _walk(child, style, writer)
        writer.add(child.tail, style)
    if block:
        writer.end_line(block=True)


def _style_of(element: HtmlElement, tag: str, style: _Style) -> _Style:
    centered = style.centered
    if tag in BLOCK_TAGS:
        align = (element.get("align") or "").lower()
        centered = align == "center" or bool(_CENTER.search(element.get("style") or ""))
        centered = centered or tag == "center"
    return _Style(
        bold=style.bold or tag in _BOLD_TAGS,
        italic=style.italic or tag in _ITALIC_TAGS,
        centered=centered,
    )


def table_rows(table: HtmlElement) -> list[list[HtmlElement]]:
    """The table's own rows (not those of nested tables), each a list of its cells."""
    rows: list[list[HtmlElement]] = []
    for part in [table, *table.findall("thead"), *table.findall("tbody"), *table.findall("tfoot")]:
        for row in part.findall("tr"):
            rows.append(
                [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
            )
    return [row for row in rows if row]


def _table(table: HtmlElement, style: _Style, writer: _Writer) -> None:
    rows = table_rows(table)
    if not rows:
        return
    layout = is_layout_table(rows)
    narrow = max(len(r) for r in rows) < DATA_COLUMNS_MIN
    if layout or (narrow and not _has_header(rows) and not _numbered_list(rows)):
        if not layout and (pairs := _key_values(rows)) is not None:
            for key, value in pairs:
                writer.lines.append(
                    Line(text=normalize_space(f"{key} {value}"), gap_before=writer.gap)
                )
                writer.gap = False
            return
        for row in rows:
            for cell in row:
                _walk(cell, style, writer)
        return
    first = True
    for read in _grid(rows):
        if read.own:  # a row with no text of its own (only cells merged down into it) is no row
            writer.spread += len(read.repeated)
            writer.lines.append(Line(text=read.printed.strip(), cells=tuple(read.cells),
                                     spans=read.spans, gap_before=writer.gap, starts_table=first))
            writer.gap = first = False


def is_layout_table(rows: list[list[HtmlElement]]) -> bool:
    """Cells holding tables, divisions, lists, headings or several paragraphs: the table only
    places blocks — unless a header row names task-table columns ("STT", "Nội dung"), or the
    rows are numbered items of a list of three or more columns ("7 | Dịch vụ … | - Bộ Tài
    chính …⏎- Bộ Xây dựng …") or a grid under short column names, as in a Word export whose
    cells hold one <p> per line."""
    if _has_header(rows):
        return False
    children = [child for row in rows for cell in row for child in cell
                if isinstance(child.tag, str)]
    if any(child.tag.lower() in _LAYOUT_CONTENT for child in children):
        return True
    paragraphs = any(len(cell.findall("p")) > 1 for row in rows for cell in row)
    return paragraphs and not _numbered_rows(rows) and not _labelled_grid(rows)


def _labelled_grid(rows: list[list[HtmlElement]]) -> bool:
    """Rows of three or more cells each, under a first row of short one-line labels ("Họ và
    tên | Tán thành | Không tán thành"): a grid with column names, such as a ballot's."""
    width = len(rows[0])
    labels = [cell_text(cell).strip() for cell in rows[0]]
    return width >= DATA_COLUMNS_MIN and len(rows) >= 2 and all(
        len(row) == width for row in rows) and all(
        label and "\n" not in label and len(label.split()) <= LABEL_WORDS_MAX for label in labels)


def _numbered_rows(rows: list[list[HtmlElement]]) -> bool:
    """Does every row that fills the table's width open with an item number ("7", "1.2",
    "IV")? Rows under a number merged down (rowspan) are narrower and not asked."""
    width = max(len(row) for row in rows)
    firsts = [cell_text(row[0]).strip() for row in rows if len(row) == width]
    return width >= DATA_COLUMNS_MIN and any(firsts) and all(
        _ITEM_NUMBER.fullmatch(first) for first in firsts if first)


def _numbered_list(rows: list[list[HtmlElement]]) -> bool:
    """Two columns, every row opening with its number ("Mẫu số 01 | Tờ trình …", "1 | Sở
    Ngoại vụ"): a list, such as an appendix's index of model forms, not a layout."""
    return len(rows) >= 2 and all(
        len(row) == 2 and _LIST_LABEL.fullmatch(cell_text(row[0]).strip()) for row in rows)


def _has_header(rows: list[list[HtmlElement]]) -> bool:
    return any(is_header_row(tuple(cell_text(c) for c in row)) for row in rows[:HEADER_ROWS_MAX])


def _key_values(rows: list[list[HtmlElement]]) -> list[tuple[str, str]] | None:
    """("Số hiệu", "227/KH-UBND") pairs when every row is a short label and one value."""
    if any(len(row) != 2 for row in rows):
        return None
    pairs = [(cell_text(row[0]), cell_text(row[1])) for row in rows]
    labelled = all(row[0].tag.lower() == "th" for row in rows)
    plain = all(
        len(key.split()) <= KEY_WORDS_MAX
        and not any(c.isdigit() for c in key)
        and "\n" not in key + value
        for key, value in pairs
    )
    return pairs if labelled or plain else None


def cell_text(cell: HtmlElement) -> str:
    """A cell's lines joined by newlines (an agency list split by <br> stays split)."""
    writer = _Writer()
    _walk(cell, _Style(), writer)
    writer.end_line(block=True)
    return "\n".join(line.text for line in writer.lines)


class _GridRow(NamedTuple):
    cells: list[str]
    spans: tuple[int, ...] | None  # None when no cell covers two columns
    repeated: list[int]  # where a cell merged down from a row above is given again

    @property
    def own(self) -> bool:
        """Whether the row prints any text of its own."""
        return any(c for i, c in enumerate(self.cells) if i not in self.repeated)

    @property
    def printed(self) -> str:
        """The row as printed: the cells merged down from above left out."""
        return "\t".join("" if i in self.repeated else c for i, c in enumerate(self.cells))


def _grid(rows: list[list[HtmlElement]]) -> Iterator[_GridRow]:
    """Rows of cell texts and the columns each cell covers, as the Word reader gives them: a
    colspan is padded with "" after the cell; a rowspan gives the cell's text again in each
    row below it covers, since it is that row's value too (a task's lead printed once beside
    two tasks)."""
    pending: dict[int, tuple[int, str, int]] = {}  # column → (rows still covered, text, span)
    for row in rows:
        out: list[str] = []
        spans: list[int] = []
        repeated: list[int] = []
        cells = iter(row)
        column = 0
        while True:
            left, text, span = pending.get(column, (0, "", 1))
            if left > 0:
                pending[column] = (left - 1, text, span)
                if text:
                    repeated.append(len(out))
                out.append(text)
                spans.append(span)
                column += 1
                continue
            cell = next(cells, None)
            if cell is None:
                break
            span = _span(cell, "colspan")
            down = _span(cell, "rowspan") - 1
            text = cell_text(cell)
            out.extend([text] + [""] * (span - 1))
            spans.extend([span] + [0] * (span - 1))
            for offset in range(span):
                if down > 0:
                    pending[column + offset] = (down, "", 0) if offset else (down, text, span)
            column += span
        yield _GridRow(out, tuple(spans) if spans and max(spans) > 1 else None, repeated)


def _span(cell: HtmlElement, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return max(1, min(int(value), 50)) if value.isdigit() else 1


def drop_link_blocks(page: HtmlElement) -> HtmlElement:
    """A copy of the page without blocks made only of links (logos, tabs, menus, action bars),
    which a page's structure would otherwise read as lines. Headings are kept."""
    tree = copy.deepcopy(page)
    body = tree.find("body")
    if body is None:
        return tree
    for element in list(body.iterdescendants()):
        if not isinstance(element.tag, str) or element.tag.lower() not in BLOCK_TAGS:
            continue
        if element.tag.lower() in ("h1", "h2", "h3") or not attached(element, body):
            continue
        if _links_only(element):
            element.drop_tree()
    return tree


def _links_only(element: HtmlElement) -> bool:
    """Does every word of the element sit inside a link (and is there at least one)?"""
    if any(_has_word(text) for text in _texts(element, outside_links=True)):
        return False
    return any(_has_word(a.text_content()) for a in element.iter("a"))


def _texts(element: HtmlElement, *, outside_links: bool) -> Iterator[str]:
    """The element's text pieces in order, skipping those inside <a> when `outside_links`."""
    if outside_links and element.tag == "a":
        return
    yield element.text or ""
    for child in element:
        if isinstance(child.tag, str):
            yield from _texts(child, outside_links=outside_links)
        yield child.tail or ""


def _has_word(text: str) -> bool:
    return any(c.isalnum() for c in text)
