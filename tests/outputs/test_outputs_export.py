"""outputs/export.py: SQLite, Parquet and JSON Lines, read by SQL, DuckDB and pandas as is;
the README's queries give the README's tables."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from tests.conftest import ROOT
from tests.outputs.conftest import LANG_SON, LAO_CAI
from vnplan.outputs.export import jsonl_text, write_parquet, write_sqlite, write_text_atomic
from vnplan.outputs.records import Loaded
from vnplan.outputs.tables import Table, build_tables
from vnplan.schema import Document

README = (ROOT / "README.md").read_text("utf-8")
COMPARING = README[README.index("## Comparing provinces") : README.index("## The record")]


@pytest.fixture(scope="module")
def tables(loaded: Loaded) -> list[Table]:
    return build_tables(loaded.documents, loaded.copies)


@pytest.fixture(scope="module")
def exported(tables: list[Table], loaded: Loaded, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    write_sqlite(tables, folder / "plans.db")
    write_parquet(tables, folder / "parquet")
    write_text_atomic(folder / "records.jsonl", jsonl_text(loaded.documents))
    return folder


def readme_queries() -> list[tuple[str, list[list[str]]]]:
    """Each SQL block of the README's comparison section and the result table after it."""
    found = []
    for sql, table in re.findall(r"```sql\n([\s\S]*?)```\n\n((?:\|.*\|\n)+)", COMPARING):
        lines = table.strip().splitlines()[2:]  # header, rule
        found.append((sql, [[c.strip() for c in line.strip("|").split("|")] for line in lines]))
    return found


def test_sqlite_holds_every_table(exported: Path, tables: list[Table]) -> None:
    with sqlite3.connect(exported / "plans.db") as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert names == [t.name for t in tables]
        for table in tables:
            (count,) = con.execute(f'SELECT COUNT(*) FROM "{table.name}"').fetchone()
            assert count == len(table.rows)
        date = con.execute("SELECT issued_date FROM documents WHERE doc_id = ?", (LAO_CAI,))
        assert date.fetchone() == ("2022-03-30",)


def test_sqlite_is_deterministic(tables: list[Table], tmp_path: Path) -> None:
    dumps = []
    for name in ("a.db", "b.db"):
        write_sqlite(tables, tmp_path / name)
        with sqlite3.connect(tmp_path / name) as con:
            dumps.append("\n".join(con.iterdump()))
    assert dumps[0] == dumps[1]
    assert (tmp_path / "a.db").read_bytes() == (tmp_path / "b.db").read_bytes()
    write_sqlite(tables, tmp_path / "a.db")  # replacing a database gives the same file
    assert (tmp_path / "a.db").read_bytes() == (tmp_path / "b.db").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "b.db"]  # no temp left


def test_pandas_reads_sqlite_parquet_and_jsonl(exported: Path, tables: list[Table]) -> None:
    with sqlite3.connect(exported / "plans.db") as con:
        sections = pd.read_sql("SELECT * FROM sections", con)
    assert len(sections) == len(next(t for t in tables if t.name == "sections").rows)
    for table in tables:
        frame = pd.read_parquet(exported / "parquet" / f"{table.name}.parquet")
        assert list(frame.columns) == table.column_names and len(frame) == len(table.rows)
    records = pd.read_json(exported / "records.jsonl", lines=True)
    assert records["id"].tolist()[:2] == [LANG_SON, LAO_CAI]


def test_duckdb_reads_parquet_and_jsonl(exported: Path) -> None:
    con = duckdb.connect()
    pq = exported / "parquet"
    kinds = con.sql(f"SELECT kind, COUNT(*) FROM '{pq}/documents.parquet' GROUP BY 1 ORDER BY 1")
    assert kinds.fetchall() == [("document", 5), ("news", 4), ("plan", 2)]
    types = {r[0]: r[1] for r in con.sql(f"DESCRIBE FROM '{pq}/documents.parquet'").fetchall()}
    assert types["issued_date"] == "DATE" and types["ocr"] == "BOOLEAN"
    rows = con.sql(
        f"SELECT p.pillar_id, r.group_no FROM '{pq}/pillars.parquet' p "
        f"JOIN '{pq}/appendix_rows.parquet' r USING (doc_id, part, appendix_idx, row_idx) "
        "WHERE p.unit = 'row' AND r.group_no = 'V' AND p.rank = 1 ORDER BY r.row_idx"
    ).fetchall()
    assert rows[0] == ("heritage", "V")
    names = con.sql(f"SELECT id, province.name FROM read_json('{exported}/records.jsonl')")
    assert (LAO_CAI, "Lào Cai") in names.fetchall()


def test_jsonl_lines_are_records(exported: Path, loaded: Loaded) -> None:
    lines = (exported / "records.jsonl").read_text("utf-8").splitlines()
    assert [Document.model_validate_json(line) for line in lines] == list(loaded.documents)


def _duckdb_views(folder: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    for path in sorted(folder.glob("*.parquet")):
        con.execute(f"CREATE VIEW \"{path.stem}\" AS SELECT * FROM '{path}'")
    return con


def test_the_readme_queries_give_the_readme_tables(exported: Path) -> None:
    queries = readme_queries()
    assert len(queries) == 3
    with sqlite3.connect(exported / "plans.db") as con:
        results = [con.execute(sql).fetchall() for sql, _ in queries]
    duck = _duckdb_views(exported / "parquet")
    assert [duck.execute(sql).fetchall() for sql, _ in queries] == results
    for (_, shown), result in zip(queries, results, strict=True):
        assert shown == [[str(v).strip() for v in row] for row in result]
    lead, missing, heritage = results
    assert lead == [("Lào Cai", 18, 12, 6)]
    assert not [row for row in missing if row[0] == "Lào Cai"]
    assert heritage[0][1] == "II/4" and "unesco" in heritage[0][4]  # the UNESCO objective
