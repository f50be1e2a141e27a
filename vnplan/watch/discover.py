"""A source's pages → its entries: the documents it lists, newest first where it says.

Feeds are read by feedparser, sitemaps (and sitemap indexes) by lxml with entities and network
access off, listing pages by lxml with the source's CSS selectors or, without them, by what a
portal's list of documents looks like: links whose text opens with a document type or cites a
number ("Kế hoạch số 12/KH-UBND …"), and links to .pdf/.doc/.docx files.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import io
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
from lxml.cssselect import CSSSelector

from vnplan.fetch.attachments import has_document_extension
from vnplan.fetch.urls import SCHEMES, resolve
from vnplan.text.dates import parse_date

from .filters import cites_number, title_type
from .sources import Selectors

MAX_SITEMAP_BYTES = 50 * 2**20  # the sitemap protocol's limit, uncompressed
_NEXT_WORDS = ("trang sau", "trang tiếp", "tiếp theo", "sau »", "next", "»", "›", ">")
_ROW_TAGS = ("tr", "li", "article", "dd", "dt")
_SITEMAP_NS = re.compile(r"^\{[^}]*\}")


@dataclass(frozen=True)
class Entry:
    """One document a source lists: its URL and what the source says of it. `updated` is
    when the source says it last changed (a sitemap's lastmod, an Atom entry's updated)."""

    url: str
    title: str | None = None
    date: dt.date | None = None
    updated: dt.datetime | None = None


@dataclass(frozen=True)
class Page:
    """What one page of a source gives: entries, and where to read on (a listing's next page,
    a sitemap index's sitemaps)."""

    entries: tuple[Entry, ...] = ()
    more: tuple[Entry, ...] = ()


def kind_of(content: bytes) -> str:
    """ "feed", "sitemap" or "listing", by the bytes' first element."""
    head = _unzipped(content)[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    head = re.sub(rb"<\?xml[^>]*>|<!--.*?-->|<!doctype[^>]*>|\s+", b" ", head, flags=re.S)
    first = re.search(rb"<([a-z][\w:.-]*)", head)
    tag = first[1].decode("ascii") if first else ""
    if tag in ("urlset", "sitemapindex"):
        return "sitemap"
    if tag in ("rss", "feed", "rdf:rdf", "rdf"):
        return "feed"
    return "listing"


def read_feed(content: bytes, url: str) -> Page:
    """An RSS or Atom feed's items, each by its link (or its first enclosure)."""
    parsed = feedparser.parse(content, response_headers={"content-location": url})
    entries: list[Entry] = []
    for item in parsed.entries:
        link = item.get("link") or next(
            (e.get("href") for e in item.get("enclosures", []) if e.get("href")), None
        )
        if not link:
            continue
        own = item.keys()  # feedparser answers a missing "updated" with "published"
        published = _feed_time(item.get("published"), item.get("published_parsed"))
        updated = (
            _feed_time(item["updated"], item.get("updated_parsed")) if "updated" in own else None
        )
        date = published or updated
        entries.append(
            Entry(
                url=resolve(url, str(link)),
                title=_clean(item.get("title")),
                date=date.date() if date else None,
                updated=updated,
            )
        )
    return Page(tuple(_web_only(entries)))


def read_sitemap(content: bytes, url: str) -> Page:
    """A sitemap's URLs (entries) or a sitemap index's sitemaps (`more`), with lastmod."""
    parser = lxml.etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = lxml.etree.fromstring(_unzipped(content), parser=parser)
    except lxml.etree.XMLSyntaxError:
        return Page()
    if root is None:
        return Page()
    found: list[Entry] = []
    for node in root:
        if not isinstance(node.tag, str) or _local(node.tag) not in ("url", "sitemap"):
            continue
        fields = {_local(c.tag): (c.text or "").strip() for c in node if isinstance(c.tag, str)}
        if fields.get("loc"):
            updated = _iso_time(fields.get("lastmod", ""))
            found.append(
                Entry(
                    url=resolve(url, fields["loc"]),
                    date=updated.date() if updated else None,
                    updated=updated,
                )
            )
    found = _web_only(found)
    if _local(str(root.tag)) == "sitemapindex":
        newest_first = sorted(found, key=lambda e: e.updated or _EPOCH, reverse=True)
        return Page(more=tuple(newest_first))
    return Page(entries=tuple(found))


def read_listing(html: str, url: str, selectors: Selectors) -> Page:
    """A listing page's entries (in page order) and its next page, if it links one."""
    try:
        root = lxml.html.document_fromstring(
            html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8")
        )
    except (lxml.etree.ParserError, ValueError):
        return Page()
    root.make_links_absolute(url, resolve_base_href=True, handle_failures="discard")
    here = resolve(url, "")
    entries: list[Entry] = []
    seen: set[str] = set()
    for element, link in _entry_links(root, selectors):
        target = resolve(url, str(link.get("href") or ""))
        if target in seen or target == here or urlsplit(target).scheme not in SCHEMES:
            continue
        seen.add(target)
        title = _clean(link.text_content()) or _clean(link.get("title"))
        entries.append(Entry(target, title, _row_date(element, link, selectors)))
    following = _next_link(root, selectors, here)
    more = (Entry(following),) if following and following not in seen else ()
    return Page(tuple(entries), more)


# -- listing pages ------------------------------------------------------------------------


def _entry_links(
    root: lxml.html.HtmlElement, selectors: Selectors
) -> list[tuple[lxml.html.HtmlElement, lxml.html.HtmlElement]]:
    """(the entry's element, its link) for each entry of the page."""
    if selectors.entry is not None:
        pairs = []
        for element in CSSSelector(selectors.entry)(root):
            link = element if element.tag == "a" else next(element.iter("a"), None)
            if link is not None and link.get("href"):
                pairs.append((element, link))
        return pairs
    return [(a, a) for a in root.iter("a") if a.get("href") and _reads_like_entry(a)]


def _reads_like_entry(link: lxml.html.HtmlElement) -> bool:
    """A link a portal's list of documents would hold: to a document file, or whose text
    opens with a document type or cites a document number."""
    if has_document_extension(str(link.get("href"))):
        return True
    text = _clean(link.text_content()) or ""
    return len(text.split()) >= 3 and (title_type(text) is not None or cites_number(text))


def _row_date(
    element: lxml.html.HtmlElement, link: lxml.html.HtmlElement, selectors: Selectors
) -> dt.date | None:
    """The entry's date: from the `date` selector inside its element (or row), else the first
    date written in its row outside the link's text (a number's year is no date)."""
    row = element if element is not link else _row_of(link)
    if selectors.date is not None:
        for node in CSSSelector(selectors.date)(row):
            text = node.get("datetime") or node.text_content()
            stamp = _iso_time(text)
            found = stamp.date() if stamp else parse_date(text)
            if found:
                return found
        return None
    text = row.text_content().replace(link.text_content(), " ")
    return parse_date(text)


def _row_of(link: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    for ancestor in link.iterancestors():
        if ancestor.tag in _ROW_TAGS:
            return ancestor
    parent = link.getparent()
    return parent if parent is not None else link


def _next_link(root: lxml.html.HtmlElement, selectors: Selectors, here: str) -> str | None:
    if selectors.next is not None:
        candidates = [n for n in CSSSelector(selectors.next)(root) if n.get("href")]
        links = [n if n.tag == "a" else next(n.iter("a"), n) for n in candidates]
    else:
        links = [a for a in root.iter("a", "link") if "next" in (a.get("rel") or "").split()]
        links += [a for a in root.iter("a") if _lower(a.text_content()) in _NEXT_WORDS]
        links += [a for a in root.iter("a") if _lower(a.get("title")) in _NEXT_WORDS]
    for link in links:
        href = link.get("href")
        if href:
            target = resolve(here, str(href))
            if target != here and urlsplit(target).scheme in SCHEMES:
                return target
    return None


# -- helpers --------------------------------------------------------------------------------

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _web_only(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if urlsplit(e.url).scheme in SCHEMES]


def _local(tag: str) -> str:
    return _SITEMAP_NS.sub("", tag)


def _unzipped(content: bytes) -> bytes:
    """A gzipped sitemap's bytes, at most MAX_SITEMAP_BYTES of them."""
    if not content.startswith(b"\x1f\x8b"):
        return content
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as unzipping:
            return unzipping.read(MAX_SITEMAP_BYTES)
    except (OSError, EOFError):
        return b""


def _clean(text: object) -> str | None:
    if not isinstance(text, str):
        return None
    cleaned = " ".join(text.split())
    return cleaned or None


def _lower(text: object) -> str | None:
    cleaned = _clean(text)
    return cleaned.lower() if cleaned else None


def _iso_time(text: str) -> dt.datetime | None:
    """A W3C datetime (2025-06-04, 2025-06-04T10:00:00+07:00, …Z) as an aware datetime."""
    text = text.strip()
    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _feed_time(raw: object, parsed: object) -> dt.datetime | None:
    """A feed's date as the feed wrote it (its own time zone, so its own day)."""
    if isinstance(raw, str) and raw.strip():
        iso = _iso_time(raw)
        if iso:
            return iso
        try:
            value = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            value = None
        if value is not None:
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    if isinstance(parsed, tuple) and len(parsed) >= 6:
        try:
            year, month, day, hour, minute, second = (int(p) for p in parsed[:6])
            return dt.datetime(year, month, day, hour, minute, second, tzinfo=dt.UTC)
        except (TypeError, ValueError):
            return None
    return None
