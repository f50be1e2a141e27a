"""One input, converted: the `Job` every path builds (a local file, a fetched URL, a page's
attachment, a cluster task) and `run_job`, the one function that turns it into a record.

`run_job` runs wherever the engine puts it — a local worker process under the time and memory
limits, or a Dask task that runs it in such a worker — and never writes: it returns the record's
JSON text (or why there is none) to the process that owns OUT (`vnplan.store`), which records
it. Every failure becomes an `Outcome` with a stable code and a message that names the input.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from vnplan.cores import usable_cores
from vnplan.errors import ConversionError
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Warning
from vnplan.store import printable, record_json
from vnplan.workers import Failure, Limits, WorkerPool

Status = Literal["converted", "fetched", "skipped", "failed"]
# A text input (txt, html) is read whole, and its text, lines and tokens take about 25 times its
# size: measured 615-940 MB for 40 MB of text. So a worker takes text up to 1/32 of its memory.
TEXT_MEMORY_SHARE = 32


def text_limit(limits: Limits, max_bytes: int) -> int:
    """The largest text input a worker under `limits` converts (at most `max_bytes`).

    >>> text_limit(Limits(memory_mb=4096), 200 * 2**20) // 2**20
    128
    """
    if limits.memory_mb is None:
        return max_bytes
    return max(1, min(max_bytes, limits.memory_mb * 2**20 // TEXT_MEMORY_SHARE))


@dataclass(frozen=True)
class Outcome:
    """What became of one input: `output` is its file in OUT, `code`/`message` why it failed."""

    input: str
    status: Status
    output: str | None = None
    code: str | None = None
    message: str | None = None
    kind: str | None = None
    warnings: int = 0
    pages: int | None = None  # a PDF's pages, for the run's pages/s


@dataclass(frozen=True)
class Job:
    """One input to convert into OUT/`output`, with everything the conversion needs.

    `uri` is what the record names as its source (the path as given, or the URL). The bytes are
    `content` when the parent already has them (fetched), else read from the file `path`.
    `notes` are warnings the runner adds to the record (e.g. attachments not followed).
    """

    uri: str
    output: str
    options: ConvertOptions = field(default_factory=ConvertOptions)
    path: str | None = None
    content: bytes | None = None
    fetched_at: dt.datetime | None = None
    found_on: str | None = None
    final_url: str | None = None
    notes: tuple[Warning, ...] = ()


@dataclass(frozen=True)
class JobResult:
    """What `run_job` sends back: the outcome and, when converted, the record's JSON text."""

    outcome: Outcome
    record: str | None = None


def run_job(job: Job) -> JobResult:
    """Convert one input; every failure is an outcome, never an exception."""
    try:
        data = job.content if job.content is not None else read_input(job)
        doc = convert(
            data,
            job.options,
            uri=job.uri,
            fetched_at=job.fetched_at,
            found_on=job.found_on,
            final_url=job.final_url,
        )
        doc.warnings.extend(job.notes)
        record = record_json(doc)
    except ConversionError as exc:
        if _memory_in(exc):
            return failed(job, "out_of_memory", f"the input exhausted the memory limit ({exc})")
        return failed(job, exc.code, str(exc))
    except MemoryError:
        return failed(job, "out_of_memory", "the input exhausted the memory limit")
    except Exception as exc:  # a parser bug must not stop the batch
        if _memory_in(exc):
            return failed(job, "out_of_memory", "the input exhausted the memory limit")
        return failed(job, "internal_error", f"{type(exc).__name__}: {exc}")
    outcome = Outcome(
        job.uri,
        "converted",
        output=job.output,
        kind=doc.kind,
        warnings=len(doc.warnings),
        pages=doc.source.pages,
    )
    return JobResult(outcome, record)


