"""`vnplan compare`, `vnplan export` and `vnplan agencies`: typer commands over OUT folders,
registered by vnplan/cli.py.

Every problem a user can cause (a folder where a file goes, a path that cannot be written, a
missing library, Ctrl-C) ends in one line on stderr and an exit code: 2 for a usage error, 1
for a write that failed, 130 for an interrupt. Outputs are written atomically, so an
interrupted command leaves every output as it was or whole.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:  # the output modules are imported by the command that runs, not by `vnplan`
    from vnplan.outputs.records import Loaded

USAGE, FAILED, INTERRUPTED = 2, 1, 130

OutDir = Annotated[
    Path,
    typer.Argument(
        metavar="OUT",
        help="A folder of records written by vnplan convert (its *.json files).",
        exists=True,
        file_okay=False,
        dir_okay=True,
        show_default=False,
    ),
]


_PATH_OPTIONS = {  # option → (metavar, help)
    "--csv": ("FILE", "Also write the comparison as CSV to FILE."),
    "--html": ("FILE", "Also write the report to FILE: one HTML page that opens offline."),
    "--sqlite": ("FILE", "Write the tables to a SQLite database FILE."),
    "--jsonl": ("FILE", "Write the records to FILE, one JSON per line."),
    "--parquet": (
        "FOLDER",
        "Write one Parquet file per table into FOLDER (made if missing); uses pyarrow, "
        "which vnplan installs.",
    ),
}


def _path_option(name: str) -> Any:
    metavar, help_text = _PATH_OPTIONS[name]
    return typer.Option(name, metavar=metavar, help=help_text, show_default=False)


CsvFile = Annotated[Path | None, _path_option("--csv")]
HtmlFile = Annotated[Path | None, _path_option("--html")]
SqliteFile = Annotated[Path | None, _path_option("--sqlite")]
JsonlFile = Annotated[Path | None, _path_option("--jsonl")]
ParquetFolder = Annotated[Path | None, _path_option("--parquet")]


def _say(console: Console, message: str, style: str | None = None) -> None:
    """Print `message` as written (paths and hints may hold brackets rich would eat)."""
    console.print(Text(message, style=style or ""), soft_wrap=True)


def _fail(err: Console, message: str, code: int) -> typer.Exit:
    _say(err, message, "red")
    return typer.Exit(code)


@contextmanager
def _user_errors(err: Console) -> Iterator[None]:
    """Turn what a user can cause into one line and an exit code, never a traceback."""
    from vnplan.outputs.export import OutputPathError

    try:
        yield
    except KeyboardInterrupt:
        raise _fail(
            err, "interrupted; every output is as it was or complete", INTERRUPTED
        ) from None
    except OutputPathError as exc:
        raise _fail(err, str(exc), USAGE) from None
    except OSError as exc:
        where = f" {exc.filename}" if exc.filename else ""
        raise _fail(err, f"cannot write{where}: {exc.strerror or exc}", FAILED) from None


def _load(out_dir: Path, err: Console) -> Loaded:
    from vnplan.outputs.records import NoRecords, load_folder

    try:
        loaded = load_folder(out_dir)
    except NoRecords as exc:
        raise _fail(err, str(exc), USAGE) from None
    except OSError as exc:
        raise _fail(err, f"cannot read {out_dir}: {exc.strerror or exc}", FAILED) from None
    for item in loaded.skipped:
        _say(err, f"skipped {item.path}: {item.reason}", "yellow")
    return loaded


class Stdout(Console):
    """The console for results: a reader that went away (`| head`) ends the printing, not the
    command (rich's own handling exits), so the files asked for are still written."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # nothing more reaches the closed pipe


def _check(targets: list[tuple[Path | None, Callable[[Path], None]]]) -> None:
    """Every output path is checked before anything is read or written."""
    for path, check in targets:
        if path is not None:
            check(path)


def compare(
    out_dir: OutDir,
    csv: CsvFile = None,
    html: HtmlFile = None,
) -> None:
    """Compare the documents in OUT: one row per plan, other documents and news apart.

    Each plan's row gives its province, number, date and period; its objective, task and
    appendix-row counts; how many of its sections and rows pursue each pillar of the national
    strategy; its top lead agencies, the heritage and foreign partners it names and the legal
    bases it cites. Copies of one document (its .txt, .pdf, .docx …) count once. Documents
    that link to no pillar are listed apart, without pillar columns.

    Example: vnplan compare out --csv ~/vnplan/plans.csv --html ~/vnplan/report.html
    """
    from vnplan.outputs.catalog import pillars_of
    from vnplan.outputs.compare import csv_text, terminal_tables
    from vnplan.outputs.export import check_file_target, write_text_atomic
    from vnplan.outputs.report import render_report
    from vnplan.outputs.summary import summarize_all

    console, err = Stdout(), Console(stderr=True)
    with _user_errors(err):
        _check([(csv, check_file_target), (html, check_file_target)])
        loaded = _load(out_dir, err)
        summaries = summarize_all(loaded)
        for table in terminal_tables(summaries):
            console.print(table)
        if csv is not None:
            write_text_atomic(csv, csv_text(summaries))
            _say(err, f"wrote {csv}")
        if html is not None:
            pillars = pillars_of(loaded.documents)
            write_text_atomic(html, render_report(loaded.documents, summaries, pillars))
            _say(err, f"wrote {html}")


def export(
    out_dir: OutDir,
    sqlite: SqliteFile = None,
    parquet: ParquetFolder = None,
    jsonl: JsonlFile = None,
) -> None:
    """Export the records in OUT as tables for SQL, DuckDB or pandas.

    The tables are documents, parts (the documents a decision issues), legal_bases,
    sections, appendix_rows, agencies, heritage, partners and pillars; they join on doc_id,
    part (0: the document's own text) and a section path (such as III/2/2.1) or appendix_idx
    and row_idx. Give at least one of --sqlite, --parquet and --jsonl.

    Example: vnplan export out --sqlite ~/vnplan/plans.db --parquet ~/vnplan/tables
    """
    from vnplan.outputs.export import (
        MissingDependency,
        check_file_target,
        check_folder_target,
        jsonl_text,
        write_parquet,
        write_sqlite,
        write_text_atomic,
    )
    from vnplan.outputs.tables import build_tables

    err = Console(stderr=True)
    if sqlite is None and parquet is None and jsonl is None:
        raise _fail(
            err, "nothing to write: give --sqlite FILE, --parquet FOLDER or --jsonl FILE", USAGE
        )
    with _user_errors(err):
        _check(
            [
                (sqlite, check_file_target),
                (parquet, check_folder_target),
                (jsonl, check_file_target),
            ]
        )
        loaded = _load(out_dir, err)
        tables = build_tables(loaded.documents, loaded.copies)
        if sqlite is not None:
            write_sqlite(tables, sqlite)
            _say(err, f"wrote {sqlite}")
        if jsonl is not None:
            write_text_atomic(jsonl, jsonl_text(loaded.documents))
            _say(err, f"wrote {jsonl}")
        if parquet is not None:
            try:
                written = write_parquet(tables, parquet)
            except MissingDependency as exc:
                raise _fail(err, str(exc), FAILED) from None
            _say(err, f"wrote {len(written)} tables to {parquet}")


def agencies(
    out_dir: OutDir,
    unmatched: Annotated[
        bool,
        typer.Option(
            "--unmatched",
            help="List instead the agency-like strings the records name without an id (no "
            "gazetteer entry matched them), with how often they occur.",
        ),
    ] = False,
) -> None:
    """List the agencies the documents in OUT name, most mentioned first.

    Each document counts once, however many copies of it OUT holds. A row adding up documents
    of several provinces is named without a province ("Sở Ngoại vụ tỉnh"); a row of one
    province keeps the full name.

    Example: vnplan agencies out --unmatched
    """
    from vnplan.outputs.agencies import agency_totals, unmatched_agencies

    console, err = Stdout(), Console(stderr=True)
    with _user_errors(err):
        docs = _load(out_dir, err).documents
        table = Table(show_edge=False)
        if unmatched:
            rows = unmatched_agencies(docs)
            if not rows:
                console.print(Text("every agency-like string matched the gazetteer"))
                return
            table.add_column("unmatched agency-like string")
            table.add_column("mentions", justify="right")
            for raw, count in rows:
                table.add_row(Text(raw), str(count))
            console.print(table)
            return
        for column in ("id", "name", "documents", "mentions", "provinces"):
            table.add_column(
                column, justify="right" if column in ("documents", "mentions") else "left"
            )
        for row in agency_totals(docs):
            where = ", ".join(row.provinces)
            table.add_row(
                Text(row.id or "–"),
                Text(row.name),
                str(row.documents),
                str(row.mentions),
                Text(where),
            )
        console.print(table)
