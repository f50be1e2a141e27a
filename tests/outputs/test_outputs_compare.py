"""outputs/compare.py: the comparison table as CSV and as rich tables."""

from __future__ import annotations

import csv
import io

import pandas as pd
from rich.console import Console

from tests.outputs.conftest import (
    GIA_LAI,
    LANG_SON,
    LAO_CAI,
    THAI_NGUYEN_DRAFT,
    as_kind,
    record,
    without_pillars,
)
from vnplan.outputs.catalog import catalog
from vnplan.outputs.compare import columns, csv_text, terminal_tables
from vnplan.outputs.records import Loaded, one_per_document
from vnplan.outputs.summary import Summary, summarize_all
from vnplan.schema import Document


def _rows(summaries: list[Summary]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(csv_text(summaries))))


def _text(summaries: list[Summary]) -> str:
    console = Console(record=True, width=160)
    for table in terminal_tables(summaries):
        console.print(table)
    return console.export_text()


def _with(loaded: Loaded, *extra: Document) -> list[Summary]:
    docs, copies = one_per_document([*loaded.documents, *extra])
    return summarize_all(Loaded(tuple(docs), copies, ()))


def test_one_row_per_document_plans_first(summaries: list[Summary]) -> None:
    rows = _rows(summaries)
    assert [r["kind"] for r in rows] == ["plan"] * 2 + ["document"] * 5 + ["news"] * 4
    assert list(rows[0]) == [c.name for c in columns(catalog().ids())]
    lao_cai = next(r for r in rows if r["id"] == LAO_CAI)
    assert lao_cai["doc_number"] == "122/KH-UBND" and lao_cai["tasks"] == "20"
    assert lao_cai["lead_agencies"].startswith("Sở Ngoại vụ tỉnh (18); ")
    assert lao_cai["pillar_heritage"] == "9" and lao_cai["copies"] == "4"
    news = rows[-1]
    assert news["objectives"] == "" and news["cites_strategy"] == ""
    assert news["publisher"] == "thuathienhue.gov.vn" and news["about"] == "173/KH-UBND"


def test_a_decision_s_row_counts_the_plan_it_issues(summaries: list[Summary]) -> None:
    """Quyết định 356/QĐ-UBND of Gia Lai issues a Kế hoạch: its II. MỤC TIÊU items 1–3 and the
    six task rows 1.1–2.3 of its PHỤ LỤC are the decision's counts. It is about digital
    transformation, not the strategy: no pillar cell."""
    gia_lai = next(r for r in _rows(summaries) if r["id"] == GIA_LAI)
    assert (gia_lai["kind"], gia_lai["doc_type"], gia_lai["doc_number"]) == (
        "document",
        "Quyết định",
        "356/QĐ-UBND",
    )
    assert gia_lai["attached"] == "Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026"
    assert gia_lai["issuer"] == "Ủy ban nhân dân tỉnh Gia Lai"
    assert (gia_lai["objectives"], gia_lai["appendix_rows"]) == ("3", "6")
    assert gia_lai["pillars_covered"] == "" and gia_lai["pillar_heritage"] == ""
    assert gia_lai["copies"] == "3" and gia_lai["draft"] == "false"


def test_a_draft_says_so_and_has_no_number_or_date(summaries: list[Summary]) -> None:
    """Thái Nguyên's Tờ trình is marked DỰ THẢO, "Số:      /TTr-SNV", "ngày      tháng 3 năm
    2026": prepared for signature by its Sở Nội vụ."""
    draft = next(r for r in _rows(summaries) if r["source"] == THAI_NGUYEN_DRAFT)
    assert (draft["kind"], draft["doc_type"], draft["draft"]) == ("document", "Tờ trình", "true")
    assert draft["doc_number"] == draft["date"] == ""
    assert draft["issuer"] == "Sở Nội vụ tỉnh Thái Nguyên"


def test_csv_is_deterministic_and_reads_in_pandas(summaries: list[Summary]) -> None:
    text = csv_text(summaries)
    assert text == csv_text(list(summaries)) and text.endswith("\n") and "\r" not in text
    frame = pd.read_csv(io.StringIO(text))
    assert len(frame) == 11
    assert frame.loc[frame["kind"] == "plan", "appendix_rows"].tolist() == [0, 26]
    # Gia Lai's decision issues a plan with 6 task rows; Ninh Bình's table is figures, no tasks.
    assert frame.loc[frame["kind"] == "document", "appendix_rows"].tolist() == [6, 0, 0, 0, 0]
    assert frame["draft"].tolist().count(True) == 1


def test_a_document_with_no_pillar_link_has_no_pillar_cells(loaded: Loaded) -> None:
    letter = as_kind(
        without_pillars(record(loaded, LANG_SON)),
        "document",
        id="lang-son-cv-1-2022",
        doc_type="Công văn",
    )
    rows = {r["id"]: r for r in _rows(_with(loaded, letter))}
    assert rows["lang-son-cv-1-2022"]["kind"] == "document"
    pillar_cells = [v for k, v in rows["lang-son-cv-1-2022"].items() if k.startswith("pillar")]
    assert len(pillar_cells) == 12 and set(pillar_cells) == {""}
    assert rows[LANG_SON]["pillar_heritage"] == "0"  # a linked plan: 0 is a count


def test_terminal_tables_list_documents_and_unlinked_apart(loaded: Loaded) -> None:
    decision = as_kind(
        record(loaded, LAO_CAI),
        "document",
        id="lao-cai-15-qd-ubnd-2022",
        doc_type="Quyết định",
        doc_number="15/QĐ-UBND",
    )
    plan_elsewhere = without_pillars(record(loaded, LANG_SON)).model_copy(
        update={"id": "lang-son-9"}
    )
    text = _text(_with(loaded, decision, plan_elsewhere))
    titles = [
        line.strip()
        for line in text.splitlines()
        if line.strip() in ("Plans", "Other documents", "Not linked to the strategy", "News")
    ]
    assert titles == ["Plans", "Other documents", "Not linked to the strategy", "News"]
    plans, rest = text.split("Other documents", 1)
    documents, rest = rest.split("Not linked to the strategy", 1)
    unlinked, news = rest.split("News", 1)
    assert "15/QĐ-UBND" in documents and "15/QĐ-UBND" not in plans
    assert "227/KH-UBND" in unlinked and "/11" not in unlinked  # no pillar column
    assert "122/KH-UBND" in news  # the portal article reports on Lào Cai's plan


def test_the_samples_terminal_tables(summaries: list[Summary]) -> None:
    text = _text(summaries)
    assert "Lào Cai" in text and "122/KH-UBND" in text and "11/11" in text
    assert "Thừa Thiên Huế" in text and "173/KH-UBND" in text and "undated" in text
    # The five administrative documents (records management, disaster prevention, online
    # public services, commendation, digital transformation) do not implement the strategy.
    assert "Other documents" not in text
    unlinked = text.split("Not linked to the strategy", 1)[1].split("News", 1)[0]
    for number in ("356/QĐ-UBND", "86/BC-SKHCN", "1187/UBND-KT", "215/QĐ-UBND"):
        assert number in unlinked
    assert "Tờ trình (draft)" in unlinked and "Sở Nội vụ tỉnh Thái Nguyên" in unlinked
    assert "attached: Kế hoạch" in unlinked and "attached: Quy chế" in unlinked
    # None of them names a heritage item or a foreign partner: that column is left out.
    assert "Heritage" not in unlinked
