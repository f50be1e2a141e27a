"""The report's HTML tables: the comparison (plans, other documents, documents not linked to
the strategy, news) and the heritage and partners index (each named item → who names it)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from vnplan.outputs.compare import LIST_SEPARATOR
from vnplan.outputs.records import plain
from vnplan.outputs.summary import Summary
from vnplan.schema import Document


def cell(value: object, numeric: bool = False, nowrap: bool = False) -> str:
    text = "" if value is None else str(value)
    classes = " ".join(c for c, on in (("num", numeric), ("nowrap", nowrap)) if on)
    cls = f' class="{classes}"' if classes else ""
    return f"<td{cls}>{escape(text)}</td>"


def list_cell(items: Sequence[str]) -> str:
    if not items:
        return "<td></td>"
    return "<td><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul></td>"


def table(table_id: str, head: Sequence[str], rows: Sequence[str]) -> str:
    ths = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f'<div class="scroll"><table id="{table_id}" class="sortable"><thead><tr>{ths}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def _coverage(s: Summary) -> str:
    return f'<td class="num" data-sort="{s.covered}">{s.covered}/{len(s.pillars)}</td>'


def _plan_row(s: Summary) -> str:
    return (
        "<tr>"
        + cell(s.province)
        + cell(s.doc_number, nowrap=True)
        + cell(s.date, nowrap=True)
        + cell(s.period, nowrap=True)
        + cell(s.objectives, True)
        + cell(s.tasks, True)
        + cell(s.appendix_rows, True)
        + _coverage(s)
        + list_cell([f"{name} ({n})" for name, n in s.lead_agencies])
        + cell(len(s.heritage), True)
        + cell(len(s.partners), True)
        + cell(LIST_SEPARATOR.join(s.legal_bases))
        + "</tr>"
    )


def _document_row(s: Summary, linked: bool) -> str:
    kind = s.doc_type or s.kind
    return (
        "<tr>"
        + cell(s.province)
        + cell(f"{kind} (draft)" if s.draft else kind)
        + cell(s.doc_number, nowrap=True)
        + cell(s.date, nowrap=True)
        + cell(s.issuer)
        + cell(s.title)
        + list_cell(s.attached)
        + (_coverage(s) if linked else "")
        + list_cell(s.legal_bases)  # laws are cited by name and date: one a line
        + cell(s.source)
        + "</tr>"
    )


def _news_row(s: Summary) -> str:
    return (
        "<tr>"
        + cell(s.province)
        + cell(s.date or "undated", nowrap=True)
        + cell(s.publisher)
        + cell(s.title)
        + cell(s.about, nowrap=True)
        + (_coverage(s) if s.linked else cell("–", True))
        + cell(s.source)
        + "</tr>"
    )


def comparison_tables(summaries: Sequence[Summary]) -> str:
    plans = [_plan_row(s) for s in summaries if s.group == "plan" and s.linked]
    documents = [_document_row(s, True) for s in summaries if s.group == "document" and s.linked]
    unlinked = [_document_row(s, False) for s in summaries if s.group != "news" and not s.linked]
    news = [_news_row(s) for s in summaries if s.group == "news"]
    plan_head = (
        *("Province", "Number", "Date", "Period", "Obj.", "Tasks", "Rows", "Pillars"),
        *("Top lead agencies", "Heritage", "Partners", "Legal bases"),
    )
    doc_head = ("Province", "Type", "Number", "Date", "Issuer", "Title", "Attached documents")
    out = (
        table("plans-table", plan_head, plans) if plans else "<p>No plan links to the strategy.</p>"
    )
    drafts = [s for s in summaries if s.group != "news" and s.draft]
    if documents:
        out += "<h3>Other documents</h3>" + table(
            "documents-table", (*doc_head, "Pillars", "Legal bases", "Source"), documents
        )
    if unlinked:
        out += (
            "<h3>Not linked to the strategy</h3>"
            '<p class="note">No section, task row or text of these links to a pillar.</p>'
            + table("unlinked-table", (*doc_head, "Legal bases", "Source"), unlinked)
        )
    if any(s.attached for s in summaries):
        out += (
            '<p class="note">Attached documents: what a decision issues with it ("ban hành kèm '
            "theo\"); their objectives, task rows and lead agencies count as the decision's.</p>"
        )
    if drafts:
        out += (
            '<p class="note">A draft (DỰ THẢO) is prepared for signature: its number and day '
            "are left blank until it is signed.</p>"
        )
    if news:
        head = ("Province", "Published", "Publisher", "Title", "About plan", "Pillars", "Source")
        out += "<h3>News</h3>" + table("news-table", head, news)
    return out


@dataclass
class _Named:
    """A heritage item or partner, and the documents that name it."""

    name: str
    detail: list[str]
    by: list[str] = field(default_factory=list)
    mentions: int = 0

    def named_by(self, label: str, count: int) -> None:
        if label not in self.by:
            self.by.append(label)
        self.mentions += count

    def row(self) -> str:
        details = "".join(cell(d) for d in self.detail)
        return "<tr>" + cell(self.name) + details + list_cell(self.by) + "</tr>"


def _index(rows: dict[str, _Named]) -> list[_Named]:
    return sorted(rows.values(), key=lambda r: (-len(r.by), -r.mentions, plain(r.name)))


def entity_index(docs: Sequence[Document], summaries: Sequence[Summary]) -> str:
    """Each heritage item and partner, with the documents that name it (most named first)."""
    heritage: dict[str, _Named] = {}
    partners: dict[str, _Named] = {}
    for doc, s in zip(docs, summaries, strict=True):
        for h in doc.entities.heritage:
            name = h.name_vi or h.raw
            year = str(h.year) if h.year else ""
            detail = [h.name_en or "", h.category or "", year]
            heritage.setdefault(h.id or plain(name), _Named(name, detail)).named_by(
                s.label, h.count
            )
        for p in doc.entities.partners:
            name = p.name or p.raw
            detail = [p.country or "", p.kind or ""]
            partners.setdefault(plain(name), _Named(name, detail)).named_by(s.label, p.count)
    heritage_head = ("Heritage", "English", "Category", "Year", "Named by")
    partner_head = ("Partner", "Country", "Kind", "Named by")
    return (
        "<h3>UNESCO heritage</h3>"
        + table("heritage-table", heritage_head, [r.row() for r in _index(heritage)])
        + "<h3>Foreign partners</h3>"
        + table("partners-table", partner_head, [r.row() for r in _index(partners)])
    )
