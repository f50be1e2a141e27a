"""The national strategies and their pillars with the matching settings, one data file each:
``data/pillars.json`` (cultural diplomacy, Quyết định 2013/QĐ-TTg) and ``data/pillars_cchc.json``
(public administration reform 2021–2030, Nghị quyết 76/NQ-CP). A strategy's ``implements``
block says how a document shows it implements the strategy: a cited document number, or a
phrase its title is about."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from vnplan.strategies import Strategy

PillarKind = Literal["objective", "solution"]


@dataclass(frozen=True)
class Pillar:
    """One objective or enabling solution of the strategy, with the words that name it."""

    id: str
    kind: PillarKind
    name_vi: str
    name_en: str
    wording: str
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Cutoffs:
    """Which scores a text unit keeps: at least `threshold` and `relative` × the best, ≤ top_k."""

    threshold: float
    relative: float
    top_k: int


@dataclass(frozen=True)
class Method:
    term_boost: int
    cutoffs: Cutoffs
    max_terms: int
    decimals: int
    section_roles: tuple[str, ...]
    stopwords: frozenset[str]


@dataclass(frozen=True)
class Catalog:
    """One strategy: its decision, pillars, matching settings and what implementing it reads
    like (``cites``: document numbers; ``about``: phrases of a title)."""

    id: str
    strategy: Strategy
    pillars: tuple[Pillar, ...]
    method: Method
    cites: tuple[str, ...]
    about: tuple[str, ...]


FILES = ("pillars.json", "pillars_cchc.json")


def _raw(name: str = FILES[0]) -> dict[str, Any]:
    text = resources.files("vnplan.align").joinpath(f"data/{name}").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _catalog(data: dict[str, Any]) -> Catalog:
    meta = data["meta"]
    return Catalog(
        id=meta["id"],
        strategy=Strategy.from_meta(meta["source"]),
        pillars=_pillars(data),
        method=_method(data),
        cites=tuple(meta["implements"]["cites"]),
        about=tuple(meta["implements"]["about"]),
    )


@cache
def load_catalogs() -> tuple[Catalog, ...]:
    """Every strategy, the cultural-diplomacy one first."""
    return tuple(_catalog(_raw(name)) for name in FILES)


def load_pillars() -> tuple[Pillar, ...]:
    """The cultural-diplomacy pillars in the data file's order (the order tables use)."""
    return load_catalogs()[0].pillars


def _pillars(data: dict[str, Any]) -> tuple[Pillar, ...]:
    return tuple(
        Pillar(
            id=item["id"],
            kind=item["kind"],
            name_vi=item["name_vi"],
            name_en=item["name_en"],
            wording=item["wording"],
            terms=tuple(item["terms"]),
        )
        for item in data["pillars"]
    )


def load_method() -> Method:
    """The cultural-diplomacy matching settings: weights, cutoffs, stopwords."""
    return load_catalogs()[0].method


def _method(data: dict[str, Any]) -> Method:
    block = data["method"]
    return Method(
        term_boost=int(block["term_boost"]),
        cutoffs=Cutoffs(
            threshold=float(block["threshold"]),
            relative=float(block["relative"]),
            top_k=int(block["top_k"]),
        ),
        max_terms=int(block["max_terms"]),
        decimals=int(block["decimals"]),
        section_roles=tuple(block["section_roles"]),
        stopwords=frozenset(block["stopwords"]),
    )


def load_strategy() -> Strategy:
    return load_catalogs()[0].strategy


def pillar_ids() -> tuple[str, ...]:
    return tuple(pillar.id for pillar in load_pillars())
