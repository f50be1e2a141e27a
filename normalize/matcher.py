"""Longest-match search of gazetteer names in text, on word tokens.

A name becomes a ``Pattern``: its token keys, plus how strictly case must agree:

* ``fold``  — any case ("sở Văn hóa, Thể thao và Du lịch" = "Sở Văn hóa, Thể thao và Du lịch");
* ``shape`` — a word capitalised in the name must be capitalised in the text (proper nouns:
  "Hòa Bình" the province, not "hòa bình" peace);
* ``exact`` — every word as written, and not glued to a document number by "-" or "/"
  (abbreviations: "HĐND", but not the "UBND" of "122/KH-UBND" or of "HĐND&UBND").

The search is one pass of an Aho-Corasick automaton (pyahocorasick) over the text's token keys,
which lists, at each word, the patterns whose keys start there; the walk left to right then
takes, at each word, the longest of them that fits and that the caller's ``accept`` admits;
matches never overlap. The cost is linear in the text plus the matches.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

import ahocorasick

from .gazetteer import Gazetteer
from .name_tokens import NameTokens, name_tokens
from .text import Token, hard_gaps, tokenize, upper_initial

CaseRule = Literal["fold", "shape", "exact"]
_GLUE = frozenset("-/&")
_SERIALS = itertools.count()
_BRACKETS = (("(", ")"), ("[", "]"), ("“", "”"))
_LONG = 4  # a name this long may be written with commas its gazetteer spelling lacks


@dataclass(frozen=True, slots=True)
class Pattern:
    keys: tuple[str, ...]
    upper: tuple[bool, ...]
    exact: tuple[str, ...] | None
    hard: tuple[bool, ...]
    payload: str
    source: str
    commas: tuple[bool, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    start: int
    end: int
    pattern: Pattern


@dataclass(frozen=True, slots=True, eq=False)
class Index:
    """Patterns by their first key (longest first), and the automaton over all their keys."""

    by_first: dict[str, tuple[Pattern, ...]]
    automaton: Any  # ahocorasick.Automaton: " k1 k2 " → the patterns with those keys, ranked
    serial: int = field(default_factory=lambda: next(_SERIALS))


@dataclass(frozen=True, slots=True)
class Analysed:
    text: str
    tokens: tuple[Token, ...]
    hard: tuple[bool, ...]
    commas: tuple[bool, ...]  # a comma before the token
    keyline: str
    starts: dict[int, int]  # offset in ``keyline`` of the space before a token → its index
    scans: dict[int, tuple[tuple[Pattern, ...], ...]] = field(default_factory=dict)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``start`` .. ``end - 1``."""
        return self.tokens[start].start, self.tokens[end - 1].end

    def raw(self, start: int, end: int) -> str:
        a, b = self.span(start, end)
        return self.text[a:b]

    def closed_span(self, start: int, end: int) -> tuple[int, int]:
        """Like ``span``, but taking in a closing bracket that the words leave open
        ("Kênh VTV4 (kênh truyền hình đối ngoại)")."""
        a, b = self.span(start, end)
        for left, right in _BRACKETS:
            unclosed = self.text.count(left, a, b) > self.text.count(right, a, b)
            if unclosed and self.text[b : b + 1] == right:
                b += 1
        return a, b


@lru_cache(maxsize=4096)
def analyse(text: str) -> Analysed:
    """The tokens of ``text`` with their keys (each word folded once) and its key line."""
    tokens = tokenize(text)
    starts: dict[int, int] = {}
    offset = 0
    for i, tok in enumerate(tokens):
        starts[offset] = i
        offset += len(tok.key) + 1
    keyline = " " + " ".join(t.key for t in tokens) + " "
    commas = tuple(
        i > 0 and "," in text[tokens[i - 1].end : tok.start] for i, tok in enumerate(tokens)
    )
    return Analysed(text, tuple(tokens), tuple(hard_gaps(text, tokens)), commas, keyline, starts)


def candidates(index: Index, a: Analysed) -> tuple[tuple[Pattern, ...], ...]:
    """For each token of ``a``, the patterns whose keys start there, in ``index`` order
    (longest first): one automaton pass, kept on ``a`` for the other lookups."""
    found = a.scans.get(index.serial)
    if found is not None:
        return found
    per_token: list[list[tuple[int, Pattern]]] = [[] for _ in a.tokens]
    if a.tokens and len(index.automaton):
        for end, (length, ranked) in index.automaton.iter(a.keyline):
            start = a.starts[end - length + 1]
            per_token[start].extend(ranked)
    found = tuple(_ranked(c) if c else () for c in per_token)
    a.scans[index.serial] = found
    return found


def _ranked(found: list[tuple[int, Pattern]]) -> tuple[Pattern, ...]:
    """The patterns found at one token, longest first (by their rank; a stable sort)."""
    if len(found) == 1:
        return (found[0][1],)
    return tuple(p for _, p in sorted(found, key=lambda x: x[0]))


def _exact_form(word: str) -> str:
    return unicodedata.normalize("NFC", word)


def make_pattern(name: str, payload: str, source: str, case: CaseRule) -> Pattern | None:
    words = name_tokens(name)  # a shipped gazetteer name, analysed in advance
    if words is None:
        a = analyse(name)
        words = NameTokens(tuple(t.text for t in a.tokens), tuple(t.key for t in a.tokens),
                           a.hard, a.commas)
    if not words.keys:
        return None
    return Pattern(
        keys=words.keys,
        upper=(tuple(upper_initial(text) for text in words.texts) if case == "shape"
               else (False,) * len(words.texts)),
        exact=tuple(_exact_form(text) for text in words.texts) if case == "exact" else None,
        hard=words.hard,
        payload=payload,
        source=source,
        commas=words.commas,
    )


