"""extract/dates.py, doc_numbers.py, period.py, timeline.py: small parsers, real strings."""

from __future__ import annotations

import datetime as dt

import pytest

from vnplan.extract.doc_numbers import doc_type_of_number, normalize_doc_number, parse_so_line
from vnplan.extract.header import parse_place_date_line
from vnplan.extract.period import parse_period
from vnplan.extract.timeline import parse_timeline
from vnplan.text.dates import parse_date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Lạng Sơn, ngày 18 tháng 11 năm 2021", dt.date(2021, 11, 18)),
        ("ban hành ngày 21/02/2023.", dt.date(2023, 2, 21)),
        ("06/02/2024 - 20:29", dt.date(2024, 2, 6)),
        ("Ngày cập nhật 29/04/2022", dt.date(2022, 4, 29)),
        ("ngày 31/02/2022", None),
        ("không có ngày", None),
    ],
)
def test_parse_date(text: str, want: dt.date | None) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Số: 227/KH-UBND", "227/KH-UBND"),
        ("Số: 122 /KH-UBND", "122/KH-UBND"),
        ("Số:173/KH-UBND", "173/KH-UBND"),
        ("Số hiệu 227/KH-UBND", "227/KH-UBND"),
        ("Sở Ngoại vụ", None),
    ],
)
def test_so_line(text: str, want: str | None) -> None:
    assert parse_so_line(text) == want


def test_number_from_appendix_caption_and_type() -> None:
    caption = "(Kèm theo Kế hoạch số: 122 /KH-UBND ngày 30/3/2022 của Ủy ban nhân dân tỉnh Lào Cai)"
    number = normalize_doc_number(caption)
    assert number == "122/KH-UBND"
    assert doc_type_of_number(number) == "Kế hoạch"
    assert doc_type_of_number("2013/QĐ-TTg") == "Quyết định"
    assert doc_type_of_number("76-KL/TW") == "Kết luận"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Lào Cai, ngày 30 tháng 3 năm 2022", ("Lào Cai", dt.date(2022, 3, 30))),
        ("Thừa Thiên Huế, ngày 28 tháng 4 năm 2022", ("Thừa Thiên Huế", dt.date(2022, 4, 28))),
        ("Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021", None),
    ],
)
def test_place_date_line(text: str, want: tuple[str, dt.date] | None) -> None:
    assert parse_place_date_line(text) == want


@pytest.mark.parametrize(
    ("title", "want"),
    [
        (
            "ĐẨY MẠNH TRIỂN KHAI CHIẾN LƯỢC VĂN HÓA ĐỐI NGOẠI TRÊN ĐỊA BÀN TỈNH LẠNG SƠN "
            "ĐẾN NĂM 2025, "
            "TẦM NHÌN ĐẾN NĂM 2030",
            (None, 2025, 2030),
        ),
        ("Triển khai Chiến lược Ngoại giao văn hóa đến năm 2030", (None, 2030, None)),
        ("Kế hoạch thực hiện giai đoạn 2021-2025", (2021, 2025, None)),
        ("Kế hoạch công tác ngoại giao văn hóa năm 2024", (2024, 2024, None)),
    ],
)
def test_period(title: str, want: tuple[int | None, ...]) -> None:
    period = parse_period(title)
    assert period is not None
    assert (period.start_year, period.end_year, period.vision_year) == want


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("Hàng năm", ([], "annual")),
        ("Thường xuyên", ([], "regular")),
        ("Năm 2022; Năm 2028", ([2022, 2028], None)),
        ("Năm 2022", ([2022], "once")),
        ("2022 - 2025", ([2022, 2025], None)),
    ],
)
def test_timeline(cell: str, want: tuple[list[int], str | None]) -> None:
    timeline = parse_timeline(cell)
    assert timeline is not None
    assert (timeline.raw, timeline.years, timeline.recurrence) == (cell, *want)


def test_empty_timeline_cell() -> None:
    assert parse_timeline("  ") is None
