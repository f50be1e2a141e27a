"""What every input format delivers to the extractor: lines in reading order, with provenance.

A PDF, a Word file, an HTML page and a plain text file all become a `Layout`; the rest of
the extractor never looks at the original format. A table row is a line with `cells`; a
reader that knows where each table begins (HTML, Word) marks its first row `starts_table`, so
two tables printed one after the other stay two (a PDF's table split by a page break is one),
and one that knows its merged cells (Word, HTML) says which columns each covers (`spans`) and
gives a cell merged down over several rows in each of them (`merged_down_note` says how many).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from vnplan.schema import Warning


@dataclass(frozen=True)
class Printed:
    """Text as read, with where it came from and how it looked: what a line tells, and the
    paragraph it opens keeps."""

    text: str
    page: int | None = None
    bold: bool | None = None
    italic: bool | None = None
    size: float | None = None
    centered: bool | None = None
    cells: tuple[str, ...] | None = None  # a table row, one string per cell
    # a row with a cell merged across columns: how many columns each cell covers (0 where the
    # cell to its left goes on); None when every cell covers its own (or the reader can't tell)
    spans: tuple[int, ...] | None = None
    break_before: bool = False  # a page break (or a blank-line run standing for one) precedes it
    starts_table: bool = False  # the first row of a table the reader saw as one (HTML, Word)
    ocr: bool = False  # read by OCR from a scanned page: its numbers may be misread


@dataclass(frozen=True)
class Line(Printed):
    """One line of text as read, and how it joins the line before."""

    starts_paragraph: bool = True  # False: continues the paragraph of the line before
    gap_before: bool = False  # blank space (a blank line in text) separates it from the line before


@dataclass(frozen=True)
class PageMetadata:
    """What a web page says about itself (meta tags, JSON-LD): fills what its text does not."""

    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None  # the site's name


@dataclass
class Layout:
    """The lines of a document in reading order (table rows included), and facts about it."""

    lines: list[Line]
    pages: int | None = None
    ocr: bool = False
    notes: list[Warning] = field(default_factory=list)
    metadata: PageMetadata | None = None  # web pages only
    article: list[Line] | None = None  # web pages only: the page read as a news article


def merged_down_note(cells: int) -> Warning:
    """The warning of a reader that gave `cells` cells merged down in each row they cover."""
    return Warning(code="merged_cells_spread", message=f"{cells} table cell(s) merged down "
                   "over several rows: the text given in each row it covers")
