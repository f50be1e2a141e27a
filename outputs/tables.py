"""The records as relational tables that join on document id + section path / row index.

documents      one row per document, whatever its kind (key: doc_id)
parts          the documents a document issues: a Quy chế, a Kế hoạch … (doc_id, part 1, 2 …)
legal_bases    the documents a record cites (doc_id, idx)
sections       every section (doc_id, part, path "III/2/2.1"; ordinal = document order)
appendix_rows  every appendix task row (doc_id, part, appendix_idx, row_idx)
agencies       every agency in a row's lead/coordinating cell, every assignee of the
               implementation part, every mention counted by the normalizer (role says which)
heritage       UNESCO heritage named (doc_id, idx)
partners       foreign partners named (doc_id, idx)
pillars        every pillar link of a section, a row or a news article (unit says which)

`part` is 0 for the document's own text and n for the n-th document it issues, so a decision's
"Điều 1" and its Quy chế's "Điều 1" are two sections.

Each table's columns are the fields of its row type (rows.py). Rows come in document order;
tables, in the order above; so the same records always give the same tables.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from typing import Any, NamedTuple

from pydantic import BaseModel

from vnplan.outputs.bodies import bodies
from vnplan.outputs.catalog import catalog
from vnplan.outputs.rows import (
    AgencyRow,
    Column,
    DocumentRow,
    HeritageRow,
    LegalBasisRow,
    PartnerRow,
    PartRow,
    PillarLinkRow,
    Row,
    SectionRow,
    TaskRow,
    Value,
)
from vnplan.schema import AgencyRef, AppendixRow, Document, PillarMatch, walk_sections

OWN_TEXT = 0  # the `part` of the document's own text


@dataclass(frozen=True)
class Table:
    row_type: type[Row]
    rows: tuple[Row, ...]

    @property
    def name(self) -> str:
        return self.row_type.table

    @property
    def key(self) -> tuple[str, ...]:
        return self.row_type.key

    @property
    def primary(self) -> bool:
        return self.row_type.primary

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.row_type.columns()

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]

    def values(self) -> Iterator[tuple[Value, ...]]:
        return (row.values() for row in self.rows)

    def as_dicts(self) -> list[dict[str, Any]]:
        """The rows keyed by column name (for ad-hoc use and tests)."""
        return [asdict(row) for row in self.rows]


def _copied(model: BaseModel, *names: str) -> dict[str, Any]:
    """The fields `names` of `model`, for a row that keeps them as the record has them."""
    return {name: getattr(model, name) for name in names}


def _path(path: Sequence[str]) -> str:
    return "/".join(path)


# the columns of a document row that are fields of its record, by dotted path (None below a
# part the record lacks: a plan has no article, a news article no signer)
_DOCUMENT_FIELDS = {
    "doc_id": "id", "kind": "kind", "title": "title", "subject": "subject",
    "doc_type": "doc_type", "doc_number": "doc_number", "issued_date": "issued_date",
    "draft": "draft", "place": "place", "province": "province.name",
    "province_code": "province.code", "province_2025": "province.name_2025",
    "issuer": "issuer.raw", "issuer_id": "issuer.id", "issuer_name": "issuer.name",
    "signer_name": "signer.name", "signer_position": "signer.position",
    "period_start": "period.start_year", "period_end": "period.end_year",
    "period_vision": "period.vision_year", "published": "article.published",
    "publisher": "article.publisher", "author": "article.author",
    "about_doc_number": "article.about.doc_number",
    "about_issued_date": "article.about.issued_date", "source_uri": "source.uri",
    "source_format": "source.format", "source_sha256": "source.sha256",
    "source_pages": "source.pages", "ocr": "source.ocr",
    "extractor_version": "extractor_version",
}


def _dotted(model: BaseModel, path: str) -> Any:
    value: Any = model
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name)
    return value


def _document_row(d: Document, copies: int) -> DocumentRow:
    fields = {column: _dotted(d, path) for column, path in _DOCUMENT_FIELDS.items()}
    return DocumentRow(**fields, copies=copies, warnings=len(d.warnings))


def _legal_bases(d: Document) -> Iterator[LegalBasisRow]:
    for i, b in enumerate(d.legal_basis):
        yield LegalBasisRow(
            doc_id=d.id, idx=i, **_copied(b, "raw", "doc_type", "doc_number", "date", "issuer")
        )


def _parts(d: Document) -> Iterator[PartRow]:
    for n, part in enumerate(d.parts, start=1):
        yield PartRow(
            doc_id=d.id,
            part=n,
            **_copied(part, "doc_type", "title", "subject", "caption"),
            sections=len(walk_sections(part.sections)),
            task_rows=sum(len(a.rows) for a in part.appendices),
            signer_name=part.signer.name if part.signer else None,
        )


def _sections(d: Document) -> Iterator[SectionRow]:
    units = ((body.part, s) for body in bodies(d) for s in walk_sections(body.sections))
    for i, (part, s) in enumerate(units):
        yield SectionRow(
            doc_id=d.id,
            part=part,
            path=_path(s.path),
            parent_path=_path(s.path[:-1]) or None,
            depth=len(s.path),
            ordinal=i,
            **_copied(s, "number", "title", "role", "text", "page"),
        )


def _task_rows(d: Document) -> Iterator[TaskRow]:
    for body in bodies(d):
        for a, appendix in enumerate(body.appendices):
            for r, row in enumerate(appendix.rows):
                yield _task_row(d.id, body.part, a, r, row)


def _task_row(doc_id: str, part: int, a: int, r: int, row: AppendixRow) -> TaskRow:
    timeline = row.timeline
    return TaskRow(
        doc_id=doc_id,
        part=part,
        appendix_idx=a,
        row_idx=r,
        group_no=row.group,
        **_copied(row, "group_title", "stt", "content"),
        timeline=timeline.raw if timeline else None,
        timeline_years=";".join(map(str, timeline.years)) if timeline else None,
        recurrence=timeline.recurrence if timeline else None,
        note=row.note,
        pages=";".join(map(str, row.pages)) or None,
    )


class Where(NamedTuple):
    """Where in a record an agency or a pillar link stands (None: not in such a unit)."""

    part: int | None
    section_path: str | None = None
    appendix_idx: int | None = None
    row_idx: int | None = None


def _agency_row(
    doc_id: str,
    role: str,
    where: Where,
    position: int,
    agency: AgencyRef,
    mentions: int = 1,
    duties: int | None = None,
) -> AgencyRow:
    return AgencyRow(
        doc_id=doc_id,
        role=role,
        **where._asdict(),
        position=position,
        agency_id=agency.id,
        **_copied(agency, "raw", "name", "level", "province"),
        mentions=mentions,
        duties=duties,
    )


def _agencies(d: Document) -> Iterator[AgencyRow]:
    for body in bodies(d):
        for a, appendix in enumerate(body.appendices):
            for r, row in enumerate(appendix.rows):
                for role, refs in (("lead", row.lead), ("coordinating", row.coordinating)):
                    for i, ref in enumerate(refs):
                        yield _agency_row(d.id, role, Where(body.part, None, a, r), i, ref)
    for i, assignment in enumerate(d.assignments):  # read from the document's own tree
        where = Where(OWN_TEXT, _path(assignment.section_path))
        yield _agency_row(d.id, "assigned", where, i, assignment.agency, 1, len(assignment.duties))
    for i, mention in enumerate(d.entities.agencies):  # counted over the whole record
        yield _agency_row(d.id, "mentioned", Where(None), i, mention, mention.count)


def _heritage(d: Document) -> Iterator[HeritageRow]:
    for i, h in enumerate(d.entities.heritage):
        names = _copied(h, "raw", "name_vi", "name_en", "category", "year")
        yield HeritageRow(doc_id=d.id, idx=i, heritage_id=h.id, **names, mentions=h.count)


def _partners(d: Document) -> Iterator[PartnerRow]:
    for i, p in enumerate(d.entities.partners):
        names = _copied(p, "raw", "name", "country", "kind")
        yield PartnerRow(doc_id=d.id, idx=i, **names, mentions=p.count)


def _links(doc: Document) -> Iterator[tuple[str, Where, list[PillarMatch]]]:
    for body in bodies(doc):
        for section in walk_sections(body.sections):
            if section.pillars:
                yield "section", Where(body.part, _path(section.path)), section.pillars
        for a, appendix in enumerate(body.appendices):
            for r, row in enumerate(appendix.rows):
                if row.pillars:
                    yield "row", Where(body.part, None, a, r), row.pillars
    if doc.article is not None and doc.article.pillars:
        yield "article", Where(OWN_TEXT), doc.article.pillars


def _pillar_links(d: Document) -> Iterator[PillarLinkRow]:
    names = {p.id: p for p in catalog().pillars}
    for unit, where, matches in _links(d):
        for rank, m in enumerate(matches, start=1):
            pillar = names.get(m.id)
            kind, name_vi, name_en = (
                (pillar.kind, pillar.name_vi, pillar.name_en) if pillar else (None, None, None)
            )
            yield PillarLinkRow(
                doc_id=d.id,
                unit=unit,
                **where._asdict(),
                pillar_id=m.id,
                pillar_kind=kind,
                pillar_name_vi=name_vi,
                pillar_name_en=name_en,
                rank=rank,
                score=m.score,
                terms="; ".join(m.terms),
            )


def build_tables(docs: Sequence[Document], copies: dict[str, int] | None = None) -> list[Table]:
    """Every export table of `docs` (one record per document, in output order)."""
    counts = copies or {}
    return [
        Table(DocumentRow, tuple(_document_row(d, counts.get(d.id, 1)) for d in docs)),
        Table(PartRow, tuple(r for d in docs for r in _parts(d))),
        Table(LegalBasisRow, tuple(r for d in docs for r in _legal_bases(d))),
        Table(SectionRow, tuple(r for d in docs for r in _sections(d))),
        Table(TaskRow, tuple(r for d in docs for r in _task_rows(d))),
        Table(AgencyRow, tuple(r for d in docs for r in _agencies(d))),
        Table(HeritageRow, tuple(r for d in docs for r in _heritage(d))),
        Table(PartnerRow, tuple(r for d in docs for r in _partners(d))),
        Table(PillarLinkRow, tuple(r for d in docs for r in _pillar_links(d))),
    ]
