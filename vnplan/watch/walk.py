"""One source walked for one pass: its pages fetched (through the cache, so an unchanged page
costs a 304) and read into entries, as far as the pass needs to go.

A listing page is followed to its next page until a page lists an entry seen before, or the
source's page limit; a sitemap index's sitemaps are read newest first, up to the same limit; a
feed is one page. A source URL that serves a document (a PDF, a Word file) is its one entry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vnplan.fetch import FetchedDocument, FetchError

from .discover import Entry, Page, kind_of, read_feed, read_listing, read_sitemap
from .sources import Source

if TYPE_CHECKING:
    from vnplan.fetch.fetcher import Fetcher  # httpx: imported where a fetch runs


@dataclass
class Discovery:
    """A source's entries this pass, in its order; `pages` read; `errors` of pages after the
    first (the entries found before them are kept)."""

    kind: str
    entries: list[Entry] = field(default_factory=list)
    pages: int = 0
    errors: list[FetchError] = field(default_factory=list)


def discover(
    source: Source, fetcher: Fetcher, known: Callable[[str], bool], max_pages: int
) -> Discovery:
    """Walk `source`; FetchError when its own URL gives nothing. `known` tells an entry seen
    in an earlier pass (where a listing stops)."""
    first = fetcher.fetch(source.url)
    kind = source.kind if source.kind != "auto" else _kind(first)
    found = Discovery(kind)
    if kind == "document":
        found.entries.append(Entry(source.url))
        return found
    queue: list[Entry] = []
    visited = {source.url}
    page: FetchedDocument | None = first
    limit = source.max_pages or max_pages
    while page is not None:
        found.pages += 1
        read = _read(kind, page, source)
        found.entries.extend(read.entries)
        if kind == "listing" and any(known(e.url) for e in read.entries):
            break
        queue.extend(e for e in read.more if e.url not in visited)
        page = None
        while queue and found.pages < limit and page is None:
            following = queue.pop(0)
            visited.add(following.url)
            try:
                page = fetcher.fetch(following.url, found_on=source.url)
            except FetchError as exc:
                found.errors.append(exc)
    return found


def _kind(page: FetchedDocument) -> str:
    if page.format in ("pdf", "docx", "doc"):
        return "document"
    return kind_of(page.content)


def _read(kind: str, page: FetchedDocument, source: Source) -> Page:
    if kind == "feed":
        return read_feed(page.content, page.final_url)
    if kind == "sitemap":
        return read_sitemap(page.content, page.final_url)
    return read_listing(page.text or "", page.final_url, source.selectors)
