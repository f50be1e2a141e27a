"""The national strategy and its pillars as the outputs name them (data/strategy.json).

Records carry pillar ids only; this catalog gives each id its names and the column order. A
record may link to an id the catalog does not know (a newer align step): such ids follow the
catalog's, sorted, named by their id, so nothing a record says is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vnplan.outputs.bodies import all_sections, task_rows
from vnplan.schema import Document
from vnplan.strategies import Strategy


@dataclass(frozen=True)
class Pillar:
    id: str
    kind: str  # "objective" or "solution" (empty for an id the catalog does not know)
    name_vi: str
    name_en: str

    @property
    def title(self) -> str:
        """The pillar's names for a tooltip or a legend."""
        if self.name_en == self.name_vi:
            return self.name_en
        return f"{self.name_en} ({self.name_vi})"


@dataclass(frozen=True)
class Catalog:
    strategy: Strategy
    pillars: tuple[Pillar, ...]

    def ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.pillars)


@cache
def catalog() -> Catalog:
    """The strategy and its pillars, in the data file's order."""
    text = resources.files("vnplan.outputs").joinpath("data/strategy.json").read_text("utf-8")
    data = json.loads(text)
    pillars = tuple(Pillar(p["id"], p["kind"], p["name_vi"], p["name_en"]) for p in data["pillars"])
    return Catalog(Strategy.from_meta(data["meta"]["strategy"]), pillars)


def linked_ids(doc: Document) -> set[str]:
    """Every pillar id a record links to (its sections and appendix rows, those of the
    documents it issues, and a news article's text)."""
    ids = {m.id for s in all_sections(doc) for m in s.pillars}
    ids.update(m.id for r in task_rows(doc) for m in r.pillars)
    if doc.article is not None:
        ids.update(m.id for m in doc.article.pillars)
    return ids


def pillars_of(docs: Iterable[Document]) -> tuple[Pillar, ...]:
    """The catalog's pillars, then any other id the records link to (sorted, named by id)."""
    known = catalog().pillars
    ids = {p.id for p in known}
    extra = sorted(set().union(*(linked_ids(d) for d in docs)) - ids)
    return (*known, *(Pillar(i, "", i, i) for i in extra))
