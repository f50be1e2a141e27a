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
from functools import cache

from rapidfuzz import fuzz, process

from vnplan.schema import AgencyRef

from .gazetteer import Agency, agencies, agency_rules, provinces
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
from .segment import agency_like_phrases
from .text import clean_edges, fold, upper_initial

_PROVINCIAL_LEVELS = frozenset({"province", "party", "mass_organisation", "media"})
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


def _entries() -> Iterator[tuple[str, str, str, CaseRule]]:
    rules = agency_rules()
    unsafe = set(rules["unsafe_abbreviations"])
    owners = Counter(ab for a in agencies().values() for ab in set(a.abbreviations))
    for a in agencies().values():
        yield a.name, a.id, "name", "fold"
        for v in a.variants:
            yield v, a.id, "variant", "fold"
        for ab in a.abbreviations:
            if ab not in unsafe and owners[ab] == 1:
                yield ab, a.id, "abbreviation", "exact"
        for p in a.province_prefixed:
            yield p, a.id, "prefixed", "fold"
    for phrase in rules["not_agencies"]:
        yield phrase, _STOP, "stop", "fold"


@cache
def agency_index() -> Index:
    return build_index(_entries())


@cache
def head_index() -> Index:
    rules = agency_rules()
    fold_rule: CaseRule = "fold"
    heads = [(h, "head", "head", fold_rule) for h in rules["heads"]]
    nouns = [(f"các {n}", "group", "group", fold_rule) for n in rules["group_nouns"]]
    return build_index([*heads, *nouns])


def _accept(a: Analysed) -> Callable[[Match], bool]:
    def accept(m: Match) -> bool:
        if m.pattern.source == "prefixed":
            return province_at(a, m.end) is not None
        return True

    return accept


def _gazetteer_matches(a: Analysed) -> list[Match]:
    return find(agency_index(), a, _accept(a))


def _extend(a: Analysed, m: Match) -> int:
    """End token of a mention: a following province ("… tỉnh Lào Cai"), a bare "tỉnh",
    or "khác" after a group."""
    entry = agencies().get(m.pattern.payload)
    end = m.end
    if entry is None or end >= len(a.tokens) or a.hard[end]:
        return end
    if entry.local or m.pattern.source == "prefixed":
        pm = province_at(a, end)
        if pm is not None:
            return pm.end
        if a.tokens[end].key == "tỉnh":
            return end + 1
    if entry.level == "group" and a.tokens[end].key == "khác":
        return end + 1
    return end


def gazetteer_spans(a: Analysed) -> list[tuple[int, int]]:
    """Token ranges of the gazetteer names in ``a`` (stop phrases included), with suffixes."""
    return [(m.start, _extend(a, m)) for m in _gazetteer_matches(a)]


def starts_agency(a: Analysed, i: int) -> bool:
    """Whether token ``i`` begins an agency expression (a gazetteer name, "các cơ quan …",
    or a head word such as "Sở" written as a name: capitalised, or followed by a capital)."""
    if i >= len(a.tokens):
        return False
    m = match_at(agency_index(), a, i, _accept(a))
    if m is not None and m.pattern.payload != _STOP:
        return True
    h = match_at(head_index(), a, i)
    if h is None:
        return False
    if h.pattern.payload == "group":
        return True
    nxt = a.tokens[h.end] if h.end < len(a.tokens) else None
    return upper_initial(a.tokens[i].text) or (nxt is not None and upper_initial(nxt.text))


def agency_spans(text: str) -> list[Found]:
    """Agency mentions in ``text``: gazetteer names (with their province suffix) and, where
    the gazetteer has nothing, phrases shaped like agency names."""
    a = analyse(text)
    found: list[Found] = []
    covered = [False] * len(text)
    for m in _gazetteer_matches(a):
        end = _extend(a, m)
        start_c, end_c = a.closed_span(m.start, end)
        covered[start_c:end_c] = [True] * (end_c - start_c)
        if m.pattern.payload != _STOP:
            found.append(Found(start_c, end_c, text[start_c:end_c], m.pattern.payload))
    for start_c, end_c in agency_like_phrases(text, covered, tuple(agency_rules()["heads"])):
        found.append(Found(start_c, end_c, text[start_c:end_c], None))
    return sorted(found, key=lambda f: f.start)


def find_agencies(text: str) -> list[str]:
    """Agency mentions in free text, as written, in order."""
    return [f.raw for f in agency_spans(text)]


