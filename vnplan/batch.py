"""Many inputs → OUT/: one JSON record per input, failures in OUT/errors.jsonl.

The batch never stops on one bad input. Local files and fetched URLs alike become `Job`s that an
engine runs (`vnplan.jobs`: worker processes under limits, or a Dask cluster); this process
fetches URLs one at a time, politely (`vnplan.web`), and is the only one that writes OUT
(`vnplan.store`): atomically, under a lock, skipping inputs whose record is already there for the
same bytes and extractor version.
"""

from __future__ import annotations

import glob
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from vnplan.formats import FORMATS, has_input_suffix
from vnplan.jobs import Engine, Job, JobResult, LocalEngine, Outcome, Status
from vnplan.pipeline import ConvertOptions
from vnplan.store import (
    CACHE_DIR,
    ERRORS_FILE,
    Store,
    error_record,
    is_url,
    output_names,
    printable,
    record_json,
    sha256_file,
)
from vnplan.web import UrlJobs, WebOptions, fetch_settings
from vnplan.workers import Limits

__all__ = [
    "ERRORS_FILE",
    "BatchResult",
    "Outcome",
    "Status",
    "expand_inputs",
    "find_inputs",
    "record_json",
    "run_batch",
    "run_fetch",
    "unsupported_files",
]


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # about the run, not one input

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def find_inputs(args: Iterable[str]) -> dict[str, str | None]:
    """Files, folders (searched recursively) and globs → each input path, sorted and unique,
    with the folder it was found in (None for a file or URL named directly).

    Hidden folders and symlinked folders are not entered (a link loop cannot make the walk
    endless); files, hidden or not, are found by their suffix.
    """
    found: dict[str, str | None] = {}
    for arg in args:
        if is_url(arg):
            found.setdefault(arg, None)
        elif Path(arg).is_dir():
            for path in _walk(Path(arg)):
                found.setdefault(path, arg)
        elif any(ch in arg for ch in "*?["):
            root = _glob_root(arg)
            for path in sorted(p for p in glob.glob(arg, recursive=True) if Path(p).is_file()):
                found.setdefault(path, root)
        else:
            found.setdefault(arg, None)
    return found


def expand_inputs(args: Iterable[str]) -> list[str]:
    """The inputs `find_inputs` finds, as paths (and URLs) in order."""
    return list(find_inputs(args))


def _walk(folder: Path) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, name) for name in files if has_input_suffix(name))
    return sorted(found)


def unsupported_files(args: Iterable[str]) -> list[str]:
    """The files in the given folders that `find_inputs` leaves out for their type (hidden
    files and folders aside), sorted: a run names them rather than skip them unsaid."""
    found: set[str] = set()
    for arg in args:
        if not is_url(arg) and Path(arg).is_dir():
            for root, dirs, files in os.walk(arg, followlinks=False):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found.update(
                    os.path.join(root, name)
                    for name in files
                    if not name.startswith(".") and not has_input_suffix(name)
                )
    return sorted(found)


def _glob_root(pattern: str) -> str:
    """The folder a glob searches: its path up to the first part with a wildcard."""
    parts = Path(pattern).parts
    wild = next((i for i, part in enumerate(parts) if any(c in part for c in "*?[")), len(parts))
    return str(Path(*parts[:wild])) if wild else "."


def run_batch(
    inputs: Iterable[str],
    out_dir: Path,
    *,
    force: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
    web: WebOptions | None = None,
    workers: int = 1,
    limits: Limits | None = None,
    engine: Engine | None = None,
    options: ConvertOptions = ConvertOptions(),
    roots: Mapping[str, str | None] | None = None,
    follow_symlinks: bool = False,
) -> BatchResult:
    """Convert every input into `out_dir`; returns what happened to each, in input order.

    Inputs run on `engine` (default: `workers` local processes under `limits`); a document
    that hangs, crashes its worker or exhausts memory becomes an error record and the batch
    goes on. URLs are fetched here one at a time with `web` (default: a cache in OUT/.cache,
    attachments followed) and their bytes converted on the engine like files; each
    attachment's outcome follows its page's. A file found in a folder of `roots` that is a
    symlink to somewhere outside that folder is not read unless `follow_symlinks`.
    Raises `vnplan.store.OutUnavailable` when OUT is locked by another run or not writable.
    """
    items = list(dict.fromkeys(inputs))
    run = engine or LocalEngine(workers, limits or Limits(), formats=named_formats(items))
    result = BatchResult()
    with Store(out_dir) as store:
        batch = _Batch(store, items, force, options, roots or {}, follow_symlinks, on_done)
        for job, got in run(batch.jobs(web)):
            batch.done(batch.positions.pop(job.output), _recorded(store, job, got))
        result.outcomes = batch.outcomes()
        _write_errors(store, result)
    return result


def named_formats(items: Iterable[str]) -> frozenset[str] | None:
    """The formats the inputs' names give (what the runner preloads), or None with a URL among
    them: a page links documents of any format. A name that misleads costs only the loading of
    that document's reader in its worker.

    >>> sorted(named_formats(["a/plan.PDF", "b.docx", "c.pdf"]) or ())
    ['docx', 'pdf']
    """
    names = [item.lower() for item in items]
    if any(is_url(name) for name in names):
        return None
    suffixes = {"." + name.rsplit(".", 1)[-1] for name in names if "." in name}
    return frozenset(f.name for f in FORMATS if f.reader and suffixes & set(f.suffixes))


