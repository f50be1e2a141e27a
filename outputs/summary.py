"""The facts the comparison shows for each document, derived from its record.

Counting rules (the same for every province):
- objectives / tasks: the leaf sections of that role; a leaf whose text is a list counts
  item ("- …" bullets), so four bulleted objectives under one heading count four.
- pillar coverage: for each pillar, how many objective/task sections and appendix rows the
  align step linked to it (news: 1 when the article's text pursues it).
- lead tasks: appendix rows an agency leads (Cơ quan chủ trì) plus the duties the
  implementation part (Tổ chức thực hiện) assigns it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from vnplan.align import load_strategy, pillar_ids
from vnplan.align.units import list_items
from vnplan.outputs.records import plain
from vnplan.schema import AgencyRef, Document, Section

TOP_AGENCIES = 3


@dataclass(frozen=True)
class Summary:
    """One row of the comparison table."""

    id: str
    kind: str
    title: str
    province: str
    province_2025: str
    doc_number: str
    date: str
    start_year: int | None
    end_year: int | None
    vision_year: int | None
    objectives: int
    tasks: int
    appendix_rows: int
    pillars: dict[str, int]
    lead_agencies: tuple[tuple[str, int], ...]
    heritage: tuple[str, ...]
    partners: tuple[str, ...]
    legal_bases: tuple[str, ...]
    cites_strategy: bool
    about: str
    source: str
    copies: int

    @property
    def covered(self) -> int:
        return sum(1 for n in self.pillars.values() if n)

    @property
    def period(self) -> str:
        return period_text(self.start_year, self.end_year, self.vision_year)


def period_text(start: int | None, end: int | None, vision: int | None) -> str:
    """A period as text: "2021–2025 (→2030)", "–2030", or "" when the record has none."""
    if start is None and end is None and vision is None:
        return ""
    span = f"{start or ''}–{end or ''}" if start or end else ""
    return f"{span} (→{vision})".strip() if vision else span


def item_count(sections: list[Section], role: str) -> int:
    """Leaf sections of `role`, a listed text counting each of its bullet items."""
    total = 0
    for section in sections:
        if section.role != role or section.children:
            continue
        total += len(list_items(section.text)) or 1
    return total


def pillar_counts(doc: Document) -> dict[str, int]:
    """How many sections and rows (news: the article) pursue each pillar; every pillar keyed."""
    counts: Counter[str] = Counter()
    if doc.article is not None:
        counts.update(m.id for m in doc.article.pillars)
    for section in doc.iter_sections():
        counts.update({m.id for m in section.pillars})
    for appendix in doc.appendices:
        for row in appendix.rows:
            counts.update({m.id for m in row.pillars})
    return {pillar: counts.get(pillar, 0) for pillar in pillar_ids()}


def agency_key(agency: AgencyRef) -> str:
    return agency.id or plain(" ".join(agency.raw.split()))


def agency_label(agency: AgencyRef) -> str:
    return agency.name or " ".join(agency.raw.split())


def generic_label(agency: AgencyRef) -> str:
    """The agency's name without its province ("Sở Ngoại vụ tỉnh Lào Cai" → "Sở Ngoại vụ"),
    for charts that add up one kind of agency across provinces."""
    label = agency_label(agency)
    province = agency.province or ""
    for suffix in (f" tỉnh {province}", f" thành phố {province}", f" {province}"):
        if province and label.endswith(suffix) and len(label) > len(suffix):
            return label[: -len(suffix)]
    return label


def lead_tasks(doc: Document, generic: bool = False) -> list[tuple[str, int]]:
    """(agency, tasks it leads), most first; ties by name. `generic`: names without province."""
    name = generic_label if generic else agency_label
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    for appendix in doc.appendices:
        for row in appendix.rows:
            for agency in {agency_key(a): a for a in row.lead}.values():
                counts[agency_key(agency)] += 1
                labels.setdefault(agency_key(agency), name(agency))
    for assignment in doc.assignments:
        key = agency_key(assignment.agency)
        counts[key] += max(1, len(assignment.duties))
        labels.setdefault(key, name(assignment.agency))
    ranked = sorted(counts, key=lambda k: (-counts[k], plain(labels[k]), k))
    return [(labels[k], counts[k]) for k in ranked]


def heritage_names(doc: Document) -> tuple[str, ...]:
    items = sorted(doc.entities.heritage, key=lambda h: (-h.count, plain(h.name_vi or h.raw)))
    return tuple(h.name_vi or h.raw for h in items)


def partner_names(doc: Document) -> tuple[str, ...]:
    items = sorted(doc.entities.partners, key=lambda p: (-p.count, plain(p.name or p.raw)))
    return tuple(dict.fromkeys(p.name or p.raw for p in items))


def summarize(doc: Document, copies: int = 1) -> Summary:
    """The comparison row of one (aligned) record."""
    period = doc.period
    article = doc.article
    about = ""
    if article is not None and article.about.doc_number:
        about = article.about.doc_number
    date = doc.issued_date or (article.published if article else None)
    strategy = load_strategy().doc_number
    bases = tuple(b.doc_number or b.raw for b in doc.legal_basis)
    return Summary(
        id=doc.id,
        kind=doc.kind,
        title=" ".join((doc.title or "").split()),
        province=doc.province.name if doc.province else "",
        province_2025=(doc.province.name_2025 or "") if doc.province else "",
        doc_number=doc.doc_number or "",
        date=date.isoformat() if date else "",
        start_year=period.start_year if period else None,
        end_year=period.end_year if period else None,
        vision_year=period.vision_year if period else None,
        objectives=item_count(doc.iter_sections(), "objectives"),
        tasks=item_count(doc.iter_sections(), "tasks"),
        appendix_rows=sum(len(a.rows) for a in doc.appendices),
        pillars=pillar_counts(doc),
        lead_agencies=tuple(lead_tasks(doc, generic=True)[:TOP_AGENCIES]),
        heritage=heritage_names(doc),
        partners=partner_names(doc),
        legal_bases=bases,
        cites_strategy=strategy in bases,
        about=about,
        source=doc.source.uri,
        copies=copies,
    )
