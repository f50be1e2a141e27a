"""The `vnplan` command: a thin shell around the pipeline and the batch runner; each command
is a function of its stage's module (convert and fetch: vnplan/batch_cli.py; compare, export,
agencies: vnplan/outputs/cli.py; watch: vnplan/watch/cli.py)."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.text import Text
from typer.core import TyperArgument

from vnplan import __version__
from vnplan.batch_cli import (
    CONVERT_EXAMPLES,
    EXIT_INTERRUPTED,
    FETCH_EXAMPLES,
    convert,
    err,
    fetch,
    print_run_summary,
)
from vnplan.outputs.cli import agencies, compare, export
from vnplan.progress import RESUME_HINT
from vnplan.schema import SCHEMA_FILE, json_schema_text
from vnplan.store import printable
from vnplan.watch.cli import register_watch

EXIT_BUG = 70  # EX_SOFTWARE


def _metavar_only(argument: TyperArgument, ctx: object) -> str | None:
    """An argument's help names it by its metavar ("PATH|URL…", "OUT") alone: typer would add
    its Python type ("<list[str]>", "<dir>"), which says nothing to a user."""
    return None if argument.metavar else TyperArgument.display_type(argument, ctx)  # type: ignore[arg-type]


setattr(TyperArgument, "display_type_rich", _metavar_only)  # noqa: B010 (mypy: a method)

app = typer.Typer(
    name="vnplan",
    help=(
        "Turn Vietnamese provincial plans (Kế hoạch) and news about them into validated JSON.\n\n"
        "Examples:\n\n"
        "  vnplan convert samples -o out          # every file under samples/ → out/*.json\n\n"
        "  vnplan convert plan.pdf news.html -o out\n\n"
        "  vnplan convert https://example.gov.vn/tin/ke-hoach-122.html -o out\n\n"
        "  vnplan fetch -i urls.txt -o downloads   # download only\n\n"
        "  vnplan schema > vnplan.schema.json      # the JSON Schema of a record"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)
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


app.command(epilog=CONVERT_EXAMPLES)(convert)
app.command(epilog=FETCH_EXAMPLES)(fetch)


@app.command()
def schema(
    check: Annotated[
        bool, typer.Option("--check", help="Exit 1 if the committed schema file is stale.")
    ] = False,
) -> None:
    """Print the JSON Schema of a vnplan record (schema 1.1)."""
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


app.command()(compare)
app.command()(export)
app.command()(agencies)
register_watch(app, print_run_summary)


def main() -> None:
    """The `vnplan` command: whatever goes wrong ends in one line and an exit code, never a
    traceback (2 usage, 130 Ctrl-C, 1 a file that cannot be read or written, 70 a bug)."""
    try:
        app()  # usage errors and typer.Exit end here, as SystemExit
    except KeyboardInterrupt:
        err.print(Text(f"interrupted; {RESUME_HINT}", style="yellow"))
        sys.exit(EXIT_INTERRUPTED)
    except OSError as exc:
        where = printable(str(exc.filename)) if exc.filename else "vnplan"
        err.print(Text(f"{where}: {exc.strerror or exc}", style="red"), soft_wrap=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one line to report, not a traceback
        err.print(Text(f"vnplan failed: {type(exc).__name__}: {exc}", style="red"), soft_wrap=True)
        sys.exit(EXIT_BUG)
