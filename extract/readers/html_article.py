"""A news page → the lines the news extractor reads: headline, date line, body paragraphs.

The body is trafilatura's. Two small steps before it fix what it gets wrong on Vietnamese
sites: the page is cleaned first (`html_dom.clean_page`: captions, "Tin liên quan" boxes,
counters), and layout tables are turned into divisions, since on an old table-layout portal
trafilatura otherwise returns the whole page as one table row. The page's own date line
("06/02/2024 - 20:29", "Ngày cập nhật 29/04/2022"), which trafilatura leaves out of the body,
is looked up next to the headline. Dates come from the page's markup only: trafilatura's
default search of the text would take a date the article merely mentions.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata

from vnplan.extract.readers.html_blocks import is_layout_table, table_rows
from vnplan.extract.readers.html_dom import has_inline_content, normalize_space
from vnplan.extract.readers.layout import Line, PageMetadata
from vnplan.text.dates import date_line

# trafilatura logs pages it cannot read; the record's error says so, so keep stderr quiet
# unless the caller configures logging.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
DATE_PARAMS = {"extensive_search": False, "original_date": True}
DATE_LINE_WORDS_MAX = 12
_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")


@dataclass(frozen=True)
class Article:
    """trafilatura's reading of a page: body paragraphs and the page's metadata."""

    paragraphs: list[str]
    metadata: PageMetadata


def extract_article(page: HtmlElement) -> Article:
    """Body paragraphs and metadata of a cleaned page (see module doc)."""
    tree = unwrap_layout_tables(page)
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_tables=True,
        date_extraction_params=DATE_PARAMS,
    )
    if doc is None or isinstance(doc, dict):  # no article found: the metadata still counts
        doc = extract_metadata(copy.deepcopy(page), date_config=DATE_PARAMS, extensive=False)
    paragraphs = [normalize_space(p) for p in (doc.text or "").split("\n")]
    metadata = PageMetadata(
        title=_clean(doc.title) or _first_h1(page),
        published=_iso_date(doc.date),
        author=_clean(doc.author),
        publisher=_clean(doc.sitename),
    )
    return Article([p for p in paragraphs if p], metadata)


def unwrap_layout_tables(page: HtmlElement) -> HtmlElement:
    """A copy of the page whose layout tables (cells holding blocks or tables) are divisions."""
    tree = copy.deepcopy(page)
    for table in list(tree.iter("table")):
        if not is_layout_table(table_rows(table)):
            continue
        parts = [
            element
            for element in table.iterdescendants(*_TABLE_PARTS[1:])
            if _owner_table(element) is table
        ]
        for element in [table, *parts]:
            element.tag = "div"
            for name in ("width", "align", "valign", "border", "cellspacing", "cellpadding"):
                element.attrib.pop(name, None)
    return tree


def _owner_table(element: HtmlElement) -> HtmlElement | None:
    """The table a row or cell belongs to: its nearest <table> ancestor."""
    return next(element.iterancestors("table"), None)


def article_lines(page: HtmlElement, article: Article) -> list[Line]:
    """Date line and body: what `split_news` reads of a page whose headline is known (it
    travels in `article.metadata.title`, not among the lines)."""
    lines: list[Line] = []
    headline = article.metadata.title
    if (dated := find_date_line(page, headline)) is not None:
        lines.append(Line(text=dated))
    body = list(article.paragraphs)
    if body and headline and body[0].casefold() == headline.casefold():
        body = body[1:]  # trafilatura may repeat the headline as the first line
    lines.extend(Line(text=text, gap_before=bool(lines)) for text in body)
    return lines


def find_date_line(page: HtmlElement, headline: str | None) -> str | None:
    """The page's visible date line nearest the headline ("06/02/2024 - 20:29")."""
    body = page.find("body")
    if body is None:
        return None
    elements = [e for e in body.iter() if isinstance(e.tag, str)]
    dated: list[tuple[int, str]] = []
    title_at: int | None = None
    for index, element in enumerate(elements):
        if not has_inline_content(element):
            continue
        text = normalize_space(element.text_content())
        if not text or len(text.split()) > DATE_LINE_WORDS_MAX:
            continue
        if headline and title_at is None and text.casefold() == headline.casefold():
            title_at = index
        elif date_line(text) is not None:
            dated.append((index, text))
    if not dated:
        return None
    if title_at is None:
        return dated[0][1]
    anchor = title_at
    return min(dated, key=lambda item: abs(item[0] - anchor))[1]


def _first_h1(page: HtmlElement) -> str | None:
    h1 = page.find(".//h1")
    return _clean(h1.text_content()) if h1 is not None else None


def _clean(value: str | None) -> str | None:
    text = normalize_space(value or "")
    return text or None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None