def read_input(job: Job) -> bytes:
    """The bytes of a local input, refused unread when over the size limit."""
    assert job.path is not None
    limit = job.options.max_bytes
    try:
        with open(job.path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            data = handle.read() if size <= limit else b""  # read(n) would reserve n bytes
    except OSError as exc:
        raise ConversionError("unreadable", f"{exc.strerror}") from None
    size = max(size, len(data))
    if size > limit:
        raise ConversionError("too_large", f"{size} bytes is over the {limit} limit")
    return data


def failed(job: Job, code: str, message: str) -> JobResult:
    """A failed outcome whose message names the input (and the page it was linked from)."""
    return JobResult(Outcome(job.uri, "failed", code=code, message=describe(job, message)))


def describe(job: Job, message: str) -> str:
    name = printable(job.uri)
    text = message if message.startswith(name) else f"{name}: {message}"
    return f"{text} (linked from {job.found_on})" if job.found_on else text


def _memory_in(exc: BaseException) -> bool:
    """Whether an allocation failure is the exception or what caused it (a reader that wraps
    every error it meets turns one into a damaged-file error)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError) or _is_xml_out_of_memory(current):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def _is_xml_out_of_memory(exc: BaseException) -> bool:
    """libxml2 reports a failed allocation as a syntax error, code ERR_NO_MEMORY."""
    etree = sys.modules.get("lxml.etree")
    return (
        etree is not None
        and isinstance(exc, etree.XMLSyntaxError)
        and getattr(exc, "code", None) == etree.ErrorTypes.ERR_NO_MEMORY
    )


# -- engines: where jobs run ------------------------------------------------------------------

Engine = Callable[[Iterable[Job]], Iterator[tuple[Job, JobResult]]]


def failure_result(job: Job, failure: Failure) -> JobResult:
    """A worker's failure (timeout, death, memory) as the job's result."""
    code = "internal_error" if failure.code == "error" else failure.code
    return failed(job, code, failure.message)


@dataclass(frozen=True)
class LocalEngine:
    """Worker processes on this machine: one document at a time each, killed and replaced on a
    hang, crash or memory exhaustion. `formats`, when the inputs' formats are known, limits the
    parent's preload to their readers."""

    workers: int = 1
    limits: Limits = field(default_factory=Limits)
    formats: frozenset[str] | None = None

    def __call__(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, JobResult]]:
        try:
            with WorkerPool(run_job, self.workers, self.limits) as pool:
                for job, got in pool.run(_preloaded(jobs, self.workers, self.formats)):
                    yield job, got if isinstance(got, JobResult) else failure_result(job, got)
        finally:
            gc.unfreeze()  # the workers are gone: this process's objects are collectable again


def _preloaded(jobs: Iterable[Job], workers: int,
               formats: frozenset[str] | None = None) -> Iterator[Job]:
    """The jobs, with `warm_up` done before the first is taken (the workers are forked then)
    when there are two or more. A single document is converted by the one worker, which loads
    only what that document needs: what the parent would load first (every reader, the tagger)
    is no use to anything else; what the parent has loaded is frozen all the same, so that the
    worker's garbage collections do not walk it. Each job may read a long PDF's pages with
    the cores no other worker uses (all of them for a single document)."""
    source = iter(jobs)
    first = next(source, None)
    if first is None:
        return
    second = next(source, None)
    if second is not None:
        warm_up(formats)
    else:
        gc.freeze()
    processes = cores_each(workers if second is not None else 1)
    for job in itertools.chain([first], [] if second is None else [second], source):
        yield with_page_processes(job, processes)


def cores_each(workers: int) -> int:
    """The cores this process may run on, shared out between `workers` (at least one)."""
    return max(1, usable_cores() // max(1, workers))


def with_page_processes(job: Job, processes: int) -> Job:
    if job.options.page_processes == processes:
        return job
    return replace(job, options=replace(job.options, page_processes=processes))


def warm_up(formats: Iterable[str] | None = None) -> None:
    """Load in this process what converting any document (or one of `formats`) needs — the
    readers, gazetteers, the word segmenter and tagger, the pillar index — so that the workers
    forked from it share it instead of each loading its own: a second or more per worker, and
    per replacement after a failure."""
    from vnplan.preload import preload

    preload(formats)
