"""The "Thời gian thực hiện" cell: "Hàng năm", "Thường xuyên", "Năm 2022; Năm 2028"."""

from __future__ import annotations

import re

from vnplan.schema import Timeline
from vnplan.schema.models import Recurrence
from vnplan.text.fold import fold_heading

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_ANNUAL = ("hàng năm", "hằng năm", "thường niên", "mỗi năm", "định kỳ hàng năm")
_REGULAR = ("thường xuyên", "liên tục", "định kỳ")


def parse_timeline(raw: str) -> Timeline | None:
    """Years named and how often; None for an empty cell."""
    raw = raw.strip()
    if not raw:
        return None
    folded = fold_heading(raw)
    years = sorted({int(y) for y in _YEAR.findall(raw)})
    recurrence: Recurrence | None = None
    if any(word in folded for word in _ANNUAL):
        recurrence = "annual"
    elif any(word in folded for word in _REGULAR):
        recurrence = "regular"
    elif len(years) == 1 and not re.search(r"\d{4}\s*[-–]\s*\d{4}|đến|từ", folded):
        recurrence = "once"
    return Timeline(raw=raw, years=years, recurrence=recurrence)
