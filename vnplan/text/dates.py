"""Vietnamese dates: "ngày 30 tháng 3 năm 2022", "30/3/2022", "06/02/2024 - 20:29"."""

from __future__ import annotations

import datetime as dt
import re

LONG_DATE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.IGNORECASE
)
SHORT_DATE = re.compile(
    r"(?<![\d/])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})\b"
)


def make_date(day: str, month: str, year: str) -> dt.date | None:
    """A date from its parts, or None when they name no real day."""
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The first date written in `text`, long form or numeric (day first)."""
    found = [m for m in (LONG_DATE.search(text), SHORT_DATE.search(text)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    return make_date(first["d"], first["m"], first["y"])


_DATE_LINE = re.compile(
    r"^(?:(?:Ngày\s+)?(?:cập nhật|đăng|đăng tải|xuất bản)\s*:?\s*"
    r"|Thứ\s+\w+\s*,\s*|Chủ nhật\s*,\s*)?"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4})(?:\s*[-–,|]?\s*\d{1,2}\s*[:h]\s*\d{2})?"
    r"(?:\s*\(GMT[+-]\d+\))?\s*$",
    re.IGNORECASE,
)


def date_line(text: str) -> dt.date | None:
    """The date of a dateline ("06/02/2024 - 20:29", "Ngày cập nhật 29/04/2022"), else None."""
    match = _DATE_LINE.match(text.strip())
    return make_date(match["d"], match["m"], match["y"]) if match else None
