"""The comparison table: one row per document, as CSV text or a rich terminal table.

Plans and news share one table with a `kind` column, plans first: the plan-only columns
(number, period, counts, lead agencies, legal bases) are empty for news, which instead name the
plan they report on (`about`). The terminal shows them as two tables.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from rich.table import Table

from vnplan.align import load_pillars
from vnplan.outputs.summary import Summary

LIST_SEPARATOR = "; "


def columns() -> list[str]:
    """The CSV header, in order."""
    return [
        "kind",
        "id",
        "province",
        "province_2025",
        "doc_number",
        "date",
        "start_year",
        "end_year",
        "vision_year",
        "period",
        "objectives",
        "tasks",
        "appendix_rows",
        "pillars_covered",
        *(f"pillar_{p.id}" for p in load_pillars()),
        "lead_agencies",
        "heritage",
        "partners",
        "legal_bases",
        "cites_strategy",
        "about",
        "source",
        "copies",
    ]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def agencies_text(summary: Summary) -> str:
    return LIST_SEPARATOR.join(f"{name} ({n})" for name, n in summary.lead_agencies)


def row_values(summary: Summary) -> list[str]:
    """One document's CSV cells, in `columns()` order."""
    plan = summary.kind == "plan"
    values: list[object] = [
        summary.kind,
        summary.id,
        summary.province,
        summary.province_2025,
        summary.doc_number,
        summary.date,
        summary.start_year,
        summary.end_year,
        summary.vision_year,
        summary.period,
        summary.objectives if plan else None,
        summary.tasks if plan else None,
        summary.appendix_rows if plan else None,
        summary.covered,
        *(summary.pillars[p.id] for p in load_pillars()),
        agencies_text(summary),
        LIST_SEPARATOR.join(summary.heritage),
        LIST_SEPARATOR.join(summary.partners),
        LIST_SEPARATOR.join(summary.legal_bases),
        summary.cites_strategy if plan else None,
        summary.about,
        summary.source,
        summary.copies,
    ]
    return [_cell(v) for v in values]


def csv_text(summaries: Sequence[Summary]) -> str:
    """The comparison as CSV (UTF-8, comma, "\\n" line ends), plans then news."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns())
    for summary in summaries:
        writer.writerow(row_values(summary))
    return buffer.getvalue()


def coverage_text(summary: Summary) -> str:
    missing = [p.id for p in load_pillars() if not summary.pillars[p.id]]
    total = len(summary.pillars)
    head = f"{summary.covered}/{total}"
    return f"{head}\nmissing: {', '.join(missing)}" if missing else head


def _short(items: Sequence[str], limit: int = 4) -> str:
    shown = "\n".join(items[:limit])
    return f"{shown}\n… +{len(items) - limit}" if len(items) > limit else shown


def plans_table(summaries: Sequence[Summary]) -> Table:
    """The plans, compact enough for an 80-column terminal (the CSV has every column)."""
    table = Table(title="Plans", show_lines=True)
    for name in ("Plan", "Period", "Obj/Tasks/Rows", "Pillars", "Top lead agencies"):
        table.add_column(name)
    table.add_column("Heritage · Partners")
    table.add_column("Legal bases")
    for s in summaries:
        if s.kind != "plan":
            continue
        entities = [*s.heritage[:2], *(["·"] if s.heritage and s.partners else []), *s.partners]
        table.add_row(
            f"{s.province}\n{s.doc_number}\n{s.date}",
            s.period,
            f"{s.objectives} / {s.tasks} / {s.appendix_rows}",
            coverage_text(s),
            "\n".join(f"{name} ({n})" for name, n in s.lead_agencies),
            _short(entities, 6),
            "\n".join(s.legal_bases),
        )
    return table


def news_table(summaries: Sequence[Summary]) -> Table:
    table = Table(title="News", show_lines=True)
    for name in ("Article", "About plan", "Pillars", "Heritage · Partners", "Source"):
        table.add_column(name)
    for s in summaries:
        if s.kind != "news":
            continue
        entities = [*s.heritage[:2], *(["·"] if s.heritage and s.partners else []), *s.partners]
        table.add_row(
            f"{s.province}\n{s.date}",
            s.about,
            coverage_text(s),
            _short(entities, 6),
            s.source,
        )
    return table
