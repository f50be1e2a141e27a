"""extract/readers/anchors.py: the fixed phrases of the Nghị định 30/2020 layout, found inside
lines as readers deliver them (two columns glued, OCR's lost marks)."""

from __future__ import annotations

import datetime as dt

import pytest

from vnplan.extract.readers.anchors import (
    RECIPIENTS,
    find_motto,
    find_place_date,
    has_layout_anchor,
    mark_kind,
    number_clause,
    skeleton,
)


def test_skeleton_keeps_one_character_per_character() -> None:
    text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert len(skeleton(text)) == len(text)
    assert skeleton(text) == "cong hoa xa hoi chu nghia viet nam"


@pytest.mark.parametrize(
    ("text", "place", "date", "blank"),
    [
        ("Lào Cai, ngày 30 tháng 3 năm 2022", "Lào Cai", dt.date(2022, 3, 30), False),
        ("Thừa Thiên Huế, ngày 28 tháng 4 năm 2022", "Thừa Thiên Huế", dt.date(2022, 4, 28), False),
        ("Hà Nội, ngày25 tháng 6 năm 2026", "Hà Nội", dt.date(2026, 6, 25), False),
        ("Lâm Đồng, ngày      tháng 12 năm 2025", "Lâm Đồng", None, True),
        ("TP. Hồ Chí Minh, ngày 01 tháng 02 năm 2024", "TP. Hồ Chí Minh", dt.date(2024, 2, 1),
         False),
    ],
)
def test_place_date(text: str, place: str, date: dt.date | None, blank: bool) -> None:
    found = find_place_date(text)
    assert found is not None
    assert (found.place, found.date, found.blank) == (place, date, blank)
    assert not found.illegible


@pytest.mark.parametrize("text", [
    "Hà Nội, ngày #Š tháng 8 năm 2025", "Hà Nội, ngày“$tháng Q@năm 2026",
    "Lâm Đông, ngày 2/ tháng 12 năm 2025", "Lâm Đồng, ngày 1Š tháng 3 năm 2026",
])
def test_a_handwritten_day_read_by_ocr_is_no_date(text: str) -> None:
    found = find_place_date(text)
    assert found is not None
    assert (found.date, found.blank, found.illegible) == (None, True, True)


def test_no_place_date_in_a_citation() -> None:
    assert find_place_date("Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Số: 227/KH-UBND", "Số: 227/KH-UBND"),
        ("Số:      /KH-UBND", "Số:      /KH-UBND"),
        ("Số: 2319/QĐ-TTg Hà Nội, ngày 20 tháng 10 năm 2025", "Số: 2319/QĐ-TTg"),
        ("Luật số: 140/2025/QH15", "số: 140/2025/QH15"),
        ("Số hiệu: 12/2025/NĐ-CP", "Số hiệu: 12/2025/NĐ-CP"),
    ],
)
def test_number_clause(text: str, value: str) -> None:
    span = number_clause(text)
    assert span is not None
    assert text[span[0] : span[1]].strip() == value


def test_no_number_clause_in_a_sentence() -> None:
    assert number_clause("theo văn bản số: 12/UBND-VX của tỉnh") is None


def test_the_motto_inside_a_line_of_two_columns() -> None:
    text = "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    [(start, _)] = find_motto(text)
    assert text[:start].strip() == "THỦ TƯỚNG CHÍNH PHỦ"
    assert find_motto("Độc lập – Tự do – Hạnh phúc") and find_motto("Độc lập - Tự do - Hạnh phúc")


@pytest.mark.parametrize(
    ("text", "kind"),
    [("DỰ THẢO", "draft"), ("(Dự thảo)", "draft"), ("KHẨN", "urgent"), ("HỎA TỐC", "urgent"),
     ("MẬT", "secret"), ("KẾ HOẠCH", None)],
)
def test_marks(text: str, kind: str | None) -> None:
    assert mark_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "anchor"),
    [("Nơi nhận:", True), ("KT. CHỦ TỊCH", True), ("Kính gửi: Sở Tài chính", True),
     ("Số: 12/UBND-KT", True), ("Sở Tài chính chủ trì", False), ("STT", False)],
)
def test_layout_anchors(text: str, anchor: bool) -> None:
    assert has_layout_anchor(text) is anchor


@pytest.mark.parametrize(("line", "heads"), [
    ("Nơi nhận:", True), ("Nơi nhận", True), ("Nơi nhộn:", True),  # OCR of a text layer re-read
    ("ơi nhận:", True),  # OCR of a scanned decision: the "N" at the margin lost, the colon kept
    ("Nơi nhộn của dự án", False), ("ơi nhận", False), ("Tới nhận:", False),
])
def test_the_recipients_label(line: str, heads: bool) -> None:
    assert bool(RECIPIENTS.match(skeleton(line))) is heads
