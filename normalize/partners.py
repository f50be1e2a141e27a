"""Foreign partners (countries, foreign provinces and cities, international organisations).

Two ways a partner is found:

* by name — the partners gazetteer and the foreign places data file (Vietnamese exonyms of
  the neighbours' provinces and cities, each with its country). Names are proper nouns:
  capitalised words of a name must be capitalised in the text. A one-word country or region
  name is a common word or part of a Vietnamese name too often ("Lào Cai", "pháp luật",
  "tiếng Pháp", "chị Nga", "Nguyễn Văn Đức"), so it does not match when glued to another
  capitalised word — by a space, or by a line break where the two make a Vietnamese province
  ("Tỉnh ủy Lào⏎Cai") —, after a person word, or next to the words its entry excludes;
  a foreign place never matches after a Vietnamese unit word ("huyện Trùng Khánh");
* by pattern (open world) — an administrative word (tỉnh, thành phố, vùng, bang, châu …) and a
  capitalised name, followed by its country in brackets ("tỉnh Gunma (Nhật Bản)"), or with the
  country named in the same sentence when the name is one of that country's ISO 3166-2
  subdivisions (pycountry's, kept as a data file).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from vnplan.schema import PartnerRef
from vnplan.text.fold import bare_letters

from .gazetteer import Gazetteer, Partner, default_gazetteer
from .matcher import (
    Analysed,
    CaseRule,
    Index,
    Match,
    Spelling,
    analyse,
    build_index,
    find,
    sentence_bounds,
    spelling_index,
)
from .text import fold, fold_token, key_of, upper_initial

_GLUED_KINDS = frozenset({"country", "region", "city"})
_ISO_SUFFIXES = re.compile(
    r"[- ](?:do|teukbyeolsi|gwangyeoksi|teukbyeoljachido|sheng|shi|zizhiqu|zhuangzu zizhiqu)$"
)
_BRACKET_COUNTRY = re.compile(r"\s*[(\[]([^()\[\]\n]{2,40})[)\]]")
_MAX_NAME_WORDS = 4


@dataclass(frozen=True, slots=True)
class PartnerSpan:
    start: int
    end: int
    raw: str
    name: str
    source: str
    country: str | None = None
    kind: str | None = None
    iso_3166_2: str | None = None


_SPELLINGS: tuple[Spelling, ...] = (
    ("bare_names", "name", "shape"),
    ("variants", "variant", "shape"),
    ("ocr_variants", "ocr", "shape"),
)


def partner_index(gaz: Gazetteer) -> Index:
    return spelling_index(gaz, "partners", "name", _SPELLINGS)


def _glued(a: Analysed, i: int) -> bool:
    """Whether tokens ``i - 1`` and ``i`` exist and are separated by one plain space."""
    if i <= 0 or i >= len(a.tokens):
        return False
    return a.text[a.tokens[i - 1].end : a.tokens[i].start] == " "


def _keys(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(fold_token(w) for w in words)


def _vietnamese_places(gaz: Gazetteer) -> frozenset[str]:
    names = {fold(p.name) for p in gaz.provinces.values()}
    return frozenset(names | {fold(p.name_2025) for p in gaz.provinces.values()})


def _broken_province(gaz: Gazetteer, a: Analysed, m: Match) -> bool:
    """Whether the match and the word after it, across white space of any kind, make a
    Vietnamese province name ("Lào⏎Cai")."""
    if m.end >= len(a.tokens):
        return False
    gap = a.text[a.tokens[m.end - 1].end : a.tokens[m.end].start]
    if gap.strip() or not upper_initial(a.tokens[m.end].text):
        return False
    words = " ".join(t.text for t in a.tokens[m.start : m.end + 1])
    return fold(words) in gaz.derived("vietnamese_places", _vietnamese_places)


def _after_unit(gaz: Gazetteer, a: Analysed, start: int) -> bool:
    """Whether a Vietnamese unit word ("huyện", "xã", "thị xã" …) comes right before."""
    for unit in gaz.partner_rules["vietnamese_units"]:
        keys = key_of(unit)
        k = start - len(keys)
        if k >= 0 and tuple(t.key for t in a.tokens[k:start]) == keys:
            return True
    return False


def _acceptor(gaz: Gazetteer, a: Analysed) -> Callable[[Match], bool]:
    items = gaz.partners
    persons = frozenset(fold_token(w) for w in gaz.person_words)

    def accept(m: Match) -> bool:
        item: Partner = items[m.pattern.payload]
        if item.kind in _GLUED_KINDS and _broken_province(gaz, a, m):
            return False
        if item.source == "foreign_places" and _after_unit(gaz, a, m.start):
            return False
        if len(m.pattern.keys) != 1:
            return True
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


def _iso_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", _ISO_SUFFIXES.sub("", bare_letters(name))).strip()


SUBDIVISIONS_FILE = "data/iso_subdivisions.json"


@cache
def _subdivision_table() -> dict[str, dict[str, str] | None]:
    """English country name → {ISO 3166-2 name key → code} (None: pycountry does not know the
    country), for the countries of the partners data file: ``data/iso_subdivisions.json``,
    rebuilt from pycountry by ``python -m vnplan.normalize.partners``, so that a text naming a
    foreign place does not load pycountry's 5 000 subdivisions."""
    text = resources.files("vnplan.normalize").joinpath(SUBDIVISIONS_FILE).read_text("utf-8")
    table: dict[str, dict[str, str] | None] = json.loads(text)
    return table


