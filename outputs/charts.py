"""The report's three charts, from the records and their comparison rows.

- coverage: documents linked to the strategy × its pillars (news as presence marks);
- lead agencies: the agencies that lead most tasks, added up over every plan (and any other
  document with a task table, such as a decision issuing a plan), one colour per document;
- timeline: each plan's period, each dated document or news article on its own row; what has
  no date is listed under the chart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from vnplan.outputs.catalog import Pillar
from vnplan.outputs.records import plain
from vnplan.outputs.summary import Summary, lead_tasks
from vnplan.outputs.svg import (
    Bar,
    Event,
    HeatRow,
    Span,
    heatmap,
    series_colours,
    stacked_bars,
    timeline,
)
from vnplan.schema import Document

TOP_AGENCIES_CHART = 10


@dataclass(frozen=True)
class Chart:
    svg: str
    left_out: tuple[str, ...]  # labels of the documents the chart cannot show


def coverage_chart(summaries: Sequence[Summary], pillars: Sequence[Pillar]) -> Chart:
    """Linked documents × pillars; documents with no pillar link are left out."""
    rows = [
        HeatRow(s.label, tuple(s.pillars[p.id] for p in pillars), marks=s.group == "news")
        for s in summaries
        if s.linked
    ]
    svg = heatmap(rows, [p.id for p in pillars], [p.title for p in pillars], "pillar-heatmap")
    return Chart(svg, tuple(s.label for s in summaries if not s.linked))


def document_colours(summaries: Sequence[Summary]) -> dict[str, str]:
    """One colour per plan and other document (by label), the same in the lead-agency chart
    and on the timeline; news are markers of their own."""
    return series_colours([s.label for s in summaries if s.group != "news"])


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def agency_chart(docs: Sequence[Document], summaries: Sequence[Summary]) -> Chart:
    """Lead tasks per agency over every plan (and other document) that has any."""
    counted = [(s, dict(lead_tasks(d))) for d, s in zip(docs, summaries, strict=True)]
    counted = [(s, counts) for s, counts in counted if s.group != "news"]
    totals: Counter[str] = Counter()
    for _, counts in counted:
        totals.update(counts)
    top = sorted(totals, key=lambda a: (-totals[a], plain(a), a))[:TOP_AGENCIES_CHART]
    series = [(s.label, counts) for s, counts in counted if counts]
    bars = [Bar(a, tuple((label, counts.get(a, 0)) for label, counts in series)) for a in top]
    plans = sum(1 for s, _ in counted if s.group == "plan")
    others = sum(1 for s, counts in counted if s.group != "plan" and counts)
    title = f"Lead tasks per agency, across {_count(plans, 'plan')}"
    if others:
        title += f" and {_count(others, 'other document')}"
    labels = [label for label, _ in series]
    svg = stacked_bars(bars, labels, "agency-bars", title, document_colours(summaries))
    return Chart(svg, tuple(s.label for s, counts in counted if not counts))


def fractional_year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return round(day.year + (day - start).days / days, 3)


def timeline_chart(summaries: Sequence[Summary]) -> Chart:
    """Plans with a period as spans; every other dated document as a labelled event row."""
    spans: list[Span] = []
    events: list[Event] = []
    undated: list[str] = []
    for s in summaries:
        day = dt.date.fromisoformat(s.date) if s.date else None
        issued = fractional_year(day) if day else None
        end = s.end_year or s.vision_year
        start = float(s.start_year) if s.start_year else issued
        if s.group == "plan" and end is not None and start is not None:
            spans.append(Span(s.label, start, float(end), s.vision_year, issued))
        elif day is not None and issued is not None:
            events.append(Event(s.label, issued, day.strftime("%d/%m/%Y"), s.group == "news"))
        else:
            undated.append(s.label)
    svg = timeline(spans, events, "plan-timeline", document_colours(summaries))
    return Chart(svg, tuple(undated))
