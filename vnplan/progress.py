"""How far a run of `vnplan convert`, `fetch` or `watch` has got, as people read it.

On a terminal: a bar with the input being worked on (clipped to a fixed width, so the bar
stays put), done/total, the rate and the time left. Elsewhere (a log, a pipe, cron): one
line every `every` seconds. At the end, or at Ctrl-C, the summary: counts, elapsed time,
documents/s and pages/s, every failure with its input, the path of errors.jsonl.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from vnplan.jobs import Outcome

LABEL_WIDTH = 32  # characters of the input's name shown beside the bar
LOG_EVERY = 10.0  # seconds between two progress lines when stderr is not a terminal
RESUME_HINT = "re-run the same command to resume"


def clip(name: str, width: int = LABEL_WIDTH) -> str:
    """An input's last path part, clipped in the middle to `width` and padded to it.

    >>> clip("samples/lao-cai-122-kh-ubnd-2022-scan.pdf", 20)
    'lao-cai-1…2-scan.pdf'
    >>> clip("a.txt", 8)
    'a.txt   '
    """
    last = name.rstrip("/").rsplit("/", 1)[-1] or name
    if len(last) > width:
        head = (width - 1) // 2
        last = last[:head] + "…" + last[len(last) - (width - 1 - head) :]
    return last.ljust(width)


class RunProgress:
    """The outcomes of one run as they come, and what is being worked on.

    `inputs` are the inputs given, in the order they are taken up; outcomes of inputs not
    among them (a page's attachments) are counted but do not advance the total.
    """

    def __init__(self, inputs: Sequence[str], what: str) -> None:
        self.inputs = list(inputs)
        self.what = what
        self.started = time.monotonic()
        self.outcomes: list[Outcome] = []
        self._given = set(self.inputs)
        self._finished: set[str] = set()
        self._next = 0  # the first given input not finished yet
        self._lock = threading.Lock()

    def done(self, outcome: Outcome) -> None:
        with self._lock:
            self.outcomes.append(outcome)
            if outcome.input in self._given:
                self._finished.add(outcome.input)
            while self._next < len(self.inputs) and self.inputs[self._next] in self._finished:
                self._next += 1

    @property
    def finished(self) -> int:
        return len(self._finished)

    @property
    def current(self) -> str:
        """The first input, in order, that is not finished: the one being worked on."""
        return self.inputs[self._next] if self._next < len(self.inputs) else ""

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def worked(self) -> tuple[int, int]:
        """(documents, pages) this run converted or fetched (skipped ones took no work)."""
        outcomes = [o for o in self.outcomes if o.status in ("converted", "fetched")]
        return len(outcomes), sum(o.pages or 0 for o in outcomes)

    def line(self) -> str:
        """One line for a log: done/total, rate, time left, what is being worked on."""
        total, finished, elapsed = len(self.inputs), self.finished, self.elapsed
        rate = finished / elapsed if elapsed > 0 else 0.0
        parts = [f"{self.what} {finished}/{total}", f"{elapsed:.0f} s", f"{rate:.2f}/s"]
        if finished and finished < total:
            parts.append(f"about {(total - finished) / rate:.0f} s left")
        if self.current:
            parts.append(f"now {clip(self.current).rstrip()}")
        return " · ".join(parts)


@contextmanager
def showing(
    progress: RunProgress, console: Console, every: float = LOG_EVERY
) -> Iterator[Callable[[Outcome], None]]:
    """Show `progress` on `console` while the body runs; yields the callback for outcomes."""
    if console.is_terminal:
        with _bar(progress, console) as advance:
            yield advance
    else:
        with _log_lines(progress, console, every):
            yield progress.done


@contextmanager
def _bar(progress: RunProgress, console: Console) -> Iterator[Callable[[Outcome], None]]:
    from rich.progress import (  # loads with the first bar: a log or a pipe shows none
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeRemainingColumn(compact=True),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task(
            clip(progress.current), total=len(progress.inputs), rate=_rate(progress)
        )

        def advance(outcome: Outcome) -> None:
            progress.done(outcome)
            bar.update(
                task,
                completed=progress.finished,
                description=clip(progress.current),
                rate=_rate(progress),
                refresh=True,  # drawn now: a fast document must not pass unseen
            )

        yield advance


def _rate(progress: RunProgress) -> str:
    elapsed = progress.elapsed
    return f"{progress.finished / elapsed:5.2f}/s" if elapsed > 0 else "     /s"


@contextmanager
def _log_lines(progress: RunProgress, console: Console, every: float) -> Iterator[None]:
    """A progress line every `every` seconds, from a thread, until the body ends."""
    stop = threading.Event()

    def tick() -> None:
        while not stop.wait(every):
            console.print(Text(progress.line()), soft_wrap=True, highlight=False)

    ticker = threading.Thread(target=tick, name="vnplan-progress", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()


def print_summary(
    console: Console,
    outcomes: Sequence[Outcome],
    notes: Sequence[str],
    out: Path,
    title: str,
    columns: tuple[str, ...],
    elapsed: float,
) -> None:
    """Counts, elapsed time and throughput, notes, and every failure with its input."""
    counts: Counter[str] = Counter(o.status for o in outcomes)
    # the title names OUT as given: its brackets are no markup
    table = Table(title=Text(title, style="table.title"), show_edge=False)
    for column in columns:
        table.add_column(column, justify="right")
    table.add_row(*(str(counts.get(c, 0)) for c in columns))
    console.print(table)
    console.print(Text(f"  took {elapsed:.1f} s{_throughput(outcomes, elapsed)}"))
    for note in notes:
        console.print(Text(f"  {note}", style="yellow"), soft_wrap=True)
    failed = [o for o in outcomes if o.status == "failed"]
    for outcome in failed:  # each message names its input
        line = Text("  ")
        line.append(outcome.code or "error", style="red")
        line.append(f" {outcome.message or outcome.input}")
        console.print(line, soft_wrap=True)
    if failed:
        console.print(Text(f"  every failure is a line of {out / 'errors.jsonl'}"), soft_wrap=True)


def _throughput(outcomes: Sequence[Outcome], elapsed: float) -> str:
    """", 1.25 documents/s, 9.80 pages/s" over what this run did (skipped inputs excluded)."""
    worked = [o for o in outcomes if o.status in ("converted", "fetched")]
    if not worked or elapsed <= 0:
        return ""
    pages = sum(o.pages or 0 for o in worked)
    said = f", {len(worked) / elapsed:.2f} documents/s"
    return said + (f", {pages / elapsed:.2f} pages/s ({pages} pages)" if pages else "")
