"""One pass of `vnplan watch` over its sources, and the loop that repeats it (`--every`).

A pass walks each source (`walk`), and for each entry asks the server whether the document
changed since the last pass (a conditional request with the validators the state keeps; a
sitemap's or feed's own date can answer first, with no request at all). New and changed
documents — an entry's page and the attachments it links — are converted by the same engine
as `convert` (isolated worker processes under limits) and written into OUT by this process
alone, atomically; the state is updated as each record is written, so a pass killed at any
point is resumed by the next. A source that fails is reported, and tried again next pass.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnplan.fetch import FetchedDocument, FetchError, NotModified, Validators
from vnplan.fetch.files import remove_orphan_temps
from vnplan.jobs import Engine, Job, JobResult, LocalEngine, Outcome
from vnplan.schema import Document, Warning
from vnplan.store import Store, error_record, url_record_name
from vnplan.workers import Limits

from .discover import Entry
from .filters import Filters
from .passes import PassResult, SourceReport, WatchOptions
from .publish import VERSIONS_DIR, keep_version, publish_pass, version_name
from .sources import Source
from .state import STATE_FILE, Known, News, State
from .walk import discover

if TYPE_CHECKING:
    from vnplan.fetch.fetcher import Fetcher  # httpx: imported where a fetch runs

# Failures that may not happen again with the same bytes: the document is tried next pass.
RETRIED = frozenset({"timeout", "worker_died", "out_of_memory", "internal_error", "write_failed"})


@dataclass(frozen=True)
class _Pending:
    """A job's document, and what its record means when it comes back."""

    doc: FetchedDocument
    sha256: str
    entry: Entry
    report: SourceReport
    news: News
    previous: str | None
    check: Filters | None  # the filters the record must pass (the source could not tell)


def run_pass(
    sources: Sequence[Source],
    out_dir: Path,
    options: WatchOptions,
    *,
    workers: int = 1,
    limits: Limits | None = None,
    engine: Engine | None = None,
    on_done: Callable[[Outcome], None] | None = None,
    stop: Callable[[], bool] = lambda: False,
) -> PassResult:
    """One pass over `sources` into `out_dir`; `stop()` true ends it before the next document.
    Raises `vnplan.store.OutUnavailable` when another run holds OUT or it cannot be written."""
    from vnplan.fetch.fetcher import Fetcher  # httpx: loaded when a pass runs

    run = engine or LocalEngine(workers, limits or Limits())
    with Store(out_dir) as store, State(out_dir / STATE_FILE) as state:
        if (out_dir / VERSIONS_DIR).is_dir():
            remove_orphan_temps(out_dir / VERSIONS_DIR)
        walk = _Pass(store, state, options, stop, on_done)
        with Fetcher(options.web.settings) as fetcher:
            for job, got in run(walk.jobs(fetcher, sources)):
                walk.finish(job, got)
            walk.result.notes.extend(fetcher.notes)
        walk.publish()
    return walk.result


