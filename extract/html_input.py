"""HTML page → `Layout`: a legal-text page by its own structure, a news page by trafilatura.

The page is decoded and cleaned of site chrome (`html_dom`), then read block by block
(`html_blocks`). If those lines read as an administrative document (`is_plan_like`: a "Số:"
line or portal fields such as "Số hiệu", numbered parts), they are the layout, tables
included, so a plan on a legal portal gives the same record as its text. Otherwise the page
is an article: its lines are headline, date line and trafilatura's body (`html_article`), and
the page's metadata (title, date, author, site name) travels with them.
"""

from __future__ import annotations

from vnplan.extract.html_article import Article, article_lines, extract_article
from vnplan.extract.html_blocks import drop_link_blocks, page_lines
from vnplan.extract.html_dom import clean_page, decode_html, parse_html
from vnplan.extract.layout import Layout
from vnplan.extract.paragraphs import build_paragraphs
from vnplan.extract.plan import is_plan_like


def read_html_layout(data: bytes) -> Layout:
    """The lines of an HTML page (see module doc), with the page's metadata."""
    page = clean_page(parse_html(decode_html(data)))
    lines = page_lines(drop_link_blocks(page))
    article = extract_article(page)
    paragraphs, _warnings = build_paragraphs(lines)
    if is_plan_like(paragraphs):
        return Layout(lines=lines, metadata=article.metadata)
    if not article.paragraphs:  # trafilatura found no article: keep what the page shows
        title = article.metadata.title
        body = [line.text for line in lines if line.cells is None and line.text != title]
        article = Article(body, article.metadata)
    return Layout(lines=article_lines(page, article), metadata=article.metadata)
