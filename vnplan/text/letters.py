"""The letters only Vietnamese writes, and how much of a text is written with them."""

from __future__ import annotations

import unicodedata


def _vietnamese_letters() -> frozenset[str]:
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    letters = {unicodedata.normalize("NFC", b + t) for b in bases for t in tones} | {"đ"}
    letters |= {c.upper() for c in letters}
    return frozenset(c for c in letters if len(c) == 1 and not c.isascii())


VIETNAMESE_LETTERS = _vietnamese_letters()


def _specific(letters: frozenset[str]) -> frozenset[str]:
    """The letters windows-1252 cannot produce: seeing them means a Vietnamese-aware decode."""
    out = set()
    for c in letters:
        try:
            c.encode("cp1252")
        except UnicodeEncodeError:
            out.add(c)
    return frozenset(out)


VIETNAMESE_SPECIFIC = _specific(VIETNAMESE_LETTERS)


def vietnamese_share(text: str) -> float:
    """Share of letters that only Vietnamese writes (ă, ơ, ư, tone-marked vowels …).

    >>> round(vietnamese_share("Kế hoạch"), 2), vietnamese_share("plan")
    (0.29, 0.0)
    """
    letters = [c for c in text if c.isalpha()]
    return sum(c in VIETNAMESE_LETTERS for c in letters) / len(letters) if letters else 0.0


def capitals_share(text: str) -> float:
    """Share of letters that are capitals (0.0 without letters): how much of a line is printed
    in capitals, which headings, bodies and signatures are, and OCR partly lowers.

    >>> capitals_share("GIÁM ĐỐC"), round(capitals_share("Kế hoạch"), 2), capitals_share("12")
    (1.0, 0.14, 0.0)
    """
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0
