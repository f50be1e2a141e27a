"""align stage: each objective, task and appendix row ↔ the pillars of the national strategy.

The pillars of each national strategy (the cultural-diplomacy strategy, Quyết định
2013/QĐ-TTg: ``data/pillars.json``; the public administration reform programme, Nghị
quyết 76/NQ-CP: ``data/pillars_cchc.json``) live in data files with the matching settings,
and are linked only to documents that implement the strategy (cite it, or are about it).
Matching is TF-IDF cosine similarity over underthesea word tokens: transparent (the shared
words are kept as evidence) and reproducible (scores rounded, IDF fixed by the data file).
"""

from __future__ import annotations

from vnplan.align.document import (
    align_document,
    implemented,
    implements,
    is_aligned,
    news_pillars,
    section_pillars,
)
from vnplan.align.pillars import (
    Catalog,
    Pillar,
    load_catalogs,
    load_method,
    load_pillars,
    load_strategy,
    pillar_ids,
)
from vnplan.align.scoring import match_text, score_text

__all__ = [
    "Catalog",
    "Pillar",
    "align_document",
    "implemented",
    "implements",
    "is_aligned",
    "load_catalogs",
    "load_method",
    "load_pillars",
    "load_strategy",
    "match_text",
    "news_pillars",
    "pillar_ids",
    "score_text",
    "section_pillars",
]
