"""Finding the gazetteer's agency names in analysed text: the search index, which matches
count, and how far a match reaches (a province, a local unit's name, a region's number).

Also the word lists of the agency-name model (``name_model``), read from the gazetteer and
the national standard's heads (``vnplan.extract.bodies``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

from vnplan.extract.bodies import vocabulary

from .gazetteer import Gazetteer
from .matcher import Analysed, CaseRule, Index, Match, build_index, find
from .provinces import province_at
from .segment import NameModel
from .text import WORD, fold, fold_token, key_of, upper_initial

_LOCAL_LEVELS = frozenset({"district", "commune"})
_UNIT_ENDS = frozenset({"huyện", "xã", "phường", "quận", "trấn", "khu"})
_SCOPES = frozenset({"tỉnh", "phố", "huyện", "xã", "phường", "ương"})
_ROMAN = re.compile(r"[IVXLC]+")
STOP = ""


def _entries(gaz: Gazetteer) -> Iterator[tuple[str, str, str, CaseRule]]:
    rules = gaz.agency_rules
    unsafe = set(rules.unsafe_abbreviations)
    owners = Counter(ab for a in gaz.agencies.values() for ab in set(a.abbreviations))
    for a in gaz.agencies.values():
        yield a.name, a.id, "name", "fold"
        for v in a.variants:
            yield v, a.id, "variant", "fold"
        for v in a.cased_variants:
            yield v, a.id, "cased", "shape"
        for ab in a.abbreviations:
            if ab not in unsafe and owners[ab] == 1:
                yield ab, a.id, "abbreviation", "exact"
        for p in a.province_prefixed:
            yield p, a.id, "prefixed", "fold"
    for phrase in rules.not_agencies:
        yield phrase, STOP, "stop", "fold"


def agency_index(gaz: Gazetteer) -> Index:
    return gaz.derived("agency_index", lambda g: build_index(_entries(g)))


def _head_entries(gaz: Gazetteer) -> Iterator[tuple[str, str, str, CaseRule]]:
    for head in gaz.agency_rules.heads:
        yield head, "head", "head", "fold"
    for noun in gaz.agency_rules.group_nouns:
        yield f"các {noun}", "group", "group", "fold"


def head_index(gaz: Gazetteer) -> Index:
    return gaz.derived("head_index", lambda g: build_index(_head_entries(g)))


def _name_model(gaz: Gazetteer) -> NameModel:
    words = vocabulary()  # the heads and positions of the national standard (extract stage)
    rules = gaz.agency_rules
    heads = frozenset(words.heads) | frozenset(fold(h) for h in rules.heads)
    heads -= frozenset(fold(h) for h in rules.not_heads)
    return NameModel(
        heads=heads,
        first_syllables=frozenset(fold_token(WORD.findall(h)[0]) for h in heads),
        stops=tuple(key_of(s) for s in rules.name_stops),
        positions=frozenset(words.positions) - frozenset(fold(h) for h in rules.heads),
        surnames=frozenset(fold(s) for s in rules.surnames),
        person_words=frozenset(fold(w) for w in rules.person_words),
        places=frozenset(fold(p) for p in gaz.provinces)
        | frozenset(fold(p.name_2025) for p in gaz.provinces.values())
        | frozenset(fold(p) for p in rules.national_places),
        organs=frozenset(fold(o) for o in rules.organs),
        named_heads=frozenset(fold(h) for h in rules.heads
                              if any(w[:1].isupper() for w in h.split()[1:])),
        units=frozenset(fold(u) for u in (*rules.units, *rules.group_nouns, "tỉnh")),
    )


def name_model(gaz: Gazetteer) -> NameModel:
    return gaz.derived("name_model", _name_model)


def accept_match(gaz: Gazetteer, a: Analysed) -> Callable[[Match], bool]:
    def accept(m: Match) -> bool:
        if m.pattern.source == "prefixed":
            return province_at(gaz, a, m.end) is not None
        if m.pattern.source == "cased" and m.end < len(a.tokens) and not a.hard[m.end]:
            return False  # "Lãnh đạo Văn phòng" ends its line; before a name it is another's
        entry = gaz.agencies.get(m.pattern.payload)
        if entry is None or entry.level == "group":
            return True
        if entry.local and _named_for_another_place(gaz, a, m.end):
            return False
        # a body's name is written with a capital; all in lower case it is a common
        # phrase ("cán bộ y tế", "kiểm toán nhà nước về tài chính")
        return any(t.text[:1].isupper() for t in a.tokens[m.start : m.end])

    return accept


def _named_for_another_place(gaz: Gazetteer, a: Analysed, end: int) -> bool:
    """Whether a provincial body's name goes on with a place that is no province ("Thành
    ủy | Quy Nhơn", the city's party committee): then it names another body."""
    if end >= len(a.tokens) or a.hard[end] or a.commas[end]:
        return False
    tok = a.tokens[end]
    if not upper_initial(tok.text) or tok.text.isupper() or a.tokens[end - 1].key in _SCOPES:
        return False
    if tok.key in gaz.derived("surname_keys", _surname_keys) or province_at(gaz, a, end):
        return False
    return not gaz.derived("head_firsts", _head_firsts) & {tok.key}


