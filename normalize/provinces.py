"""Provinces: "TỈNH LÀO CAI", "UBND TP Cần Thơ", "TT-Huế" → the pre-2025 province, its GSO
code and the provincial unit it belongs to from 1 July 2025."""

from __future__ import annotations

from collections import Counter

from vnplan.schema import Province

from .gazetteer import Gazetteer, ProvinceEntry, default_gazetteer
from .matcher import Analysed, Index, Match, Spelling, analyse, find, spelling_index
from .matcher import match_at as _match_at

_SPELLINGS: tuple[Spelling, ...] = (
    ("bare_names", "name", "shape"),
    ("name_with_type", "name_with_type", "shape"),
    ("variants", "variant", "shape"),
    ("abbreviations", "abbreviation", "exact"),
)


def province_index(gaz: Gazetteer) -> Index:
    return spelling_index(gaz, "provinces", "name", _SPELLINGS)


def to_province(entry: ProvinceEntry) -> Province:
    return Province(name=entry.name, code=entry.code, name_2025=entry.name_2025)


def province_matches(gaz: Gazetteer, a: Analysed) -> list[Match]:
    return find(province_index(gaz), a)


def province_at(gaz: Gazetteer, a: Analysed, i: int) -> Match | None:
    """A province name starting exactly at token ``i`` (with its "tỉnh"/"TP" prefix if any)."""
    if i >= len(a.tokens) or a.hard[i]:
        return None
    return _match_at(province_index(gaz), a, i)


def mentioned_provinces(gaz: Gazetteer, text: str) -> list[ProvinceEntry]:
    """Every province mention in ``text``, in order."""
    return [gaz.provinces[m.pattern.payload] for m in province_matches(gaz, analyse(text))]


def resolve_province(text: str, gazetteer: Gazetteer | None = None) -> Province | None:
    """The first province named in ``text`` ("TỈNH LÀO CAI", "UBND TP Cần Thơ", "TT-Huế")."""
    found = mentioned_provinces(gazetteer or default_gazetteer(), text)
    return to_province(found[0]) if found else None


def most_mentioned(gaz: Gazetteer, texts: list[str]) -> ProvinceEntry | None:
    """The province mentioned most often across ``texts`` (first mention breaks ties)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    order = 0
    for text in texts:
        for entry in mentioned_provinces(gaz, text):
            counts[entry.name] += 1
            first.setdefault(entry.name, order)
            order += 1
    if not counts:
        return None
    name = min(counts, key=lambda n: (-counts[n], first[n]))
    return gaz.provinces[name]


def canonical_province_name(gaz: Gazetteer, name: str | None) -> str | None:
    """'TP Cần Thơ' → 'Cần Thơ'; a name no province matches is returned as given."""
    if not name:
        return None
    found = mentioned_provinces(gaz, name)
    return found[0].name if found else name
