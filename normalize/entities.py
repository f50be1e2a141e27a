"""Counting entity mentions into the record's ``entities`` lists (most mentioned first)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from vnplan.schema import AgencyMention, AgencyRef, HeritageRef, PartnerRef

from .gazetteer import Gazetteer
from .heritage import heritage_ref, heritage_spans
from .partners import PartnerSpan, partner_ref, partner_spans
from .text import clean_edges, fold


def _order(count: int, name: str | None, raw: str) -> tuple[int, str]:
    return -count, fold(name or raw)


def count_agencies(mentions: list[AgencyRef]) -> list[AgencyMention]:
    """One AgencyMention per agency (per unmatched string; per place for the bodies named
    for one), with its count; ``raw`` is the first mention as written. Sorted by count, then
    name."""
    merged: dict[str, AgencyMention] = {}
    for ref in mentions:
        key = ref.id or "?" + fold(clean_edges(ref.name or ref.raw))
        if ref.place:
            key += "@" + fold(ref.place)  # "UBND xã Đức Trọng" and "UBND xã Hòa Ninh" are two
        if key in merged:
            merged[key].count += 1
        else:
            merged[key] = AgencyMention(**ref.model_dump(), count=1)
    return sorted(merged.values(), key=lambda m: _order(m.count, m.name, m.raw))


def _first_and_counts(spans: Iterable[tuple[str, str]]) -> tuple[dict[str, str], Counter[str]]:
    """(key → the first raw text it was found as, key → how often), over (key, raw) spans."""
    first: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for key, raw in spans:
        first.setdefault(key, raw)
        counts[key] += 1
    return first, counts


def count_heritage(gaz: Gazetteer, texts: list[str]) -> list[HeritageRef]:
    first, counts = _first_and_counts(
        (span.heritage_id, span.raw) for text in texts for span in heritage_spans(gaz, text)
    )
    items = gaz.heritage
    refs = [heritage_ref(items[i], raw, counts[i]) for i, raw in first.items()]
    return sorted(refs, key=lambda h: _order(h.count, h.name_vi, h.raw))


def count_partners(gaz: Gazetteer, texts: list[str]) -> list[PartnerRef]:
    spans: dict[str, PartnerSpan] = {}
    pairs = []
    for text in texts:
        for span in partner_spans(gaz, text):
            spans.setdefault(span.name, span)
            pairs.append((span.name, span.raw))
    first, counts = _first_and_counts(pairs)
    refs = [partner_ref(spans[n], raw, counts[n]) for n, raw in first.items()]
    return sorted(refs, key=lambda p: _order(p.count, p.name, p.raw))