class _Batch:
    """One run's bookkeeping: which jobs to make, and where each outcome goes in the order."""

    def __init__(
        self,
        store: Store,
        items: list[str],
        force: bool,
        options: ConvertOptions,
        roots: Mapping[str, str | None],
        follow_symlinks: bool,
        on_done: Callable[[Outcome], None] | None,
    ) -> None:
        self.store, self.items, self.force, self.options = store, items, force, options
        self.roots, self.follow_symlinks, self.on_done = roots, follow_symlinks, on_done
        self.names = output_names(items)
        self.positions: dict[str, tuple[int, int]] = {}
        self._collected: list[tuple[tuple[int, int], Outcome]] = []

    def done(self, position: tuple[int, int], outcome: Outcome) -> None:
        self._collected.append((position, outcome))
        if self.on_done:
            self.on_done(outcome)

    def outcomes(self) -> list[Outcome]:
        return [o for _, o in sorted(self._collected, key=lambda pair: pair[0])]

    def jobs(self, web: WebOptions | None) -> Iterator[Job]:
        """Every job of the run, local files first; outcomes that need no job (skipped,
        refused, not fetched) go straight to `done`."""
        for position, item in enumerate(self.items):
            if not is_url(item):
                yield from self._take((position, 0), self._local(item))
        urls = [(p, item) for p, item in enumerate(self.items) if is_url(item)]
        if not urls:
            return
        web = web or WebOptions(fetch_settings(self.store.root / CACHE_DIR))
        from vnplan.fetch.fetcher import Fetcher  # httpx: only when there are URLs

        with Fetcher(web.settings) as fetcher:
            pages = UrlJobs(fetcher, self.store, web, self.options, set(self.names.values()))
            for position, url in urls:
                for sub, got in enumerate(pages.jobs(url, self.names[url], force=self.force)):
                    yield from self._take((position, sub), got)

    def _take(self, position: tuple[int, int], got: Job | Outcome) -> Iterator[Job]:
        if isinstance(got, Outcome):
            self.done(position, got)
        else:
            self.positions[got.output] = position
            yield got

    def _local(self, item: str) -> Job | Outcome:
        """The job for a local file, or why there is none (skipped, refused, unreadable)."""
        uri, name = printable(item), self.names[item]
        root = self.roots.get(item)
        if root is not None and not self.follow_symlinks:
            target = os.path.realpath(item)
            if not _within(target, os.path.realpath(root)):
                return Outcome(uri, "failed", code="symlink_outside", message=(
                    f"{uri}: a symbolic link to {printable(target)}, outside {printable(root)};"
                    " not read (--follow-symlinks reads it)"))
        try:
            status = os.stat(item)
            if not stat.S_ISREG(status.st_mode):
                return Outcome(uri, "failed", code="not_found", message=f"{uri}: not a file")
            if status.st_size > self.options.max_bytes:
                return Outcome(uri, "failed", code="too_large", message=(
                    f"{uri}: {status.st_size} bytes is over the {self.options.max_bytes} limit"))
            digest = sha256_file(item)
        except FileNotFoundError:
            return Outcome(uri, "failed", code="not_found", message=f"{uri}: no such file")
        except OSError as exc:
            return Outcome(uri, "failed", code="unreadable", message=f"{uri}: {exc.strerror}")
        if not self.force and self.store.is_done(name, digest):
            return Outcome(uri, "skipped", output=name)
        return Job(uri=uri, output=name, options=self.options, path=item)


def _within(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _recorded(store: Store, job: Job, got: JobResult) -> Outcome:
    """Write a job's record into OUT; a disk that refuses it fails that input only."""
    if got.record is None:
        return got.outcome
    try:
        store.write_record(job.output, got.record)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Outcome(got.outcome.input, "failed", code="write_failed", message=(
            f"{printable(job.uri)}: the record {job.output} cannot be written: {reason}"))
    return got.outcome


def _write_errors(store: Store, result: BatchResult) -> None:
    errors = [
        error_record(o.input, o.code or "error", o.message or "") for o in result.failed
    ]
    try:
        store.write_errors(errors)
    except OSError as exc:
        result.notes.append(f"{store.root / ERRORS_FILE} cannot be written: {exc.strerror}")


def run_fetch(
    urls: list[str],
    out_dir: Path,
    web: WebOptions,
    *,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Download every URL (and, when following them, its page's attachments) into `out_dir`;
    failures go to OUT/errors.jsonl. Raises `OutUnavailable` as `run_batch` does."""
    from vnplan.fetch.fetcher import Fetcher  # httpx: loaded by the commands that fetch

    result = BatchResult()
    with Store(out_dir) as store, Fetcher(web.settings) as fetcher:
        pages = UrlJobs(fetcher, store, web, ConvertOptions(), set())
        for url in urls:
            for outcome in pages.downloads(url):
                result.outcomes.append(outcome)
                if on_done:
                    on_done(outcome)
        _write_errors(store, result)
    return result
