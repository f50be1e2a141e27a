"""One typed row definition per export table: its fields are the table's columns, in order.

A table's columns (names and SQL/Parquet types) and each row's values come from the same
dataclass, so they cannot drift apart. Field types map to column types: str → text, int →
integer, float → real, bool → boolean, date → date; `X | None` is a nullable X.
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from dataclasses import dataclass, fields
from typing import ClassVar, Literal

ColumnType = Literal["text", "integer", "real", "date", "boolean"]
Value = str | int | float | bool | dt.date | None
Column = tuple[str, ColumnType]

_COLUMN_TYPES: dict[type, ColumnType] = {
    str: "text",
    bool: "boolean",
    int: "integer",
    float: "real",
    dt.date: "date",
}


def _column_type(hint: object) -> ColumnType:
    if isinstance(hint, types.UnionType):
        (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
    if isinstance(hint, type) and hint in _COLUMN_TYPES:
        return _COLUMN_TYPES[hint]
    raise TypeError(f"no column type for {hint!r}")


_COLUMNS: dict[str, tuple[Column, ...]] = {}


def _columns(cls: type[Row]) -> tuple[Column, ...]:
    key = f"{cls.__module__}.{cls.__qualname__}"
    if key not in _COLUMNS:
        hints = typing.get_type_hints(cls)
        _COLUMNS[key] = tuple((f.name, _column_type(hints[f.name])) for f in fields(cls))
    return _COLUMNS[key]


@dataclass(frozen=True, slots=True)
class Row:
    """A row of an export table; subclasses declare the columns as fields."""

    table: ClassVar[str]
    key: ClassVar[tuple[str, ...]]
    primary: ClassVar[bool] = False

    @classmethod
    def columns(cls) -> tuple[Column, ...]:
        return _columns(cls)

    def values(self) -> tuple[Value, ...]:
        return tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class DocumentRow(Row):
    table = "documents"
    key = ("doc_id",)
    primary = True

    doc_id: str
    kind: str
    title: str | None
    subject: str | None
    doc_type: str | None
    doc_number: str | None
    issued_date: dt.date | None
    draft: bool
    place: str | None
    province: str | None
    province_code: str | None
    province_2025: str | None
    issuer: str | None
    issuer_id: str | None
    issuer_name: str | None
    signer_name: str | None
    signer_position: str | None
    period_start: int | None
    period_end: int | None
    period_vision: int | None
    published: dt.date | None
    publisher: str | None
    author: str | None
    about_doc_number: str | None
    about_issued_date: dt.date | None
    source_uri: str
    source_format: str
    source_sha256: str
    source_pages: int | None
    ocr: bool
    copies: int
    warnings: int
    extractor_version: str


@dataclass(frozen=True, slots=True)
class NamedRow(Row):
    """The idx-th thing a document names (a legal basis, a heritage, a partner) as written
    (`raw`), then what it resolves to."""

    key = ("doc_id", "idx")

    doc_id: str
    idx: int
    raw: str


@dataclass(frozen=True, slots=True)
class LegalBasisRow(NamedRow):
    table = "legal_bases"

    doc_type: str | None
    doc_number: str | None
    date: dt.date | None
    issuer: str | None


@dataclass(frozen=True, slots=True)
class PartRow(Row):
    """A document a record's document issues (a Quy chế, a Kế hoạch …): part 1, 2 …"""

    table = "parts"
    key = ("doc_id", "part")
    primary = True

    doc_id: str
    part: int
    doc_type: str | None
    title: str | None
    subject: str | None
    caption: str | None
    sections: int
    task_rows: int
    signer_name: str | None


@dataclass(frozen=True, slots=True)
class SectionRow(Row):
    """A section of the document's own text (part 0) or of a document it issues (part n)."""

    table = "sections"
    key = ("doc_id", "part", "path")

    doc_id: str
    part: int
    path: str
    parent_path: str | None
    depth: int
    ordinal: int
    number: str
    title: str
    role: str
    text: str
    page: int | None


@dataclass(frozen=True, slots=True)
class TaskRow(Row):
    """An appendix task row (appendix_idx counts the tables of its part)."""

    table = "appendix_rows"
    key = ("doc_id", "part", "appendix_idx", "row_idx")

    doc_id: str
    part: int
    appendix_idx: int
    row_idx: int
    group_no: str | None
    group_title: str | None
    stt: str | None
    content: str
    timeline: str | None
    timeline_years: str | None
    recurrence: str | None
    note: str | None
    pages: str | None


@dataclass(frozen=True, slots=True)
class AgencyRow(Row):
    """An agency in a row's lead/coordinating cell, an assignee, or a counted mention (part:
    None, the mentions are counted over the whole record)."""

    table = "agencies"
    key = ("doc_id", "part", "appendix_idx", "row_idx", "section_path")

    doc_id: str
    role: str
    part: int | None
    appendix_idx: int | None
    row_idx: int | None
    section_path: str | None
    position: int
    raw: str
    agency_id: str | None
    name: str | None
    level: str | None
    province: str | None
    mentions: int
    duties: int | None


@dataclass(frozen=True, slots=True)
class HeritageRow(NamedRow):
    table = "heritage"

    heritage_id: str | None
    name_vi: str | None
    name_en: str | None
    category: str | None
    year: int | None
    mentions: int


@dataclass(frozen=True, slots=True)
class PartnerRow(NamedRow):
    table = "partners"

    name: str | None
    country: str | None
    kind: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class PillarLinkRow(Row):
    """A pillar link of a section, an appendix row or a news article (`unit` says which)."""

    table = "pillars"
    key = ("doc_id", "part", "section_path", "appendix_idx", "row_idx")

    doc_id: str
    unit: str
    part: int
    section_path: str | None
    appendix_idx: int | None
    row_idx: int | None
    pillar_id: str
    pillar_kind: str | None
    pillar_name_vi: str | None
    pillar_name_en: str | None
    rank: int
    score: float
    terms: str
