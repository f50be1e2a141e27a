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
from typing import Any

from vnplan.outputs.bodies import bodies, walk
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
from vnplan.schema import AgencyRef, AppendixRow, Document, PillarMatch

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


def _path(path: Sequence[str]) -> str:
    return "/".join(path)


def _document_row(d: Document, copies: int) -> DocumentRow:
    article, period, signer, province, issuer = d.article, d.period, d.signer, d.province, d.issuer
    return DocumentRow(
        doc_id=d.id,
        kind=d.kind,
        title=d.title,
        subject=d.subject,
        doc_type=d.doc_type,
        doc_number=d.doc_number,
        issued_date=d.issued_date,
        draft=d.draft,
        place=d.place,
        province=province.name if province else None,
        province_code=province.code if province else None,
        province_2025=province.name_2025 if province else None,
        issuer=issuer.raw if issuer else None,
        issuer_id=issuer.id if issuer else None,
        issuer_name=issuer.name if issuer else None,
        signer_name=signer.name if signer else None,
        signer_position=signer.position if signer else None,
        period_start=period.start_year if period else None,
        period_end=period.end_year if period else None,
        period_vision=period.vision_year if period else None,
        published=article.published if article else None,
        publisher=article.publisher if article else None,
        author=article.author if article else None,
        about_doc_number=article.about.doc_number if article else None,
        about_issued_date=article.about.issued_date if article else None,
        source_uri=d.source.uri,
        source_format=d.source.format,
        source_sha256=d.source.sha256,
        source_pages=d.source.pages,
        ocr=d.source.ocr,
        copies=copies,
        warnings=len(d.warnings),
        extractor_version=d.extractor_version,
    )


def _legal_bases(d: Document) -> Iterator[LegalBasisRow]:
    for i, b in enumerate(d.legal_basis):
        yield LegalBasisRow(
            doc_id=d.id,
            idx=i,
            raw=b.raw,
            doc_type=b.doc_type,
            doc_number=b.doc_number,
            date=b.date,
            issuer=b.issuer,
        )


def _parts(d: Document) -> Iterator[PartRow]:
    for n, part in enumerate(d.parts, start=1):
        yield PartRow(
            doc_id=d.id,
            part=n,
            doc_type=part.doc_type,
            title=part.title,
            subject=part.subject,
            caption=part.caption,
            sections=sum(1 for _ in walk(part.sections)),
            task_rows=sum(len(a.rows) for a in part.appendices),
            signer_name=part.signer.name if part.signer else None,
        )


def _sections(d: Document) -> Iterator[SectionRow]:
    units = ((body.part, s) for body in bodies(d) for s in walk(body.sections))
    for i, (part, s) in enumerate(units):
        yield SectionRow(
            doc_id=d.id,
            part=part,
            path=_path(s.path),
            parent_path=_path(s.path[:-1]) or None,
            depth=len(s.path),
            ordinal=i,
            number=s.number,
            title=s.title,
            role=s.role,
            text=s.text,
            page=s.page,
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
        group_title=row.group_title,
        stt=row.stt,
        content=row.content,
        timeline=timeline.raw if timeline else None,
        timeline_years=";".join(map(str, timeline.years)) if timeline else None,
        recurrence=timeline.recurrence if timeline else None,
        note=row.note,
        pages=";".join(map(str, row.pages)) or None,
    )


Where = tuple[int | None, int | None, int | None, str | None]  # part, appendix, row, section


def _agency_row(
    doc_id: str,
    role: str,
    where: Where,
    position: int,
    agency: AgencyRef,
    mentions: int = 1,
    duties: int | None = None,
) -> AgencyRow:
    part, appendix_idx, row_idx, section_path = where
    return AgencyRow(
        doc_id=doc_id,
        role=role,
        part=part,
        appendix_idx=appendix_idx,
        row_idx=row_idx,
        section_path=section_path,
        position=position,
        raw=agency.raw,
        agency_id=agency.id,
        name=agency.name,
        level=agency.level,
        province=agency.province,
        mentions=mentions,
        duties=duties,
    )


def _agencies(d: Document) -> Iterator[AgencyRow]:
    for body in bodies(d):
        for a, appendix in enumerate(body.appendices):
            for r, row in enumerate(appendix.rows):
                for role, refs in (("lead", row.lead), ("coordinating", row.coordinating)):
                    for i, ref in enumerate(refs):
                        yield _agency_row(d.id, role, (body.part, a, r, None), i, ref)
    for i, assignment in enumerate(d.assignments):  # read from the document's own tree
        where: Where = (OWN_TEXT, None, None, _path(assignment.section_path))
        yield _agency_row(d.id, "assigned", where, i, assignment.agency, 1, len(assignment.duties))
    for i, mention in enumerate(d.entities.agencies):  # counted over the whole record
        whole: Where = (None, None, None, None)
        yield _agency_row(d.id, "mentioned", whole, i, mention, mention.count)


def _heritage(d: Document) -> Iterator[HeritageRow]:
    for i, h in enumerate(d.entities.heritage):
        yield HeritageRow(
            doc_id=d.id,
            idx=i,
            raw=h.raw,
            heritage_id=h.id,
            name_vi=h.name_vi,
            name_en=h.name_en,
            category=h.category,
            year=h.year,
            mentions=h.count,
        )


def _partners(d: Document) -> Iterator[PartnerRow]:
    for i, p in enumerate(d.entities.partners):
        yield PartnerRow(
            doc_id=d.id,
            idx=i,
            raw=p.raw,
            name=p.name,
            country=p.country,
            kind=p.kind,
            mentions=p.count,
        )


Link = tuple[str, int, str | None, int | None, int | None, list[PillarMatch]]


def _links(doc: Document) -> Iterator[Link]:
    for body in bodies(doc):
        for section in walk(body.sections):
            if section.pillars:
                yield "section", body.part, _path(section.path), None, None, section.pillars
        for a, appendix in enumerate(body.appendices):
            for r, row in enumerate(appendix.rows):
                if row.pillars:
                    yield "row", body.part, None, a, r, row.pillars
    if doc.article is not None and doc.article.pillars:
        yield "article", OWN_TEXT, None, None, None, doc.article.pillars


def _pillar_links(d: Document) -> Iterator[PillarLinkRow]:
    names = {p.id: p for p in catalog().pillars}
    for unit, part, path, a, r, matches in _links(d):
        for rank, m in enumerate(matches, start=1):
            pillar = names.get(m.id)
            yield PillarLinkRow(
                doc_id=d.id,
                unit=unit,
                part=part,
                section_path=path,
                appendix_idx=a,
                row_idx=r,
                pillar_id=m.id,
                pillar_kind=pillar.kind if pillar else None,
                pillar_name_vi=pillar.name_vi if pillar else None,
                pillar_name_en=pillar.name_en if pillar else None,
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
