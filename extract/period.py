"""The period a plan covers: "giai đoạn 2021–2025", "đến năm 2025, tầm nhìn đến năm 2030".

It is read from the plan's own words — its subject, then its purpose and objectives — never
from a document it cites: "Luật … ngày 16 tháng 6 năm 2025" dates that law, not the plan."""

from __future__ import annotations

import re

from vnplan.extract.citations import find_citations
from vnplan.schema import Period, Section

_GOALS = ("purpose", "objectives")

_SPAN = re.compile(r"giai đoạn\s+((?:19|20)\d{2})\s*[-–—]\s*((?:19|20)\d{2})", re.IGNORECASE)
_UNTIL = re.compile(r"(?<!tầm nhìn )đến năm\s+((?:19|20)\d{2})", re.IGNORECASE)
_VISION = re.compile(r"tầm nhìn\s+(?:đến\s+)?(?:năm\s+)?((?:19|20)\d{2})", re.IGNORECASE)
_YEAR_PLAN = re.compile(r"\bnăm\s+((?:19|20)\d{2})\b", re.IGNORECASE)


def parse_period(text: str, *, year_alone: bool = True) -> Period | None:
    """Years a title or sentence gives for the plan; None when it names none. A year alone
    ("Kế hoạch … năm 2026") counts only where `year_alone` (a subject, not a paragraph)."""
    start = end = vision = None
    if span := _SPAN.search(text):
        start, end = int(span[1]), int(span[2])
    elif until := _UNTIL.search(text):
        end = int(until[1])
    if vision_match := _VISION.search(text):
        vision = int(vision_match[1])
    if start is None and end is None and vision is None:
        year = _YEAR_PLAN.search(text) if year_alone else None
        if not year:
            return None
        start = end = int(year[1])
    return Period(start_year=start, end_year=end, vision_year=vision)


def period_of(subject: str | None, sections: list[Section]) -> Period | None:
    """The period of a document: its subject's years, else those its purpose and objectives
    name as a span ("giai đoạn 2026–2030", "đến năm 2030"), the documents they cite left out."""
    if subject and (found := parse_period(subject)):
        return found
    stack = list(sections)
    while stack:
        section = stack.pop(0)
        if section.role in _GOALS:
            text = f"{section.title}\n{section.text}"
            for cited in find_citations(text):  # with its subject: "… về … giai đoạn …;"
                text = re.sub(re.escape(cited.raw) + r"[^;.\n]*", " ", text)
            if found := parse_period(text, year_alone=False):
                return found
        stack[:0] = section.children
    return None
