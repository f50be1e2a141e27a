"""UNESCO designations named in a text.

Three kinds of names: ``variants`` always denote the designation; ``context_variants`` ("Then",
"Hội An", "Chủ tịch Hồ Chí Minh") only when the sentence carries a heritage cue (UNESCO, di
sản, ghi danh …); ``ocr_variants`` are damaged spellings seen in scans. A quoted title that
matches nothing exactly is compared with rapidfuzz to the variants, for damage not seen yet.
Generic phrases ("các di sản văn hóa đã được UNESCO ghi danh") name nothing and link nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnplan.schema import HeritageRef

from .gazetteer import Gazetteer, Heritage, default_gazetteer
from .matcher import (
    Analysed,
    Index,
    Match,
    Spelling,
    analyse,
    contains_keys,
    find,
    sentence_bounds,
    spelling_index,
)
from .text import fold, key_of

FUZZY_CUTOFF = 88.0
_QUOTED = re.compile(r"[“\"]([^”\"\n]{6,160})[”\"]")


@dataclass(frozen=True, slots=True)
class HeritageSpan:
    """A designation named in a text: span, text as written, how it was recognised, and the
    gazetteer spelling it stands for (for repairs)."""

    start: int
    end: int
    raw: str
    heritage_id: str
    source: str
    spelling: str


_SPELLINGS: tuple[Spelling, ...] = (
    ("variants", "variant", "fold"),
    ("context_variants", "context", "shape"),
    ("ocr_variants", "ocr", "fold"),
)
_REF_FIELDS = ("id", "name_en", "name_vi", "category", "year")  # copied into a HeritageRef


def heritage_index(gaz: Gazetteer) -> Index:
    return spelling_index(gaz, "heritage", "id", _SPELLINGS)


def _spelling_table(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """fold(variant) → (id, variant) for the names that always denote a designation."""
    out: dict[str, tuple[str, str]] = {}
    for h in gaz.heritage.values():
        for v in h.variants:
            out.setdefault(fold(v), (h.id, v))
    return out


def _has_cue(gaz: Gazetteer, a: Analysed, m: Match, item: Heritage) -> bool:
    start, end = a.span(m.start, m.end)
    left, right = sentence_bounds(a.text, start, end)
    sentence = analyse(a.text[left:right])
    cues = item.context_cues or gaz.heritage_cues
    return any(contains_keys(sentence, key_of(cue)) for cue in cues)


def _closest_spelling(gaz: Gazetteer, raw: str) -> tuple[str, str, float] | None:
    from rapidfuzz import fuzz, process  # loads with the first title compared this way

    spellings = gaz.derived("heritage_spellings", _spelling_table)
    best = process.extractOne(fold(raw), list(spellings), scorer=fuzz.ratio)
    if best is None:
        return None
    name, score, _ = best
    heritage_id, spelling = spellings[name]
    return heritage_id, spelling, float(score)


def heritage_spans(gaz: Gazetteer, text: str, quoted: bool = True) -> list[HeritageSpan]:
    """Every designation named in ``text``, in order (``quoted``: also quoted titles close
    to a designation's name, for damage no list has seen)."""
    a = analyse(text)
    items = gaz.heritage

    def accept(m: Match) -> bool:
        return m.pattern.source != "context" or _has_cue(gaz, a, m, items[m.pattern.payload])

    out: list[HeritageSpan] = []
    for m in find(heritage_index(gaz), a, accept):
        start, end = a.span(m.start, m.end)
        raw = text[start:end]
        spelling = raw
        if m.pattern.source == "ocr":
            closest = _closest_spelling(gaz, raw)
            spelling = closest[1] if closest else raw
        out.append(HeritageSpan(start, end, raw, m.pattern.payload, m.pattern.source, spelling))
    for q in _QUOTED.finditer(text) if quoted else ():
        start, end = q.span(1)
        if any(s.start < end and start < s.end for s in out):
            continue
        closest = _closest_spelling(gaz, q.group(1))
        if closest is not None and closest[2] >= FUZZY_CUTOFF:
            out.append(HeritageSpan(start, end, q.group(1), closest[0], "fuzzy", closest[1]))
    return sorted(out, key=lambda s: s.start)


def heritage_ref(item: Heritage, raw: str, count: int = 1) -> HeritageRef:
    return HeritageRef(raw=raw, count=count, **{f: getattr(item, f) for f in _REF_FIELDS})


def find_heritage(text: str, gazetteer: Gazetteer | None = None) -> list[HeritageRef]:
    """The designations named in ``text``, one per designation with its count, in order of
    first mention (``raw`` = the first mention as written)."""
    gaz = gazetteer or default_gazetteer()
    items = gaz.heritage
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for s in heritage_spans(gaz, text):
        first.setdefault(s.heritage_id, s.raw)
        counts[s.heritage_id] = counts.get(s.heritage_id, 0) + 1
    return [heritage_ref(items[i], raw, counts[i]) for i, raw in first.items()]
