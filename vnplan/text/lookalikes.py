"""Letters that look Vietnamese and are not: repaired before anything reads the text.

"Ð" (U+00D0, Icelandic eth) typed for "Đ", "ƣ" (U+01A3) that some PDF fonts give for "ư",
Cyrillic or Greek letters inside a Vietnamese word or a document number ("ВСТ" in
"24/HDLN-BCA-ВСТ" from an OCR layer), invisible characters. The tables are data
(``data/characters.json``); every repair is reported as a warning by `fix_text`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache

from vnplan.schema import Warning
from vnplan.text.data import load

_WORD = re.compile(r"\w+")
LATIN_SHARE = 0.5  # a line more Latin than this takes its Cyrillic/Greek look-alike words as Latin


@cache
def _characters() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load("characters")
    return dict(data["lookalikes"]), dict(data["mixed_script"]), frozenset(data["invisible"])


@cache
def _always_table() -> dict[int, str]:
    return {ord(old): new for old, new in _characters()[0].items()}


@cache
def _suspects() -> re.Pattern[str]:
    """Any look-alike letter: most lines have none and are returned as they are."""
    always, mixed, _ = _characters()
    return re.compile("[" + "".join(re.escape(c) for c in sorted({*always, *mixed})) + "]")


def _is_latin(char: str) -> bool:
    return "LATIN" in unicodedata.name(char, "")


def fix_lookalikes(text: str) -> str:
    """`text` with look-alike letters replaced (see the module doc).

    >>> fix_lookalikes("ÐBSCL"), fix_lookalikes("Số: 24/HDLN-BCA-ВСТ")
    ('ĐBSCL', 'Số: 24/HDLN-BCA-BCT')
    """
    if not _suspects().search(text):
        return text
    mixed = _characters()[1]
    text = text.translate(_always_table())
    if mixed.keys().isdisjoint(text):
        return text
    letters = [c for c in text if c.isalpha()]
    latin_line = sum(_is_latin(c) for c in letters) >= LATIN_SHARE * len(letters)
    return _WORD.sub(lambda m: _unmix(m.group(), mixed, latin_line), text)


def _unmix(word: str, mixed: dict[str, str], latin_line: bool) -> str:
    has_latin = any(_is_latin(c) for c in word)
    all_mapped = all(c in mixed or not c.isalpha() for c in word)
    if has_latin or (latin_line and all_mapped):
        return "".join(mixed.get(c, c) for c in word)
    return word


def fix_text(text: str) -> tuple[str, list[Warning]]:
    """NFC, look-alike letters and invisible characters; one warning per kind of change."""
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
    fixed = fix_lookalikes(nfc)
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
