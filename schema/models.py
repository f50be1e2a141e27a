"""Schema v1: the one record vnplan writes per input document.

Field names are a contract read by other tools; add fields, never rename them.
Every model forbids unknown fields so a typo in producer code fails loudly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from vnplan.formats import RecordFormat

SCHEMA_VERSION: Literal["1.1"] = "1.1"  # 1.1 adds to 1; a record of either validates

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
    "central", "province", "district", "commune", "party", "mass_organisation", "media", "group",
    "town", "city", "ward", "other",
]
Generation = Literal["before_2025", "from_2025"]
T = TypeVar("T")


def new(make: Callable[[], T]) -> Callable[[], T]:
    """A field's default factory as a Python function: pydantic reads every factory's signature
    when it builds a model, and a class's (`list`'s text signature, a model's fields) costs
    about a tenth of building the 24 models; a function's is read from its code."""

    def default() -> T:
        return make()

    return default


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, validate_assignment=True)


class Written(Model):
    """Something a document names, kept as written (`raw`) beside what it is read as."""

    raw: str


class AgencyRef(Written):
    """An agency as written (`raw`) and, once normalized, which agency it is."""

    id: str | None = None
    name: str | None = None
    level: AgencyLevel | None = None
    province: str | None = None
    successor_ids: list[str] = Field(default_factory=new(list))
    place: str | None = Field(
        default=None,
        description="The unit a local body is named for: \"Tiên Du\" in \"UBND huyện Tiên Du\".",
    )
    predecessor_ids: list[str] = Field(
        default_factory=new(list), description="The bodies a body created in 2025 took over."
    )
    generation: Generation | None = Field(
        default=None,
        description=(
            "before_2025: a body the 2025 reorganisation replaced; from_2025: one it created."
        ),
    )


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
    """A signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Ngọc Phúc"."""

    name: str | None = None
    position: str | None = Field(default=None, description="The first position line.")
    on_behalf_of: str | None = Field(default=None, description="The body after TM. (T/M.).")
    authority: list[str] = Field(
        default_factory=new(list),
        description="The TM./KT./TL./TUQ./Q. lines in order: TM. Ủy ban nhân dân, KT. Chủ tịch.",
    )
    positions: list[str] = Field(
        default_factory=new(list),
        description="Every position line under them, the first one first.",
    )
    rank: str | None = Field(default=None, description="A rank or title printed before the name.")


class Period(Model):
    start_year: int | None = None
    end_year: int | None = None
    vision_year: int | None = None


class LegalBasis(Written):
    doc_type: str | None = None
    doc_number: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    name: str | None = Field(
        default=None, description="The name a law, code or ordinance is cited by (Luật Đầu tư)."
    )


class PillarMatch(Model):
    """A link from a section or task row to a pillar of the national strategy, with its evidence."""

    id: str
    score: float
    terms: list[str] = Field(default_factory=new(list))


class Section(Model):
    number: str
    path: list[str]
    title: str
    text: str = ""
    role: SectionRole = "other"
    children: list[Section] = Field(default_factory=new(list))
    page: int | None = None
    pillars: list[PillarMatch] = Field(default_factory=new(list))


class Timeline(Written):
    years: list[int] = Field(default_factory=new(list))
    recurrence: Recurrence | None = None


class AppendixRow(Model):
    group: str | None = None
    group_title: str | None = None
    stt: str | None = None
    content: str
    lead: list[AgencyRef] = Field(default_factory=new(list))
    coordinating: list[AgencyRef] = Field(default_factory=new(list))
    timeline: Timeline | None = None
    note: str | None = None
    product: str | None = Field(default=None, description="What the task delivers (Sản phẩm).")
    pages: list[int] = Field(default_factory=new(list))
    pillars: list[PillarMatch] = Field(default_factory=new(list))


class Appendix(Model):
    """A data table: an appendix or annex table, or a table in the body (`in_appendix` false).
    A task table's rows are `rows`; any other table keeps its cells in `cells`."""

    title: str
    caption: str | None = None
    columns: list[str]
    rows: list[AppendixRow] = Field(default_factory=new(list))
    kind: Literal["task", "table"] = Field(
        default="task", description="task: a table that assigns work; table: any other."
    )
    cells: list[list[str]] = Field(
        default_factory=new(list), description="The data rows of a table that is not a task table."
    )
    in_appendix: bool = Field(default=True, description="In an appendix, not in the body.")
    section_path: list[str] = Field(
        default_factory=new(list), description="The body section a body table stands in."
    )


