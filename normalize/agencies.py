"""Agencies: which gazetteer entry one agency name is, and the AgencyRef it resolves to.

``resolve_agency`` matches a whole name against the gazetteer (names, variants, safe
abbreviations; a province suffix such as "tỉnh Lào Cai" is split off and kept as
``province``; a local unit's name such as "huyện Tiên Du" kept as ``place``), then falls back
to a conservative rapidfuzz match; a name with words around it resolves to the one mention it
holds. Mentions in running text are ``mentions.agency_spans``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from vnplan.schema import AgencyRef
from vnplan.schema.models import AgencyLevel

from .gazetteer import Agency, Gazetteer, default_gazetteer
from .index import STOP, agency_index, local_place
from .matcher import Analysed, Match, analyse, exactly
from .mentions import agency_spans
from .provinces import canonical_province_name, province_at
from .text import clean_edges, fold, key_of

_PROVINCIAL_LEVELS = frozenset({"province", "party", "mass_organisation", "media"})
_LOCAL_LEVELS = frozenset({"district", "commune"})
_NUMBER = re.compile(r"\b(\d+|[IVXLC]+)\s*$")
_REMARK = re.compile(r"\s*\([^()]*\)$")
FUZZY_CUTOFF = 90.0
FUZZY_MARGIN = 3.0
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
            if m is not None and m.pattern.payload != STOP:
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
    from rapidfuzz import fuzz, process  # loads with the first name no exact key matches

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
    number = _NUMBER.search(raw) if entry.numbered else None
    if number is not None:  # one of a numbered series: "Kho bạc Nhà nước khu vực XVI"
        place = number.group(1)
        name = f"{entry.name} {place}"
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


def expand_abbreviations(gaz: Gazetteer, text: str) -> str:
    """``text`` with the abbreviated words of a name written out ("Ban QLDA ĐTXD số 1" →
    "Ban Quản lý dự án đầu tư xây dựng số 1")."""
    table = gaz.agency_rules.word_abbreviations
    return re.sub(r"[\w&]+", lambda m: table.get(m.group(), m.group()), text)


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
    remark = _REMARK.search(text)
    if remark is not None and remark.start() > 0:
        bare = resolve_agency(text[: remark.start()], province, gaz)
        if bare.id is not None or bare.place is not None:
            # a remark after the name: "UBND xã Bảo Ái (tiếp nhận hồ sơ)"
            return bare.model_copy(update={"raw": raw})
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
        expanded = expand_abbreviations(gaz, text)
        if expanded != text:
            ref = resolve_agency(expanded, province, gaz)
            return ref.model_copy(update={"raw": raw, "name": ref.name or expanded})
        return _unknown_ref(gaz, raw, text)
    where = canonical_province_name(gaz, named) if named else canonical_province_name(
        gaz, province
    )
    return agency_ref(gaz, raw, entry, where, local[1] if local else None)


