"""outputs/tables.py and rows.py: relational tables whose columns are their row types' fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from tests.outputs.conftest import LAO_CAI, as_kind, record
from vnplan.outputs.records import Loaded
from vnplan.outputs.rows import DocumentRow, Row, SectionRow
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
        assert all(len(values) == len(table.columns) for values in table.values())
        assert set(table.key) <= set(table.column_names)
    assert len(tables["documents"].rows) == 6
    assert len(tables["appendix_rows"].rows) == 26


def test_columns_and_values_come_from_one_row_type(loaded: Loaded) -> None:
    documents = _tables(loaded)["documents"]
    assert documents.column_names == [f.name for f in dataclasses.fields(DocumentRow)]
    types = dict(documents.columns)
    assert (types["issued_date"], types["ocr"], types["copies"]) == ("date", "boolean", "integer")
    lao_cai = next(r for r in documents.as_dicts() if r["doc_id"] == LAO_CAI)
    assert lao_cai["issued_date"] == dt.date(2022, 3, 30) and lao_cai["copies"] == 4
    assert lao_cai["province"] == "Lào Cai" and lao_cai["kind"] == "plan"
    section = _tables(loaded)["sections"].rows[0]
    assert isinstance(section, SectionRow)
    assert section.values() == tuple(getattr(section, name) for name, _ in SectionRow.columns())


def test_a_field_without_a_column_type_is_refused() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Odd(Row):
        table = "odd"
        key = ("x",)
        x: list[str]

    with pytest.raises(TypeError, match="no column type"):
        Odd.columns()


def test_keys_join(loaded: Loaded) -> None:
    tables = _tables(loaded)
    sections = {(r["doc_id"], r["path"]) for r in tables["sections"].as_dicts()}
    rows = {
        (r["doc_id"], r["appendix_idx"], r["row_idx"]) for r in tables["appendix_rows"].as_dicts()
    }
    for link in tables["pillars"].as_dicts():
        if link["unit"] == "section":
            assert (link["doc_id"], link["section_path"]) in sections
        elif link["unit"] == "row":
            assert (link["doc_id"], link["appendix_idx"], link["row_idx"]) in rows
    leads = [r for r in tables["agencies"].as_dicts() if r["role"] == "lead"]
    assert leads and all((r["doc_id"], r["appendix_idx"], r["row_idx"]) in rows for r in leads)
    assert (LAO_CAI, "III/2/2.1") in sections


def test_news_pillars_are_article_links(loaded: Loaded) -> None:
    links = _tables(loaded)["pillars"].as_dicts()
    units = Counter((r["doc_id"].startswith("news"), r["unit"]) for r in links)
    assert {unit for (is_news, unit) in units if is_news} == {"article"}
    assert units[(False, "row")] >= 26
    heritage = next(r for r in links if r["pillar_id"] == "heritage")
    assert heritage["pillar_name_en"].startswith("Mobilising, diversifying")


def test_any_kind_is_a_documents_row(loaded: Loaded) -> None:
    decision = as_kind(record(loaded, LAO_CAI), "document", id="lao-cai-15-qd-ubnd-2022")
    [documents, *_] = build_tables([decision])
    assert documents.as_dicts()[0]["kind"] == "document"
