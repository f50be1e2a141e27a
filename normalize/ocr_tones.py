"""Tone marks OCR confuses: the hook above read as an acute or a tilde and back ("Thế thao"
for "Thể thao", "Tố chức" for "Tổ chức", "Đấy mạnh" for "Đẩy mạnh").

A two-syllable run is repaired only where the dictionary is the evidence: the run as read is
not a Vietnamese word, and exactly one reading with the confused marks swapped is (underthesea's
Viet74K word list). Used on text that came from OCR only.

The two-syllable words of that list — the only ones a two-syllable run can be — are kept as a
data file (``data/compound_words.txt``, rebuilt by ``python -m vnplan.normalize.ocr_tones``), so
that the first OCR'd document neither parses the 74K-word list nor needs underthesea for it.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from vnplan.schema import Warning

_WORD_LIST = ("corpus", "data", "Viet74K.txt")
COMPOUND_WORDS_FILE = "data/compound_words.txt"
_SYLLABLE = re.compile(r"[^\W\d_]+")
# combining marks OCR mixes up: hook above (U+0309), acute (U+0301), tilde (U+0303)
_CONFUSED = {"\u0309": ("\u0301", "\u0303"), "\u0301": ("\u0309",), "\u0303": ("\u0309",)}


@cache
def compound_words() -> frozenset[str]:
    """Lower-case NFC words of two syllables (the committed data file)."""
    text = resources.files(__package__).joinpath(COMPOUND_WORDS_FILE).read_text("utf-8")
    return frozenset(text.splitlines())


def dictionary_compounds(entries: Iterable[str]) -> frozenset[str]:
    """The two-syllable words of a word list (one entry a line), lower-case NFC."""
    words = (unicodedata.normalize("NFC", line.strip().lower()) for line in entries)
    return frozenset(w for w in words if len(w.split(" ")) == 2)


def word_list_path() -> Path | None:
    """underthesea's word list, where underthesea is installed."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations)), *_WORD_LIST)
    return path if path.is_file() else None


def tone_variants(syllable: str) -> list[str]:
    """The syllable with its tone mark swapped for each mark OCR confuses it with."""
    decomposed = unicodedata.normalize("NFD", syllable)
    out = []
    for mark, swaps in _CONFUSED.items():
        if mark in decomposed:
            out += [unicodedata.normalize("NFC", decomposed.replace(mark, s)) for s in swaps]
    return out


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end() : second.start()] == " "


def _bound(text: str, syllables: list[re.Match[str]], i: int, words: frozenset[str]) -> bool:
    """Does syllable i or i+1 already form a word, as read, with its other neighbour
    ("địa bàn | tỉnh": "bàn" belongs to "địa bàn")?"""
    before = i - 1 >= 0 and _adjacent(text, syllables[i - 1], syllables[i]) and (
        f"{syllables[i - 1].group()} {syllables[i].group()}".lower() in words
    )
    j = i + 2
    after = j < len(syllables) and _adjacent(text, syllables[i + 1], syllables[j]) and (
        f"{syllables[i + 1].group()} {syllables[j].group()}".lower() in words
    )
    return before or after


def _match_case(model: str, word: str) -> str:
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def repair_tone_confusions(text: str) -> tuple[str, list[Warning]]:
    """`text` with dictionary-evidenced tone-mark repairs, and one warning per repair."""
    words = compound_words()
    if not words:
        return text, []
    syllables = list(_SYLLABLE.finditer(text))
    edits: list[tuple[int, int, str]] = []
    warnings: list[Warning] = []
    taken = -1
    for i in range(len(syllables) - 1):
        first, second = syllables[i], syllables[i + 1]
        if first.start() <= taken or not _adjacent(text, first, second):
            continue
        a, b = first.group(), second.group()
        if f"{a} {b}".lower() in words or _bound(text, syllables, i, words):
            continue
        readings = {
            (x, y)
            for x in [a, *tone_variants(a)]
            for y in [b, *tone_variants(b)]
            if (x, y) != (a, b) and f"{x} {y}".lower() in words
        }
        if len(readings) != 1:
            continue
        x, y = readings.pop()
        for match, new in ((first, x), (second, y)):
            if new != match.group():
                edits.append((match.start(), match.end(), _match_case(match.group(), new)))
        warnings.append(Warning(code="ocr_repaired", message=f"{a} {b} → {x} {y}"))
        taken = second.end()
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text, warnings


if __name__ == "__main__":  # rebuild data/compound_words.txt from underthesea's word list
    source = word_list_path()
    if source is None:
        sys.exit("underthesea's word list is needed to rebuild the compound words")
    found = dictionary_compounds(source.read_text("utf-8").splitlines())
    target = Path(__file__).with_name("data") / "compound_words.txt"
    target.write_text("\n".join(sorted(found)) + "\n", "utf-8")
    print(f"{len(found)} two-syllable words → {target}")
