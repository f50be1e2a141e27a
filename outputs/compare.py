"""The comparison table: one row per document, as CSV text or as rich terminal tables.

The CSV holds every document in one table with a `kind` column, plans first, then other
documents, then news. Plan-only counts are empty for news, which instead name the plan they
report on (`about`); the pillar columns are empty for a document that links to no pillar of
the strategy (it does not implement it); `attached` names the documents a decision issues
with it (its counts include theirs). The terminal shows four tables: plans, other documents,
documents not linked to the strategy (no pillar column), and news; a column empty in every row
is left out.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.table import Table
from rich.text import Text

from vnplan.outputs.summary import Summary

LIST_SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    """A CSV column: its header and how a summary's cell is read."""

    name: str
    value: Callable[[Summary], object]


def _plan_only(read: Callable[[Summary], object]) -> Callable[[Summary], object]:
    return lambda s: None if s.group == "news" else read(s)


def _linked_only(read: Callable[[Summary], object]) -> Callable[[Summary], object]:
    return lambda s: read(s) if s.linked else None


def agencies_text(summary: Summary) -> str:
    return LIST_SEPARATOR.join(f"{name} ({n})" for name, n in summary.lead_agencies)


def _pillar(pillar_id: str) -> Column:
    return Column(f"pillar_{pillar_id}", _linked_only(lambda s: s.pillars[pillar_id]))


def columns(pillar_ids: Sequence[str]) -> tuple[Column, ...]:
    """The CSV's columns, in order, for these pillar columns."""
    return (
        Column("kind", lambda s: s.kind),
        Column("id", lambda s: s.id),
        Column("doc_type", lambda s: s.doc_type),
        Column("title", lambda s: s.title),
        Column("attached", lambda s: LIST_SEPARATOR.join(s.attached)),
        Column("issuer", lambda s: s.issuer),
        Column("province", lambda s: s.province),
        Column("province_2025", lambda s: s.province_2025),
        Column("doc_number", lambda s: s.doc_number),
        Column("date", lambda s: s.date),
        Column("draft", lambda s: s.draft),
        Column("start_year", lambda s: s.start_year),
        Column("end_year", lambda s: s.end_year),
        Column("vision_year", lambda s: s.vision_year),
        Column("period", lambda s: s.period),
        Column("objectives", _plan_only(lambda s: s.objectives)),
        Column("tasks", _plan_only(lambda s: s.tasks)),
        Column("appendix_rows", _plan_only(lambda s: s.appendix_rows)),
        Column("pillars_covered", _linked_only(lambda s: s.covered)),
        *(_pillar(p) for p in pillar_ids),
        Column("lead_agencies", agencies_text),
        Column("heritage", lambda s: LIST_SEPARATOR.join(s.heritage)),
        Column("partners", lambda s: LIST_SEPARATOR.join(s.partners)),
        Column("legal_bases", lambda s: LIST_SEPARATOR.join(s.legal_bases)),
        Column("cites_strategy", _plan_only(lambda s: s.cites_strategy)),
        Column("about", lambda s: s.about),
        Column("publisher", lambda s: s.publisher),
        Column("source", lambda s: s.source),
        Column("copies", lambda s: s.copies),
    )


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def csv_text(summaries: Sequence[Summary]) -> str:
    """The comparison as CSV (UTF-8, comma, "\\n" line ends), in output order."""
    pillar_ids = list(summaries[0].pillars) if summaries else []
    cols = columns(pillar_ids)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([c.name for c in cols])
    for summary in summaries:
        writer.writerow([_cell(c.value(summary)) for c in cols])
    return buffer.getvalue()


def coverage_text(summary: Summary) -> str:
    missing = [p for p, n in summary.pillars.items() if not n]
    head = f"{summary.covered}/{len(summary.pillars)}"
    return f"{head}\nmissing: {', '.join(missing)}" if missing else head


def _short(items: Sequence[str], limit: int = 4) -> str:
    shown = "\n".join(items[:limit])
    return f"{shown}\n… +{len(items) - limit}" if len(items) > limit else shown


def _entities(s: Summary) -> str:
    both = ["·"] if s.heritage and s.partners else []
    return _short([*s.heritage[:2], *both, *s.partners], 6)


def _table(title: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> Table:
    """A rich table whose cells are shown as written (no console markup), without the columns
    that are empty in every row."""
    shown = [i for i in range(len(head)) if i == 0 or any(row[i] for row in rows)]
    table = Table(title=title, show_lines=True)
    for i in shown:
        table.add_column(head[i])
    for row in rows:
        table.add_row(*(Text(row[i]) for i in shown))
    return table


def document_cell(s: Summary) -> str:
    """Province, type and number (a draft says so), date: one line each."""
    head = f"{s.doc_type or s.kind} {s.doc_number}".strip()
    lines = (s.province, f"{head} (draft)" if s.draft else head, s.date)
    return "\n".join(line for line in lines if line)


def title_cell(s: Summary) -> str:
    """The title, and each document it issues with it."""
    return "\n".join([s.title, *(f"attached: {title}" for title in s.attached)])


def plans_table(summaries: Sequence[Summary]) -> Table:
    """The plans linked to the strategy, compact enough for an 80-column terminal."""
    rows = [
        (
            f"{s.province}\n{s.doc_number}\n{s.date}",
            s.period,
            f"{s.objectives} / {s.tasks} / {s.appendix_rows}",
            coverage_text(s),
            "\n".join(f"{name} ({n})" for name, n in s.lead_agencies),
            _entities(s),
            "\n".join(s.legal_bases),
        )
        for s in summaries
        if s.group == "plan" and s.linked
    ]
    head = ("Plan", "Period", "Obj/Tasks/Rows", "Pillars", "Top lead agencies")
    return _table("Plans", (*head, "Heritage · Partners", "Legal bases"), rows)


def documents_table(summaries: Sequence[Summary]) -> Table:
    """Other documents (decisions, letters, reports …) linked to the strategy."""
    rows = [
        (
            document_cell(s),
            s.issuer,
            title_cell(s),
            coverage_text(s),
            _entities(s),
            "\n".join(s.legal_bases),
        )
        for s in summaries
        if s.group == "document" and s.linked
    ]
    head = ("Document", "Issuer", "Title", "Pillars", "Heritage · Partners", "Legal bases")
    return _table("Other documents", head, rows)


def unlinked_table(summaries: Sequence[Summary]) -> Table:
    """Plans and documents with no pillar link: they do not implement the strategy."""
    rows = [
        (document_cell(s), s.issuer, title_cell(s), _entities(s), s.source)
        for s in summaries
        if s.group != "news" and not s.linked
    ]
    head = ("Document", "Issuer", "Title", "Heritage · Partners", "Source")
    return _table("Not linked to the strategy", head, rows)


def news_table(summaries: Sequence[Summary]) -> Table:
    rows = [
        (
            f"{s.province}\n{s.date or 'undated'}",
            "\n".join(x for x in (s.publisher, s.title) if x),
            s.about,
            coverage_text(s) if s.linked else "–",
            _entities(s),
        )
        for s in summaries
        if s.group == "news"
    ]
    head = ("Article", "Publisher · Title", "About plan", "Pillars", "Heritage · Partners")
    return _table("News", head, rows)


def terminal_tables(summaries: Sequence[Summary]) -> list[Table]:
    """The tables `vnplan compare` prints, leaving out the empty ones (plans always shown)."""
    tables = [plans_table(summaries)]
    for table in (documents_table(summaries), unlinked_table(summaries), news_table(summaries)):
        if table.row_count:
            tables.append(table)
    return tables
