"""text/dates.py: dates as documents and pages print them."""

from __future__ import annotations

import datetime as dt

import pytest

from vnplan.text.dates import date_line, parse_date


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
        ("06/02/2024 - 20:29", dt.date(2024, 2, 6)),
        ("Ngày cập nhật: 29/04/2022", dt.date(2022, 4, 29)),
        ("Thứ hai, 06/02/2024", dt.date(2024, 2, 6)),
        ("Ngày 06/02/2024, tỉnh tổ chức hội nghị", None),
    ],
)
def test_date_line(text: str, want: dt.date | None) -> None:
    assert date_line(text) == want
