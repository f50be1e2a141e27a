"""Agency names the gazetteer lacks: a general model of a Vietnamese public body's name.

A name is a head noun (Sở, Bộ, Ban, Cục, Trung tâm, Ủy ban … — the heads of the national
standard, ``vnplan.extract.bodies``, and the gazetteer's) followed by its modifiers, up to:

* a verb or a word that starts a task ("chủ trì", "tổ chức", "báo cáo" …), a preposition
  ("của", "tại", "về việc" …), a date word — the gazetteer's ``name_stops``;
* a person's title or name ("Thứ trưởng", "ông", or a family name followed by capitalised
  words: "Bộ Y tế | Đỗ Xuân Tuyên");
* a conjunction or comma that starts a new actor (a head follows), or the segment's end (a
  line, a cell, a full stop, a colon …).

underthesea's ``pos_tag`` gives the words and their tags: its segmentation keeps "Hội nghị",
"Bộ trưởng", "Báo cáo" whole, so they are not read as "Hội", "Bộ", "Báo"; a lowercase
modifier is kept when it is a noun or adjective (or a verb right after the head: "Ban quản
lý", "Trung tâm phục vụ"), a capitalised one always. A name that is the head alone is no name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import cast

from vnplan.text.chunks import pieces

from .text import WORD, fold, fold_token, key_of, upper_initial

_SEGMENT = re.compile(r"[^.;:!?()\[\]\n\t“”\"]+")
_SCOPE_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "thị xã", "quận", "trung ương", "xã",
                          "phường", "thị trấn", "đặc khu", "khu vực", "cấp tỉnh", "việt nam"})
_JOINERS = frozenset({"và", ",", "-", "–", "&"})
_MODIFIER_TAGS = frozenset({"N", "Np", "Nc", "Nu", "Ny", "A", "M"})
Word = tuple[str, str, int, int]  # text, POS tag, start, end


@dataclass(frozen=True)
class NameModel:
    """The word lists the model reads (folded)."""

    heads: frozenset[str]
    first_syllables: frozenset[str]
    stops: tuple[tuple[str, ...], ...]  # folded word sequences
    positions: frozenset[str]
    surnames: frozenset[str]
    person_words: frozenset[str]
    places: frozenset[str]  # province names: "Hà Nội", "Lâm Đồng" are no person's


@cache
def _tagger() -> Callable[[str], list[tuple[str, str]]]:
    # underthesea takes ~0.5 s to import: only load it when a text needs it.
    from underthesea import pos_tag

    def tag(text: str) -> list[tuple[str, str]]:
        # in bounded pieces: the tokenizer is quadratic on long runs without spaces
        tags: list[tuple[str, str]] = []
        for piece, is_run in pieces(text):
            if is_run:
                tags.append((piece, "X"))
            elif piece.strip():
                tags.extend(cast(list[tuple[str, str]], pos_tag(piece)))
        return tags

    return tag


def _words(segment: str) -> list[Word]:
    """Tagged words of ``segment`` with their offsets in it."""
    out: list[Word] = []
    pos = 0
    for word, tag in _tagger()(segment):
        pattern = r"\s*".join(re.escape(part) for part in word.split())
        m = re.compile(pattern).search(segment, pos)
        if m is None:
            continue
        out.append((word, tag, m.start(), m.end()))
        pos = m.end()
    return out


def _head_kind(word: str, model: NameModel) -> int:
    """0: not a head; 1: a head word ("Sở"); 2: a head glued to a name ("Đài Phát thanh")."""
    if not upper_initial(word):
        return 0
    key = fold(word)
    if key in model.heads:
        return 1
    for head in model.heads:
        rest = word[len(head) + 1 :]
        if key.startswith(head + " ") and upper_initial(rest):
            return 2
    return 0


def _is_person(words: list[Word], j: int, model: NameModel) -> bool:
    """Whether word ``j`` opens a person's title or name."""
    word, tag = words[j][0], words[j][1]
    key = fold(word)
    if key in model.positions or key in model.person_words:
        return True
    if key in model.places or (j and fold(words[j - 1][0]) in _SCOPE_WORDS):
        return False
    syllables = word.split()
    if syllables and fold(syllables[0]) in model.surnames and upper_initial(word):
        capitalised = [s for s in syllables if upper_initial(s)]
        if len(syllables) >= 2 and len(capitalised) == len(syllables) and tag == "Np":
            return True
        nxt = words[j + 1][0] if j + 1 < len(words) else ""
        return len(syllables) == 1 and tag == "Np" and upper_initial(nxt)
    return False


def _stops_at(words: list[Word], j: int, model: NameModel) -> bool:
    keys = key_of(" ".join(w[0] for w in words[j : j + 3]))
    return any(keys[: len(stop)] == stop for stop in model.stops)


def _name_end(words: list[Word], i: int, model: NameModel, free: Callable[[int], bool]) -> int:
    """Index after the last word of the name that starts with the head at ``i``; ``i`` when
    nothing but the head is there."""
    named = _head_kind(words[i][0], model) == 2
    j = i + 1
    while j < len(words) and free(j):
        word, tag = words[j][0], words[j][1]
        if _head_kind(word, model) or _is_person(words, j, model):
            break
        if upper_initial(word) and word[0].isalpha():
            if _stops_at(words, j, model) and not named:
                break
            named, j = True, j + 1
        elif named and word.isdigit():
            j += 1
        elif fold(word) in _SCOPE_WORDS and (named or j == i + 1):
            named, j = True, j + 1
        elif _stops_at(words, j, model):
            break
        elif word[0].isalpha() and (tag in _MODIFIER_TAGS or tag == "V"):
            named, j = True, j + 1
        elif fold(word) == "các" and words[j - 1][1] == "V" and j + 1 < len(words) and (
            words[j + 1][1] in _MODIFIER_TAGS
        ):
            j += 1
        elif (
            word in _JOINERS
            and named
            and j + 1 < len(words)
            and free(j + 1)
            and words[j + 1][0][0].isalpha()
            and not _head_kind(words[j + 1][0], model)
            and not _stops_at(words, j + 1, model)
            and (upper_initial(words[j + 1][0]) or words[j + 1][1] in _MODIFIER_TAGS
                 or words[j + 1][1] == "V")
            and fold(words[j + 1][0]) not in {"các", "những"}
        ):
            j += 2
        else:
            break
    return j if named else i


def agency_like_phrases(
    text: str, covered: list[bool], model: NameModel
) -> list[tuple[int, int]]:
    """Character spans of phrases shaped like agency names that overlap no ``covered`` char."""
    spans: list[tuple[int, int]] = []
    for seg in _SEGMENT.finditer(text):
        base = seg.start()
        if not any(
            fold_token(w.group()) in model.first_syllables
            and upper_initial(w.group())
            and not covered[base + w.start()]
            for w in WORD.finditer(seg.group())
        ):
            continue
        words = _words(seg.group())

        def free(k: int, words: list[Word] = words, base: int = base) -> bool:
            _, _, s, e = words[k]
            return not any(covered[base + s : base + e])

        i = 0
        while i < len(words):
            if not free(i) or not _head_kind(words[i][0], model):
                i += 1
                continue
            if _head_kind(words[i][0], model) == 2 and _is_person(words, i, model):
                i += 1
                continue
            j = _name_end(words, i, model, free)
            while j > i + 1 and words[j - 1][0] in _JOINERS:
                j -= 1
            if j > i:
                spans.append((base + words[i][2], base + words[j - 1][3]))
            i = max(j, i + 1)
    return spans
