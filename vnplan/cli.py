"""The `vnplan` command: a thin shell around the pipeline and the batch runner."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from vnplan import __version__
from vnplan.batch import BatchResult, Outcome, expand_inputs, run_batch
from vnplan.schema import SCHEMA_FILE, json_schema_text

app = typer.Typer(
    name="vnplan",
    help=(
        "Turn Vietnamese provincial plans (Kế hoạch) and news about them into validated JSON.\n\n"
        "Examples:\n\n"
        "  vnplan convert samples -o out          # every file under samples/ → out/*.json\n\n"
        "  vnplan convert plan.pdf news.html -o out\n\n"
        "  vnplan schema > vnplan.schema.json      # the JSON Schema of a record"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)
err = Console(stderr=True)
MAX_FAILURES_SHOWN = 20


def _version(value: bool) -> None:
    if value:
        typer.echo(f"vnplan {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """vnplan: provincial plans → structured JSON."""


@app.command()
def convert(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (searched recursively) or globs: .pdf .docx .doc .html .txt",
            show_default=False,
        ),
    ] = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("out"),
    input_list: Annotated[
        Path | None, typer.Option("-i", "--input-list", help="A file with one input per line.")
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose record is already up to date.")
    ] = False,
) -> None:
    """Convert documents into OUT/<name>.json (one record each); failures go to OUT/errors.jsonl.

    Re-running skips inputs whose bytes and extractor version are unchanged. The exit status
    is 1 when any input failed, 2 when no input was given.

    Example: vnplan convert samples -o out
    """
    items = list(inputs or [])
    if input_list is not None:
        items += [
            line.strip()
            for line in input_list.read_text("utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")
        ]
    expanded = expand_inputs(items)
    if not expanded:
        err.print("[red]No inputs.[/red] Give files, folders or globs, e.g. vnplan convert samples")
        raise typer.Exit(2)
    result = _run_with_progress(expanded, out, force)
    _print_summary(result, out)
    raise typer.Exit(1 if result.failed else 0)


def _run_with_progress(items: list[str], out: Path, force: bool) -> BatchResult:
    if not err.is_terminal:
        return run_batch(items, out, force=force)
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("converting", total=len(items))

        def advance(outcome: Outcome) -> None:
            progress.update(task, advance=1, description=Path(outcome.input).name[:40])

        return run_batch(items, out, force=force, on_done=advance)


def _print_summary(result: BatchResult, out: Path) -> None:
    counts = result.counts
    table = Table(title=f"vnplan convert → {out}", show_edge=False)
    for column in ("converted", "skipped", "failed"):
        table.add_column(column, justify="right")
    table.add_row(*(str(counts.get(c, 0)) for c in ("converted", "skipped", "failed")))
    err.print(table)
    for outcome in result.failed[:MAX_FAILURES_SHOWN]:
        err.print(f"  [red]{outcome.code}[/red] {outcome.message}")
    if len(result.failed) > MAX_FAILURES_SHOWN:
        err.print(f"  … and {len(result.failed) - MAX_FAILURES_SHOWN} more in {out}/errors.jsonl")


@app.command()
def schema(
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the committed schema file is stale.")
    ] = False,
) -> None:
    """Print the JSON Schema of a vnplan record (schema v1)."""
    text = json_schema_text()
    if check:
        current = SCHEMA_FILE.read_text("utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            err.print(
                f"[red]{SCHEMA_FILE.name} is stale[/red]: run `vnplan schema > "
                "schema/vnplan.schema.json`"
            )
            raise typer.Exit(1)
        return
    sys.stdout.write(text)


def main() -> None:
    app()
