"""outputs/summary.py: the comparison row of each sample, as its record says."""

from __future__ import annotations

from tests.outputs.conftest import LANG_SON, LAO_CAI, as_kind, record, without_pillars
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
