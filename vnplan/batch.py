"""Many inputs → OUT/: one JSON record per input, failures in OUT/errors.jsonl.

The batch never stops on one bad input, writes every file atomically (temp file + rename), and
skips inputs whose record is already there for the same bytes and extractor version.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from vnplan import __version__
from vnplan.errors import ConversionError
from vnplan.fetch import Fetcher
from vnplan.formats import has_input_suffix
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Document, ErrorRecord
from vnplan.workers import Failure, Limits, run_isolated

if TYPE_CHECKING:
    from vnplan.web import WebOptions

ERRORS_FILE = "errors.jsonl"
Status = Literal["converted", "fetched", "skipped", "failed"]


@dataclass(frozen=True)
class Outcome:
    input: str
    status: Status
    output: str | None = None
    code: str | None = None
    message: str | None = None
    kind: str | None = None
    warnings: int = 0


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(o.status for o in self.outcomes)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def expand_inputs(args: Iterable[str]) -> list[str]:
    """Files, folders (searched recursively) and globs → input paths as given, sorted, unique.

    URLs pass through unchanged. Symlinked folders are not followed, so a link loop cannot
    make the walk endless.
    """
    out: list[str] = []
    for arg in args:
        if is_url(arg):
            out.append(arg)
        elif Path(arg).is_dir():
            out.extend(_walk(Path(arg)))
        elif any(ch in arg for ch in "*?["):
            out.extend(sorted(p for p in glob.glob(arg, recursive=True) if Path(p).is_file()))
        else:
            out.append(arg)
    return list(dict.fromkeys(out))


def _walk(folder: Path) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if has_input_suffix(name) and not name.startswith("."):
                found.append(os.path.join(root, name))
    return sorted(found)


def output_names(inputs: list[str]) -> dict[str, str]:
    """Input → output file name: "<stem>.json", or "<stem>.<ext>.json" where stems collide."""
    stems = Counter(_stem(i) for i in inputs)
    names: dict[str, str] = {}
    used: set[str] = set()
    for item in inputs:
        stem = _stem(item)
        suffix = Path(_path_part(item)).suffix.lstrip(".").lower()
        if is_url(item):
            suffix = "".join(c for c in suffix if c.isalnum())[:10]
        name = f"{stem}.json" if stems[stem] == 1 or not suffix else f"{stem}.{suffix}.json"
        base, n = name[: -len(".json")], 2
        while name in used:
            name, n = f"{base}-{n}.json", n + 1
        used.add(name)
        names[item] = name
    return names


def _path_part(item: str) -> str:
    if is_url(item):
        path = item.split("?", 1)[0].split("#", 1)[0].rstrip("/")
        return path.rsplit("/", 1)[-1] or "index"
    return item


def _stem(item: str) -> str:
    if is_url(item):
        return url_stem(item)
    return Path(_path_part(item)).stem or "document"


def url_stem(url: str) -> str:
    """A file-name stem for a URL: its last path segment made safe, and a hash of the URL."""
    stem = Path(_path_part(url)).stem or "document"
    digest = hashlib.sha256(url.encode()).hexdigest()[:8]
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:80]
    return f"{safe}-{digest}"


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so that readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a record is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def record_json(doc: Document) -> str:
    text: str = doc.model_dump_json(indent=2)
    return text + "\n"


def is_done(output: Path, data: bytes, uri: str | None = None) -> bool:
    """Is there a record for exactly these bytes, written by this extractor version (and,
    when `uri` is given, made from that URI)?"""
    if not output.is_file():
        return False
    try:
        record = json.loads(output.read_text("utf-8"))
    except (OSError, ValueError):
        return False
    source = record.get("source") or {}
    return bool(
        (uri is None or source.get("uri") == uri)
        and source.get("sha256") == hashlib.sha256(data).hexdigest()
        and record.get("extractor_version") == __version__
    )


def convert_local(
    item: str,
    out_dir: Path,
    name: str,
    force: bool,
    options: ConvertOptions = ConvertOptions(),
) -> Outcome:
    """Convert one local file into OUT/name, unless it is already done."""
    output = out_dir / name
    path = Path(item)
    try:
        max_bytes = options.max_bytes
        if path.is_file() and path.stat().st_size > max_bytes:
            size = path.stat().st_size
            return Outcome(
                item,
                "failed",
                code="too_large",
                message=f"{item}: {size} bytes is over the {max_bytes} limit",
            )
        data = path.read_bytes() if path.is_file() else None
    except OSError as exc:
        return Outcome(item, "failed", code="unreadable", message=f"{item}: {exc.strerror}")
    if data is not None and not force and is_done(output, data):
        return Outcome(item, "skipped", output=name)
    try:
        doc = convert(data if data is not None else path, options, uri=item)
    except ConversionError as exc:
        return Outcome(item, "failed", code=exc.code, message=str(exc))
    except Exception as exc:  # a parser bug must not stop the batch
        return Outcome(item, "failed", code="internal_error", message=f"{item}: {exc!r}")
    write_atomic(output, record_json(doc))
    return Outcome(item, "converted", output=name, kind=doc.kind, warnings=len(doc.warnings))


def write_errors(out_dir: Path, outcomes: list[Outcome]) -> None:
    """OUT/errors.jsonl: one line per input that failed in this run (removed when none did)."""
    path = out_dir / ERRORS_FILE
    failed = [o for o in outcomes if o.status == "failed"]
    if not failed:
        path.unlink(missing_ok=True)
        return
    lines = [
        ErrorRecord(
            input=o.input,
            code=o.code or "error",
            message=o.message or "",
            extractor_version=__version__,
        ).model_dump_json()
        for o in failed
    ]
    write_atomic(path, "\n".join(lines) + "\n")


@dataclass(frozen=True)
class LocalJob:
    """One local file to convert: what a worker process (or a cluster task) needs."""

    item: str
    out_dir: Path
    name: str
    force: bool
    options: ConvertOptions = ConvertOptions()


def run_local_job(job: LocalJob) -> Outcome:
    return convert_local(job.item, job.out_dir, job.name, job.force, job.options)


def _outcome_of(job: LocalJob, result: Outcome | Failure) -> Outcome:
    if isinstance(result, Outcome):
        return result
    return Outcome(job.item, "failed", code=result.code, message=f"{job.item}: {result.message}")


def _remove_stale_temp_files(out_dir: Path) -> None:
    """Temp files left by a run that was killed mid-write (records are renamed into place)."""
    for leftover in out_dir.glob(".*.tmp"):
        leftover.unlink(missing_ok=True)


def run_batch(
    inputs: list[str],
    out_dir: Path,
    *,
    force: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
    web: WebOptions | None = None,
    workers: int = 1,
    limits: Limits | None = None,
    engine: Engine | None = None,
    options: ConvertOptions = ConvertOptions(),
) -> BatchResult:
    """Convert every input into `out_dir`; returns what happened to each, in input order.

    Local files are converted in `workers` isolated processes (or by `engine`, e.g. a Dask
    cluster), each under `limits`: a document that hangs, crashes its worker or exhausts
    memory becomes an error record and the batch goes on. URLs are fetched one at a time
    with `web` (default: a cache in OUT/.cache, attachments followed); each attachment's
    outcome follows its page's.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temp_files(out_dir)
    names = output_names(inputs)
    order = {item: i for i, item in enumerate(inputs)}
    collected: list[tuple[int, int, Outcome]] = []

    def done(position: int, outcome: Outcome, sub: int = 0) -> None:
        collected.append((position, sub, outcome))
        if on_done:
            on_done(outcome)

    jobs = [LocalJob(i, out_dir, names[i], force, options) for i in inputs if not is_url(i)]
    if jobs:
        run = engine or IsolatedEngine(workers, limits or Limits())
        for job, got in run(jobs):
            done(order[job.item], _outcome_of(job, got))
    urls = [i for i in inputs if is_url(i)]
    if urls:
        for position, sub, outcome in _run_urls(urls, out_dir, names, order, force, web):
            done(position, outcome, sub)
    result = BatchResult([o for _, _, o in sorted(collected, key=lambda t: (t[0], t[1]))])
    write_errors(out_dir, result.outcomes)
    return result


