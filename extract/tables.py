"""Every data table of a document: found, titled, its columns read, and sorted into task
tables (read into task rows by `appendix`) and plain tables (kept as cells).

A table is a run of rows; a row is a paragraph with cells. A reader that knows where each table
begins marks its first row (`starts_table`): a new table there, unless it continues the one
right above (the rest of a table split at a page: its header repeated, or none of its own
under a table that has one). Tables that only lay out a header
or a signature (the motto, "Số:", "Nơi nhận:", TM./KT. in their cells) are not data. The title
and caption are the heading printed above the table (`table_titles`). A header
printed on two rows ("Kết quả" over "Đạt | Không đạt") gives "Kết quả - Đạt", "Kết quả -
Không đạt"; a row numbering the columns ("(1) (2) (3)") is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from vnplan.extract.appendix import parse_appendix
from vnplan.extract.columns import (
    column_field,
    column_fields,
    is_column_number_row,
    is_task_table,
)
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import has_layout_anchor
from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.table_titles import table_title
from vnplan.schema import Appendix, Warning

HEADER_CELL_WORDS = 14  # a header cell is a label, not a sentence
LABEL_WORDS = 10  # … and one no field names a short one ("Ngày chấm dứt hành nghề")
HEADER_ROWS_MAX = 4  # a header printed on more rows than this is not one
NAMED_HEADER_CELL_WORDS = 30  # … unless the row opens with STT: "CÁC LUẬT, NGHỊ ĐỊNH … CẦN SỬA ĐỔI"
_NUMBER = re.compile(r"^[\divxlIVXL.()\s-]*$")
_SPECKS = re.compile(r"[^\w\s.()-]")  # what OCR reads from specks beside a number ("¡0" for "10")
_FIGURE = re.compile(r"[\d\s.,%()-]+")
_NOTE = re.compile(r"\([^()]*\)")
_FORM_NUMBER = re.compile(r"(?:Mẫu|Biểu)(?: số)?\s*\d", re.IGNORECASE)  # "Mẫu số 01": an item


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    rows: list[Paragraph]
    continued: int = 0  # tables after the first that continue it (one table split at pages)


def read_tables(
    paragraphs: list[Paragraph], start: int, appendix_at: int, titles: list[str]
) -> tuple[list[tuple[int, Appendix]], list[Warning]]:
    """The data tables of `paragraphs[start:]`, each with the index of its first row; those
    from `appendix_at` on are appendix tables, the others stand in the body. `titles` are the
    section titles (evidence for OCR repairs of group titles)."""
    tables: list[tuple[int, Appendix]] = []
    warnings: list[Warning] = []
    for block in _blocks(paragraphs, start):
        if _is_layout(block):
            continue
        columns, skip = _columns(block.rows)
        floor = appendix_at if appendix_at <= block.start else 0
        title, caption = ("", None) if _continues_elsewhere(block, columns) else table_title(
            paragraphs, block.start, floor)
        body = [r for r in block.rows[skip:] if r.cells and not is_column_number_row(r.cells)]
        in_appendix = block.start >= appendix_at
        fields = column_fields(tuple(columns)) if columns else []
        table = None
        if fields and is_task_table(fields):
            table, found = parse_appendix(title, caption, body, titles, index=len(tables),
                                          columns=columns)
            if assigns_work(table):
                warnings.extend(found)
            else:
                table = None
        if table is None:
            table = Appendix(title=title, caption=caption, columns=columns, kind="table",
                             cells=[[" ".join(c.split()) for c in r.cells or ()] for r in body])
        table.in_appendix = in_appendix
        if block.continued:
            warnings.append(Warning(
                code="table_continued",
                message=f"{block.continued + 1} tables read as one: each after the first "
                        "continues its columns",
                where=f"appendices[{len(tables)}]"))
        tables.append((block.start, table))
    return tables, warnings


def assigns_work(table: Appendix) -> bool:
    """Whether the rows read from a task table's columns do say what is done and by whom or by
    when: a blank form ("1 | | |"), or figures under headings that name bodies (the cost per
    reviewing body), assigns nothing."""
    rows = [r for r in table.rows if r.content.strip()]
    named = [a.raw for r in rows for a in (*r.lead, *r.coordinating)]
    if not rows or not (named or any(r.timeline for r in rows)):
        return False
    return not named or sum(bool(_FIGURE.fullmatch(n)) for n in named) * 2 < len(named)


def _blocks(paragraphs: list[Paragraph], start: int) -> list[_Block]:
    out: list[_Block] = []
    i = start
    while i < len(paragraphs):
        if paragraphs[i].cells is None:
            i += 1
            continue
        rows = [paragraphs[i]]
        j = i + 1
        repeating = -1  # in a table continuing this one: how many header rows it repeated
        continued = 0
        while j < len(paragraphs) and (paragraphs[j].cells is not None or _bridges(paragraphs, j)):
            row = paragraphs[j]
            j += 1
            if row.starts_table and not _continues(rows[0], row):
                j -= 1
                break
            if row.starts_table:
                repeating, continued = 0, continued + 1
            if 0 <= repeating < len(rows) and row.cells == rows[repeating].cells:
                repeating += 1
            elif row.cells is not None:
                rows.append(row)
                repeating = -1
        out.append(_Block(i, j, rows, continued))
        i = j
    return out


def _continues(first: Paragraph, row: Paragraph) -> bool:
    """Does a table printed right under another (no text between) continue it? When it opens
    with the same header (Word repeats it when a table is split at a page), or, under a table
    with a header, with a row no wider than it that is no header of its own (a page's export
    that split the table where the page broke, trailing blank cells left out)."""
    if first.cells is None or row.cells is None or not _header_like(first.cells):
        return False
    return first.cells == row.cells or (
        len(row.cells) <= len(first.cells) and not _header_like(row.cells))


def _bridges(paragraphs: list[Paragraph], j: int) -> bool:
    """A line between two rows that does not end the table: a page number left by a reader."""
    nxt = paragraphs[j + 1] if j + 1 < len(paragraphs) else None
    return nxt is not None and nxt.cells is not None and bool(
        re.fullmatch(r"\W*\d{1,3}\W*", paragraphs[j].text.strip()))


def _continues_elsewhere(block: _Block, columns: list[str]) -> bool:
    """A table with no header of its own that opens a page: the rest of a table printed on
    another page (a scan's pages out of order), so the lines ending the page before (a
    signature, a paragraph) are not its title."""
    return not columns and block.rows[0].break_before


def _is_layout(block: _Block) -> bool:
    """A header or signature laid out as a table (its cells hold the motto, "Số:", "Nơi
    nhận:", TM./KT. …), not data."""
    cells = [c for r in block.rows[:6] for c in (r.cells or ()) if c.strip()]
    return len(block.rows) <= 4 and any(
        has_layout_anchor(line) for c in cells for line in c.split("\n"))


def _header_like(cells: tuple[str, ...]) -> bool:
    texts = [c for c in cells if c.strip()]
    if is_header_row(cells) and all(len(t.split()) <= NAMED_HEADER_CELL_WORDS for t in texts):
        return True
    if len(texts) < 2 or any(_label_words(t) > HEADER_CELL_WORDS for t in texts):
        return False
    if _NUMBER.match(_SPECKS.sub("", texts[0])) or _FORM_NUMBER.match(texts[0]) or any(
            t.replace(",", "").replace(".", "").isdigit() for t in texts):
        return False
    named = sum(1 for t in texts if column_field(t) is not None)
    return named * 2 >= len(texts) or all(
        not parse_marker(t) and _label_words(t) <= LABEL_WORDS for t in texts)


def _label_words(cell: str) -> int:
    """The words of a column name, without its notes in parentheses ("(số, ngày tháng năm)",
    "(nếu có)", "(triệu đồng)")."""
    return len(_NOTE.sub(" ", cell).split())


def _columns(rows: list[Paragraph]) -> tuple[list[str], int]:
    """The table's column names and how many rows they take (0 when it prints no header). A
    header over several rows is known by its shape, however long its labels."""
    first = rows[0].cells or ()
    paths = _spanned_header(rows)
    labelled = bool(first) and bool(first[0].strip()) and not _NUMBER.match(first[0])
    if len(paths) > 1 and (labelled or _header_like(first)):
        return [" - ".join(dict.fromkeys(p for p in path if p)) for path in paths[-1]], len(paths)
    if not _header_like(first):
        return [], 0
    top = [" ".join(c.split()) for c in first]
    if len(rows) > 1 and rows[1].cells and _second_header_row(first, rows[1].cells):
        below = [" ".join(c.split()) for c in rows[1].cells]
        return _joined(top, below), 2
    return top, 1


def _spanned_header(rows: list[Paragraph]) -> list[list[tuple[str, ...]]]:
    """The header rows under parent cells spanning several columns ("Định mức (triệu đồng)"
    over "Bộ luật mới | Luật mới | …", "Trong đó:" over "Cơ quan tham gia" over "01 Cơ quan |
    Tổng"), as each column's path of labels after each row: a row belongs to the header when
    it only prints labels under spanning parents. A cell left blank after a label within one
    parent is that label's own span; one repeating the cell above is that cell merged down
    (Word gives a merged cell in every row it covers)."""
    width = len(rows[0].cells or ())
    paths: list[tuple[str, ...]] = []
    for cell in rows[0].cells or ():
        text = " ".join(cell.split())
        paths.append((text,) if text else paths[-1] if paths else ("",))
    levels = [paths]
    above = [" ".join(c.split()) for c in rows[0].cells or ()]
    for row in rows[1:HEADER_ROWS_MAX]:
        cells = [" ".join(c.split()) for c in row.cells or ()]
        if len(cells) != width:
            break
        cells, above = ["" if c == a else c for c, a in zip(cells, above, strict=True)], cells
        if not _under_spans(paths, cells):
            break
        below: list[tuple[str, ...]] = []
        for i, text in enumerate(cells):
            if text:
                below.append((*paths[i], text))
            elif i and paths[i] == paths[i - 1] and below[i - 1] != paths[i - 1]:
                below.append(below[i - 1])
            else:
                below.append(paths[i])
        paths = below
        levels.append(paths)
    return levels


def _under_spans(paths: list[tuple[str, ...]], cells: list[str]) -> bool:
    """Does the row print labels, and only under parents spanning several columns?"""
    def spanned(i: int) -> bool:
        return any(0 <= j < len(paths) and paths[j] == paths[i] for j in (i - 1, i + 1))

    texts = [(i, t) for i, t in enumerate(cells) if t]
    return len(texts) >= 2 and all(spanned(i) and not _NUMBER.fullmatch(t)
                                   and not _FIGURE.fullmatch(t) for i, t in texts)


def _second_header_row(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """A second header row: labels under a parent cell that spans several columns."""
    if is_column_number_row(second) or len(second) != len(first):
        return False
    texts = [c for c in second if c.strip()]
    spans = any(not a.strip() or a == b for a, b in pairwise(first))
    return bool(texts) and spans and _header_like(second) if len(texts) >= 2 else bool(
        texts and spans and not _NUMBER.match(texts[0]) and len(texts[0].split()) <= 8)


def _joined(top: list[str], below: list[str]) -> list[str]:
    out: list[str] = []
    parent = ""
    for up, down in zip(top, below, strict=True):
        parent = up or parent
        if down and parent and down != parent:
            out.append(f"{parent} - {down}")
        else:
            out.append(down or parent)
    return out