def _surname_keys(gaz: Gazetteer) -> frozenset[str]:
    return frozenset(fold(s) for s in gaz.agency_rules.surnames)


def _head_firsts(gaz: Gazetteer) -> frozenset[str]:
    return name_model(gaz).first_syllables


def gazetteer_matches(gaz: Gazetteer, a: Analysed) -> list[Match]:
    return find(agency_index(gaz), a, accept_match(gaz, a))


def unit_keys(gaz: Gazetteer) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The local unit words ("thị xã", "huyện" …) with their keys, longest first."""
    return gaz.derived("unit_keys", lambda g: tuple(
        (u, key_of(u)) for u in sorted(g.agency_rules.units, key=len, reverse=True)))


def _units_by_first(gaz: Gazetteer) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    def build(g: Gazetteer) -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
        table: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for unit, keys in unit_keys(g):
            table.setdefault(keys[0], []).append((unit, keys))
        return {k: tuple(v) for k, v in table.items()}

    return gaz.derived("units_by_first", build)


def local_place(gaz: Gazetteer, a: Analysed, end: int) -> tuple[str, int, int] | None:
    """A local unit and its name starting at token ``end`` ("huyện Tiên Du", "thị xã Kỳ
    Anh", "phường 2"): (unit word, first token of the name, token after it)."""
    n = len(a.tokens)
    if end >= n:
        return None
    for unit, keys in _units_by_first(gaz).get(a.tokens[end].key, ()):
        k = end + len(keys)
        if k >= n or tuple(t.key for t in a.tokens[end:k]) != keys or a.hard[end] or a.hard[k]:
            continue
        j = place_end(gaz, a, k)
        if j > k:
            return unit, k, j
    return None


def place_end(gaz: Gazetteer, a: Analysed, k: int) -> int:
    """Token after the name of a place that starts at token ``k``: capitalised words or a
    number ("Tiên Du", "Bảo Lâm 2", "Xuân Trường - Đà Lạt"), joined by spaces or a dash,
    never across a comma ("UBND xã Đức Trọng, | UBND …"). An all-capitals text names no
    place that can be told apart from what follows it."""
    n = len(a.tokens)
    j = k
    while j < n and (upper_initial(a.tokens[j].text) or a.tokens[j].text.isdigit()):
        if j > k and (a.hard[j] or a.text[a.tokens[j - 1].end : a.tokens[j].start].strip(" -")):
            break
        if a.tokens[j].text.isupper() and len(a.tokens[j].text) > 1:
            break
        j += 1
    return j


def extend_match(gaz: Gazetteer, a: Analysed, m: Match) -> int:
    """End token of a mention: a following province ("… tỉnh Lào Cai"), a bare "tỉnh",
    a local unit's name ("UBND huyện | Tiên Du"), or "khác" after a group."""
    entry = gaz.agencies.get(m.pattern.payload)
    end = m.end
    if entry is None or end >= len(a.tokens) or a.hard[end] or a.commas[end]:
        return end
    if entry.numbered:
        number = a.tokens[end].text
        return end + 1 if number.isdigit() or _ROMAN.fullmatch(number) else end
    if entry.level in _LOCAL_LEVELS and a.tokens[end - 1].key in _UNIT_ENDS:
        return place_end(gaz, a, end) if not a.hard[end] else end
    if entry.local or m.pattern.source == "prefixed":
        pm = province_at(gaz, a, end)
        if pm is not None:
            return pm.end
        place = local_place(gaz, a, end)
        if place is not None and entry.level != "group":
            return place[2]
        if a.tokens[end].key == "tỉnh":
            return end + 1
    if entry.level == "group" and a.tokens[end].key == "khác":
        return end + 1
    return end


def person_at(gaz: Gazetteer, a: Analysed, i: int) -> bool:
    """Whether a personal name begins at token ``i``: a family name and capitalised given
    names ("Phạm Minh Chính")."""
    surnames = gaz.derived("surname_keys", _surname_keys)
    if i + 1 >= len(a.tokens) or a.hard[i] or a.tokens[i].key not in surnames:
        return False
    names = a.tokens[i : i + 4]
    return all(upper_initial(t.text) and not t.text.isupper() for t in names[:2])


