"""What `vnplan watch` tells: a pass's counts per source, and the state's per source."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .passes import ENDINGS, PassResult
from .state import STATE_FILE, State

USAGE = 2
err = Console(stderr=True)


def print_pass(result: PassResult) -> None:
    table = Table(show_edge=False)
    for column in ("source", "entries", *ENDINGS):
        table.add_column(column, justify="left" if column == "source" else "right")
    for s in result.sources:
        counts = (s.entries, *(s.counts[ending] for ending in ENDINGS))
        table.add_row(Text(s.name), *(str(n) for n in counts))
    err.print(table)
    for s in result.sources:
        if s.error:
            err.print(Text(f"  {s.name}: {s.error}", style="red"), soft_wrap=True)
    err.print(Text(f"  new.jsonl: {result.listed} record(s) new or changed"))
    if result.exported:
        err.print(Text(f"  appended {result.exported} document(s) to the export database"))
    if result.stopped:
        err.print(Text("  stopped on request; the next pass goes on from here", style="yellow"))


def show_status(out: Path) -> int:
    path = out / STATE_FILE
    if not path.is_file():
        err.print(Text(f"{out} holds no watch state ({STATE_FILE}): run vnplan watch first"))
        return USAGE
    with State(path, read_only=True) as state:
        sources = state.sources()
    console = Console()
    table = Table(title=f"vnplan watch → {out}", show_edge=False)
    table.add_column("source")
    table.add_column("kind")
    for column in ("documents", "converted", "failed", "filtered"):
        table.add_column(column, justify="right")
    table.add_column("last success")
    for s in sources:
        c = s.counts
        counts = (sum(c.values()), c.get("converted", 0), c.get("failed", 0), c.get("filtered", 0))
        when = (
            s.last_success.replace("T", " ").replace("+00:00", " UTC") if s.last_success else None
        )
        table.add_row(Text(s.name), s.kind or "–", *(str(n) for n in counts), when or "never")
    console.print(table)
    for s in sources:
        if s.last_error:
            console.print(Text(f"  {s.name}: {s.last_error}", style="red"), soft_wrap=True)
    return 0
