"""`vnplan watch`: the command, registered on vnplan's app by `register_watch`."""

from __future__ import annotations

import datetime as dt
import re
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from vnplan.batch import BatchResult
from vnplan.jobs import Outcome
from vnplan.options import (
    REQUESTS,
    WORKERS,
    OutOption,
    Requests,
    Workers,
    grouped,
    pdf_pages_option,
)
from vnplan.progress import RESUME_HINT
from vnplan.store import CACHE_DIR, OutUnavailable, is_url
from vnplan.workers import Limits

from . import MAX_PAGES

if TYPE_CHECKING:
    from .passes import PassResult, WatchOptions
    from .sources import Source
    from .stop import StopRequests
# the command's own modules (its filters and options, lxml's selectors, the state database, a
# pass's runner) are imported when it runs: every other command starts without them

Summary = Callable[[BatchResult, Path, str, tuple[str, ...], float], None]
err = Console(stderr=True)
USAGE, OUT_UNAVAILABLE, INTERRUPTED = 2, 3, 130
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

EPILOG = (
    "Examples:\n\n"
    "  vnplan watch https://example.gov.vn/van-ban-moi -o out\n\n"
    "  vnplan watch -i sources.toml -o out --type 'Kế hoạch' --since 2025-01-01\n\n"
    "  vnplan watch -i sources.toml -o out --every 6h\n\n"
    "  vnplan watch --status -o out\n\n"
    "From cron, every morning at 06:15:\n\n"
    "  15 6 * * *  vnplan watch -i sources.toml -o /srv/plans\n\n"
    "sources.toml holds one [[source]] table per source:\n\n"
    "  [[source]]\n\n"
    '  url = "https://example.gov.vn/van-ban-moi"   # a feed, sitemap or listing\n\n'
    '  entry = "table.list tr"   # optional CSS selectors of a listing page:\n\n'
    '  next = "a.next"           # its entries, its next-page link,\n\n'
    '  date = "td.date"          # an entry\'s date\n\n'
    "and optionally name, kind (feed, sitemap, listing), max_pages, since, type, match."
)


def register_watch(app: typer.Typer, summary: Summary) -> None:
    """Add `watch` to `app`; `summary` prints a run's counts and failures as `convert` does."""

    @grouped
    def watch(
        sources: Annotated[
            list[str] | None,
            typer.Argument(
                metavar="SOURCE…",
                help="Feed (RSS/Atom), sitemap or listing-page URLs; the kind is told from the "
                "page.",
                show_default=False,
            ),
        ] = None,
        out: OutOption = Path("out"),
        source_file: Annotated[
            Path | None,
            typer.Option(
                "-i",
                "--sources",
                metavar="PATH",
                help="A sources.toml of [[source]] tables, or a text file of one URL per line.",
                show_default=False,
            ),
        ] = None,
        every: Annotated[
            str | None,
            typer.Option(
                "--every",
                metavar="INTERVAL",
                help="Keep watching: a pass every INTERVAL (90s, 30m, 6h, 1d) until SIGTERM or "
                "Ctrl-C, which stop it between documents. Without it: one pass.",
                show_default=False,
            ),
        ] = None,
        status: Annotated[
            bool,
            typer.Option(
                "--status", help="Show each source's documents and last success, then exit."
            ),
        ] = False,
        since: Annotated[
            str | None, _filter("--since", "DATE", "of DATE (2025-01-01) or later")
        ] = None,
        types: Annotated[
            list[str] | None, _filter("--type", "TYPE", 'of this type ("Kế hoạch")', repeated=True)
        ] = None,
        words: Annotated[
            list[str] | None,
            _filter(
                "--match", "WORDS", "whose title holds these words in this order", repeated=True
            ),
        ] = None,
        max_pages: Annotated[
            int,
            typer.Option(
                "--max-pages",
                metavar="N",
                min=1,
                help="Listing pages (or sitemaps of an index) read at most per source and "
                "pass; a listing stops sooner at a page with an entry seen before.",
            ),
        ] = MAX_PAGES,
        sqlite: Annotated[
            Path | None,
            typer.Option(
                "--sqlite",
                metavar="FILE",
                help="Also append the new and changed "
                "records to the tables of an export database (vnplan export --sqlite "
                "FILE), made if missing.",
                show_default=False,
            ),
        ] = None,
        follow_attachments: Annotated[
            bool,
            typer.Option(
                "--follow-attachments/--no-follow-attachments",
                help="Also convert the .pdf/.doc/.docx files an entry's page links to.",
            ),
        ] = True,
        requests: Requests = REQUESTS,
        pool: Workers = WORKERS,
        max_pdf_pages: Annotated[int | None, pdf_pages_option("--max-pdf-pages")] = None,
    ) -> None:
        """Follow feeds, sitemaps and listing pages ("Văn bản mới") and convert the documents
        they list that are new or changed since the last pass into OUT, like convert.

        A pass asks each server only whether a known document changed (ETag / Last-Modified),
        converts what is new or changed, keeps a changed document's earlier record in
        OUT/.versions/, and lists this pass's new and changed records in OUT/new.jsonl. The
        state is OUT/watch.db; a source that fails is reported and tried again next pass; a
        pass that was killed is resumed by the next. The exit status is 1 when anything
        failed, 2 for a usage error, 3 when OUT is being written by another run.
        """
        from .filters import Filters
        from .passes import WatchOptions
        from .status import print_pass, show_status
        from .stop import StopRequests

        if status:
            raise typer.Exit(show_status(out))
        watched = _sources(sources, source_file)
        interval = _interval(every)
        options = WatchOptions(
            web=requests.web(out / CACHE_DIR, follow_attachments),
            convert=pool.convert_options(max_pdf_pages, None),
            filters=Filters(_since(since), tuple(types or ()), tuple(words or ())),
            max_pages=max_pages,
            sqlite=sqlite,
        )
        limits = pool.limits
        failed = False
        columns = ("converted", "skipped", "failed")
        seen: list[Outcome] = []  # this pass's outcomes so far, for a summary at Ctrl-C
        started = time.monotonic()
        try:
            with StopRequests() as stop:
                while True:
                    started, seen[:] = time.monotonic(), []
                    result = _pass(watched, out, options, pool.workers, limits, stop, seen.append)
                    summary(result, out, "watch", columns, started)
                    print_pass(result)
                    failed = bool(result.failed)
                    if interval is None or stop():
                        break
                    stop.sleep(interval)
                    if stop():
                        break
        except OutUnavailable as exc:
            err.print(Text(str(exc), style="red"), soft_wrap=True)
            raise typer.Exit(OUT_UNAVAILABLE) from None
        except KeyboardInterrupt:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a third Ctrl-C cannot cut the summary
            summary(BatchResult(outcomes=list(seen)), out, "watch (interrupted)", columns, started)
            raise _interrupted(out) from None
        if stop.by_ctrl_c:
            raise _interrupted(out)
        raise typer.Exit(1 if failed and interval is None else 0)

    app.command(epilog=EPILOG)(watch)