class Part(Model):
    """A document issued with this one ("ban hành kèm theo Quyết định này"): a Quy chế, Quy
    định, Điều lệ, Kế hoạch … with its own title, section tree (numbering restarting) and
    tables."""

    doc_type: str | None = None
    title: str | None = None
    subject: str | None = None
    caption: str | None = Field(
        default=None, description='The line that attaches it: "(Kèm theo Quyết định số …)".'
    )
    sections: list[Section] = Field(default_factory=new(list))
    appendices: list[Appendix] = Field(default_factory=new(list))
    signer: Signer | None = None


class Assignment(Model):
    agency: AgencyRef
    section_path: list[str]
    duties: list[str] = Field(default_factory=new(list))


class HeritageRef(Written):
    id: str | None = None
    name_en: str | None = None
    name_vi: str | None = None
    category: str | None = None
    year: int | None = None
    count: int = 1


class PartnerRef(Written):
    name: str | None = None
    country: str | None = None
    kind: str | None = None
    count: int = 1
    iso_3166_2: str | None = Field(default=None, description="The subdivision's ISO 3166-2 code.")


class Entities(Model):
    agencies: list[AgencyMention] = Field(default_factory=new(list))
    heritage: list[HeritageRef] = Field(default_factory=new(list))
    partners: list[PartnerRef] = Field(default_factory=new(list))


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
    about: PlanRef = Field(default_factory=new(PlanRef))
    pillars: list[PillarMatch] = Field(default_factory=new(list))


class Warning(Model):
    code: str
    message: str
    where: str | None = None


class Document(Model):
    schema_version: Literal["1", "1.1"] = SCHEMA_VERSION
    id: str
    kind: Literal["plan", "news", "document"] = Field(
        description="plan: a Kế hoạch (or a Chương trình, Phương án, Đề án assigning tasks); "
        "news: an article; document: every other administrative or normative document."
    )
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
    legal_basis: list[LegalBasis] = Field(default_factory=new(list))
    sections: list[Section] = Field(default_factory=new(list))
    appendices: list[Appendix] = Field(default_factory=new(list))
    assignments: list[Assignment] = Field(default_factory=new(list))
    recipients: list[str] = Field(default_factory=new(list))
    closing: str | None = Field(
        default=None, description="The closing paragraphs after the last section (Trên đây là …)."
    )
    entities: Entities = Field(default_factory=new(Entities))
    article: Article | None = None
    warnings: list[Warning] = Field(default_factory=new(list))
    subject: str | None = Field(
        default=None, description="The subject (trích yếu) as printed, without the type word."
    )
    issuer_parent: AgencyRef | None = Field(
        default=None, description="The body the issuer belongs to (the header line above it)."
    )
    co_issuers: list[AgencyRef] = Field(
        default_factory=new(list), description="The other issuers of a joint document."
    )
    signers: list[Signer] = Field(
        default_factory=new(list), description="Every signature block of a joint document."
    )
    addressees: list[AgencyRef] = Field(
        default_factory=new(list), description='Who a letter is sent to ("Kính gửi:").'
    )
    draft: bool = Field(default=False, description="The document says DỰ THẢO.")
    parts: list[Part] = Field(
        default_factory=new(list), description="The documents it issues, each with its own tree."
    )
    marks: list[str] = Field(
        default_factory=new(list), description="Urgency and confidentiality marks (KHẨN, MẬT …)."
    )
    extractor_version: str = Field(
        description="vnplan version that wrote the record; re-runs redo other versions' records."
    )

    def iter_sections(self) -> list[Section]:
        """All sections of its own text, depth first, in document order."""
        return walk_sections(self.sections)


def walk_sections(sections: Sequence[Section]) -> list[Section]:
    """Every section of a tree, depth first, in document order."""
    out: list[Section] = []
    stack = list(reversed(sections))
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
