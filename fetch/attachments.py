"""Links on an HTML page to the documents it carries: .pdf, .doc and .docx attachments."""

from __future__ import annotations

import unicodedata
from urllib.parse import unquote, urlsplit

import lxml.etree
import lxml.html

from vnplan.formats import ATTACHMENT_SUFFIXES

from .urls import SCHEMES, resolve

# Link texts Vietnamese portals put on download links, compared NFC and lower-case.
LINK_WORDS = ("file đính kèm", "đính kèm", "tải về", "tải xuống", "download", "văn bản gốc")
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:")


def find_attachments(html: str, page_url: str) -> list[str]:
    """Absolute, de-duplicated attachment URLs of a page, in page order.

    A link counts if its path (percent-decoded, query ignored) ends in .pdf/.doc/.docx, or
    its text or title reads like a download link ("Tải về", "File đính kèm", ...). Relative
    links resolve against <base href> if the page has one, else `page_url`; links back to
    the page itself (in-page anchors) are not attachments.
    """
    try:
        root = lxml.html.document_fromstring(
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (lxml.etree.ParserError, ValueError):
        return []
    base = page_url
    for element in root.iter("base"):
        href = element.get("href")
        if href and href.strip():
            base = resolve(page_url, str(href))
            break
    here = resolve(page_url, "")
    found: list[str] = []
    for link in root.iter("a"):
        href = str(link.get("href") or "").strip()
        if not href or href.startswith("#") or href.lower().startswith(_SKIP_SCHEMES):
            continue
        url = resolve(base, href)
        if urlsplit(url).scheme.lower() not in SCHEMES or url in found or url == here:
            continue  # not web, already found, or the page itself ("Tải về" tab anchors)
        label = f"{link.text_content()} {link.get('title') or ''}"
        if has_document_extension(url) or reads_like_download(label):
            found.append(url)
    return found


def has_document_extension(url: str) -> bool:
    """Whether the URL's path (not its query) ends in .pdf, .doc or .docx."""
    path = unquote(urlsplit(url).path).strip().lower()
    return path.endswith(ATTACHMENT_SUFFIXES)


def reads_like_download(text: str) -> bool:
    """Whether link text names a download ("Tải về", "File đính kèm", "Văn bản gốc", ...)."""
    normal = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return any(word in normal for word in LINK_WORDS)
