"""Folding text for comparison: one spelling of a Vietnamese word, whatever its tone style.

Vietnamese puts the tone mark of "oa", "oe", "uy" in two places ("hoá" / "hóa", "thuỷ" /
"thủy"), and documents typed by hand add misplaced marks ("hóan"), a doubled mark ("dàì"), a
lost horn ("chuơng") or "ngh" before a back vowel ("nghành"). `fold_syllable` writes every such
form one way — the tone on the vowel the traditional rule names — so two spellings of a word
compare equal. `fold_heading` applies it to a heading or a column name, lower-cased.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = frozenset("ăâêôơư")  # a vowel with its own mark carries the tone
_BACK = frozenset("aăâoôơuư")  # "ngh" is written only before e, ê, i
_HORNLESS = re.compile(r"(?i)(?<![q])(u|ư)(ơ|o)(?=[cmnpt])")  # "chuơng", "bưóc" → "ươ"
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=65536)
def fold_syllable(word: str) -> str:
    """One written form of a syllable, case kept: NFC, the tone on its vowel.

    >>> [fold_syllable(w) for w in ("hoá", "Thuỷ", "qúy", "nghành", "chuơng", "hoạch")]
    ['hóa', 'Thủy', 'quý', 'ngành', 'chương', 'hoạch']
    """
    nfd = unicodedata.normalize("NFD", word)
    tones = {c for c in nfd if c in TONES}
    bare = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONES))
    if len(tones) > 1 or not bare.isalpha():
        return unicodedata.normalize("NFC", word)
    bare = _spelled(bare)
    if not tones:
        return bare
    at = _tone_position(bare.lower())
    if at is None:
        return unicodedata.normalize("NFC", word)
    return unicodedata.normalize("NFC", bare[:at] + bare[at] + tones.pop() + bare[at + 1 :])


def _spelled(bare: str) -> str:
    """Spelling variants of an unmarked syllable made one: "ngh" + back vowel, a lost horn,
    "qui" for "quy"."""
    low = bare.lower()
    if low.startswith("ngh") and low[3:4] in _BACK:
        bare, low = bare[:2] + bare[3:], low[:2] + low[3:]
    bare = _HORNLESS.sub(lambda m: _match_case("ư", m[1]) + _match_case("ơ", m[2]), bare)
    if bare.lower() == "qui":
        bare = bare[:2] + _match_case("y", bare[2])
    return bare


def _match_case(letter: str, like: str) -> str:
    return letter.upper() if like.isupper() else letter


def _tone_position(low: str) -> int | None:
    """Index of the vowel that carries the tone in a lower-case syllable without tone, or None
    if it is not one Vietnamese syllable."""
    start = next((i for i, c in enumerate(low) if c in _VOWELS), None)
    if start is None:
        return None
    end = start
    while end < len(low) and low[end] in _VOWELS:
        end += 1
    if any(c in _VOWELS for c in low[end:]):
        return None
    onset_u = start > 0 and low[start - 1] == "q" and low[start] == "u"
    onset_i = start > 0 and low[start - 1] == "g" and low[start] == "i" and end - start > 1
    if onset_u or onset_i:
        start += 1
    if start == end:
        return None  # "qũ": the onset's u is all there is
    cluster, final = low[start:end], low[end:]
    marked = [k for k, c in enumerate(cluster) if c in _MARKED]
    if marked:
        return start + marked[-1]
    if final:
        return start + len(cluster) - 1
    return start + (1 if len(cluster) == 3 else 0)


def fold_words(text: str) -> str:
    """`fold_syllable` on every word of a text, the rest kept."""
    return _WORD.sub(lambda m: fold_syllable(m.group()), unicodedata.normalize("NFC", text))


def fold_heading(text: str) -> str:
    """Lowercase, one spelling per word, spacing collapsed, end punctuation dropped.

    >>> fold_heading("TỔ CHỨC  THỰC HIỆN:"), fold_heading("Văn hoá")
    ('tổ chức thực hiện', 'văn hóa')
    """
    text = fold_words(text.lower())
    return re.sub(r"\s+", " ", text).strip().rstrip(".:;").strip()


def bare_letters(text: str) -> str:
    """`text` lower-case without any diacritic, đ as d: "Phối hợp" → "phoi hop"."""
    return "".join(map(_bare_char, text.lower().replace("đ", "d")))


@cache
def _bare_char(char: str) -> str:
    """One character without its diacritics (what is left of its NFD form)."""
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def slug(text: str) -> str:
    """ASCII slug: "Lào Cai" → "lao-cai", "122/KH-UBND" → "122-kh-ubnd"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
