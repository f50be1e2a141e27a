"""Agencies: resolve one agency name, find agency mentions in free text.

``resolve_agency`` matches a whole name against the gazetteer (names, variants, safe
abbreviations; a province suffix such as "tỉnh Lào Cai" is split off and kept as
``province``), then falls back to a conservative rapidfuzz match. ``agency_spans`` finds the
gazetteer names in running text and, for names the gazetteer lacks, the phrases built like an
agency name ("Sở"/"Ban"/"Trung tâm" … followed by capitalised words) — underthesea's word
segmentation tells where such a name ends ("Sở Tư pháp | tổ chức", "Hội nghị" is no "Hội").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from rapidfuzz import fuzz, process

from vnplan.extract.bodies import vocabulary
from vnplan.schema import AgencyRef
from vnplan.schema.models import AgencyLevel

from .gazetteer import Agency, Gazetteer, default_gazetteer
from .matcher import (
    Analysed,
    CaseRule,
    Index,
    Match,
    analyse,
    build_index,
    exactly,
    find,
    match_at,
)
from .provinces import canonical_province_name, province_at
from .segment import NameModel, agency_like_phrases
from .text import WORD, clean_edges, fold, fold_token, key_of, upper_initial

_PROVINCIAL_LEVELS = frozenset({"province", "party", "mass_organisation", "media"})
_LOCAL_LEVELS = frozenset({"district", "commune"})
_UNIT_ENDS = frozenset({"huyện", "xã", "phường", "quận", "trấn", "khu"})
FUZZY_CUTOFF = 90.0
FUZZY_MARGIN = 3.0
_STOP = ""


@dataclass(frozen=True, slots=True)
class Found:
    """An agency mention in a text: character span, text as written, gazetteer id if known."""

    start: int
    end: int
    raw: str
    agency_id: str | None


def _entries(gaz: Gazetteer) -> Iterator[tuple[str, str, str, CaseRule]]:
    rules = gaz.agency_rules
    unsafe = set(rules.unsafe_abbreviations)
    owners = Counter(ab for a in gaz.agencies.values() for ab in set(a.abbreviations))
    for a in gaz.agencies.values():
        yield a.name, a.id, "name", "fold"
        for v in a.variants:
            yield v, a.id, "variant", "fold"
        for ab in a.abbreviations:
            if ab not in unsafe and owners[ab] == 1:
                yield ab, a.id, "abbreviation", "exact"
        for p in a.province_prefixed:
            yield p, a.id, "prefixed", "fold"
    for phrase in rules.not_agencies:
        yield phrase, _STOP, "stop", "fold"


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
        positions=frozenset(words.positions),
        surnames=frozenset(fold(s) for s in rules.surnames),
        person_words=frozenset(fold(w) for w in rules.person_words),
        places=frozenset(fold(p) for p in gaz.provinces)
        | frozenset(fold(p.name_2025) for p in gaz.provinces.values()),
    )


def name_model(gaz: Gazetteer) -> NameModel:
    return gaz.derived("name_model", _name_model)


def _accept(gaz: Gazetteer, a: Analysed) -> Callable[[Match], bool]:
    def accept(m: Match) -> bool:
        if m.pattern.source == "prefixed":
            return province_at(gaz, a, m.end) is not None
        return True

    return accept


def _gazetteer_matches(gaz: Gazetteer, a: Analysed) -> list[Match]:
    return find(agency_index(gaz), a, _accept(gaz, a))


def local_place(gaz: Gazetteer, a: Analysed, end: int) -> tuple[str, int, int] | None:
    """A local unit and its name starting at token ``end`` ("huyện Tiên Du", "thị xã Kỳ
    Anh", "phường 2"): (unit word, first token of the name, token after it)."""
    n = len(a.tokens)
    for unit in sorted(gaz.agency_rules.units, key=len, reverse=True):
        keys = key_of(unit)
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


def _extend(gaz: Gazetteer, a: Analysed, m: Match) -> int:
    """End token of a mention: a following province ("… tỉnh Lào Cai"), a bare "tỉnh",
    a local unit's name ("UBND huyện | Tiên Du"), or "khác" after a group."""
    entry = gaz.agencies.get(m.pattern.payload)
    end = m.end
    if entry is None or end >= len(a.tokens) or a.hard[end]:
        return end
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


def gazetteer_spans(gaz: Gazetteer, a: Analysed) -> list[tuple[int, int]]:
    """Token ranges of the gazetteer names in ``a`` (stop phrases included), with suffixes."""
    return [(m.start, _extend(gaz, a, m)) for m in _gazetteer_matches(gaz, a)]


def starts_agency(gaz: Gazetteer, a: Analysed, i: int) -> bool:
    """Whether token ``i`` begins an agency expression (a gazetteer name, "các cơ quan …",
    or a head word such as "Sở" written as a name: capitalised, or followed by a capital)."""
    if i >= len(a.tokens):
        return False
    m = match_at(agency_index(gaz), a, i, _accept(gaz, a))
    if m is not None and m.pattern.payload != _STOP:
        return True
    h = match_at(head_index(gaz), a, i)
    if h is None:
        return False
    if h.pattern.payload == "group":
        return True
    nxt = a.tokens[h.end] if h.end < len(a.tokens) else None
    return upper_initial(a.tokens[i].text) or (nxt is not None and upper_initial(nxt.text))


def agency_spans(gaz: Gazetteer, text: str) -> list[Found]:
    """Agency mentions in ``text``: gazetteer names (with their province suffix) and, where
    the gazetteer has nothing, phrases shaped like agency names."""
    a = analyse(text)
    found: list[Found] = []
    covered = [False] * len(text)
    for m in _gazetteer_matches(gaz, a):
        end = _extend(gaz, a, m)
        start_c, end_c = a.closed_span(m.start, end)
        covered[start_c:end_c] = [True] * (end_c - start_c)
        if m.pattern.payload != _STOP:
            found.append(Found(start_c, end_c, text[start_c:end_c], m.pattern.payload))
    for start_c, end_c in agency_like_phrases(text, covered, name_model(gaz)):
        found.append(Found(start_c, end_c, text[start_c:end_c], None))
    return sorted(found, key=lambda f: f.start)


def _trailing_keys(gaz: Gazetteer) -> tuple[tuple[str, ...], ...]:
    """Words a name may trail without changing which body it is ("… khác", "… của tỉnh")."""
    return gaz.derived(
        "agency_trailing", lambda g: tuple(key_of(w) for w in g.agency_rules.trailing)
    )


def _bases(gaz: Gazetteer, a: Analysed) -> list[tuple[int, str | None]]:
    """Where the name may end: the whole text, or before a province suffix (with the
    province it names)."""
    n = len(a.tokens)
    bases: list[tuple[int, str | None]] = [(n, None)]
    for s in range(1, n):
        pm = province_at(gaz, a, s)
        if pm is not None and pm.end == n:
            bases.append((s, pm.pattern.payload))
    return bases


def _lookup(gaz: Gazetteer, text: str) -> tuple[Agency | None, str | None]:
    """Gazetteer entry for a whole name, and the province named in its suffix."""
    table = gaz.agencies
    a = analyse(text)
    for end, province in _bases(gaz, a):
        candidates = [end]
        for tail in _trailing_keys(gaz):
            k = len(tail)
            if end - k > 0 and tuple(t.key for t in a.tokens[end - k : end]) == tail:
                candidates.append(end - k)
        for e in candidates:
            if e <= 0:
                continue
            m = exactly(agency_index(gaz), a.raw(0, e), _prefixed_ok(province))
            if m is not None and m.pattern.payload != _STOP:
                return table[m.pattern.payload], province
    return None, None


def _fuzzy_lookup(gaz: Gazetteer, text: str) -> tuple[Agency | None, str | None]:
    """rapidfuzz on the whole name, then on the name without its province suffix
    ("ỦY BAN NHÂN DÂN TÍNH LÀO CAI", OCR for TỈNH)."""
    a = analyse(text)
    for end, province in _bases(gaz, a):
        if end > 0:
            entry = _fuzzy(gaz, a.raw(0, end))
            if entry is not None:
                return entry, province
    return None, None


def _prefixed_ok(province: str | None) -> Callable[[Match], bool]:
    def accept(m: Match) -> bool:
        return m.pattern.source != "prefixed" or province is not None

    return accept


def _choices(gaz: Gazetteer) -> dict[str, str]:
    choices: dict[str, str] = {}
    for a in gaz.agencies.values():
        for name in (a.name, *a.variants):
            choices.setdefault(fold(name), a.id)
    return choices


def _fuzzy(gaz: Gazetteer, text: str) -> Agency | None:
    query = fold(text)
    if len(query) < 8:
        return None
    choices = gaz.derived("agency_fuzzy_choices", _choices)
    best = process.extract(query, list(choices), scorer=fuzz.ratio, limit=5)
    hits = [(name, score) for name, score, _ in best if score >= FUZZY_CUTOFF]
    if not hits:
        return None
    name, score = hits[0]
    if name.split(" ")[0] != query.split(" ")[0]:
        return None
    rivals = [s for other, s, _ in best if choices[other] != choices[name]]
    if rivals and score - max(rivals) < FUZZY_MARGIN:
        return None
    if len(key_of(name)) != len(key_of(query)):
        return None  # a word more or less is another body ("Sở Văn hóa và Thể thao")
    return gaz.agencies[choices[name]]


def _single_mention(gaz: Gazetteer, text: str) -> tuple[Agency | None, str | None]:
    """A name with words around it ("Lãnh đạo Sở Ngoại vụ"): the one gazetteer mention it
    holds, when there is exactly one and it starts the text."""
    spans = [f for f in agency_spans(gaz, text) if f.agency_id is not None]
    if len(spans) != 1 or text[: spans[0].start].strip():
        return None, None
    entry, province = _lookup(gaz, spans[0].raw)
    return entry, province


def body_name(gaz: Gazetteer, entry: Agency, province: str | None) -> str:
    """The name of the one body an entry stands for in ``province``: "Sở Ngoại vụ tỉnh Lào
    Cai", "Ủy ban nhân dân thành phố Cần Thơ", "Ban Tuyên giáo Tỉnh ủy Lào Cai". Central
    bodies, groups and district/commune bodies keep the gazetteer name."""
    if province is None or not entry.local or entry.level not in _PROVINCIAL_LEVELS:
        return entry.name
    known = gaz.provinces.get(province)
    city = known is not None and known.type.startswith("thành phố")
    words = {
        "type": "thành phố" if city else "tỉnh",
        "party": "Thành ủy" if city else "Tỉnh ủy",
        "youth": "Thành đoàn" if city else "Tỉnh đoàn",
        "province": province,
    }
    if entry.local_name:
        return entry.local_name.format(**words)
    base = entry.name.removesuffix(" tỉnh")
    return f"{base} {words['type']} {province}"


def agency_ref(
    gaz: Gazetteer, raw: str, entry: Agency, province: str | None,
    local: tuple[str, str] | None = None,
) -> AgencyRef:
    """``raw`` resolved to ``entry``; ``province`` is attached to provincial bodies only; a
    body named for a local unit (``local`` = its unit word and name) keeps that name, its
    place and the unit's level ("Ủy ban nhân dân thị xã Kỳ Anh", ``town``)."""
    where = province if entry.local else None
    name, level, place = body_name(gaz, entry, where), entry.level, None
    if local is not None and entry.level != "group":
        unit, place = local
        words = entry.name.split()
        base = " ".join(words[:-1]) if fold(words[-1]) in gaz.agency_rules.units else entry.name
        name, level = f"{base} {unit} {place}", cast(AgencyLevel, gaz.agency_rules.units[unit])
    elif where is not None and entry.level in _PROVINCIAL_LEVELS:
        place = where
    return AgencyRef(
        raw=raw,
        id=entry.id,
        name=name,
        level=level,
        province=where,
        successor_ids=list(entry.successor_ids),
        place=place,
        predecessor_ids=list(entry.predecessor_ids),
        generation=entry.generation,
    )


def _local_suffix(gaz: Gazetteer, text: str) -> tuple[str, tuple[str, str]] | None:
    """``text`` without the local unit that ends it, and (unit word, unit name): "UBND huyện
    Tiên Du" → ("UBND huyện", ("huyện", "Tiên Du")); none when the unit is a province."""
    a = analyse(text)
    for s in range(1, len(a.tokens)):
        found = local_place(gaz, a, s)
        if found is None or found[2] != len(a.tokens) or province_at(gaz, a, s) is not None:
            continue
        unit, k, _ = found
        start, end = a.span(k, len(a.tokens))
        head_end = a.span(0, k)[1] if k > s else a.span(0, s)[1]
        return text[:head_end], (unit, text[start:end])
    return None


def _unknown_ref(gaz: Gazetteer, raw: str, text: str) -> AgencyRef:
    """A body no entry knows: its level and place when it is named for a local unit."""
    local = _local_suffix(gaz, text)
    if local is None:
        return AgencyRef(raw=raw)
    unit, place = local[1]
    return AgencyRef(
        raw=raw, name=text, level=cast(AgencyLevel, gaz.agency_rules.units[unit]), place=place
    )


def resolve_agency(
    raw: str, province: str | None = None, gazetteer: Gazetteer | None = None
) -> AgencyRef:
    """Which agency ``raw`` names. Exact variant match on fold() keys first, then rapidfuzz
    (conservative); a province suffix ("Sở Ngoại vụ tỉnh Lào Cai") sets ``province``, and a
    provincial body without one takes ``province``; a local unit's name ("UBND huyện Tiên
    Du") sets ``place`` and the level. No match → ``AgencyRef(raw=raw)``."""
    gaz = gazetteer or default_gazetteer()
    text = clean_edges(raw)
    if not text:
        return AgencyRef(raw=raw)
    local = _local_suffix(gaz, text)
    entry, named = _lookup(gaz, text)
    if entry is not None and entry.level not in _LOCAL_LEVELS:
        local = None  # "Thông tấn xã Việt Nam" is no commune
    if entry is None and local is not None:
        entry, named = _lookup(gaz, local[0])
    if entry is None:
        entry, named = _fuzzy_lookup(gaz, text)
    if entry is None:
        entry, named = _single_mention(gaz, text)
    if entry is None:
        return _unknown_ref(gaz, raw, text)
    where = canonical_province_name(gaz, named) if named else canonical_province_name(
        gaz, province
    )
    return agency_ref(gaz, raw, entry, where, local[1] if local else None)


def is_agency_name(gaz: Gazetteer, text: str) -> bool:
    """Whether ``text`` as a whole reads as one body's name the gazetteer lacks: it begins
    with a head noun and the name built from it covers it ("Trung tâm Phục vụ hành chính
    công tỉnh"; not "Thường xuyên trong năm", "Báo cáo kết quả", "CƠ QUAN CHỦ TRÌ")."""
    text = clean_edges(text)
    spans = agency_like_phrases(text, [False] * len(text), name_model(gaz))
    return bool(spans) and spans[0][0] == 0 and len(text[spans[0][1] :].strip(" .,;")) == 0


def find_agencies(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Agency mentions in free text, as written, in order."""
    return [f.raw for f in agency_spans(gazetteer or default_gazetteer(), text)]
