"""outputs/summary.py: the comparison row of each sample."""

from __future__ import annotations

from vnplan.outputs.summary import Summary, agency_key, generic_label, period_text
from vnplan.schema import AgencyRef

PLAN = "plan"


def test_lao_cai(by_province: dict[tuple[str, str], Summary]) -> None:
    s = by_province[(PLAN, "Lào Cai")]
    assert (s.doc_number, s.date, s.period) == ("122/KH-UBND", "2022-03-30", "–2030")
    # II. MỤC TIÊU items 1–5; III: 20 task items (leaves); the appendix: 26 rows.
    assert (s.objectives, s.tasks, s.appendix_rows) == (5, 20, 26)
    assert s.lead_agencies[0][0].startswith("Sở Ngoại vụ")
    assert s.lead_agencies[0][1] >= 14  # 14 appendix rows + 6 duties in V.1
    assert any("kéo co" in h for h in s.heritage)
    assert any("Vân Nam" in p for p in s.partners)
    assert s.legal_bases == ("2013/QĐ-TTg",) and s.cites_strategy
    assert s.covered == len(s.pillars) == 11
    assert s.pillars["heritage"] >= 5  # II.4, III.5, III.5.1, appendix V.1, …


def test_lang_son(by_province: dict[tuple[str, str], Summary]) -> None:
    s = by_province[(PLAN, "Lạng Sơn")]
    assert (s.doc_number, s.period) == ("227/KH-UBND", "–2025 (→2030)")
    assert (s.objectives, s.tasks, s.appendix_rows) == (4, 6, 0)  # II.1 bullets; II.2.1 a–c
    assert s.legal_bases == ("25/CT-TTg",) and not s.cites_strategy
    assert s.pillars["absorption"] >= 1 and s.pillars["promotion"] >= 1
    assert any("Choang" in p for p in s.partners)


def test_news(by_province: dict[tuple[str, str], Summary]) -> None:
    hue = by_province[("news", "Thừa Thiên Huế")]
    assert hue.province_2025 == "Huế" and hue.about == "173/KH-UBND"
    assert hue.objectives == hue.tasks == 0 and hue.lead_agencies == ()
    assert set(hue.pillars.values()) <= {0, 1}
    assert hue.covered >= 9  # the article lists the five objectives and six solutions


def test_agencies_add_up_across_provinces_by_id() -> None:
    ref = AgencyRef(
        raw="Sở Ngoại vụ", id="so-ngoai-vu", name="Sở Ngoại vụ tỉnh Lào Cai", province="Lào Cai"
    )
    assert generic_label(ref) == "Sở Ngoại vụ"
    assert generic_label(AgencyRef(raw="Bộ Ngoại giao", name="Bộ Ngoại giao")) == "Bộ Ngoại giao"
    assert agency_key(ref) == "so-ngoai-vu"
    assert agency_key(AgencyRef(raw="Sở  Ngoại vụ")) == agency_key(AgencyRef(raw="Sở Ngoại vụ"))


def test_period_text() -> None:
    assert period_text(2021, 2025, 2030) == "2021–2025 (→2030)"
    assert period_text(None, 2030, None) == "–2030"
    assert period_text(None, None, None) == ""