@cache
def _trailing_keys() -> tuple[tuple[str, ...], ...]:
    """Words a name may trail without changing which body it is ("… khác", "… của tỉnh")."""
    return tuple(tuple(t.key for t in analyse(w).tokens) for w in agency_rules()["trailing"])


def _bases(a: Analysed) -> list[tuple[int, str | None]]:
    """Where the name may end: the whole text, or before a province suffix (with the
    province it names)."""
    n = len(a.tokens)
    bases: list[tuple[int, str | None]] = [(n, None)]
    for s in range(1, n):
        pm = province_at(a, s)
        if pm is not None and pm.end == n:
            bases.append((s, pm.pattern.payload))
    return bases


def _lookup(text: str) -> tuple[Agency | None, str | None]:
    """Gazetteer entry for a whole name, and the province named in its suffix."""
    table = agencies()
    a = analyse(text)
    for end, province in _bases(a):
        candidates = [end]
        for tail in _trailing_keys():
            k = len(tail)
            if end - k > 0 and tuple(t.key for t in a.tokens[end - k : end]) == tail:
                candidates.append(end - k)
        for e in candidates:
            if e <= 0:
                continue
            m = exactly(agency_index(), a.raw(0, e), _prefixed_ok(province))
            if m is not None and m.pattern.payload != _STOP:
                return table[m.pattern.payload], province
    return None, None


def _fuzzy_lookup(text: str) -> tuple[Agency | None, str | None]:
    """rapidfuzz on the whole name, then on the name without its province suffix
    ("ỦY BAN NHÂN DÂN TÍNH LÀO CAI", OCR for TỈNH)."""
    a = analyse(text)
    for end, province in _bases(a):
        if end > 0:
            entry = _fuzzy(a.raw(0, end))
            if entry is not None:
                return entry, province
    return None, None


def _prefixed_ok(province: str | None) -> Callable[[Match], bool]:
    def accept(m: Match) -> bool:
        return m.pattern.source != "prefixed" or province is not None

    return accept


@cache
def _fuzzy_choices() -> dict[str, str]:
    choices: dict[str, str] = {}
    for a in agencies().values():
        for name in (a.name, *a.variants):
            choices.setdefault(fold(name), a.id)
    return choices


def _fuzzy(text: str) -> Agency | None:
    query = fold(text)
    if len(query) < 8:
        return None
    choices = _fuzzy_choices()
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
    return agencies()[choices[name]]


def _single_mention(text: str) -> tuple[Agency | None, str | None]:
    """A name with words around it ("Lãnh đạo Sở Ngoại vụ"): the one gazetteer mention it
    holds, when there is exactly one and it starts the text."""
    spans = [f for f in agency_spans(text) if f.agency_id is not None]
    if len(spans) != 1 or text[: spans[0].start].strip():
        return None, None
    entry, province = _lookup(spans[0].raw)
    return entry, province


def body_name(entry: Agency, province: str | None) -> str:
    """The name of the one body an entry stands for in ``province``: "Sở Ngoại vụ tỉnh Lào
    Cai", "Ủy ban nhân dân thành phố Cần Thơ", "Ban Tuyên giáo Tỉnh ủy Lào Cai". Central
    bodies, groups and district/commune bodies keep the gazetteer name."""
    if province is None or not entry.local or entry.level not in _PROVINCIAL_LEVELS:
        return entry.name
    known = provinces().get(province)
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


def agency_ref(raw: str, entry: Agency, province: str | None) -> AgencyRef:
    """``raw`` resolved to ``entry``; ``province`` is attached to provincial bodies only."""
    where = province if entry.local else None
    return AgencyRef(
        raw=raw,
        id=entry.id,
        name=body_name(entry, where),
        level=entry.level,
        province=where,
        successor_ids=list(entry.successor_ids),
    )


def resolve_agency(raw: str, province: str | None = None) -> AgencyRef:
    """Which agency ``raw`` names. Exact variant match on fold() keys first, then rapidfuzz
    (conservative); a province suffix ("Sở Ngoại vụ tỉnh Lào Cai") sets ``province``, and a
    provincial body without one takes ``province``. No match → ``AgencyRef(raw=raw)``."""
    text = clean_edges(raw)
    if not text:
        return AgencyRef(raw=raw)
    entry, named = _lookup(text)
    if entry is None:
        entry, named = _fuzzy_lookup(text)
    if entry is None:
        entry, named = _single_mention(text)
    if entry is None:
        return AgencyRef(raw=raw)
    where = canonical_province_name(named) if named else canonical_province_name(province)
    return agency_ref(raw, entry, where)
