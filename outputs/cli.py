"""`vnplan compare`, `vnplan export` and `vnplan agencies`: typer commands over OUT/ folders,
registered by vnplan/cli.py."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from vnplan.normalize import unmatched_agencies
from vnplan.outputs.compare import csv_text, news_table, plans_table
from vnplan.outputs.export import (
    MissingDependency,
    jsonl_text,
    write_parquet,
    write_sqlite,
    write_text_atomic,
)
from vnplan.outputs.records import Loaded, NoRecords, load_folder, read_records
from vnplan.outputs.report import render_report
from vnplan.outputs.summary import Summary, summarize
from vnplan.outputs.tables import build_tables

OutDir = Annotated[
    Path,
    typer.Argument(
        help="A folder of records written by `vnplan convert` (OUT/*.json).",
        exists=True,
        file_okay=False,
        dir_okay=True,
        show_default=False,
    ),
]


def _load(out_dir: Path, err: Console) -> Loaded:
    try:
        loaded = load_folder(out_dir)
    except NoRecords as exc:
        err.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from exc
    for path in loaded.skipped:
        err.print(f"[yellow]skipped[/yellow] {path}: not a vnplan record")
    return loaded


def summaries_of(loaded: Loaded) -> list[Summary]:
    return [summarize(doc, loaded.copies.get(doc.id, 1)) for doc in loaded.documents]


def compare(
    out_dir: OutDir,
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Also write the table as CSV to this file.")
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option("--html", help="Also write a self-contained HTML report to this file."),
    ] = None,
) -> None:
    """Compare the plans in OUT_DIR: one row per plan, news listed separately.

    Columns: province, number, date, period, objective and task counts, appendix rows,
    pillar coverage (of the national strategy), top lead agencies, heritage, partners and
    legal bases. Copies of one plan (its .txt, .pdf, .docx) count once.

    Example: vnplan compare out --csv plans.csv --html report.html
    """
    console, err = Console(), Console(stderr=True)
    loaded = _load(out_dir, err)
    summaries = summaries_of(loaded)
    console.print(plans_table(summaries))
    if any(s.kind == "news" for s in summaries):
        console.print(news_table(summaries))
    if csv is not None:
        write_text_atomic(csv, csv_text(summaries))
        err.print(f"wrote {csv}")
    if html is not None:
        write_text_atomic(html, render_report(loaded.documents, summaries))
        err.print(f"wrote {html}")


def export(
    out_dir: OutDir,
    sqlite: Annotated[
        Path | None, typer.Option("--sqlite", help="Write a SQLite database to this file.")
    ] = None,
    parquet: Annotated[
        Path | None,
        typer.Option("--parquet", help="Write one Parquet file per table into this folder."),
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Write the records, one per line, here.")
    ] = None,
) -> None:
    """Export the records in OUT_DIR as tables for SQL, DuckDB or pandas.

    Tables: documents, legal_bases, sections, appendix_rows, agencies, heritage, partners,
    pillars; they join on doc_id + section path (e.g. "III/2/2.1") or appendix_idx + row_idx.

    Example: vnplan export out --sqlite plans.db --parquet tables/ --jsonl records.jsonl
    """
    err = Console(stderr=True)
    if sqlite is None and parquet is None and jsonl is None:
        err.print("[red]Nothing to write.[/red] Give --sqlite FILE, --parquet DIR or --jsonl FILE")
        raise typer.Exit(2)
    loaded = _load(out_dir, err)
    tables = build_tables(loaded.documents, loaded.copies)
    if sqlite is not None:
        write_sqlite(tables, sqlite)
        err.print(f"wrote {sqlite}")
    if parquet is not None:
        try:
            written = write_parquet(tables, parquet)
        except MissingDependency as exc:
            err.print(f"[red]{exc}[/red]")
            raise typer.Exit(1) from exc
        err.print(f"wrote {len(written)} tables to {parquet}")
    if jsonl is not None:
        write_text_atomic(jsonl, jsonl_text(loaded.documents))
        err.print(f"wrote {jsonl}")


def agencies(
    out_dir: OutDir,
    unmatched: Annotated[
        bool,
        typer.Option("--unmatched", help="List agency-like strings no gazetteer entry matched."),
    ] = False,
) -> None:
    """Agencies named in the records of OUT_DIR, most frequent first.

    With --unmatched: the agency-like strings that matched nothing in the gazetteer
    (normalize/data/agencies.json), with counts, so its gaps are visible.

    Example: vnplan agencies out --unmatched
    """
    console, err = Console(), Console(stderr=True)
    documents, skipped = read_records(out_dir)
    for path in skipped:
        err.print(f"[yellow]skipped[/yellow] {path}: not a vnplan record")
    table = Table(show_edge=False)
    if unmatched:
        table.add_column("unmatched agency-like string")
        table.add_column("count", justify="right")
        rows = unmatched_agencies(documents)
        for raw, count in rows:
            table.add_row(raw, str(count))
        console.print(table if rows else "every agency-like string matched the gazetteer")
        return
    totals: Counter[tuple[str, str]] = Counter()
    for doc in documents:
        for mention in doc.entities.agencies:
            totals[(mention.id or "?", mention.name or mention.raw)] += mention.count
    for column in ("id", "name", "mentions"):
        table.add_column(column, justify="right" if column == "mentions" else "left")
    for (agency_id, name), count in sorted(totals.items(), key=lambda kv: (-kv[1], kv[0])):
        table.add_row(agency_id, name, str(count))
    console.print(table)