def _filter(flag: str, metavar: str, which: str, *, repeated: bool = False) -> Any:
    """An option that narrows a pass to "Only documents `which`." (not given: every document);
    a `repeated` one may be given several times."""
    more = "; repeat for several" if repeated else ""
    help_text = f"Only documents {which}{more}."
    return typer.Option(flag, metavar=metavar, help=help_text, show_default=False)


def _interrupted(out: Path) -> typer.Exit:
    err.print(Text(f"interrupted: every record in {out} is whole; {RESUME_HINT}"), soft_wrap=True)
    return typer.Exit(INTERRUPTED)


def _pass(
    sources: list[Source],
    out: Path,
    options: WatchOptions,
    workers: int,
    limits: Limits,
    stop: StopRequests,
    seen: Callable[[Outcome], None],
) -> PassResult:
    from .run import run_pass  # a pass's modules (lxml, feedparser, the export) load here

    if not err.is_terminal:
        return run_pass(
            sources, out, options, workers=workers, limits=limits, stop=stop, on_done=seen
        )
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # terminal

    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("watching", total=None)
        done = 0

        def advance(outcome: Outcome) -> None:
            nonlocal done
            seen(outcome)
            done += 1
            name = outcome.input.rstrip("/").rsplit("/", 1)[-1][:40]
            progress.update(task, description=f"{done} checked · {name}")

        return run_pass(
            sources, out, options, workers=workers, limits=limits, stop=stop, on_done=advance
        )


def _sources(arguments: list[str] | None, path: Path | None) -> list[Source]:
    from .sources import SourceError, sources_from_arguments

    urls = list(arguments or [])
    try:
        found = sources_from_arguments([u for u in urls if is_url(u)])
        if path is not None:
            found += _from_path(path)
    except SourceError as exc:
        raise _usage(str(exc)) from None
    not_urls = [u for u in urls if not is_url(u)]
    if not_urls:
        raise _usage(f"not http(s) URLs: {', '.join(not_urls[:5])}")
    if not found:
        raise _usage("no sources: give feed, sitemap or listing URLs, or -i sources.toml")
    return found


def _from_path(path: Path) -> list[Source]:
    from .sources import SourceError, sources_from_arguments, sources_from_file

    if path.suffix.lower() == ".toml":
        return sources_from_file(path)
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(f"cannot read {path}: {exc}") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return sources_from_arguments(urls)


def _interval(every: str | None) -> float | None:
    """90s, 30m, 6h, 1d or plain seconds → seconds.

    >>> _interval("6h"), _interval("90")
    (21600.0, 90.0)
    """
    if every is None:
        return None
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", every.lower())
    if not match or float(match[1]) <= 0:
        raise _usage(f"--every {every!r}: give a duration such as 90s, 30m, 6h or 1d")
    return float(match[1]) * _UNITS[match[2] or "s"]


def _since(since: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(since) if since else None
    except ValueError:
        raise _usage(f"--since {since!r}: give a date such as 2025-01-01") from None


def _usage(message: str) -> typer.Exit:
    err.print(Text(message, style="red"), soft_wrap=True)
    return typer.Exit(USAGE)