def _run_urls(
    urls: list[str],
    out_dir: Path,
    names: dict[str, str],
    order: dict[str, int],
    force: bool,
    web: WebOptions | None,
) -> Iterator[tuple[int, int, Outcome]]:
    from vnplan import web as fetching

    options = web or fetching.WebOptions(fetching.fetch_settings(out_dir / fetching.CACHE_DIR))
    with Fetcher(options.settings) as fetcher:
        batch = fetching.UrlBatch(fetcher, out_dir, options, set(names.values()))
        for url in urls:
            for sub, outcome in enumerate(batch.convert(url, names[url], force=force)):
                yield order[url], sub, outcome


Engine = Callable[[list[LocalJob]], Iterator[tuple[LocalJob, "Outcome | Failure"]]]


@dataclass(frozen=True)
class IsolatedEngine:
    """Local worker processes: one document at a time each, killed and replaced on a hang,
    crash or memory exhaustion."""

    workers: int
    limits: Limits

    def __call__(self, jobs: list[LocalJob]) -> Iterator[tuple[LocalJob, Outcome | Failure]]:
        for done in run_isolated(jobs, run_local_job, workers=self.workers, limits=self.limits):
            yield jobs[done.index], done.result


def run_fetch(
    urls: list[str],
    out_dir: Path,
    web: WebOptions,
    *,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchResult:
    """Download every URL (and, when following them, its page's attachments) into `out_dir`;
    failures go to OUT/errors.jsonl."""
    from vnplan import web as fetching

    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    with Fetcher(web.settings) as fetcher:
        batch = fetching.UrlBatch(fetcher, out_dir, web, set())
        for url in urls:
            for outcome in batch.fetch(url):
                result.outcomes.append(outcome)
                if on_done:
                    on_done(outcome)
    write_errors(out_dir, result.outcomes)
    return result
