"""HTML page → `Layout`: the page read block by block, and read as a news article.

The page is decoded and cleaned of site chrome (`html_dom`), then read block by block
(`html_blocks`): those lines, tables included, are the layout, so a document on a legal portal
gives the same record as its text. The same page read as an article — headline, date line and
trafilatura's body (`html_article`) — travels beside them in `Layout.article`, with the page's
metadata (title, date, author, site name); extraction decides which reading the page is.
"""

from __future__ import annotations

from vnplan.extract.readers.html_article import Article, article_lines, extract_article
from vnplan.extract.readers.html_blocks import drop_link_blocks, page_blocks
from vnplan.extract.readers.html_dom import clean_page, decode_html, parse_html
from vnplan.extract.readers.layout import Layout


def read_html_layout(data: bytes) -> Layout:
    """The lines of an HTML page (see module doc), with the page's metadata."""
    page = clean_page(parse_html(decode_html(data)))
    lines, notes = page_blocks(drop_link_blocks(page))
    article = extract_article(page)
    if not article.paragraphs:  # trafilatura found no article: keep what the page shows
        title = article.metadata.title
        body = [line.text for line in lines if line.cells is None and line.text != title]
        article = Article(body, article.metadata)
    return Layout(lines=lines, notes=notes, metadata=article.metadata,
                  article=article_lines(page, article))
