"""The facts the comparison shows for each document, read from its record.

Counting rules (the same for every province):
- every count reads the document's own text and the documents it issues (a Kế hoạch issued
  by a Quyết định counts for the decision: its objectives, task rows and lead agencies).
- objectives / tasks: the leaf sections of that role; a leaf whose text is a list counts
  each item ("- …" bullets), so four bulleted objectives under one heading count four.
- pillar coverage: for each pillar, how many sections and appendix rows the record links to
  it (news: 1 when the article's text pursues it). A record with no pillar link at all does not
  implement the strategy: it is `linked = False` and listed apart, with no pillar columns.
- lead tasks: appendix rows an agency leads (Cơ quan chủ trì) plus the duties the
  implementation part (Tổ chức thực hiện) assigns it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from vnplan.outputs.agencies import agency_key, generic_label
from vnplan.outputs.bodies import all_sections, issued_titles, task_rows
from vnplan.outputs.catalog import catalog, linked_ids, pillars_of
from vnplan.outputs.labels import Labelled, distinct_labels
from vnplan.outputs.records import Loaded, group_of, plain
from vnplan.schema import Document, LegalBasis, Section

TOP_AGENCIES = 3
_BULLET = re.compile(r"^\s*(?:[-+•–—*]|[a-zđ]\)|\d+\))\s+")


@dataclass(frozen=True)
class Summary(Labelled):
    """One row of the comparison table: what labels it (`Labelled`), then what else it shows."""

    kind: str
    attached: tuple[str, ...]  # the documents it issues with it (a Quy chế, a Kế hoạch …)
    province_2025: str
    start_year: int | None
    end_year: int | None
    vision_year: int | None
    objectives: int
    tasks: int
    appendix_rows: int
    pillars: dict[str, int]
    linked: bool
    lead_agencies: tuple[tuple[str, int], ...]
    heritage: tuple[str, ...]
    partners: tuple[str, ...]
    legal_bases: tuple[str, ...]
    cites_strategy: bool
    source: str
    copies: int
    label: str = ""  # how charts name it; unique within one comparison (summarize_all)

    @property
    def covered(self) -> int:
        return sum(1 for n in self.pillars.values() if n)

    @property
    def period(self) -> str:
        return period_text(self.start_year, self.end_year, self.vision_year)


def period_text(start: int | None, end: int | None, vision: int | None) -> str:
    """A period as text: "2021–2025 (→2030)", "–2030", "2026" (one year), or "" when the record
    has none."""
    if start is None and end is None and vision is None:
        return ""
    if start is not None and start == end:
        span = str(start)
    else:
        span = f"{start or ''}–{end or ''}" if start or end else ""
    return f"{span} (→{vision})".strip() if vision else span


def list_items(text: str) -> list[str]:
    """The items of a listed text (two or more lines that start with a bullet), else []."""
    items = [line for line in text.splitlines() if _BULLET.match(line)]
    return items if len(items) >= 2 else []


def item_count(sections: list[Section], role: str) -> int:
    """Leaf sections of `role`, a listed text counting each of its bullet items."""
    total = 0
    for section in sections:
        if section.role != role or section.children:
            continue
        total += len(list_items(section.text)) or 1
    return total


def pillar_counts(doc: Document, pillar_ids: Sequence[str]) -> dict[str, int]:
    """How many sections and rows (news: the article) pursue each pillar; every id keyed."""
    counts: Counter[str] = Counter()
    if doc.article is not None:
        counts.update({m.id for m in doc.article.pillars})
    for section in all_sections(doc):
        counts.update({m.id for m in section.pillars})
    for row in task_rows(doc):
        counts.update({m.id for m in row.pillars})
    return {pillar: counts.get(pillar, 0) for pillar in pillar_ids}


def lead_tasks(doc: Document) -> list[tuple[str, int]]:
    """(agency, tasks it leads), most first; ties by name. Names without their province
    ("Sở Ngoại vụ tỉnh"), so one kind of agency adds up across provinces."""
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for row in task_rows(doc):
        for agency in {agency_key(a): a for a in row.lead}.values():
            counts[agency_key(agency)] += 1
            labels.setdefault(agency_key(agency), generic_label(agency))
    for assignment in doc.assignments:
        key = agency_key(assignment.agency)
        counts[key] += max(1, len(assignment.duties))
        labels.setdefault(key, generic_label(assignment.agency))
    ranked = sorted(counts, key=lambda k: (-counts[k], plain(labels[k]), k))
    return [(labels[k], counts[k]) for k in ranked]


def heritage_names(doc: Document) -> tuple[str, ...]:
    items = sorted(doc.entities.heritage, key=lambda h: (-h.count, plain(h.name_vi or h.raw)))
    return tuple(dict.fromkeys(h.name_vi or h.raw for h in items))


def partner_names(doc: Document) -> tuple[str, ...]:
    items = sorted(doc.entities.partners, key=lambda p: (-p.count, plain(p.name or p.raw)))
    return tuple(dict.fromkeys(p.name or p.raw for p in items))


def basis_name(basis: LegalBasis) -> str:
    """A cited document as a reader names it: its number ("2013/QĐ-TTg"), else its name and
    date (a law: "Luật Lưu trữ ngày 21/06/2024"), else as printed."""
    if basis.doc_number:
        return basis.doc_number
    if basis.name and basis.date:
        return f"{basis.name} ngày {basis.date:%d/%m/%Y}"
    return " ".join((basis.name or basis.raw).split())


def summarize(doc: Document, copies: int = 1, pillar_ids: Sequence[str] | None = None) -> Summary:
    """The comparison row of one record (`pillar_ids`: the pillar columns, else the catalog's)."""
    period = doc.period
    article = doc.article
    about = article.about.doc_number or "" if article is not None else ""
    date = doc.issued_date or (article.published if article else None)
    bases = tuple(basis_name(b) for b in doc.legal_basis)
    return Summary(
        id=doc.id,
        kind=doc.kind,
        group=group_of(doc),
        doc_type=doc.doc_type or "",
        title=" ".join((doc.title or "").split()),
        attached=issued_titles(doc),
        issuer=(doc.issuer.name or doc.issuer.raw) if doc.issuer else "",
        province=doc.province.name if doc.province else "",
        province_2025=(doc.province.name_2025 or "") if doc.province else "",
        doc_number=doc.doc_number or "",
        date=date.isoformat() if date else "",
        draft=doc.draft,
        start_year=period.start_year if period else None,
        end_year=period.end_year if period else None,
        vision_year=period.vision_year if period else None,
        objectives=item_count(all_sections(doc), "objectives"),
        tasks=item_count(all_sections(doc), "tasks"),
        appendix_rows=len(task_rows(doc)),
        pillars=pillar_counts(doc, catalog().ids() if pillar_ids is None else pillar_ids),
        linked=bool(linked_ids(doc)),
        lead_agencies=tuple(lead_tasks(doc)[:TOP_AGENCIES]),
        heritage=heritage_names(doc),
        partners=partner_names(doc),
        legal_bases=bases,
        cites_strategy=catalog().strategy.doc_number in bases,
        about=about,
        publisher=(article.publisher or "") if article else "",
        source=doc.source.uri,
        copies=copies,
    )


def summarize_all(loaded: Loaded) -> list[Summary]:
    """The comparison rows of a folder's documents, with distinct chart labels."""
    ids = [p.id for p in pillars_of(loaded.documents)]
    rows = [summarize(d, loaded.copies.get(d.id, 1), ids) for d in loaded.documents]
    labels = distinct_labels(rows)
    return [replace(s, label=label) for s, label in zip(rows, labels, strict=True)]
