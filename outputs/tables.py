"""The records as relational tables that join on document id + section path / row index.

documents      one row per document (key: doc_id)
legal_bases    the documents a plan cites (doc_id, idx)
sections       every section (doc_id, path "III/2/2.1"; ordinal = document order)
appendix_rows  every appendix task row (doc_id, appendix_idx, row_idx)
agencies       every agency in a row's lead/coordinating cell, every assignee of the
               implementation part, every mention counted by the normalizer (role says which)
heritage       UNESCO heritage named (doc_id, idx)
partners       foreign partners named (doc_id, idx)
pillars        every pillar link of a section, a row or a news article (unit says which)

Rows come in document order; tables, in the order above; so the same records always give the
same tables.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from vnplan.align import load_pillars
from vnplan.schema import AgencyRef, Document, PillarMatch

ColumnType = Literal["text", "integer", "real", "date", "boolean"]
Value = str | int | float | bool | dt.date | None
Row = tuple[Value, ...]


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, ColumnType], ...]
    key: tuple[str, ...]
    rows: tuple[Row, ...]
    primary: bool = False

    @property
    def column_names(self) -> list[str]:
        return [name for name, _ in self.columns]


def _path(path: Sequence[str]) -> str:
    return "/".join(path)


def _documents(docs: Sequence[Document], copies: dict[str, int]) -> Table:
    rows: list[Row] = []
    for d in docs:
        article, period, signer = d.article, d.period, d.signer
        rows.append(
            (
                d.id,
                d.kind,
                d.title,
                d.doc_type,
                d.doc_number,
                d.issued_date,
                d.place,
                d.province.name if d.province else None,
                d.province.code if d.province else None,
                d.province.name_2025 if d.province else None,
                d.issuer.raw if d.issuer else None,
                d.issuer.id if d.issuer else None,
                d.issuer.name if d.issuer else None,
                signer.name if signer else None,
                signer.position if signer else None,
                period.start_year if period else None,
                period.end_year if period else None,
                period.vision_year if period else None,
                article.published if article else None,
                article.publisher if article else None,
                article.author if article else None,
                article.about.doc_number if article else None,
                article.about.issued_date if article else None,
                d.source.uri,
                d.source.format,
                d.source.sha256,
                d.source.pages,
                d.source.ocr,
                copies.get(d.id, 1),
                len(d.warnings),
                d.extractor_version,
            )
        )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("kind", "text"),
        ("title", "text"),
        ("doc_type", "text"),
        ("doc_number", "text"),
        ("issued_date", "date"),
        ("place", "text"),
        ("province", "text"),
        ("province_code", "text"),
        ("province_2025", "text"),
        ("issuer", "text"),
        ("issuer_id", "text"),
        ("issuer_name", "text"),
        ("signer_name", "text"),
        ("signer_position", "text"),
        ("period_start", "integer"),
        ("period_end", "integer"),
        ("period_vision", "integer"),
        ("published", "date"),
        ("publisher", "text"),
        ("author", "text"),
        ("about_doc_number", "text"),
        ("about_issued_date", "date"),
        ("source_uri", "text"),
        ("source_format", "text"),
        ("source_sha256", "text"),
        ("source_pages", "integer"),
        ("ocr", "boolean"),
        ("copies", "integer"),
        ("warnings", "integer"),
        ("extractor_version", "text"),
    )
    return Table("documents", columns, ("doc_id",), tuple(rows), primary=True)


def _legal_bases(docs: Sequence[Document]) -> Table:
    rows = tuple(
        (d.id, i, b.raw, b.doc_type, b.doc_number, b.date, b.issuer)
        for d in docs
        for i, b in enumerate(d.legal_basis)
    )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("idx", "integer"),
        ("raw", "text"),
        ("doc_type", "text"),
        ("doc_number", "text"),
        ("date", "date"),
        ("issuer", "text"),
    )
    return Table("legal_bases", columns, ("doc_id", "idx"), rows)


def _sections(docs: Sequence[Document]) -> Table:
    rows = tuple(
        (
            d.id,
            _path(s.path),
            _path(s.path[:-1]) or None,
            len(s.path),
            i,
            s.number,
            s.title,
            s.role,
            s.text,
            s.page,
        )
        for d in docs
        for i, s in enumerate(d.iter_sections())
    )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("path", "text"),
        ("parent_path", "text"),
        ("depth", "integer"),
        ("ordinal", "integer"),
        ("number", "text"),
        ("title", "text"),
        ("role", "text"),
        ("text", "text"),
        ("page", "integer"),
    )
    return Table("sections", columns, ("doc_id", "path"), rows)


def _appendix_rows(docs: Sequence[Document]) -> Table:
    rows = tuple(
        (
            d.id,
            a,
            r,
            row.group,
            row.group_title,
            row.stt,
            row.content,
            row.timeline.raw if row.timeline else None,
            ";".join(str(y) for y in row.timeline.years) if row.timeline else None,
            row.timeline.recurrence if row.timeline else None,
            row.note,
            ";".join(str(p) for p in row.pages) or None,
        )
        for d in docs
        for a, appendix in enumerate(d.appendices)
        for r, row in enumerate(appendix.rows)
    )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("appendix_idx", "integer"),
        ("row_idx", "integer"),
        ("group_no", "text"),
        ("group_title", "text"),
        ("stt", "text"),
        ("content", "text"),
        ("timeline", "text"),
        ("timeline_years", "text"),
        ("recurrence", "text"),
        ("note", "text"),
        ("pages", "text"),
    )
    return Table("appendix_rows", columns, ("doc_id", "appendix_idx", "row_idx"), rows)


def _agency_row(
    doc_id: str,
    role: str,
    where: tuple[int | None, int | None, str | None],
    position: int,
    agency: AgencyRef,
    mentions: int = 1,
    duties: int | None = None,
) -> Row:
    appendix_idx, row_idx, section_path = where
    return (
        doc_id,
        role,
        appendix_idx,
        row_idx,
        section_path,
        position,
        agency.raw,
        agency.id,
        agency.name,
        agency.level,
        agency.province,
        mentions,
        duties,
    )


def _agencies(docs: Sequence[Document]) -> Table:
    rows: list[Row] = []
    for d in docs:
        for a, appendix in enumerate(d.appendices):
            for r, row in enumerate(appendix.rows):
                for role, refs in (("lead", row.lead), ("coordinating", row.coordinating)):
                    rows.extend(
                        _agency_row(d.id, role, (a, r, None), i, ref) for i, ref in enumerate(refs)
                    )
        for i, assignment in enumerate(d.assignments):
            where = (None, None, _path(assignment.section_path))
            duties = len(assignment.duties)
            rows.append(_agency_row(d.id, "assigned", where, i, assignment.agency, 1, duties))
        for i, mention in enumerate(d.entities.agencies):
            rows.append(
                _agency_row(d.id, "mentioned", (None, None, None), i, mention, mention.count)
            )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("role", "text"),
        ("appendix_idx", "integer"),
        ("row_idx", "integer"),
        ("section_path", "text"),
        ("position", "integer"),
        ("raw", "text"),
        ("agency_id", "text"),
        ("name", "text"),
        ("level", "text"),
        ("province", "text"),
        ("mentions", "integer"),
        ("duties", "integer"),
    )
    return Table(
        "agencies", columns, ("doc_id", "appendix_idx", "row_idx", "section_path"), tuple(rows)
    )


def _heritage(docs: Sequence[Document]) -> Table:
    rows = tuple(
        (d.id, i, h.raw, h.id, h.name_vi, h.name_en, h.category, h.year, h.count)
        for d in docs
        for i, h in enumerate(d.entities.heritage)
    )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("idx", "integer"),
        ("raw", "text"),
        ("heritage_id", "text"),
        ("name_vi", "text"),
        ("name_en", "text"),
        ("category", "text"),
        ("year", "integer"),
        ("mentions", "integer"),
    )
    return Table("heritage", columns, ("doc_id", "idx"), rows)


def _partners(docs: Sequence[Document]) -> Table:
    rows = tuple(
        (d.id, i, p.raw, p.name, p.country, p.kind, p.count)
        for d in docs
        for i, p in enumerate(d.entities.partners)
    )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("idx", "integer"),
        ("raw", "text"),
        ("name", "text"),
        ("country", "text"),
        ("kind", "text"),
        ("mentions", "integer"),
    )
    return Table("partners", columns, ("doc_id", "idx"), rows)


def _links(
    doc: Document,
) -> Iterable[tuple[str, str | None, int | None, int | None, list[PillarMatch]]]:
    for section in doc.iter_sections():
        if section.pillars:
            yield "section", _path(section.path), None, None, section.pillars
    for a, appendix in enumerate(doc.appendices):
        for r, row in enumerate(appendix.rows):
            if row.pillars:
                yield "row", None, a, r, row.pillars
    if doc.article is not None:
        yield "article", None, None, None, doc.article.pillars


def _pillars(docs: Sequence[Document]) -> Table:
    catalog = {p.id: p for p in load_pillars()}
    rows: list[Row] = []
    for d in docs:
        for unit, path, a, r, matches in _links(d):
            for rank, m in enumerate(matches, start=1):
                pillar = catalog.get(m.id)
                rows.append(
                    (
                        d.id,
                        unit,
                        path,
                        a,
                        r,
                        m.id,
                        pillar.kind if pillar else None,
                        pillar.name_vi if pillar else None,
                        pillar.name_en if pillar else None,
                        rank,
                        m.score,
                        "; ".join(m.terms),
                    )
                )
    columns: tuple[tuple[str, ColumnType], ...] = (
        ("doc_id", "text"),
        ("unit", "text"),
        ("section_path", "text"),
        ("appendix_idx", "integer"),
        ("row_idx", "integer"),
        ("pillar_id", "text"),
        ("pillar_kind", "text"),
        ("pillar_name_vi", "text"),
        ("pillar_name_en", "text"),
        ("rank", "integer"),
        ("score", "real"),
        ("terms", "text"),
    )
    return Table(
        "pillars", columns, ("doc_id", "section_path", "appendix_idx", "row_idx"), tuple(rows)
    )


def build_tables(docs: Sequence[Document], copies: dict[str, int] | None = None) -> list[Table]:
    """Every export table of `docs` (aligned records, in output order)."""
    return [
        _documents(docs, copies or {}),
        _legal_bases(docs),
        _sections(docs),
        _appendix_rows(docs),
        _agencies(docs),
        _heritage(docs),
        _partners(docs),
        _pillars(docs),
    ]
