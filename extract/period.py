"""The period a plan covers: "giai đoạn 2021–2025", "đến năm 2025, tầm nhìn đến năm 2030"."""

from __future__ import annotations

import re

from vnplan.schema import Period

_SPAN = re.compile(r"giai đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.IGNORECASE)
_UNTIL = re.compile(r"(?<!tầm nhìn )đến năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_VISION = re.compile(r"tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?((?:19|20)\d{2})", re.IGNORECASE)
_YEAR_PLAN = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def parse_period(text: str) -> Period | None:
    """Years a title or sentence gives for the plan; None when it names none."""
    start = end = vision = None
    if span := _SPAN.search(text):
        start, end = int(span[1]), int(span[2])
    elif until := _UNTIL.search(text):
        end = int(until[1])
    if vision_match := _VISION.search(text):
        vision = int(vision_match[1])
    if start is None and end is None and vision is None:
        year = _YEAR_PLAN.search(text)
        if not year:
            return None
        start = end = int(year[1])
    return Period(start_year=start, end_year=end, vision_year=vision)
