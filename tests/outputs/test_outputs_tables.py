"""outputs/tables.py and rows.py: relational tables whose columns are their row types' fields."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from tests.outputs.conftest import GIA_LAI, LAO_CAI, THAI_NGUYEN_DRAFT, TUYEN_QUANG, as_kind, record
from vnplan.outputs.records import Loaded
from vnplan.outputs.rows import DocumentRow, Row, SectionRow
from vnplan.outputs.tables import Table, build_tables


def _tables(loaded: Loaded) -> dict[str, Table]:
    return {t.name: t for t in build_tables(loaded.documents, loaded.copies)}


def test_every_table_and_its_shape(loaded: Loaded) -> None:
    tables = _tables(loaded)
    assert list(tables) == [
        "documents",
        "parts",
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
    assert len(tables["documents"].rows) == 11  # 2 plans, 5 other documents, 4 articles
    # Lào Cai's appendix: 26 task rows; the Kế hoạch Gia Lai's decision issues: 6 (1.1–2.3).
    assert len(tables["appendix_rows"].rows) == 26 + 6
    # Gia Lai's decision issues a Kế hoạch, Tuyên Quang's a Quy chế.
    assert len(tables["parts"].rows) == 2
    for table in tables.values():
        keys = [tuple(row[k] for k in table.key) for row in table.as_dicts()]
        if table.primary or table.name in ("sections", "appendix_rows"):
            assert len(keys) == len(set(keys)), table.name


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
    sections = {(r["doc_id"], r["part"], r["path"]) for r in tables["sections"].as_dicts()}
    rows = {
        (r["doc_id"], r["part"], r["appendix_idx"], r["row_idx"])
        for r in tables["appendix_rows"].as_dicts()
    }
    for link in tables["pillars"].as_dicts():
        if link["unit"] == "section":
            assert (link["doc_id"], link["part"], link["section_path"]) in sections
        elif link["unit"] == "row":
            assert (link["doc_id"], link["part"], link["appendix_idx"], link["row_idx"]) in rows
    leads = [r for r in tables["agencies"].as_dicts() if r["role"] == "lead"]
    assert leads and all(
        (r["doc_id"], r["part"], r["appendix_idx"], r["row_idx"]) in rows for r in leads
    )
    assert (LAO_CAI, 0, "III/2/2.1") in sections
    parts = {(r["doc_id"], r["part"]) for r in tables["parts"].as_dicts()}
    attached = {(d, p) for d, p, _ in sections if p} | {(d, p) for d, p, _, _ in rows if p}
    assert attached <= parts


def test_the_documents_a_decision_issues_are_parts(loaded: Loaded) -> None:
    """Tuyên Quang's decision (Điều 1–3) issues a Quy chế in Chương I–IV with its own Điều
    1–7; Gia Lai's issues a Kế hoạch whose PHỤ LỤC assigns 6 tasks in groups 1 and 2."""
    tables = _tables(loaded)
    parts = {r["doc_id"]: r for r in tables["parts"].as_dicts()}
    quy_che, ke_hoach = parts[TUYEN_QUANG], parts[GIA_LAI]
    assert (quy_che["part"], quy_che["doc_type"]) == (1, "Quy chế")
    assert (
        quy_che["title"] == "Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh Tuyên Quang"
    )
    # 4 chapters, 7 articles, 13 clauses (khoản) and 4 points (điểm a, b of 2.1 and 5.2).
    assert (quy_che["sections"], quy_che["task_rows"]) == (28, 0)
    assert (ke_hoach["doc_type"], ke_hoach["title"]) == (
        "Kế hoạch",
        "Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026",
    )
    assert ke_hoach["caption"] == (
        "(Ban hành kèm theo Quyết định số 356/QĐ-UBND ngày 20 tháng 3 năm 2026 của Chủ tịch Ủy "
        "ban nhân dân tỉnh Gia Lai)"
    )
    # I (1, 2), II (1–3), III, IV (1–3): 12 sections; the appendix: 6 task rows.
    assert (ke_hoach["sections"], ke_hoach["task_rows"]) == (12, 6)

    sections = [r for r in tables["sections"].as_dicts() if r["doc_id"] == TUYEN_QUANG]
    decision = [r["path"] for r in sections if r["part"] == 0]
    articles = [r["path"] for r in sections if r["part"] == 1 and r["depth"] == 2]
    assert decision == ["Điều 1", "Điều 2", "Điều 3"]
    assert articles == [
        "Chương I/Điều 1",
        "Chương I/Điều 2",
        "Chương II/Điều 3",
        "Chương II/Điều 4",
        "Chương III/Điều 5",
        "Chương III/Điều 6",
        "Chương IV/Điều 7",
    ]
    assert [r["ordinal"] for r in sections] == list(range(len(sections)))  # document order

    tasks = [r for r in tables["appendix_rows"].as_dicts() if r["doc_id"] == GIA_LAI]
    assert [(r["part"], r["group_no"], r["stt"]) for r in tasks] == [
        (1, "1", "1.1"),
        (1, "1", "1.2"),
        (1, "1", "1.3"),
        (1, "2", "2.1"),
        (1, "2", "2.2"),
        (1, "2", "2.3"),
    ]
    leads = [
        r["raw"]
        for r in tables["agencies"].as_dicts()
        if r["doc_id"] == GIA_LAI and r["role"] == "lead" and r["row_idx"] == 3
    ]
    assert leads == ["Sở Công Thương"]  # row 2.1


def test_a_draft_and_its_subject_are_documents_columns(loaded: Loaded) -> None:
    rows = {r["source_uri"]: r for r in _tables(loaded)["documents"].as_dicts()}
    draft = rows[THAI_NGUYEN_DRAFT]
    assert draft["draft"] is True and draft["doc_number"] is None and draft["issued_date"] is None
    assert (
        draft["subject"]
        == "Về việc ban hành Quy chế thi đua, khen thưởng trên địa bàn tỉnh Thái Nguyên"
    )
    assert sum(1 for r in rows.values() if r["draft"]) == 1


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
