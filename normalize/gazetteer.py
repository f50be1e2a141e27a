"""Gazetteer entries (frozen dataclasses) read once from the data files."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any, TypeVar, cast

from vnplan.schema.models import AgencyLevel

from .data import load

E = TypeVar("E")


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

    @property
    def successor_ids(self) -> tuple[str, ...]:
        return self.successor.ids if self.successor else ()

    @property
    def local(self) -> bool:
        """One such body per province (its mentions take the record's province)."""
        return self.scope == "local"


@dataclass(frozen=True, slots=True)
class Heritage:
    id: str
    category: str
    list: str
    name_en: str | None
    name_vi: str
    variants: tuple[str, ...]
    context_variants: tuple[str, ...]
    context_cues: tuple[str, ...]
    ocr_variants: tuple[str, ...]
    year: int | None
    provinces: tuple[str, ...]


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


@dataclass(frozen=True, slots=True)
class Partner:
    name: str
    name_en: str
    country: str | None
    kind: str
    variants: tuple[str, ...]
    ocr_variants: tuple[str, ...]
    exclude_next: tuple[str, ...]
    exclude_prev: tuple[str, ...]
    bare: bool


def _successor(raw: dict[str, Any] | None) -> Successor | None:
    if not raw:
        return None
    return Successor(tuple(raw["ids"]), raw["from"], raw["instrument"], raw["note"])


@cache
def agencies() -> dict[str, Agency]:
    return {
        a["id"]: Agency(
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
        )
        for a in load("agencies")["agencies"]
    }


@cache
def agency_rules() -> dict[str, tuple[str, ...]]:
    """The word lists of agencies.json: heads, group_nouns, not_agencies, trailing, ..."""
    data = load("agencies")
    keys = ("heads", "group_nouns", "not_agencies", "unsafe_abbreviations", "trailing")
    return {k: tuple(data[k]) for k in keys}


def _entry(cls: type[E], record: dict[str, Any]) -> E:
    """A gazetteer entry from its data-file record: the dataclass's fields, lists as tuples."""
    values = {f.name: record[f.name] for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in values.items()})


@cache
def heritage() -> dict[str, Heritage]:
    return {h["id"]: _entry(Heritage, h) for h in load("heritage")["items"]}


@cache
def heritage_cues() -> tuple[str, ...]:
    return tuple(load("heritage")["meta"]["default_cues"])


@cache
def provinces() -> dict[str, ProvinceEntry]:
    """Pre-2025 provinces by name."""
    return {p["name"]: _entry(ProvinceEntry, p) for p in load("provinces")["provinces"]}


@cache
def partners() -> dict[str, Partner]:
    """Partners by canonical Vietnamese name."""
    return {p["name"]: _entry(Partner, p) for p in load("partners")["partners"]}


@cache
def person_words() -> tuple[str, ...]:
    """Words before a one-word name that make it a person's name ("chị Nga")."""
    return tuple(load("partners")["meta"]["person_words"])


@cache
def ocr_repairs() -> tuple[dict[str, str], ...]:
    return tuple(dict(r) for r in load("ocr_repairs")["repairs"])
