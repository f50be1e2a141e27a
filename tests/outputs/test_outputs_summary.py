"""outputs/summary.py: the comparison row of each sample, as its record says."""

from __future__ import annotations

import pytest

from tests.outputs.conftest import (
    GIA_LAI,
    LANG_SON,
    LAO_CAI,
    NINH_BINH,
    QUANG_TRI,
    THAI_NGUYEN_DRAFT,
    TUYEN_QUANG,
    as_kind,
    from_file,
    record,
    without_pillars,
)
from vnplan.outputs.records import Loaded
from vnplan.outputs.summary import Summary, item_count, lead_tasks, period_text, summarize
from vnplan.schema import Section


def test_lao_cai(by_id: dict[str, Summary]) -> None:
    s = by_id[LAO_CAI]
    assert (s.doc_number, s.date, s.period, s.doc_type) == (
        "122/KH-UBND",
        "2022-03-30",
        "–2030",
        "Kế hoạch",
    )
    # II. MỤC TIÊU items 1–5; III: 20 task items (leaves); the appendix: 26 rows.
    assert (s.objectives, s.tasks, s.appendix_rows) == (5, 20, 26)
    # 12 appendix rows led + the 6 duties of V.1 (the README's first query says the same).
    assert s.lead_agencies[0] == ("Sở Ngoại vụ tỉnh", 18)
    assert any("kéo co" in h for h in s.heritage)
    assert any("Vân Nam" in p for p in s.partners)
    assert s.legal_bases == ("2013/QĐ-TTg",) and s.cites_strategy
    assert s.linked and s.covered == len(s.pillars) == 11
    assert s.pillars["heritage"] == 9 and s.pillars["promotion"] == 17
    assert s.copies == 4 and s.group == "plan"


def test_lang_son(by_id: dict[str, Summary]) -> None:
    s = by_id[LANG_SON]
    assert (s.doc_number, s.period) == ("227/KH-UBND", "–2025 (→2030)")
    assert (s.objectives, s.tasks, s.appendix_rows) == (4, 6, 0)  # II.1 bullets; II.2.1 a–c
    assert s.lead_agencies == ()  # no task table, no implementation part
    assert s.legal_bases == ("25/CT-TTg",) and not s.cites_strategy
    assert s.covered == 8 and s.pillars["heritage"] == 0
    assert any("Choang" in p for p in s.partners)


def test_news(summaries: list[Summary]) -> None:
    hue = next(s for s in summaries if s.group == "news" and s.province == "Thừa Thiên Huế")
    assert hue.province_2025 == "Huế" and hue.about == "173/KH-UBND"
    assert hue.publisher == "thuathienhue.gov.vn" and hue.date == "2022-04-29"
    assert hue.objectives == hue.tasks == 0 and hue.lead_agencies == ()
    assert set(hue.pillars.values()) == {1} and hue.covered == 11


def test_a_decision_issuing_a_plan(by_id: dict[str, Summary]) -> None:
    """Quyết định 356/QĐ-UBND of Gia Lai: Điều 1–3, then the Kế hoạch it issues for 2026
    (II. MỤC TIÊU items 1–3; III. one paragraph pointing to the PHỤ LỤC; 6 task rows)."""
    s = by_id[GIA_LAI]
    assert (s.group, s.doc_type, s.doc_number, s.date) == (
        "document",
        "Quyết định",
        "356/QĐ-UBND",
        "2026-03-20",
    )
    assert s.attached == ("Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026",)
    assert (s.objectives, s.tasks, s.appendix_rows) == (3, 1, 6)
    assert s.period == "2026"  # "… năm 2026"
    assert not s.linked and not s.draft and s.copies == 3
    # Two laws cited by name and date, a resolution, a decision, the proposing submission.
    assert s.legal_bases == (
        "Luật Tổ chức chính quyền địa phương ngày 16/06/2025",
        "Luật Giao dịch điện tử ngày 22/06/2023",
        "57-NQ/TW",
        "06/QĐ-TTg",
        "41/TTr-SKHCN",
    )
    assert not s.cites_strategy
    assert s.lead_agencies  # its plan's task table names who leads each task


