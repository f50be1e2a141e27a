"""`vnplan convert` and `vnplan fetch`: thin shells around the batch runner (registered on
vnplan's app by vnplan/cli.py), with the progress a run shows and its summary."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from vnplan.batch import BatchResult, find_inputs, run_batch, run_fetch, unsupported_files
from vnplan.formats import INPUT_SUFFIXES
from vnplan.jobs import Engine, Outcome
from vnplan.options import (
    REQUESTS,
    WORKERS,
    InputListOption,
    OutOption,
    Requests,
    Workers,
    grouped,
    pdf_pages_option,
)
from vnplan.progress import RESUME_HINT, RunProgress, print_summary, showing
from vnplan.store import CACHE_DIR, OutUnavailable, is_url, printable
from vnplan.workers import Limits

# a message is one line, however long; ":name:" in a path is text, not an emoji code
err = Console(stderr=True, soft_wrap=True, emoji=False)
EXIT_OUT_UNAVAILABLE = 3
EXIT_INTERRUPTED = 130
UNSUPPORTED_SHOWN = 10  # unsupported files named in the summary; the others counted
SUFFIXES = " ".join(dict.fromkeys(INPUT_SUFFIXES))
CONVERT_EXAMPLES = (
        "Examples:\n\n"
        "  vnplan convert samples -o out\n\n"
        "  vnplan convert https://example.gov.vn/tin/ke-hoach-122.html plan.pdf -o out\n\n"
        "  (→ out/ke-hoach-122-<hash>.json for the page, one record per attached PDF with\n"
        "  source.found_on = the page, out/plan.json; out/.cache keeps what was fetched)\n\n"
        "  vnplan convert -i urls.txt -o out --delay 2 --timeout 60\n\n"
        "  vnplan convert URL -o out --no-follow-attachments --cache ~/.cache/vnplan"
    )
FETCH_EXAMPLES = (
        "Examples:\n\n"
        "  vnplan fetch https://example.gov.vn/van-ban/122-kh-ubnd.pdf -o downloads\n\n"
        "  vnplan fetch -i urls.txt -o downloads --follow-attachments --delay 2"
    )


@grouped
def convert(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH|URL",
            help=f"Files, folders (searched recursively), globs or http(s) URLs: {SUFFIXES}",
            show_default=False,
        ),
    ] = None,
    out: OutOption = Path("out"),
    input_list: InputListOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose record is already up to date.")
    ] = False,
    follow_attachments: Annotated[
        bool,
        typer.Option(
            "--follow-attachments/--no-follow-attachments",
            help="Also fetch and convert the .pdf/.doc/.docx files a fetched page links to "
            '("File đính kèm", "Tải về"); their records name the page in source.found_on.',
        ),
    ] = True,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            metavar="FOLDER",
            help="Cache folder for fetched URLs.",
            show_default="OUT/.cache",
        ),
    ] = None,
    requests: Requests = REQUESTS,
    pool: Workers = WORKERS,
    max_pages: Annotated[int | None, pdf_pages_option("--max-pages")] = None,
    ocr_text: Annotated[
        bool,
        typer.Option(
            "--ocr-text",
            help="The inputs' text came from OCR (e.g. text exported "
            "from scans): also make the OCR repairs that rest on the phrase alone "
            '("phô biến" → "phổ biến"). Scanned PDFs get them anyway.',
        ),
    ] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="local|dask",
            help="'local' (worker processes) or 'dask' (a Dask cluster).",
        ),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="URL",
            help="Dask scheduler address for --engine dask, e.g. tcp://10.0.0.5:8786.",
            show_default=False,
        ),
    ] = None,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="Read files in a given folder that are symbolic links to somewhere outside "
            "it (by default they get the error symlink_outside, unread).",
        ),
    ] = False,
) -> None:
    """Convert documents and web pages into OUT/<name>.json (one record each); failures go to
    OUT/errors.jsonl, one JSON line each with a stable code (e.g. "http_404", "empty").

    URLs are fetched politely (robots.txt, a delay per host) through a cache, so a re-run only
    revalidates them (ETag / Last-Modified) and skips a URL whose record is there for the same
    body. Re-running skips local inputs whose bytes and extractor version are unchanged. The
    exit status is 1 when any input failed, 2 when no input was given, 3 when OUT cannot be
    written or another run is writing it.
    """
    started = time.monotonic()
    items = _inputs(inputs, input_list)
    found = find_inputs(items)
    expanded = list(found)
    if not expanded:
        err.print("[red]No inputs.[/red] Give files, folders or globs, e.g. vnplan convert samples")
        raise typer.Exit(2)
    web = requests.web(cache or out / CACHE_DIR, follow_attachments)
    limits = pool.limits
    options = pool.convert_options(max_pages, True if ocr_text else None)
    notes = _unsupported_note(items)
    progress = RunProgress(expanded, "converting")
    columns = ("converted", "skipped", "failed")
    result = _run_with_progress(
        progress,
        out,
        "convert",
        columns,
        lambda done: run_batch(
            expanded,
            out,
            force=force,
            on_done=done,
            web=web,
            workers=pool.workers,
            limits=limits,
            engine=_engine(engine, scheduler, limits),
            options=options,
            roots=found,
            follow_symlinks=follow_symlinks,
        ),
        notes,
    )
    result.notes[:0] = notes
    print_run_summary(result, out, "convert", columns, started)
    raise typer.Exit(1 if result.failed else 0)


@grouped
def fetch(
    urls: Annotated[
        list[str] | None,
        typer.Argument(metavar="URL", help="http(s) URLs to download.", show_default=False),
    ] = None,
    out: Annotated[
        Path, typer.Option("-o", "--out", metavar="FOLDER", help="Download folder.")
    ] = Path("downloads"),
    input_list: InputListOption = None,
    follow_attachments: Annotated[
        bool,
        typer.Option(
            "--follow-attachments/--no-follow-attachments",
            help="Also download the .pdf/.doc/.docx files a fetched page links to.",
        ),
    ] = False,
    cache: Annotated[
        Path | None,
        typer.Option("--cache", metavar="FOLDER", help="Cache folder.", show_default="OUT/.cache"),
    ] = None,
    requests: Requests = REQUESTS,
) -> None:
    """Download URLs into OUT/ as <name>-<hash>.<ext> (the extension from the bytes, not the
    URL); failures go to OUT/errors.jsonl with a stable code (e.g. "http_404", "timeout").

    Files are written atomically and only directly inside OUT, whatever the URL looks like. A
    re-run revalidates through the cache instead of downloading again ("skipped" = not
    modified). The exit status is 1 when any URL failed, 2 when none was given, 3 when OUT
    cannot be written or another run is writing it.
    """
    started = time.monotonic()
    items = _inputs(urls, input_list)
    if not items:
        err.print("[red]No URLs.[/red] e.g. vnplan fetch https://example.gov.vn/a.pdf -o downloads")
        raise typer.Exit(2)
    not_urls = [item for item in items if not is_url(item)]
    if not_urls:
        err.print(f"[red]Not http(s) URLs:[/red] {', '.join(not_urls[:5])}")
        raise typer.Exit(2)
    web = requests.web(cache or out / CACHE_DIR, follow_attachments)
    columns = ("fetched", "skipped", "failed")
    result = _run_with_progress(
        RunProgress(items, "fetching"),
        out,
        "fetch",
        columns,
        lambda done: run_fetch(items, out, web, on_done=done),
        [],
    )
    print_run_summary(result, out, "fetch", columns, started)
    raise typer.Exit(1 if result.failed else 0)


def _inputs(args: list[str] | None, input_list: Path | None) -> list[str]:
    items = list(args or [])
    if input_list is not None:
        try:
            text = input_list.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            err.print(Text(f"cannot read the input list {input_list}: {reason}", style="red"))
            raise typer.Exit(2) from None
        items += [
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
    return items



def _engine(name: str, scheduler: str | None, limits: Limits) -> Engine | None:
    if name == "local":
        return None
    if name == "dask":
        if not scheduler:
            err.print("[red]--engine dask needs --scheduler tcp://HOST:PORT[/red]")
            raise typer.Exit(2)
        from vnplan.cluster import DaskEngine

        return DaskEngine(scheduler, limits)
    err.print(f"[red]unknown engine {name!r}[/red]: use 'local' or 'dask'")
    raise typer.Exit(2)


def _run_with_progress(
    progress: RunProgress,
    out: Path,
    command: str,
    columns: tuple[str, ...],
    run: Callable[[Callable[[Outcome], None]], BatchResult],
    notes: list[str],
) -> BatchResult:
    """Run with a progress bar (or log lines); Ctrl-C prints the summary so far and exits 130,
    OUT that cannot be written exits 3."""
    try:
        with showing(progress, err) as advance:
            return run(advance)
    except OutUnavailable as exc:
        err.print(str(exc), style="red", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(EXIT_OUT_UNAVAILABLE) from None
    except KeyboardInterrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C cannot cut the summary
        title = f"vnplan {command} → {out} (interrupted)"
        print_summary(err, progress.outcomes, notes, out, title, columns, progress.elapsed)
        err.print(
            Text(f"interrupted: every record in {out} is whole; {RESUME_HINT}", style="yellow"),
            soft_wrap=True,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None


def print_run_summary(
    result: BatchResult, out: Path, command: str, columns: tuple[str, ...], started: float
) -> None:
    title = f"vnplan {command} → {out}"
    elapsed = time.monotonic() - started
    print_summary(err, result.outcomes, result.notes, out, title, columns, elapsed)


def _unsupported_note(items: list[str]) -> list[str]:
    """"not read: 2 file(s) …: notes.xlsx, photo.jpg" for the files a folder holds that no
    reader reads (none: no note)."""
    names = unsupported_files(items)
    if not names:
        return []
    shown = ", ".join(printable(name) for name in names[:UNSUPPORTED_SHOWN])
    more = f" and {len(names) - UNSUPPORTED_SHOWN} more" if len(names) > UNSUPPORTED_SHOWN else ""
    return [f"not read: {len(names)} file(s) of no format vnplan reads (not {SUFFIXES}): "
            f"{shown}{more}"]