Spelling = tuple[str, str, CaseRule]
"""Where a gazetteer entry keeps names (an attribute: a name or a tuple of them), the source a
match through them reports, and their case rule."""


def spelled(
    entries: Iterable[Any], payload: str, spellings: Iterable[Spelling]
) -> Iterator[tuple[str, str, str, CaseRule]]:
    """Every name of every entry as build_index takes it: (name, the entry's `payload`
    attribute, source, case rule), entry by entry, in the order of `spellings`."""
    for entry in entries:
        key = getattr(entry, payload)
        for attribute, source, case in spellings:
            names = getattr(entry, attribute)
            for name in (names,) if isinstance(names, str) else names:
                yield name, key, source, case


def spelling_index(
    gaz: Gazetteer, table: str, payload: str, spellings: Iterable[Spelling]
) -> Index:
    """The index of every spelling of the entries of the gazetteer's `table` ("partners",
    "provinces", "heritage"), built once per gazetteer."""

    def build(g: Gazetteer) -> Index:
        entries: dict[str, Any] = getattr(g, table)
        return build_index(spelled(entries.values(), payload, spellings))

    return gaz.derived(f"{table}_index", build)


def build_index(entries: Iterable[tuple[str, str, str, CaseRule]]) -> Index:
    """An index of (name, payload, source, case rule) entries, longest patterns first."""
    grouped: dict[str, dict[Pattern, None]] = {}
    for name, payload, source, case in entries:
        pattern = make_pattern(name, payload, source, case)
        if pattern is not None:
            grouped.setdefault(pattern.keys[0], {})[pattern] = None
    by_first = {
        first: tuple(sorted(patterns, key=lambda p: -len(p.keys)))
        for first, patterns in grouped.items()
    }
    by_keys: dict[str, list[tuple[int, Pattern]]] = {}
    for patterns in by_first.values():
        for rank, pattern in enumerate(patterns):
            by_keys.setdefault(" " + " ".join(pattern.keys) + " ", []).append((rank, pattern))
    automaton = ahocorasick.Automaton()
    for line, ranked in by_keys.items():
        automaton.add_word(line, (len(line), tuple(ranked)))
    if by_keys:
        automaton.make_automaton()
    return Index(by_first, automaton)


def fits(pattern: Pattern, a: Analysed, i: int) -> bool:
    """Whether ``pattern`` matches the tokens of ``a`` starting at token ``i``."""
    n = len(pattern.keys)
    if i + n > len(a.tokens):
        return False
    for k in range(n):
        tok = a.tokens[i + k]
        if tok.key != pattern.keys[k]:
            return False
        if k and a.hard[i + k] and not pattern.hard[k]:
            return False
        if k and a.commas[i + k] and not pattern.commas[k] and n < _LONG:
            return False  # "cấp tỉnh, Ủy viên" holds no "Tỉnh ủy"
        if pattern.upper[k] and not upper_initial(tok.text):
            return False
        if pattern.exact is not None and _exact_form(tok.text) != pattern.exact[k]:
            return False
    if pattern.exact is not None:
        start, end = a.span(i, i + n)
        before = a.text[start - 1] if start else " "
        after = a.text[end] if end < len(a.text) else " "
        if before in _GLUE or after in _GLUE:
            return False
    return True


def match_at(
    index: Index, a: Analysed, i: int, accept: Callable[[Match], bool] | None = None
) -> Match | None:
    """The longest accepted match starting at token ``i``."""
    for pattern in candidates(index, a)[i]:
        if fits(pattern, a, i):
            m = Match(i, i + len(pattern.keys), pattern)
            if accept is None or accept(m):
                return m
    return None


def find(index: Index, a: Analysed, accept: Callable[[Match], bool] | None = None) -> list[Match]:
    """Non-overlapping longest matches, left to right: tried only at the words where the
    automaton's one pass found a pattern starting."""
    out: list[Match] = []
    end = 0
    for i, ranked in enumerate(candidates(index, a)):
        if not ranked or i < end:
            continue
        m = match_at(index, a, i, accept)
        if m is not None:
            out.append(m)
            end = m.end
    return out


def exactly(index: Index, text: str, accept: Callable[[Match], bool] | None = None) -> Match | None:
    """The match that covers all of ``text`` (a whole name), if any."""
    a = analyse(text)
    if not a.tokens:
        return None
    m = match_at(index, a, 0, accept)
    if m is not None and m.end == len(a.tokens):
        return m
    # A shorter pattern might be the whole text when the longest one overran it.
    for pattern in candidates(index, a)[0]:
        if len(pattern.keys) == len(a.tokens) and fits(pattern, a, 0):
            m = Match(0, len(a.tokens), pattern)
            if accept is None or accept(m):
                return m
    return None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence (or table cell / line) around ``start:end``."""
    stops = ".;!?\n\t"
    left = max(text.rfind(c, 0, start) for c in stops) + 1
    rights = [p for p in (text.find(c, end) for c in stops) if p >= 0]
    return left, min(rights) if rights else len(text)


def contains_keys(
    a: Analysed, keys: tuple[str, ...], start: int = 0, end: int | None = None
) -> bool:
    """Whether the token keys ``keys`` occur contiguously in tokens ``start`` .. ``end``."""
    stop = len(a.tokens) if end is None else end
    n = len(keys)
    return any(
        tuple(t.key for t in a.tokens[i : i + n]) == keys for i in range(start, stop - n + 1)
    )
