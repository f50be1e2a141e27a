"""Schema v1: the one record vnplan writes per input document.

Field names are a contract read by other tools; add fields, never rename them.
Every model forbids unknown fields so a typo in producer code fails loudly.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from vnplan.formats import RecordFormat

SCHEMA_VERSION: Literal["1"] = "1"

SectionRole = Literal[
    "purpose",
    "requirements",
    "objectives",
    "tasks",
    "budget",
    "implementation",
    "appendix",
    "other",
]
Recurrence = Literal["annual", "regular", "once"]
AgencyLevel = Literal[
    "central", "province", "district", "commune", "party", "mass_organisation", "media", "group"
]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=True)


class AgencyRef(Model):
    """An agency as written (`raw`) and, once normalized, which agency it is."""

    raw: str
    id: str | None = None
    name: str | None = None
    level: AgencyLevel | None = None
    province: str | None = None
    successor_ids: list[str] = Field(default_factory=list)


class AgencyMention(AgencyRef):
    count: int = 1


class Source(Model):
    uri: str
    format: RecordFormat
    sha256: str
    pages: int | None = None
    ocr: bool = False
    fetched_at: dt.datetime | None = None
    found_on: str | None = Field(
        default=None, description="The page a fetched attachment was linked from."
    )
    final_url: str | None = Field(
        default=None,
        description="The URL the bytes came from, after redirects (fetched inputs only).",
    )


class Province(Model):
    name: str
    code: str | None = None
    name_2025: str | None = None


class Signer(Model):
    name: str | None = None
    position: str | None = None
    on_behalf_of: str | None = None


class Period(Model):
    start_year: int | None = None
    end_year: int | None = None
    vision_year: int | None = None


class LegalBasis(Model):
    raw: str
    doc_type: str | None = None
    doc_number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None


class PillarMatch(Model):
    """A link from a section or task row to a pillar of the national strategy, with its evidence."""

    id: str
    score: float
    terms: list[str] = Field(default_factory=list)


class Section(Model):
    number: str
    path: list[str]
    title: str
    text: str = ""
    role: SectionRole = "other"
    children: list[Section] = Field(default_factory=list)
    page: int | None = None
    pillars: list[PillarMatch] = Field(default_factory=list)


class Timeline(Model):
    raw: str
    years: list[int] = Field(default_factory=list)
    recurrence: Recurrence | None = None


class AppendixRow(Model):
    group: str | None = None
    group_title: str | None = None
    stt: str | None = None
    content: str
    lead: list[AgencyRef] = Field(default_factory=list)
    coordinating: list[AgencyRef] = Field(default_factory=list)
    timeline: Timeline | None = None
    note: str | None = None
    pages: list[int] = Field(default_factory=list)
    pillars: list[PillarMatch] = Field(default_factory=list)


class Appendix(Model):
    title: str
    caption: str | None = None
    columns: list[str]
    rows: list[AppendixRow] = Field(default_factory=list)


class Assignment(Model):
    agency: AgencyRef
    section_path: list[str]
    duties: list[str] = Field(default_factory=list)


class HeritageRef(Model):
    raw: str
    id: str | None = None
    name_en: str | None = None
    name_vi: str | None = None
    category: str | None = None
    year: int | None = None
    count: int = 1


class PartnerRef(Model):
    raw: str
    name: str | None = None
    country: str | None = None
    kind: str | None = None
    count: int = 1


class Entities(Model):
    agencies: list[AgencyMention] = Field(default_factory=list)
    heritage: list[HeritageRef] = Field(default_factory=list)
    partners: list[PartnerRef] = Field(default_factory=list)


class PlanRef(Model):
    """The plan a news article reports on."""

    doc_number: str | None = None
    issued_date: dt.date | None = None
    province: str | None = None


class Article(Model):
    published: dt.date | None = None
    author: str | None = None
    publisher: str | None = None
    main_text: str
    about: PlanRef = Field(default_factory=PlanRef)
    pillars: list[PillarMatch] = Field(default_factory=list)


class Warning(Model):
    code: str
    message: str
    where: str | None = None


class Document(Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    id: str
    kind: Literal["plan", "news"]
    source: Source
    title: str | None = None
    doc_type: str | None = None
    doc_number: str | None = None
    issued_date: dt.date | None = None
    place: str | None = None
    province: Province | None = None
    issuer: AgencyRef | None = None
    signer: Signer | None = None
    period: Period | None = None
    legal_basis: list[LegalBasis] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    appendices: list[Appendix] = Field(default_factory=list)
    assignments: list[Assignment] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    closing: str | None = Field(
        default=None, description="The closing paragraphs after the last section (Trên đây là …)."
    )
    entities: Entities = Field(default_factory=Entities)
    article: Article | None = None
    warnings: list[Warning] = Field(default_factory=list)
    extractor_version: str = Field(
        description="vnplan version that wrote the record; re-runs redo other versions' records."
    )

    def iter_sections(self) -> list[Section]:
        """All sections, depth first, in document order."""
        out: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
        return out


class ErrorRecord(Model):
    """One line of `errors.jsonl`: an input vnplan could not turn into a record."""

    input: str
    code: str
    message: str
    extractor_version: str
