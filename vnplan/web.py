"""URLs in a batch: fetched through `vnplan.fetch` (cache, robots.txt, delays), converted, and
their pages' attachments followed.

A URL's record is skipped on a re-run when the record already there names the same URL and
the (revalidated) body has the same sha256. Records and downloads land directly in the output
folder under names made from the URL, never elsewhere, whatever the URL looks like.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vnplan.batch import Outcome, Status, is_done, record_json, url_stem, write_atomic
from vnplan.errors import ConversionError
from vnplan.fetch import FetchedDocument, Fetcher, FetchError, FetchSettings, save
from vnplan.pipeline import convert

CACHE_DIR = ".cache"  # default cache: OUT/.cache (hidden, so folder inputs never pick it up)


@dataclass(frozen=True)
class WebOptions:
    """How a batch fetches: the fetcher's settings and whether attachments are followed."""

    settings: FetchSettings
    follow_attachments: bool = True


def fetch_settings(
    cache_dir: Path, delay: float | None = None, timeout: float | None = None
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
    )


class UrlBatch:
    """The URL side of one batch run: one fetcher, the output names already taken, and the
    URLs already done (an attachment linked from two pages is converted once)."""

    def __init__(self, fetcher: Fetcher, out_dir: Path, options: WebOptions, taken: set[str]):
        self.fetcher = fetcher
        self.out_dir = out_dir
        self.options = options
        self.taken = taken
        self.seen: set[str] = set()

    def convert(self, url: str, name: str, *, force: bool) -> Iterator[Outcome]:
        """The URL's outcome, then one per attachment of its page when following them."""
        if url in self.seen:  # given, and already converted as an attachment in this run
            yield Outcome(url, "skipped", message=f"{url}: converted earlier in this run")
            return
        self.seen.add(url)
        outcome, page = self._convert_one(url, name, force=force, found_on=None)
        yield outcome
        if page is None or not self.options.follow_attachments:
            return
        for link in self.fetcher.attachments(page):
            if link in self.seen:
                continue
            self.seen.add(link)
            attached, _doc = self._convert_one(
                link, self.new_name(link), force=force, found_on=page.url
            )
            yield attached

    def fetch(self, url: str) -> Iterator[Outcome]:
        """Download the URL (and its page's attachments when following them) into the folder."""
        self.seen.add(url)
        outcome, page = self._save_one(url, found_on=None)
        yield outcome
        if page is None or not self.options.follow_attachments:
            return
        for link in self.fetcher.attachments(page):
            if link not in self.seen:
                self.seen.add(link)
                yield self._save_one(link, found_on=page.url)[0]

    def new_name(self, url: str) -> str:
        """A record name for a URL found on a page, unused so far in this run."""
        stem = url_stem(url)
        name, n = f"{stem}.json", 2
        while name in self.taken:
            name, n = f"{stem}-{n}.json", n + 1
        self.taken.add(name)
        return name

    def _convert_one(
        self, url: str, name: str, *, force: bool, found_on: str | None
    ) -> tuple[Outcome, FetchedDocument | None]:
        try:
            doc = self.fetcher.fetch(url, found_on=found_on)
        except FetchError as exc:
            return _failed(url, exc.code, str(exc), found_on), None
        except Exception as exc:  # a fetch-stage bug must not stop the batch either
            return _failed(url, "internal_error", f"{url}: {exc!r}", found_on), None
        output = inside(self.out_dir, name)
        if output is None:
            return _failed(url, "unsafe_path", f"{url}: refusing to write {name!r}", found_on), doc
        if not force and is_done(output, doc.content, uri=url):
            return Outcome(url, "skipped", output=name), doc
        try:
            record = convert(doc.content, uri=url, fetched_at=doc.fetched_at, found_on=found_on)
        except ConversionError as exc:
            return _failed(url, exc.code, str(exc), found_on), doc
        except Exception as exc:  # a parser bug must not stop the batch
            return _failed(url, "internal_error", f"{url}: {exc!r}", found_on), doc
        write_atomic(output, record_json(record))
        outcome = Outcome(
            url, "converted", output=name, kind=record.kind, warnings=len(record.warnings)
        )
        return outcome, doc

    def _save_one(self, url: str, found_on: str | None) -> tuple[Outcome, FetchedDocument | None]:
        try:
            doc = self.fetcher.fetch(url, found_on=found_on)
            path = save(doc, self.out_dir)
        except FetchError as exc:
            return _failed(url, exc.code, str(exc), found_on), None
        except Exception as exc:  # a fetch-stage bug must not stop the batch either
            return _failed(url, "internal_error", f"{url}: {exc!r}", found_on), None
        status: Status = "skipped" if doc.from_cache else "fetched"
        return Outcome(url, status, output=path.name, kind=doc.format), doc


def _failed(url: str, code: str, message: str, found_on: str | None) -> Outcome:
    where = f" (linked from {found_on})" if found_on else ""
    return Outcome(url, "failed", code=code, message=f"{message}{where}")


def inside(out_dir: Path, name: str) -> Path | None:
    """OUT/name if that is a plain file name directly inside OUT, else None."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
        return None
    root = out_dir.resolve()
    path = root / name
    if path.is_symlink() or path.resolve().parent != root:
        return None
    return path
