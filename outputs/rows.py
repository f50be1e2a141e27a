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
    kind: str  # plan, document (any other administrative document) or news
    title: str | None
    subject: str | None  # the trích yếu as printed, without the type word
    doc_type: str | None  # Kế hoạch, Quyết định, Công văn …
    doc_number: str | None  # "122/KH-UBND"
    issued_date: dt.date | None
    draft: bool  # the document says DỰ THẢO
    place: str | None  # of the place and date line ("Lào Cai, ngày …")
    province: str | None  # the issuer's (news: the subject's), as before 1 July 2025
    province_code: str | None  # its GSO code
    province_2025: str | None  # the province it belongs to from 1 July 2025
    issuer: str | None  # as printed
    issuer_id: str | None  # the agency gazetteer's id, None for a body it does not list
    issuer_name: str | None  # the canonical name
    signer_name: str | None
    signer_position: str | None  # the first position line ("PHÓ CHỦ TỊCH")
    period_start: int | None  # the years a plan covers ("giai đoạn 2022–2025")
    period_end: int | None
    period_vision: int | None  # "tầm nhìn đến năm 2045"
    published: dt.date | None  # news: the article's date
    publisher: str | None  # news: the site's name
    author: str | None  # news: the byline
    about_doc_number: str | None  # news: the document the article reports on
    about_issued_date: dt.date | None
    source_uri: str
    source_format: str  # pdf, docx (a .doc is read as one), html or txt
    source_sha256: str
    source_pages: int | None
    ocr: bool  # some page was read by OCR
    copies: int  # the records read with this id (the best read is the one kept)
    warnings: int  # the record's warnings (what was repaired, guessed or left out)
    extractor_version: str


@dataclass(frozen=True, slots=True)
class NamedRow(Row):
    """The idx-th thing a document names (a legal basis, a heritage, a partner) as written
    (`raw`), then what it resolves to."""

    key = ("doc_id", "idx")

    doc_id: str
    idx: int  # its order in the record
    raw: str


@dataclass(frozen=True, slots=True)
class LegalBasisRow(NamedRow):
    table = "legal_bases"

    doc_type: str | None  # of the document cited (Luật, Nghị định, Quyết định …)
    doc_number: str | None
    date: dt.date | None  # its date of issue
    issuer: str | None  # who issued it, as cited ("Thủ tướng Chính phủ")


@dataclass(frozen=True, slots=True)
class PartRow(Row):
    """A document a record's document issues (a Quy chế, a Kế hoạch …): part 1, 2 …"""

    table = "parts"
    key = ("doc_id", "part")
    primary = True

    doc_id: str
    part: int  # 1 for the first document issued, 2 for the next …
    doc_type: str | None  # Quy chế, Kế hoạch, Điều lệ …
    title: str | None
    subject: str | None
    caption: str | None  # the line attaching it: "(Kèm theo Quyết định số …)"
    sections: int  # how many sections its tree has
    task_rows: int  # how many appendix task rows
    signer_name: str | None  # where it is signed apart from the document issuing it


@dataclass(frozen=True, slots=True)
class SectionRow(Row):
    """A section of the document's own text (part 0) or of a document it issues (part n)."""

    table = "sections"
    key = ("doc_id", "part", "path")

    doc_id: str
    part: int  # 0: the document's own text; n: the n-th document it issues
    path: str  # the numbers from the top section down ("III/2/2.1")
    parent_path: str | None  # the path of the section it is in, None at the top
    depth: int  # 1 at the top
    ordinal: int  # its place in document order
    number: str  # as printed ("III.", "2.1.", "a)", "Điều 3.")
    title: str
    role: str  # purpose, requirements, objectives, tasks, budget, implementation, other …
    text: str  # its own text, without its subsections
    page: int | None  # where it starts (PDFs)


@dataclass(frozen=True, slots=True)
class TaskRow(Row):
    """An appendix task row (appendix_idx counts the tables of its part)."""

    table = "appendix_rows"
    key = ("doc_id", "part", "appendix_idx", "row_idx")

    doc_id: str
    part: int
    appendix_idx: int  # the table's order in its part
    row_idx: int  # the row's order in its table
    group_no: str | None  # the number of the group row it stands under ("I", "II")
    group_title: str | None  # that group row's title
    stt: str | None  # the row's own number as printed
    content: str  # the task (Nội dung)
    timeline: str | None  # the time cell as printed ("Quý II/2026", "Hằng năm")
    timeline_years: str | None  # the years it names, ";"-separated
    recurrence: str | None  # annual, regular or once
    note: str | None
    pages: str | None  # the pages the row is printed on, ";"-separated (PDFs)


@dataclass(frozen=True, slots=True)
class AgencyRow(Row):
    """An agency in a row's lead/coordinating cell, an assignee, or a counted mention (part:
    None, the mentions are counted over the whole record)."""

    table = "agencies"
    key = ("doc_id", "part", "appendix_idx", "row_idx", "section_path")

    doc_id: str
    role: str  # lead, coordinating, assigned (in the implementation part) or mentioned
    part: int | None
    appendix_idx: int | None  # lead and coordinating: the table …
    row_idx: int | None  # … and its row
    section_path: str | None  # assigned: the section that assigns
    position: int  # its order in the cell, the assignments or the mentions
    raw: str  # as printed
    agency_id: str | None  # the agency gazetteer's id, None for a body it does not list
    name: str | None  # the canonical name
    level: str | None  # central, province, district, commune, party, mass_organisation …
    province: str | None  # a local body's province
    mentions: int  # mentioned: how many times the record names it; else 1
    duties: int | None  # assigned: how many duties the section gives it


@dataclass(frozen=True, slots=True)
class HeritageRow(NamedRow):
    table = "heritage"

    heritage_id: str | None  # "whc-<UNESCO property id>", "ich-<element number>" or a slug
    name_vi: str | None
    name_en: str | None  # the name UNESCO lists it under
    category: str | None  # world_heritage, intangible_cultural_heritage, memory_of_the_world …
    year: int | None  # the year of its inscription or designation
    mentions: int  # how many times the record names it


@dataclass(frozen=True, slots=True)
class PartnerRow(NamedRow):
    table = "partners"

    name: str | None  # the canonical Vietnamese name ("Hàn Quốc", "tỉnh Gyeonggi")
    country: str | None  # the country it belongs to (itself for a country); None: a world body
    kind: str | None  # country, region, city or organisation
    mentions: int  # how many times the record names it


@dataclass(frozen=True, slots=True)
class PillarLinkRow(Row):
    """A pillar link of a section, an appendix row or a news article (`unit` says which)."""

    table = "pillars"
    key = ("doc_id", "part", "section_path", "appendix_idx", "row_idx")

    doc_id: str
    unit: str  # section, row or article
    part: int
    section_path: str | None
    appendix_idx: int | None
    row_idx: int | None
    pillar_id: str  # a pillar of the strategy's catalogue
    pillar_kind: str | None
    pillar_name_vi: str | None
    pillar_name_en: str | None
    rank: int  # 1 for the unit's strongest link
    score: float
    terms: str  # the catalogue's terms found in the unit, "; "-separated
