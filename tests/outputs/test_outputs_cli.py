"""outputs/cli.py: `vnplan compare` and `vnplan export` as the CLI registers them."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import typer
from typer.testing import CliRunner

from vnplan.outputs.cli import compare, export

app = typer.Typer(rich_markup_mode=None)
app.command()(compare)
app.command()(export)
runner = CliRunner()


def test_compare_prints_and_writes_csv_and_html(records_dir: Path, tmp_path: Path) -> None:
    out_csv, out_html = tmp_path / "plans.csv", tmp_path / "report.html"
    args = ["compare", str(records_dir), "--csv", str(out_csv), "--html", str(out_html)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "Lào Cai" in result.output and "News" in result.output
    rows = list(csv.DictReader(out_csv.open(encoding="utf-8")))
    assert len(rows) == 5
    first_html = out_html.read_text("utf-8")
    assert runner.invoke(app, args).exit_code == 0  # a re-run gives the same bytes
    assert out_html.read_text("utf-8") == first_html


def test_export_writes_every_format(records_dir: Path, tmp_path: Path) -> None:
    db, folder, jsonl = tmp_path / "plans.db", tmp_path / "tables", tmp_path / "r.jsonl"
    args = ["export", str(records_dir), "--sqlite", str(db), "--parquet", str(folder)]
    result = runner.invoke(app, [*args, "--jsonl", str(jsonl)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (5,)
    assert len(list(folder.glob("*.parquet"))) == 8
    assert len(jsonl.read_text("utf-8").splitlines()) == 5


def test_usage_errors(records_dir: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["export", str(records_dir)]).exit_code == 2
    assert runner.invoke(app, ["compare", str(tmp_path / "missing")]).exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert runner.invoke(app, ["compare", str(empty)]).exit_code == 2
