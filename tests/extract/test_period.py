"""extract/period.py: a plan's period from its own subject and goals, never from a citation."""

from __future__ import annotations

from vnplan.extract.period import parse_period, period_of
from vnplan.schema import Period, Section


def test_spans_targets_and_a_year_of_the_subject() -> None:
    assert parse_period("Kế hoạch cải cách hành chính giai đoạn 2026 – 2030") == Period(
        start_year=2026, end_year=2030)
    assert parse_period("Kế hoạch … đến năm 2025, tầm nhìn đến năm 2030") == Period(
        end_year=2025, vision_year=2030)
    assert parse_period("Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026") == Period(
        start_year=2026, end_year=2026)
    assert parse_period("Kế hoạch tuyên truyền") is None


def _goal(text: str, role: str = "objectives") -> Section:
    return Section(number="2", path=["I", "2"], title="Mục tiêu", text=text, role=role)  # type: ignore[arg-type]


def test_a_document_whose_subject_names_no_years_takes_them_from_its_goals() -> None:
    goals = _goal("Đến năm 2030, 100% thủ tục hành chính được số hóa.")
    assert period_of("Kế hoạch chuyển đổi số", [goals]) == Period(end_year=2030)


def test_a_cited_document_gives_no_period() -> None:
    """The dates of the laws a decision cites (Tuyên Quang's Quyết định 215/QĐ-UBND) are not
    its period, nor a year alone in a paragraph, nor the span in a cited plan's name."""
    cited = _goal("Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2025 của UBND tỉnh về cải cách "
                  "hành chính giai đoạn 2021-2025; năm 2025 tỉnh đạt kết quả tốt.")
    assert period_of("Quyết định ban hành Quy chế công tác văn thư, lưu trữ", [cited]) is None
    other = _goal("Giai đoạn 2021–2025 …", role="other")
    assert period_of(None, [other]) is None
