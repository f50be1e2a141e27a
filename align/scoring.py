"""TF-IDF cosine similarity between a text and each pillar, with the shared words as evidence.

Each pillar is one "document": its Vietnamese name, the strategy's wording and its key terms
(counted `term_boost` times). IDF is computed over the pillars alone, so it is fixed by the
data file: a unit's scores never depend on which other documents were converted with it.
Term frequencies are sublinear (1 + ln tf); vectors are L2-normalised; scores are rounded.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache

from vnplan.align.pillar_tokens import pillar_text, pillar_tokens
from vnplan.align.pillars import Catalog, Cutoffs, Pillar, load_catalogs
from vnplan.align.tokens import content_tokens, display_term
from vnplan.schema import PillarMatch

Vector = dict[str, float]


@dataclass(frozen=True)
class PillarIndex:
    """The pillar vectors and the IDF of every word in the pillar texts."""

    idf: dict[str, float]
    vectors: tuple[tuple[str, Vector], ...]


def _weights(counts: Counter[str], idf: dict[str, float]) -> Vector:
    vector = {t: (1.0 + math.log(n)) * idf[t] for t, n in counts.items() if t in idf}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {t: w / norm for t, w in vector.items()} if norm else {}


def pillar_counts(pillar: Pillar, term_boost: int, stopwords: frozenset[str]) -> Counter[str]:
    """The word counts of a pillar's text: name + wording, plus its terms `term_boost` times."""
    text = pillar_text(pillar.name_vi, pillar.wording)
    counts = Counter(content_tokens(text, stopwords, pillar_tokens))
    for term in pillar.terms:
        for token in content_tokens(term, stopwords, pillar_tokens):
            counts[token] += term_boost
    return counts


def _default(catalog: Catalog | None) -> Catalog:
    return catalog if catalog is not None else load_catalogs()[0]


@cache
def pillar_index(catalog: Catalog | None = None) -> PillarIndex:
    method = _default(catalog).method
    pillars = _default(catalog).pillars
    counts = [pillar_counts(p, method.term_boost, method.stopwords) for p in pillars]
    df: Counter[str] = Counter(t for c in counts for t in c)
    n = len(pillars)
    idf = {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in sorted(df.items())}
    vectors = tuple((p.id, _weights(c, idf)) for p, c in zip(pillars, counts, strict=True))
    return PillarIndex(idf=idf, vectors=vectors)


def score_text(text: str, catalog: Catalog | None = None) -> list[PillarMatch]:
    """Every pillar's similarity to `text` (score > 0), best first, with the words shared."""
    method = _default(catalog).method
    index = pillar_index(catalog)
    query = _weights(Counter(content_tokens(text, method.stopwords)), index.idf)
    if not query:
        return []
    matches: list[PillarMatch] = []
    for pillar_id, vector in index.vectors:
        shared = {t: query[t] * vector[t] for t in query.keys() & vector.keys()}
        score = round(sum(shared.values()), method.decimals)
        if score <= 0:
            continue
        ranked = sorted(shared, key=lambda t: (-shared[t], t))[: method.max_terms]
        matches.append(
            PillarMatch(id=pillar_id, score=score, terms=[display_term(t) for t in ranked])
        )
    return rank(matches)


@cache
def _pillar_order() -> dict[str, int]:
    """Each pillar's place in the data files (their catalogs, in order)."""
    return {p.id: i for i, p in enumerate(p for c in load_catalogs() for p in c.pillars)}


def rank(matches: list[PillarMatch]) -> list[PillarMatch]:
    """Best score first; ties in the data files' pillar order."""
    order = _pillar_order()
    return sorted(matches, key=lambda m: (-m.score, order.get(m.id, len(order))))


def select(matches: list[PillarMatch], cutoffs: Cutoffs) -> list[PillarMatch]:
    """The matches a unit keeps (`matches` ranked best first)."""
    if not matches:
        return []
    floor = max(cutoffs.threshold, cutoffs.relative * matches[0].score)
    return [m for m in matches if m.score >= floor][: cutoffs.top_k]


def match_text(
    text: str, cutoffs: Cutoffs | None = None, catalog: Catalog | None = None
) -> list[PillarMatch]:
    """The pillars one text unit pursues: scored, then cut by the data file's settings.

    >>> [m.id for m in match_text("Tiếp thu tinh hoa văn hóa của nhân loại")]
    ['absorption']
    """
    return select(score_text(text, catalog), cutoffs or _default(catalog).method.cutoffs)
