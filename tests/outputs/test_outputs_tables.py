"""outputs/tables.py: relational tables with keys that join."""

from __future__ import annotations

from collections import Counter

from vnplan.outputs.export import rows_as_dicts
from vnplan.outputs.records import Loaded
from vnplan.outputs.tables import Table, build_tables


def _tables(loaded: Loaded) -> dict[str, Table]:
    return {t.name: t for t in build_tables(loaded.documents, loaded.copies)}


def test_every_table_and_its_shape(loaded: Loaded) -> None:
    tables = _tables(loaded)
    assert list(tables) == [
        "documents",
        "legal_bases",
        "sections",
        "appendix_rows",
        "agencies",
        "heritage",
        "partners",
        "pillars",
    ]
    for table in tables.values():
        assert all(len(row) == len(table.columns) for row in table.rows)
        assert set(table.key) <= set(table.column_names)
    assert len(tables["documents"].rows) == 5
    assert len(tables["appendix_rows"].rows) == 26


def test_keys_join(loaded: Loaded) -> None:
    tables = _tables(loaded)
    sections = {(r["doc_id"], r["path"]) for r in rows_as_dicts(tables["sections"])}
    rows = {
        (r["doc_id"], r["appendix_idx"], r["row_idx"])
        for r in rows_as_dicts(tables["appendix_rows"])
    }
    for link in rows_as_dicts(tables["pillars"]):
        if link["unit"] == "section":
            assert (link["doc_id"], link["section_path"]) in sections
        elif link["unit"] == "row":
            assert (link["doc_id"], link["appendix_idx"], link["row_idx"]) in rows
    leads = [r for r in rows_as_dicts(tables["agencies"]) if r["role"] == "lead"]
    assert leads and all((r["doc_id"], r["appendix_idx"], r["row_idx"]) in rows for r in leads)
    assert ("lao-cai-122-kh-ubnd-2022-03-30", "III/2/2.1") in sections


def test_news_pillars_are_article_links(loaded: Loaded) -> None:
    links = rows_as_dicts(_tables(loaded)["pillars"])
    units = Counter((r["doc_id"].startswith("news"), r["unit"]) for r in links)
    assert {unit for (is_news, unit) in units if is_news} == {"article"}
    assert units[(False, "row")] >= 26