class _Pass:
    def __init__(
        self,
        store: Store,
        state: State,
        options: WatchOptions,
        stop: Callable[[], bool],
        on_done: Callable[[Outcome], None] | None,
    ) -> None:
        self.store, self.state, self.options = store, state, options
        self.stop, self.on_done = stop, on_done
        self.taken = state.record_names()
        self.visited: set[str] = set()
        self.pending: dict[str, _Pending] = {}
        self.result = PassResult()

    # -- sources and entries -> jobs --------------------------------------------------------

    def jobs(self, fetcher: Fetcher, sources: Sequence[Source]) -> Iterator[Job]:
        for source in sources:
            if self._stopping():
                return
            report = SourceReport(source.name, source.url)
            self.result.sources.append(report)
            yield from self._source(fetcher, source, report)

    def _stopping(self) -> bool:
        self.result.stopped = self.result.stopped or self.stop()
        return self.result.stopped

    def _source(self, fetcher: Fetcher, source: Source, report: SourceReport) -> Iterator[Job]:
        known = self._seen_before if self.state.walked_fully(source.name) else _nothing_seen
        self.state.source_started(source.name, source.url)
        try:
            found = discover(source, fetcher, known, self.options.max_pages)
        except FetchError as exc:
            self._source_failed(source, report, exc.code, str(exc))
            return
        except Exception as exc:  # a reader's bug must not stop the other sources
            self._source_failed(source, report, "internal_error", f"{source.url}: {exc!r}")
            return
        listed = {entry.url for entry in found.entries}
        found.entries += [
            Entry(url) for url in self.state.unfinished(source.name) if url not in listed
        ]
        report.entries = len(found.entries)
        filters = self.options.filters.joined(source.filters)
        for entry in found.entries:
            if self._stopping():
                return
            if entry.url in self.visited:
                continue
            self.visited.add(entry.url)
            verdict = filters.entry_verdict(entry.title, entry.date)
            if verdict is False:
                report.counts["filtered"] += 1
                continue
            yield from self._entry(fetcher, source, report, entry, None if verdict else filters)
        for error in found.errors:
            self._done(Outcome(error.url, "failed", code=error.code, message=str(error)))
        problems = "; ".join(str(error) for error in found.errors) or None
        report.error = problems
        self.state.source_done(source.name, found.kind, problems)

    def _seen_before(self, url: str) -> bool:
        known = self.state.document(url)
        return known is not None and known.settled

    def _source_failed(self, source: Source, report: SourceReport, code: str, text: str) -> None:
        report.error = text
        self.state.source_failed(source.name, text)
        self._done(Outcome(source.url, "failed", code=code, message=text))

    def _entry(
        self,
        fetcher: Fetcher,
        source: Source,
        report: SourceReport,
        entry: Entry,
        check: Filters | None,
    ) -> Iterator[Job]:
        known = self.state.document(entry.url)
        if known is not None and known.settled and _dated_unchanged(entry, known):
            self._unchanged(report, known, None, entry)
            return
        got = self._fetch(fetcher, entry.url, known, source.url)
        if isinstance(got, Outcome):
            self._unreachable(source, report, entry.url, entry.url, source.url, got)
            return
        if isinstance(got, NotModified):
            self._unchanged(report, known, got.validators, entry)
            links = [a.url for a in self.state.attachments_of(entry.url)]
            notes: tuple[Warning, ...] = ()
        else:
            links, notes = self._attachments(fetcher, got)
            for link in links:  # noted first: a pass killed before them still finds them
                self._plan(link, source, entry.url)
            job = self._job(source, report, got, entry, entry.url, known, check, notes)
            if job is not None:
                yield job
        for link in links:
            if link in self.visited or self._stopping():
                continue
            self.visited.add(link)
            attached = self.state.document(link)
            fetched = self._fetch(fetcher, link, attached, entry.url)
            if isinstance(fetched, Outcome):
                self._unreachable(source, report, link, entry.url, entry.url, fetched)
            elif isinstance(fetched, NotModified):
                self._unchanged(report, attached, fetched.validators, Entry(link))
            else:
                job = self._job(source, report, fetched, Entry(link), entry.url, attached, check)
                if job is not None:
                    yield job

    def _plan(self, url: str, source: Source, entry_url: str) -> None:
        """A URL of an entry's page noted in the state (with its record's name) before it is
        fetched."""
        if self.state.document(url) is None:
            name = url_record_name(url, self.taken)
            self.state.planned(url, source.name, entry_url, entry_url, name)

    def _fetch(
        self, fetcher: Fetcher, url: str, known: Known | None, found_on: str
    ) -> FetchedDocument | NotModified | Outcome:
        validators = known.validators if known is not None and known.settled else Validators()
        try:
            return fetcher.fetch_if_changed(url, validators, found_on=found_on)
        except FetchError as exc:
            return Outcome(url, "failed", code=exc.code, message=str(exc))
        except Exception as exc:  # a fetch-stage bug must not stop the pass either
            return Outcome(url, "failed", code="internal_error", message=f"{url}: {exc!r}")

    def _attachments(
        self, fetcher: Fetcher, page: FetchedDocument
    ) -> tuple[list[str], tuple[Warning, ...]]:
        web = self.options.web
        if not web.follow_attachments:
            return [], ()
        links = fetcher.attachments(page)
        kept, dropped = links[: web.max_attachments], links[web.max_attachments :]
        if not dropped:
            return kept, ()
        return kept, (
            Warning(
                code="attachments_not_followed",
                message=f"{len(dropped)} attachment link(s) over the limit of"
                f" {web.max_attachments} not followed: {' '.join(dropped)}",
            ),
        )

    def _job(
        self,
        source: Source,
        report: SourceReport,
        doc: FetchedDocument,
        entry: Entry,
        entry_url: str,
        known: Known | None,
        check: Filters | None,
        notes: tuple[Warning, ...] = (),
    ) -> Job | None:
        """The job converting a new or changed document; None when it needs none."""
        digest = hashlib.sha256(doc.content).hexdigest()
        if known is not None and known.settled and known.sha256 == digest:
            self._unchanged(report, known, doc.validators, entry)
            return None
        name = known.record if known is not None and known.record else None
        name = name or url_record_name(doc.url, self.taken)
        self.taken.add(name)
        if self.store.path(name) is None:
            message = f"{doc.url}: refusing to write {name!r}"
            self._done(Outcome(doc.url, "failed", code="unsafe_path", message=message))
            report.counts["failed"] += 1
            return None
        self.state.planned(doc.url, source.name, entry_url, doc.found_on, name)
        if self.store.is_done(name, digest, uri=doc.url):  # written by a pass that was killed
            self._adopt(report, doc, digest, name, known, entry)
            return None
        kept = _record_sha256(self.store.root / name)
        previous = version_name(name, kept) if kept else None
        if previous:
            since = (known.converted_at or known.first_seen)[:10] if known else "the last pass"
            notes = (
                *notes,
                Warning(
                    code="earlier_version_kept",
                    message=f"the document changed since its record of {since}; that record is kept"
                    f" as {VERSIONS_DIR}/{previous}",
                    where="source",
                ),
            )
        news: News = "changed" if previous else "new"
        self.pending[name] = _Pending(doc, digest, entry, report, news, previous, check)
        return Job(
            uri=doc.url,
            output=name,
            options=self.options.convert,
            content=doc.content,
            fetched_at=doc.fetched_at,
            found_on=doc.found_on,
            final_url=doc.final_url,
            notes=notes,
        )

    # -- results -> OUT and the state -------------------------------------------------------

    def finish(self, job: Job, got: JobResult) -> None:
        """Write a converted document's record (keeping the earlier one) and note it."""
        p = self.pending.pop(job.output)
        url, validators, updated = p.doc.url, p.doc.validators, p.entry.updated
        if got.record is None:
            self._failed(p, got.outcome)
            return
        if p.check is not None and not p.check.record_passes(
            Document.model_validate_json(got.record)
        ):
            self.state.settled_without_record(url, "filtered", p.sha256, validators, None, updated)
            p.report.counts["filtered"] += 1
            self._done(Outcome(url, "skipped", message=f"{url}: left out by the filters"))
            return
        try:
            if p.previous:
                keep_version(self.store.root, job.output, p.previous)
            self.store.write_record(job.output, got.record)
        except OSError as exc:
            message = f"{url}: the record {job.output} cannot be written: {exc.strerror or exc}"
            self._failed(p, Outcome(url, "failed", code="write_failed", message=message))
            return
        doc_id = str(json.loads(got.record)["id"])
        self.state.converted(
            url, p.sha256, validators, doc_id, news=p.news, previous=p.previous, updated=updated
        )
        p.report.counts[p.news] += 1
        self._done(got.outcome)

    def _failed(self, p: _Pending, outcome: Outcome) -> None:
        lasting = p.sha256 if outcome.code not in RETRIED else None
        self.state.settled_without_record(
            p.doc.url, "failed", lasting, p.doc.validators, outcome.message, p.entry.updated
        )
        p.report.counts["failed"] += 1
        self._done(outcome)

    def _adopt(
        self,
        report: SourceReport,
        doc: FetchedDocument,
        digest: str,
        name: str,
        known: Known | None,
        entry: Entry,
    ) -> None:
        """A record OUT already holds for these bytes (its pass was killed before noting it)."""
        record = json.loads((self.store.root / name).read_text("utf-8"))
        previous = version_name(name, known.sha256) if known and known.sha256 else None
        news: News = "changed" if previous else "new"
        self.state.converted(
            doc.url,
            digest,
            doc.validators,
            str(record["id"]),
            news=news,
            previous=previous,
            updated=entry.updated,
        )
        report.counts["unchanged"] += 1
        self._done(Outcome(doc.url, "skipped", output=name))

    def _unchanged(
        self, report: SourceReport, known: Known | None, fresh: Validators | None, entry: Entry
    ) -> None:
        if known is not None and fresh is not None:
            self.state.unchanged(known.url, fresh, entry.updated)
        report.counts["unchanged"] += 1
        self._done(Outcome(entry.url, "skipped", output=known.record if known else None))

    def _unreachable(
        self,
        source: Source,
        report: SourceReport,
        url: str,
        entry_url: str,
        found_on: str,
        outcome: Outcome,
    ) -> None:
        self.state.unreachable(url, source.name, entry_url, found_on, outcome.message or "")
        report.counts["failed"] += 1
        self._done(outcome)

    def _done(self, outcome: Outcome) -> None:
        self.result.outcomes.append(outcome)
        if self.on_done:
            self.on_done(outcome)

    def publish(self) -> None:
        """new.jsonl, the export database, errors.jsonl: what this pass hands on."""
        failed = [
            error_record(o.input, o.code or "error", o.message or "") for o in self.result.failed
        ]
        handed = publish_pass(self.store, self.state, self.options.sqlite, failed)
        self.result.listed, self.result.exported = handed.listed, handed.exported
        self.result.notes.extend(handed.notes)


def _nothing_seen(url: str) -> bool:
    return False


def _dated_unchanged(entry: Entry, known: Known) -> bool:
    """The source dates the entry's last change, and not after the state's date of it."""
    return (
        entry.updated is not None and known.updated is not None and (entry.updated <= known.updated)
    )


def _record_sha256(path: Path) -> str | None:
    """The sha256 of the bytes the record at `path` was made from (None: no record)."""
    try:
        source = json.loads(path.read_text("utf-8")).get("source", {})
    except (OSError, ValueError, AttributeError):
        return None
    digest = source.get("sha256") if isinstance(source, dict) else None
    return digest if isinstance(digest, str) and digest else None
