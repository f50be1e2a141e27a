"""HTML bytes → a parsed page with its site chrome taken out.

Decoding is the fetch stage's (BOM, then the declared charset verified by strict decoding,
clean UTF-8 preferred, windows-1258 fallback, NFC). Cleaning removes what is never article or
document text: scripts and form controls, navigation and sidebars (by tag and by class/id
words), photo captions, and the boxes Vietnamese sites head with words like "Tin liên quan"
or "Thống kê truy cập" — words trafilatura does not know.
"""

from __future__ import annotations

import copy
import re
import unicodedata

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from vnplan.extract.readers.cues import CHROME_END
from vnplan.text.charset import decode_text


def word_set(text: str) -> frozenset[str]:
    """The space-separated words of `text` as a set (tag and class names)."""
    return frozenset(text.split())


# Never text: removed with their content (the element's tail text is kept).
DROP_TAGS = word_set(
    "script style noscript template iframe svg canvas object embed map video audio img "
    "input select option button textarea label figcaption nav aside"
)
# A class or id made of these words (split on "-", "_", spaces) marks site chrome.
CHROME_WORDS = word_set(
    "menu topmenu mainmenu navbar nav navigation breadcrumb breadcrumbs sidebar side "
    "share social comment comments tags tag related counter visitors poll banner login "
    "footer tools toolbar other advert ads"
)
# Headings of chrome boxes on Vietnamese sites, compared casefolded without a final ":".
CHROME_HEADINGS = frozenset(
    [
        *CHROME_END,
        "thống kê",
        "lượt truy cập",
        "tìm kiếm",
        "tìm kiếm tin tức",
        "liên kết website",
        "dịch vụ công",
        "thăm dò ý kiến",
        "đọc nhiều",
        "xem nhiều",
        "tin mới",
        "tin nổi bật",
        "chuyên đề",
        "văn bản căn cứ",
        "văn bản liên quan",
        "tra cứu theo lĩnh vực",
        "file đính kèm",
        "tệp đính kèm",
    ]
)
INLINE_TAGS = word_set("a span strong b em i u small font sup sub")
HEADING_WORDS_MAX = 6
_KEEP_CONTAINERS = frozenset({"html", "body", "article", "main"})
_SPLIT = re.compile(r"[-_\s]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """The page as NFC text (see `vnplan.text.charset.decode_text`)."""
    text: str = decode_text(data, None, html=True).text
    return text


def parse_html(text: str) -> HtmlElement:
    """Parse a page; an empty or unparsable page gives an empty <html>."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        root = lxml.html.fromstring("<html><body></body></html>")
    return root


def clean_page(root: HtmlElement) -> HtmlElement:
    """A copy of the page without chrome: `<head>` kept, `<body>` cleaned."""
    page = copy.deepcopy(root)
    body = page.find("body")
    if body is None:
        return page
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _is_dropped(element):
            element.drop_tree()
    drop_chrome_boxes(body)
    return page


def _is_dropped(element: HtmlElement) -> bool:
    tag = element.tag.lower()
    if tag in DROP_TAGS:
        return True
    if tag in ("header", "footer") and not _inside(element, ("article", "main")):
        return True
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    return bool(chrome_words(element))


def chrome_words(element: HtmlElement) -> set[str]:
    """The chrome words in the element's class and id ("side-box" → {"side"})."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    return set(_SPLIT.split(names)) & CHROME_WORDS


def _inside(element: HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(isinstance(a.tag, str) and a.tag.lower() in tags for a in element.iterancestors())


def normalize_space(text: str) -> str:
    """NFC, every run of whitespace (no-break spaces included) one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def is_chrome_heading(text: str) -> bool:
    """Is this the heading of a chrome box ("Tin Liên Quan", "Thống kê truy cập:")?"""
    folded = normalize_space(text).casefold().rstrip(" :")
    return 0 < len(folded.split()) <= HEADING_WORDS_MAX and folded in CHROME_HEADINGS


def drop_chrome_boxes(body: HtmlElement) -> None:
    """Remove each box a chrome heading opens: the heading's container when the heading comes
    first in it, else the heading and everything after it in its container. What holds the
    page's main text block is never removed with a box, only the heading itself is."""
    main = main_block(body)
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or not has_inline_content(element):
            continue
        if not attached(element, body) or not is_chrome_heading(element.text_content()):
            continue
        heading = _outermost_with_same_text(element)
        parent = heading.getparent()
        if parent is None:
            continue
        if not _text_before(heading) and parent.tag.lower() not in _KEEP_CONTAINERS:
            box = [parent]
        else:
            box = [heading, *heading.itersiblings()]
        if main is not None and any(main is e or e in main.iterancestors() for e in box):
            box = [heading]
        for victim in box:
            victim.drop_tree()


def main_block(body: HtmlElement) -> HtmlElement | None:
    """The element whose own paragraphs (<p> children) hold the most text: the article's or
    the document's body on a page made of one."""
    best: tuple[int, HtmlElement] | None = None
    for element in body.iter():
        if not isinstance(element.tag, str):
            continue
        size = sum(len(p.text_content()) for p in element.iterchildren("p"))
        if size and (best is None or size > best[0]):
            best = (size, element)
    return best[1] if best else None


def has_inline_content(element: HtmlElement) -> bool:
    """An element with inline content only (a heading, a title div, a label span)."""
    return all(isinstance(child.tag, str) and child.tag.lower() in INLINE_TAGS for child in element)


def _outermost_with_same_text(element: HtmlElement) -> HtmlElement:
    text = normalize_space(element.text_content())
    while (parent := element.getparent()) is not None and parent.tag.lower() not in (
        _KEEP_CONTAINERS
    ):
        if normalize_space(parent.text_content()) != text:
            break
        element = parent
    return element


def _text_before(element: HtmlElement) -> str:
    parent = element.getparent()
    parts = [parent.text or ""] if parent is not None else []
    for sibling in element.itersiblings(preceding=True):
        parts.append(sibling.text_content() + (sibling.tail or ""))
    return normalize_space(" ".join(parts))


def attached(element: HtmlElement, root: HtmlElement) -> bool:
    """Is `element` still inside `root` (not dropped with an ancestor)?"""
    return element is root or any(a is root for a in element.iterancestors())

