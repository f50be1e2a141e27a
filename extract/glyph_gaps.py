"""Syllables a PDF text layer printed without the space between them ("xửlý", "HồChí"): a
word of Vietnamese letters that is no syllable, carries a Vietnamese mark, and splits one way
only into two syllables is two words. Every split is reported, for a warning."""

from __future__ import annotations

import re
import unicodedata

from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.text.letters import VIETNAMESE_LETTERS

_WORD = re.compile(r"[^\W\d_]+")


def split_glued(text: str) -> tuple[str, list[str]]:
    """`text` with its glued syllables apart, and the words it split.

    >>> split_glued("Về việc xửlý vi phạm")
    ('Về việc xử lý vi phạm', ['xửlý'])
    >>> split_glued("data center")
    ('data center', [])
    """
    known = syllables()
    split: list[str] = []

    def apart(match: re.Match[str]) -> str:
        word = match.group()
        low = unicodedata.normalize("NFC", word.lower())
        if low in known or not VIETNAMESE_LETTERS.intersection(low) or len(low) != len(word):
            return word
        cuts = [k for k in range(1, len(low)) if low[:k] in known and low[k:] in known]
        if len(cuts) != 1:
            return word
        split.append(word)
        return f"{word[: cuts[0]]} {word[cuts[0] :]}"

    return _WORD.sub(apart, text), split