def pycountry_subdivisions(name_en: str) -> dict[str, str] | None:
    """{ISO 3166-2 name key → code} of a country, from pycountry (None: an unknown country)."""
    import pycountry

    try:
        country = pycountry.countries.lookup(name_en)
    except LookupError:
        return None
    subs = pycountry.subdivisions.get(country_code=country.alpha_2) or []  # type: ignore[no-untyped-call]
    # two subdivisions of one name (Papua the province and the region): the top level wins,
    # whatever order pycountry gives them in
    ordered = sorted(subs, key=lambda s: (getattr(s, "parent_code", None) is None, s.code))
    return {_iso_key(s.name): s.code for s in ordered}


def _named_countries(gaz: Gazetteer) -> Iterator[tuple[str, str]]:
    """(Vietnamese name, English name) of each country the partners gazetteer names in both."""
    for p in gaz.partners.values():
        if p.kind == "country" and p.country is not None and p.name_en is not None:
            yield p.country, p.name_en


def _subdivisions(gaz: Gazetteer) -> dict[str, dict[str, str]]:
    """Vietnamese country name → {ISO 3166-2 name key → code}, for the countries the partners
    gazetteer names (pycountry's, from the data file; pycountry itself for a country the file
    lacks)."""
    table = _subdivision_table()
    out: dict[str, dict[str, str]] = {}
    for country, name_en in _named_countries(gaz):
        subs = table[name_en] if name_en in table else pycountry_subdivisions(name_en)
        if subs is not None:
            out[country] = subs
    return out


def subdivision_table(gaz: Gazetteer) -> dict[str, dict[str, str] | None]:
    """The data file's content for `gaz`'s countries, from pycountry."""
    return {name_en: pycountry_subdivisions(name_en) for _, name_en in _named_countries(gaz)}


def _countries(gaz: Gazetteer) -> dict[str, str]:
    """fold(country name or variant) → the country's Vietnamese name."""
    out: dict[str, str] = {}
    for p in gaz.partners.values():
        if p.kind == "country" and p.country is not None:
            for name in (p.name, *p.variants):
                out[fold(name)] = p.country
    return out


def _admin_index(gaz: Gazetteer) -> Index:
    fold_rule: CaseRule = "fold"
    return build_index((w, w, "admin", fold_rule) for w in gaz.partner_rules["admin_words"])


