"""Text keys shared by every gazetteer: fold() and word tokens (fix_text() is the text stage's).

Matching never compares raw strings: both the gazetteer names and the document text are cut
into word tokens whose key is ``fold_token`` (NFC, look-alikes fixed, one tone-mark placement,
casefolded). Punctuation between words is ignored for matching, except that a "hard" gap
(``;``, ``:``, brackets, quotes, a sentence-ending full stop, a line or cell break) can never
fall inside a match unless the gazetteer name has the same kind of gap.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from vnplan.text.fold import fold_syllable
from vnplan.text.lookalikes import fix_lookalikes as _lookalikes
from vnplan.text.lookalikes import fix_text as fix_text

WORD = re.compile(r"\w+")
_HARD_GAP = frozenset(';:()[]{}"“”‘’?!\n\r\t|*…<>/')
_DASHES = str.maketrans({"–": "-", "—": "-", "‑": "-", "−": "-", "“": '"', "”": '"', "’": "'"})
_SPACE_BEFORE = re.compile(r"\s+([,.;:!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[])\s+")
_SPACED_DASH = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")
_EDGE = " \t\r\n,.;:-–—/"
_CONNECTORS = ("và", "cùng", "với")


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: as written, its fold key, and where it is."""

    text: str
    key: str
    start: int
    end: int


@lru_cache(maxsize=65536)
def fold_token(word: str) -> str:
    """The matching key of one word: 'Hoà' → 'hòa', 'UỶ' → 'ủy', 'ÐBSCL' → 'đbscl'."""
    word = _lookalikes(unicodedata.normalize("NFC", word)).casefold()
    return word if word.isascii() else fold_syllable(word)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key of a text: NFC, look-alikes fixed, one tone-mark placement, casefolded,
    whitespace and the spacing around punctuation collapsed ("Thừa Thiên - Huế" and
    "Thừa Thiên-Huế" fold alike)."""
    text = _lookalikes(unicodedata.normalize("NFC", text))
    text = WORD.sub(lambda m: fold_token(m.group()), text)
    text = text.translate(_DASHES)
    text = _SPACES.sub(" ", text)
    text = _SPACED_DASH.sub("-", text)
    text = _SPACE_BEFORE.sub(r"\1", text)
    text = _SPACE_AFTER.sub(r"\1", text)
    return text.strip()


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their keys and offsets."""
    return [
        Token(m.group(), fold_token(m.group()), m.start(), m.end()) for m in WORD.finditer(text)
    ]


@lru_cache(maxsize=65536)
def key_of(text: str) -> tuple[str, ...]:
    """The token keys of a name, punctuation ignored."""
    return tuple(t.key for t in tokenize(text))


def gap_is_hard(gap: str, previous_word: str) -> bool:
    """Whether the characters between two words end a name (a full stop after a short
    capitalised abbreviation such as "TP." does not)."""
    if not _HARD_GAP.isdisjoint(gap):
        return True
    if "." in gap:
        return not (len(previous_word) <= 3 and previous_word[:1].isupper())
    return False


def hard_gaps(text: str, tokens: list[Token]) -> list[bool]:
    """``result[i]`` tells whether the gap before token ``i`` is hard (index 0 is always True)."""
    out = [True]
    for prev, tok in pairwise(tokens):
        out.append(gap_is_hard(text[prev.end : tok.start], prev.text))
    return out


def upper_initial(word: str) -> bool:
    return word[:1].isupper()


def clean_edges(text: str) -> str:
    """Strip spaces, list punctuation and a dangling "và"/"cùng"/"với" at both ends."""
    previous = None
    while previous != text:
        previous = text
        text = text.strip(_EDGE)
        for word in _CONNECTORS:
            low = text.casefold()
            if low.startswith(word + " "):
                text = text[len(word) + 1 :]
            elif low.endswith(" " + word):
                text = text[: -len(word) - 1]
    return text
