"""URLs in a batch: fetched here, one at a time, through `vnplan.fetch` (cache, robots.txt, a
delay per host, the per-URL deadline, private addresses refused), their pages' attachments
followed up to a limit, and their bytes handed on as `Job`s to be converted in the workers.

A URL's record is skipped on a re-run when the record already there names the same URL and the
(revalidated) body has the same sha256. Records and downloads land directly in the output
folder under names made from the URL, never elsewhere, whatever the URL looks like.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnplan.fetch import FetchedDocument, FetchError, FetchSettings, save
from vnplan.jobs import Job, Outcome, Status
from vnplan.pipeline import ConvertOptions
from vnplan.schema import Warning
from vnplan.store import Store, url_record_name

if TYPE_CHECKING:
    from vnplan.fetch.fetcher import Fetcher  # httpx: imported where a fetch runs

MAX_ATTACHMENTS = 20  # links followed per page; the others are named in a warning


@dataclass(frozen=True)
class WebOptions:
    """How a batch fetches: the fetcher's settings, and which attachments are followed."""

    settings: FetchSettings
    follow_attachments: bool = True
    max_attachments: int = MAX_ATTACHMENTS

    def __post_init__(self) -> None:
        if self.max_attachments < 0:
            raise ValueError("WebOptions.max_attachments must be at least 0")


def fetch_settings(
    cache_dir: Path,
    delay: float | None = None,
    timeout: float | None = None,
    *,
    allow_private: bool = False,
) -> FetchSettings:
    """FetchSettings for the CLI: a cache folder, the per-host delay and the request timeout
    (the per-URL deadline grows with it)."""
    base = FetchSettings()
    read = timeout if timeout is not None else base.read_timeout
    return FetchSettings(
        cache_dir=cache_dir,
        per_host_delay=delay if delay is not None else base.per_host_delay,
        read_timeout=read,
        connect_timeout=min(base.connect_timeout, read),
        deadline=max(base.deadline, 4 * read),
        allow_private=allow_private,
    )


class UrlJobs:
    """The URL side of one run: one fetcher, the output names already taken, and the URLs done
    (an attachment linked from two pages is converted once)."""

    def __init__(
        self,
        fetcher: Fetcher,
        store: Store,
        web: WebOptions,
        options: ConvertOptions,
        taken: set[str],
    ) -> None:
        self.fetcher, self.store, self.web, self.options = fetcher, store, web, options
        self.taken = taken
        self.seen: set[str] = set()

    def jobs(self, url: str, name: str, *, force: bool) -> Iterator[Job | Outcome]:
        """The URL's job (or outcome), then one per attachment of its page when following them."""
        if url in self.seen:  # given, and already converted as an attachment in this run
            yield Outcome(url, "skipped", message=f"{url}: converted earlier in this run")
            return
        fetched = self._page(url)
        if isinstance(fetched, Outcome):
            yield fetched
            return
        page, links, note = fetched
        yield self._job(page, name, force=force, notes=(note,) if note else ())
        for link in links:
            attached = self._fetch(link, page.url)
            if isinstance(attached, Outcome):
                yield attached
            else:
                yield self._job(attached, url_record_name(link, self.taken), force=force)

    def downloads(self, url: str) -> Iterator[Outcome]:
        """Download the URL (and its page's attachments when following them) into the folder."""
        fetched = self._page(url)
        if isinstance(fetched, Outcome):
            yield fetched
            return
        page, links, note = fetched
        yield self._save(page, note.message if note else None)
        for link in links:
            attached = self._fetch(link, page.url)
            yield attached if isinstance(attached, Outcome) else self._save(attached, None)

    def _page(self, url: str) -> tuple[FetchedDocument, list[str], Warning | None] | Outcome:
        """A given URL fetched, with the attachment links to follow from it."""
        self.seen.add(url)
        page = self._fetch(url, None)
        if isinstance(page, Outcome):
            return page
        return (page, *self._attachments(page))

    def _attachments(self, page: FetchedDocument) -> tuple[list[str], Warning | None]:
        """The page's attachment links to follow (new ones, up to the limit), and a warning
        naming those left out."""
        if not self.web.follow_attachments:
            return [], None
        new = [link for link in self.fetcher.attachments(page) if link not in self.seen]
        kept, dropped = new[: self.web.max_attachments], new[self.web.max_attachments :]
        self.seen.update(kept)
        if not dropped:
            return kept, None
        return kept, Warning(
            code="attachments_not_followed",
            message=f"{len(dropped)} attachment link(s) over the limit of"
            f" {self.web.max_attachments} not followed: {' '.join(dropped)}",
        )

    def _fetch(self, url: str, found_on: str | None) -> FetchedDocument | Outcome:
        try:
            return self.fetcher.fetch(url, found_on=found_on)
        except FetchError as exc:
            return _failed(url, exc.code, str(exc), found_on)
        except Exception as exc:  # a fetch-stage bug must not stop the batch either
            return _failed(url, "internal_error", f"{url}: {exc!r}", found_on)

    def _job(
        self, doc: FetchedDocument, name: str, *, force: bool, notes: tuple[Warning, ...] = ()
    ) -> Job | Outcome:
        if self.store.path(name) is None:
            return _failed(doc.url, "unsafe_path", f"refusing to write {name!r}", doc.found_on)
        digest = hashlib.sha256(doc.content).hexdigest()
        if not force and self.store.is_done(name, digest, uri=doc.url):
            return Outcome(doc.url, "skipped", output=name)
        return Job(
            uri=doc.url,
            output=name,
            options=self.options,
            content=doc.content,
            fetched_at=doc.fetched_at,
            found_on=doc.found_on,
            final_url=doc.final_url,
            notes=notes,
        )

    def _save(self, doc: FetchedDocument, message: str | None) -> Outcome:
        try:
            path = save(doc, self.store.root)
        except FetchError as exc:
            return _failed(doc.url, exc.code, str(exc), doc.found_on)
        except OSError as exc:
            return _failed(doc.url, "write_failed", f"{doc.url}: {exc.strerror}", doc.found_on)
        status: Status = "skipped" if doc.from_cache else "fetched"
        return Outcome(doc.url, status, output=path.name, kind=doc.format, message=message)


def _failed(url: str, code: str, message: str, found_on: str | None) -> Outcome:
    """A failed outcome whose message names the URL (and the page it was linked from)."""
    named = message if url in message else f"{url}: {message}"
    where = f" (linked from {found_on})" if found_on else ""
    return Outcome(url, "failed", code=code, message=f"{named}{where}")