def _country_in(gaz: Gazetteer, text: str) -> str | None:
    countries = gaz.derived("partner_countries", _countries)
    return countries.get(fold(text.strip()))


def _pattern_spans(gaz: Gazetteer, a: Analysed, taken: list[PartnerSpan]) -> list[PartnerSpan]:
    """Foreign places found by pattern (see the module doc)."""
    out: list[PartnerSpan] = []
    n = len(a.tokens)
    places = gaz.derived("vietnamese_places", _vietnamese_places)
    for admin in find(gaz.derived("partner_admin_index", _admin_index), a):
        i, k = admin.start, admin.end
        word = admin.pattern.keys
        if _after_unit(gaz, a, i):
            continue
        j = k
        while (j < n and j - k < _MAX_NAME_WORDS and not a.hard[j]
               and upper_initial(a.tokens[j].text) and a.tokens[j].text[0].isalpha()):
            j += 1
        if j == k:
            continue
        start, end = a.span(i, j)
        name_start = a.tokens[k].start
        base = a.text[name_start:end]
        if fold(base) in places or any(s.start < end and start < s.end for s in taken):
            continue
        country = None
        bracket = _BRACKET_COUNTRY.match(a.text, end)
        if bracket is not None:
            country = _country_in(gaz, bracket.group(1))
        code = None
        if country is None:
            left, right = sentence_bounds(a.text, start, end)
            sentence = analyse(a.text[left:right])
            named = [m.pattern.payload for m in find(partner_index(gaz), sentence)]
            subdivisions = gaz.derived("iso_subdivisions", _subdivisions)
            for partner in named:
                item = gaz.partners[partner]
                if item.kind == "country" and item.country is not None:
                    code = subdivisions.get(item.country, {}).get(_iso_key(base))
                    if code is not None:
                        country = item.country
                        break
        if country is None:
            continue
        kind = "city" if word[0] in ("thành", "thủ") else "region"
        name = f"{' '.join(t.text for t in a.tokens[i:k]).lower()} {base}"
        out.append(PartnerSpan(start, end, a.text[start:end], name, "pattern", country, kind,
                               code))
    return out


def partner_spans(gaz: Gazetteer, text: str) -> list[PartnerSpan]:
    a = analyse(text)
    out: list[PartnerSpan] = []
    for m in find(partner_index(gaz), a, _acceptor(gaz, a)):
        start, end = a.span(m.start, m.end)
        item = gaz.partners[m.pattern.payload]
        out.append(PartnerSpan(start, end, text[start:end], item.name, m.pattern.source,
                               item.country, item.kind, item.iso_3166_2))
    out.extend(_pattern_spans(gaz, a, out))
    return sorted(out, key=lambda s: s.start)


def partner_ref(span: PartnerSpan, raw: str, count: int = 1) -> PartnerRef:
    return PartnerRef(raw=raw, name=span.name, country=span.country, kind=span.kind,
                      count=count, iso_3166_2=span.iso_3166_2)


def find_partners(text: str, gazetteer: Gazetteer | None = None) -> list[PartnerRef]:
    """The partners named in ``text``, one per partner with its count, in order of first
    mention (``raw`` = the first mention as written)."""
    first: dict[str, PartnerSpan] = {}
    counts: dict[str, int] = {}
    for s in partner_spans(gazetteer or default_gazetteer(), text):
        first.setdefault(s.name, s)
        counts[s.name] = counts.get(s.name, 0) + 1
    return [partner_ref(s, s.raw, counts[n]) for n, s in first.items()]


if __name__ == "__main__":  # rebuild data/iso_subdivisions.json from pycountry
    try:
        found = subdivision_table(default_gazetteer())
    except ImportError:
        sys.exit("pycountry is needed to rebuild the subdivision table")
    target = Path(__file__).parent / SUBDIVISIONS_FILE
    target.write_text(json.dumps(found, ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                      "utf-8")
    print(f"{len(found)} countries → {target}")