def test_the_lead_agencies_of_a_plan_a_decision_issues(loaded: Loaded) -> None:
    """Its PHỤ LỤC: Sở Khoa học và Công nghệ leads 1.2, Sở Công Thương 2.1; its IV. gives
    Sở Khoa học và Công nghệ (IV.1) and Sở Tài chính (IV.2) one duty each."""
    ranked = dict(lead_tasks(record(loaded, GIA_LAI)))
    assert ranked["Sở Khoa học và Công nghệ tỉnh"] == 2
    assert ranked["Sở Tài chính tỉnh"] == 1
    assert ranked["Sở Công Thương tỉnh"] == 1


def test_the_other_documents(loaded: Loaded, by_id: dict[str, Summary]) -> None:
    """A letter, a department's report, a draft submission, a decision issuing a Quy chế: as
    printed, none with a task table, none about the strategy."""
    letter, report = by_id[QUANG_TRI], by_id[NINH_BINH]
    assert (letter.doc_type, letter.doc_number, letter.issuer) == (
        "Công văn",
        "1187/UBND-KT",
        "Ủy ban nhân dân tỉnh Quảng Trị",
    )
    assert (report.doc_type, report.issuer, report.appendix_rows) == (
        "Báo cáo",
        "Sở Khoa học và Công nghệ tỉnh Ninh Bình",
        0,  # its table is figures by field, no task
    )
    assert report.tasks == 2  # III. NHIỆM VỤ TRỌNG TÂM QUÝ II: items 1 and 2
    draft = summarize(from_file(loaded, THAI_NGUYEN_DRAFT))
    assert (draft.doc_type, draft.doc_number, draft.date, draft.draft) == ("Tờ trình", "", "", True)
    quy_che = by_id[TUYEN_QUANG]
    assert quy_che.attached == (
        "Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh Tuyên Quang",
    )
    assert quy_che.lead_agencies == () and quy_che.appendix_rows == 0
    for s in (letter, report, draft, quy_che):
        assert s.group == "document" and not s.linked and s.heritage == s.partners == ()


@pytest.mark.parametrize("source", ["samples/tuyen-quang-215-qd-ubnd-2026.docx", THAI_NGUYEN_DRAFT])
def test_a_document_without_a_period_has_none(loaded: Loaded, source: str) -> None:
    """A decision issuing a Quy chế on records management and a submission proposing a Quy
    chế on commendation name no period of years."""
    assert summarize(from_file(loaded, source)).period == ""


def test_a_record_without_pillar_links_is_not_linked(loaded: Loaded) -> None:
    bare = summarize(without_pillars(record(loaded, LAO_CAI)))
    assert not bare.linked and bare.covered == 0
    assert bare.tasks == 20  # everything else is still read


def test_other_kinds_are_summarized_as_documents(loaded: Loaded) -> None:
    decision = as_kind(record(loaded, LAO_CAI), "document", doc_type="Quyết định")
    s = summarize(decision)
    assert (s.kind, s.group, s.doc_type) == ("document", "document", "Quyết định")
    assert summarize(as_kind(record(loaded, LAO_CAI), "report")).group == "document"


def test_lead_tasks_add_up_rows_and_duties(loaded: Loaded) -> None:
    ranked = dict(lead_tasks(record(loaded, LAO_CAI)))
    assert ranked["Sở Ngoại vụ tỉnh"] == 18
    assert ranked["Sở Văn hóa, Thể thao và Du lịch tỉnh"] == 15


def test_item_count_counts_bullets_of_a_leaf() -> None:
    listed = Section(
        number="1", path=["II", "1"], title="Mục tiêu", role="objectives", text="- một\n- hai\n- ba"
    )
    single = Section(
        number="2", path=["II", "2"], title="Mục tiêu khác", role="objectives", text="Một đoạn văn."
    )
    assert item_count([listed, single], "objectives") == 4
    assert item_count([listed], "tasks") == 0


def test_period_text() -> None:
    assert period_text(2021, 2025, 2030) == "2021–2025 (→2030)"
    assert period_text(None, 2030, None) == "–2030"
    assert period_text(None, None, None) == ""
    assert period_text(2026, 2026, None) == "2026"
