"""Foreign partners (countries, foreign provinces and regions, international organisations).

Names are proper nouns: capitalised words of a name must be capitalised in the text. A
one-word country or region name is a common word or part of a Vietnamese name too often
("Lào Cai", "pháp luật", "tiếng Pháp", "chị Nga", "Nguyễn Văn Đức"), so it does not match when
glued (by a plain space) to another capitalised word, after a person word, or next to the
words its entry excludes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from vnplan.schema import PartnerRef

from .gazetteer import Partner, partners, person_words
from .matcher import Analysed, CaseRule, Index, Match, analyse, build_index, find
from .text import fold_token, upper_initial

_GLUED_KINDS = frozenset({"country", "region"})


@dataclass(frozen=True, slots=True)
class PartnerSpan:
    start: int
    end: int
    raw: str
    name: str
    source: str


def _entries() -> Iterator[tuple[str, str, str, CaseRule]]:
    for p in partners().values():
        if p.bare:
            yield p.name, p.name, "name", "shape"
        for v in p.variants:
            yield v, p.name, "variant", "shape"
        for v in p.ocr_variants:
            yield v, p.name, "ocr", "shape"


@cache
def partner_index() -> Index:
    return build_index(_entries())


def _glued(a: Analysed, i: int) -> bool:
    """Whether tokens ``i - 1`` and ``i`` exist and are separated by one plain space."""
    if i <= 0 or i >= len(a.tokens):
        return False
    return a.text[a.tokens[i - 1].end : a.tokens[i].start] == " "


@cache
def _keys(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words)


def _acceptor(a: Analysed) -> Callable[[Match], bool]:
    items = partners()
    persons = frozenset(fold_token(w) for w in person_words())

    def accept(m: Match) -> bool:
        if len(m.pattern.keys) != 1:
            return True
        item: Partner = items[m.pattern.payload]
        prev = a.tokens[m.start - 1] if m.start > 0 else None
        nxt = a.tokens[m.end] if m.end < len(a.tokens) else None
        prev_soft = prev is not None and not a.hard[m.start]
        next_soft = nxt is not None and not a.hard[m.end]
        if item.kind in _GLUED_KINDS:
            if prev is not None and _glued(a, m.start) and upper_initial(prev.text):
                return False
            if nxt is not None and _glued(a, m.end) and upper_initial(nxt.text):
                return False
            if prev_soft and prev is not None and prev.key in persons:
                return False
        if next_soft and nxt is not None and nxt.key in _keys(item.exclude_next):
            return False
        return not (prev_soft and prev is not None and prev.key in _keys(item.exclude_prev))

    return accept


def partner_spans(text: str) -> list[PartnerSpan]:
    a = analyse(text)
    out: list[PartnerSpan] = []
    for m in find(partner_index(), a, _acceptor(a)):
        start, end = a.span(m.start, m.end)
        out.append(PartnerSpan(start, end, text[start:end], m.pattern.payload, m.pattern.source))
    return out


def partner_ref(item: Partner, raw: str, count: int = 1) -> PartnerRef:
    return PartnerRef(raw=raw, name=item.name, country=item.country, kind=item.kind, count=count)


def find_partners(text: str) -> list[PartnerRef]:
    """The partners named in ``text``, one per partner with its count, in order of first
    mention (``raw`` = the first mention as written)."""
    items = partners()
    first: dict[str, str] = {}
    counts: dict[str, int] = {}
    for s in partner_spans(text):
        first.setdefault(s.name, s.raw)
        counts[s.name] = counts.get(s.name, 0) + 1
    return [partner_ref(items[n], raw, counts[n]) for n, raw in first.items()]
