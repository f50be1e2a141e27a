"""Text keys and repairs shared by every gazetteer: fold(), fix_text(), word tokens.

Matching never compares raw strings: both the gazetteer names and the document text are cut
into word tokens whose key is ``fold_token`` (NFC, look-alikes fixed, one tone-mark placement,
casefolded). Punctuation between words is ignored for matching, except that a "hard" gap
(``;``, ``:``, brackets, quotes, a sentence-ending full stop, a line or cell break) can never
fall inside a match unless the gazetteer name has the same kind of gap.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from vnplan.schema import Warning
from vnplan.text.fold import fold_syllable

from .data import load

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


@cache
def _characters() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load("characters")
    return (
        dict(data["lookalikes"]),
        dict(data["mixed_script"]),
        frozenset(data["invisible"]),
    )


def _lookalikes(text: str) -> str:
    always, mixed, _ = _characters()
    text = "".join(always.get(c, c) for c in text)
    if not any(c in mixed for c in text):
        return text
    return WORD.sub(lambda m: _unmix(m.group(), mixed), text)


def _unmix(word: str, mixed: dict[str, str]) -> str:
    has_latin = any("LATIN" in unicodedata.name(c, "") for c in word)
    return "".join(mixed.get(c, c) for c in word) if has_latin else word


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


def key_of(text: str) -> tuple[str, ...]:
    """The token keys of a name, punctuation ignored."""
    return tuple(t.key for t in tokenize(text))


def gap_is_hard(gap: str, previous_word: str) -> bool:
    """Whether the characters between two words end a name (a full stop after a short
    capitalised abbreviation such as "TP." does not)."""
    if any(c in _HARD_GAP for c in gap):
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


def fix_text(text: str) -> tuple[str, list[Warning]]:
    """NFC, look-alike letters (Ð U+00D0 → Đ U+0110, Cyrillic letters inside Latin words) and
    invisible characters; one warning per kind of change. The caller keeps the raw text."""
    warnings: list[Warning] = []
    nfc = unicodedata.normalize("NFC", text)
    if nfc != text:
        warnings.append(Warning(code="unicode_normalized", message="text normalised to NFC"))
    _, _, invisible = _characters()
    removed = sum(nfc.count(c) for c in invisible)
    if removed:
        nfc = "".join(c for c in nfc if c not in invisible)
        warnings.append(
            Warning(code="invisible_removed", message=f"{removed} invisible character(s) removed")
        )
    fixed = _lookalikes(nfc)
    if fixed != nfc:
        changes = Counter((a, b) for a, b in zip(nfc, fixed, strict=True) if a != b)
        for (old, new), n in sorted(changes.items()):
            warnings.append(
                Warning(
                    code="lookalike_fixed",
                    message=f"{old} → {new} (U+{ord(old):04X} → U+{ord(new):04X}) ×{n}",
                )
            )
    return fixed, warnings
