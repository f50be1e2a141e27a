"""What `vnplan watch` follows: sources given as URLs on the command line or in a sources.toml.

A source is a feed (RSS/Atom), a sitemap (or sitemap index), or a listing page ("Văn bản mới",
newest first, paginated). Its kind is told from what the server sends unless the file names it;
a listing page may name CSS selectors for its entries, its next-page link and an entry's date.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, get_args

from lxml.cssselect import CSSSelector, SelectorError

from vnplan.fetch.errors import FetchError
from vnplan.fetch.urls import check_url

from .filters import Filters

SourceKind = Literal["auto", "feed", "sitemap", "listing"]
KINDS: tuple[str, ...] = get_args(SourceKind)
_KEYS = frozenset(
    {"name", "url", "kind", "entry", "next", "date", "max_pages", "since", "type", "match"}
)


class SourceError(Exception):
    """A source that cannot be followed as written (a bad URL, selector or key)."""


@dataclass(frozen=True)
class Selectors:
    """CSS selectors of a listing page. `entry` picks one element per entry (a link, or an
    element whose first link is the entry's); `next` the next-page link; `date` an entry's
    date, looked for inside the entry's element. Unset, vnplan's own reading applies."""

    entry: str | None = None
    next: str | None = None
    date: str | None = None

    def __post_init__(self) -> None:
        for name in ("entry", "next", "date"):
            selector = getattr(self, name)
            if selector is None:
                continue
            try:
                CSSSelector(selector)
            except SelectorError as exc:
                raise SourceError(f"{name} = {selector!r} is not a CSS selector: {exc}") from None


@dataclass(frozen=True)
class Source:
    """One thing to watch, by the name its state and summary use."""

    url: str
    name: str
    kind: SourceKind = "auto"
    selectors: Selectors = field(default_factory=Selectors)
    filters: Filters = field(default_factory=Filters)
    max_pages: int | None = None  # listing pages (or child sitemaps) read per pass

    def __post_init__(self) -> None:
        try:
            check_url(self.url)
        except FetchError as exc:
            raise SourceError(str(exc)) from None
        if self.kind not in KINDS:
            raise SourceError(f"kind = {self.kind!r}: use one of {', '.join(KINDS)}")
        if self.max_pages is not None and self.max_pages < 1:
            raise SourceError(f"max_pages = {self.max_pages}: give at least 1")


def source_name(url: str) -> str:
    """A name for a source given by its URL: its host and path as one slug.

    >>> source_name("https://laocai.gov.vn/van-ban/van-ban-moi?page=1")
    'laocai.gov.vn-van-ban-van-ban-moi-page-1'
    """
    rest = url.split("://", 1)[-1].rstrip("/")
    return re.sub(r"[^\w.]+", "-", rest).strip("-")[:120] or "source"


def sources_from_arguments(urls: list[str]) -> list[Source]:
    """Sources given as URLs, each named after itself, its kind told from the response."""
    return [Source(url=url, name=source_name(url)) for url in urls]


def sources_from_file(path: Path) -> list[Source]:
    """The `[[source]]` tables of a sources.toml; SourceError names the source at fault."""
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path} is not TOML: {exc}") from None
    tables = data.get("source", [])
    if set(data) - {"source"} or not isinstance(tables, list):
        raise SourceError(f"{path}: write each source as a [[source]] table")
    sources = [_from_table(table, f"{path}, source {i + 1}") for i, table in enumerate(tables)]
    names = [s.name for s in sources]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise SourceError(f"{path}: two sources named {', '.join(twice)}")
    return sources


def _from_table(table: Any, where: str) -> Source:
    if not isinstance(table, dict):
        raise SourceError(f"{where}: not a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise SourceError(f"{where}: unknown key(s) {', '.join(unknown)}")
    url = table.get("url")
    if not isinstance(url, str):
        raise SourceError(f'{where}: url = "https://…" is missing')
    try:
        return Source(
            url=url,
            name=_text(table.get("name"), where, "name") or source_name(url),
            kind=_text(table.get("kind"), where, "kind") or "auto",  # type: ignore[arg-type]
            selectors=Selectors(
                _text(table.get("entry"), where, "entry"),
                _text(table.get("next"), where, "next"),
                _text(table.get("date"), where, "date"),
            ),
            filters=Filters(
                since=_date(table.get("since"), where),
                types=_texts(table.get("type"), where, "type"),
                words=_texts(table.get("match"), where, "match"),
            ),
            max_pages=_count(table.get("max_pages"), where),
        )
    except SourceError as exc:
        raise SourceError(f"{where}: {exc}") from None


def _text(value: object, where: str, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value or None
    raise SourceError(f"{where}: {key} must be a string")


def _texts(value: object, where: str, key: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else None
    if value is not None and (items is None or not all(isinstance(i, str) for i in items)):
        raise SourceError(f"{where}: {key} must be a string or a list of strings")
    return tuple(str(i) for i in items or ())


def _date(value: object, where: str) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise SourceError(f"{where}: since must be a date such as 2025-01-01")


def _count(value: object, where: str) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    raise SourceError(f"{where}: max_pages must be a whole number")
