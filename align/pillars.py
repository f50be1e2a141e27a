"""The pillars of the national strategy and the matching settings, read from data/pillars.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

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
class Strategy:
    """The strategy decision the pillars come from, as its meta block names it."""

    doc_number: str
    date: str
    title: str
    issuer: str


def _raw() -> dict[str, Any]:
    text = resources.files("vnplan.align").joinpath("data/pillars.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@cache
def load_pillars() -> tuple[Pillar, ...]:
    """The pillars in the data file's order (the order tables and charts use)."""
    return tuple(
        Pillar(
            id=item["id"],
            kind=item["kind"],
            name_vi=item["name_vi"],
            name_en=item["name_en"],
            wording=item["wording"],
            terms=tuple(item["terms"]),
        )
        for item in _raw()["pillars"]
    )


@cache
def load_method() -> Method:
    """The matching settings: weights, cutoffs, stopwords."""
    block = _raw()["method"]
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


@cache
def load_strategy() -> Strategy:
    source = _raw()["meta"]["source"]
    return Strategy(
        doc_number=source["doc_number"],
        date=source["date"],
        title=source["title"],
        issuer=source["issuer"],
    )


def pillar_ids() -> tuple[str, ...]:
    return tuple(pillar.id for pillar in load_pillars())
