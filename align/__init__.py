"""align stage: each objective, task and appendix row ↔ the pillars of the national strategy.

The pillars (objectives and enabling solutions of the cultural-diplomacy strategy, Quyết định
2013/QĐ-TTg) live in ``data/pillars.json`` with the matching settings. Matching is TF-IDF cosine
similarity over underthesea word tokens: transparent (the shared words are kept as evidence)
and reproducible (scores rounded, IDF fixed by the data file).
"""

from __future__ import annotations

from vnplan.align.document import align_document, is_aligned, news_pillars, section_pillars
from vnplan.align.pillars import Pillar, load_method, load_pillars, load_strategy, pillar_ids
from vnplan.align.scoring import match_text, score_text

__all__ = [
    "Pillar",
    "align_document",
    "is_aligned",
    "load_method",
    "load_pillars",
    "load_strategy",
    "match_text",
    "news_pillars",
    "pillar_ids",
    "score_text",
    "section_pillars",
]
