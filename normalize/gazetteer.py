"""The gazetteer: every data file of ``normalize/data`` read into one value.

``load_gazetteer()`` reads the files; ``default_gazetteer()`` is the one loaded for the
process (read once, on first use). Functions that match names take the ``Gazetteer`` they match
against, so a test can build its own and nothing needs clearing. What is derived from the
entries (search indexes, fuzzy-choice tables) is built on first use and kept on the value
(``derived``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any, TypeVar, cast

from vnplan.schema.models import AgencyLevel

E = TypeVar("E")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Successor:
    """Who took over an agency in the 2025 reorganisation, from when, under what."""

    ids: tuple[str, ...]
    start: str
    instrument: str
    note: str


@dataclass(frozen=True, slots=True)
class Agency:
    id: str
    name: str
    name_en: str | None
    level: AgencyLevel
    kind: str
    scope: str
    member_level: str | None
    variants: tuple[str, ...]
    abbreviations: tuple[str, ...]
    province_prefixed: tuple[str, ...]
    local_name: str | None
    successor: Successor | None
    predecessor_ids: tuple[str, ...] = ()
    generation: str | None = None  # "before_2025" (replaced in 2025) or "from_2025" (created)
    start: str | None = None  # the day a body created in 2025 began
    office: bool = False  # an office held by one person ("Thủ tướng Chính phủ")
    numbered: bool = False  # one of a numbered series ("Kho bạc Nhà nước khu vực XVI")
    cased_variants: tuple[str, ...] = ()  # spellings that name it only as capitalised

    @property
    def successor_ids(self) -> tuple[str, ...]:
        return self.successor.ids if self.successor else ()

    @property
    def local(self) -> bool:
        """One such body per province (its mentions take the record's province)."""
        return self.scope == "local"


@dataclass(frozen=True, slots=True)
class AgencyRules:
    """The word lists of agencies.json."""

    heads: tuple[str, ...]
    group_nouns: tuple[str, ...]
    not_agencies: tuple[str, ...]
    unsafe_abbreviations: tuple[str, ...]
    trailing: tuple[str, ...]
    units: dict[str, str]  # local unit word → level ("huyện" → district, "phường" → ward)
    not_heads: tuple[str, ...]
    name_stops: tuple[str, ...]
    surnames: tuple[str, ...]
    person_words: tuple[str, ...]
    organs: tuple[str, ...]  # heads naming a part of a body, never a body alone
    every_level_kinds: tuple[str, ...]  # kinds of body every level has (people's committee …)
    national_places: tuple[str, ...]  # names that close a body's name, like a province's
    word_abbreviations: dict[str, str]  # abbreviated words of names: "QLDA" → "Quản lý dự án"
    company_forms: dict[str, str]  # a company's legal form after "Công ty": "CP" → "cổ phần"


@dataclass(frozen=True, slots=True)
class Heritage:
    """A UNESCO designation in Viet Nam (heritage.json)."""

    id: str  # "whc-<UNESCO property id>", "ich-<element number>", else a slug
    category: str  # world_heritage, intangible_cultural_heritage, biosphere_reserve …
    list: str  # the list within it: cultural, natural, representative, urgent_safeguarding …
    name_en: str | None
    name_vi: str
    variants: tuple[str, ...]  # names that always denote it, in any case
    context_variants: tuple[str, ...]  # names of a place or practice too ("Then", "Hội An")
    context_cues: tuple[str, ...]  # words a sentence needs for those (else heritage_cues)
    ocr_variants: tuple[str, ...]  # damaged spellings seen in scans
    year: int | None  # of its inscription or designation
    provinces: tuple[str, ...]  # where it is, as provinces before 1 July 2025


@dataclass(frozen=True, slots=True)
class ProvinceEntry:
    code: str
    name: str
    type: str
    name_with_type: str
    variants: tuple[str, ...]
    abbreviations: tuple[str, ...]
    bare_name: bool
    unit_2025: str
    name_2025: str

    @property
    def bare_names(self) -> tuple[str, ...]:
        """The name alone ("Lào Cai"), where it is a province's name without "tỉnh"."""
        return (self.name,) if self.bare_name else ()


@dataclass(frozen=True, slots=True)
class Partner:
    """A foreign partner: a country, region or organisation (partners.json), or a foreign
    province or city as Vietnamese texts write it (foreign_places.json)."""

    name: str  # the canonical Vietnamese name
    name_en: str
    country: str | None  # the country it belongs to (itself for a country); None: a world body
    kind: str  # country, region, city or organisation
    variants: tuple[str, ...]
    ocr_variants: tuple[str, ...]  # damaged spellings seen in scans
    exclude_next: tuple[str, ...]  # words after a one-word name that make it none ("Lào Cai")
    exclude_prev: tuple[str, ...]  # words before it that make it none ("tiếng Pháp")
    bare: bool  # whether the name alone names it (not "Anh": only its longer variants do)
    source: str = "partners"  # the data file it comes from
    iso_3166_2: str | None = None  # a first-level subdivision's code

    @property
    def bare_names(self) -> tuple[str, ...]:
        """The name alone, where it names the partner without a cue word."""
        return (self.name,) if self.bare else ()


@dataclass(frozen=True, eq=False)
class Gazetteer:
    agencies: dict[str, Agency]
    agency_rules: AgencyRules
    heritage: dict[str, Heritage]
    heritage_cues: tuple[str, ...]
    provinces: dict[str, ProvinceEntry]  # pre-2025 provinces by name
    partners: dict[str, Partner]  # by canonical Vietnamese name
    person_words: tuple[str, ...]  # words before a one-word name that make it a person's
    partner_rules: dict[str, tuple[str, ...]]  # admin words, country cues of foreign places
    ocr_repairs: tuple[dict[str, str], ...]
    _derived: dict[str, object] = field(default_factory=dict, repr=False)

    def derived(self, name: str, build: Callable[[Gazetteer], T]) -> T:
        """``build(self)``, computed once per gazetteer and kept under ``name``."""
        if name not in self._derived:
            self._derived[name] = build(self)
        return cast(T, self._derived[name])


def _successor(raw: dict[str, Any] | None) -> Successor | None:
    if not raw:
        return None
    return Successor(tuple(raw["ids"]), raw["from"], raw["instrument"], raw["note"])


def _agency(a: dict[str, Any]) -> Agency:
    return Agency(
        id=a["id"],
        name=a["name"],
        name_en=a["name_en"],
        level=cast(AgencyLevel, a["level"]),
        kind=a["kind"],
        scope=a["scope"],
        member_level=a.get("member_level"),
        variants=tuple(a["variants"]),
        abbreviations=tuple(a["abbreviations"]),
        province_prefixed=tuple(a["province_prefixed"]),
        local_name=a["local_name"],
        successor=_successor(a["successor"]),
        predecessor_ids=tuple(a.get("predecessor_ids", ())),
        generation=a.get("generation"),
        start=a.get("from"),
        office=a.get("office", False),
        numbered=a.get("numbered", False),
        cased_variants=tuple(a.get("cased_variants", ())),
    )


def _entry(cls: type[E], record: dict[str, Any]) -> E:
    """A gazetteer entry from its data-file record: the dataclass's fields, lists as tuples."""
    names = [f.name for f in fields(cls) if f.name in record]  # type: ignore[arg-type]
    values = {name: record[name] for name in names}
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


def _read(folder: Traversable, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(folder.joinpath(f"{name}.json").read_text("utf-8"))
    return data


def load_gazetteer(folder: Traversable | None = None) -> Gazetteer:
    """The gazetteer in ``folder`` (default: the data files shipped with vnplan)."""
    where = folder or resources.files("vnplan.normalize").joinpath("data")
    agencies = _read(where, "agencies")
    partners = _read(where, "partners")
    exonyms = _read(where, "foreign_places")
    heritage = _read(where, "heritage")
    rule_keys = (
        "heads", "group_nouns", "not_agencies", "unsafe_abbreviations", "trailing", "not_heads",
        "name_stops", "surnames", "person_words", "organs", "national_places", "every_level_kinds",
    )
    partner_table = {p["name"]: _entry(Partner, p) for p in partners["partners"]}
    for place in exonyms["places"]:
        partner = _entry(Partner, {**place, "source": "foreign_places"})
        partner_table.setdefault(partner.name, partner)
    return Gazetteer(
        agencies={a["id"]: _agency(a) for a in agencies["agencies"]},
        agency_rules=AgencyRules(
            **{k: tuple(agencies[k]) for k in rule_keys}, units=dict(agencies["local_units"]),
            word_abbreviations=dict(agencies["word_abbreviations"]),
            company_forms=dict(agencies["company_forms"]),
        ),
        heritage={h["id"]: _entry(Heritage, h) for h in heritage["items"]},
        heritage_cues=tuple(heritage["meta"]["default_cues"]),
        provinces={
            p["name"]: _entry(ProvinceEntry, p) for p in _read(where, "provinces")["provinces"]
        },
        partners=partner_table,
        person_words=tuple(partners["meta"]["person_words"]),
        partner_rules={k: tuple(v) for k, v in exonyms["rules"].items()},
        ocr_repairs=tuple(dict(r) for r in _read(where, "ocr_repairs")["repairs"]),
    )


@cache
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, read once per process."""
    return load_gazetteer()
