"""Words split by glyph fallback ("c ủa", "Th ể", "Vi ệt") put back together.

A PDF typeset in a font without Vietnamese glyphs draws each missing glyph from a fallback
font, as a text run of its own; text extraction then sees a gap and a space inside the word.
Two or three pieces are joined when the space touches a Vietnamese letter outside Latin-1,
the joined word is a Vietnamese syllable, and not every piece is a syllable by itself. The
syllables are those of underthesea's 74K-word dictionary seen in ≥ 2 entries, kept as a data
file (``data/syllables.txt``, rebuilt by ``python -m vnplan.extract.readers.pdf_glyphs``) so
that reading a PDF neither imports underthesea nor parses its dictionary.
"""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path

from vnplan.text.underthesea_files import word_list

SYLLABLES_FILE = "data/syllables.txt"
_MIN_ENTRIES = 2  # a syllable seen in a single dictionary entry is too often a typo
_VOWELS = set("aăâeêioôơuưy")
SOFT_SPACE = "\u2060"  # from the PDF reader: a space it inserted where the font changes
_WORD_EDGE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
_FALLBACK_LETTER = re.compile(r"[^\W\d_\x00-\xff]")  # a letter outside Latin-1
_GAP = re.compile(f"([ {SOFT_SPACE}]+)")
_EDGE = "\"'“”‘’()[]{},.;:!?…-–—/«»"  # punctuation that may cling to a word


def _base_letter(char: str) -> str:
    """"ệ" → "ê", "ủ" → "u": the letter without its tone mark (vowel quality kept)."""
    decomposed = unicodedata.normalize("NFD", char.lower())
    kept = "".join(c for c in decomposed if c not in "\u0300\u0301\u0303\u0309\u0323")
    return unicodedata.normalize("NFC", kept)[:1]


def is_fallback_letter(char: str) -> bool:
    """A letter that fonts without Vietnamese support lack (outside Latin-1)."""
    return char.isalpha() and ord(char) > 0xFF


@cache
def syllables() -> frozenset[str]:
    """Lowercase NFC Vietnamese syllables (the committed data file)."""
    text = resources.files(__package__).joinpath(SYLLABLES_FILE).read_text("utf-8")
    return frozenset(text.split())


def dictionary_syllables(entries: Iterable[str]) -> frozenset[str]:
    """The syllables of a word list (one entry a line) seen in ≥ `_MIN_ENTRIES` entries."""
    counts: dict[str, int] = {}
    for line in entries:
        for word in set(unicodedata.normalize("NFC", line.lower()).split()):
            if word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    return frozenset(
        w for w, n in counts.items()
        if n >= _MIN_ENTRIES and any(_base_letter(c) in _VOWELS for c in w)
    )


def _is_syllable(word: str) -> bool:
    return word.lower() in syllables()


def _joinable(pieces: list[str], soft: bool) -> bool:
    """Do these pieces make one word broken by glyph fallback? `soft`: the PDF reader saw a
    font change at each break (then the pieces need not be invalid on their own)."""
    if not all(p.isalpha() for p in pieces):
        return False
    if not all(is_fallback_letter(a[-1]) or is_fallback_letter(b[0])
               for a, b in itertools.pairwise(pieces)):
        return False
    if not _is_syllable("".join(pieces)):
        return False
    return soft or not all(_is_syllable(p) for p in pieces)


def rejoin_glyph_splits(text: str) -> tuple[str, int]:
    """Text with split words rejoined (and `SOFT_SPACE`s left made plain spaces), and how many
    joins were made."""
    if not _FALLBACK_LETTER.search(text):
        return text.replace(SOFT_SPACE, " "), 0
    parts = _GAP.split(text)
    tokens, gaps = parts[::2], parts[1::2]  # gaps[i] lies between tokens[i] and tokens[i + 1]
    if len(tokens) < 2:
        return text.replace(SOFT_SPACE, " "), 0
    # a split leaves an unknown piece (or a font change) at most two tokens before its gap,
    # a fallback letter on one side of it, and pieces that make a syllable (`_join_at`):
    # only the gaps near an unknown piece are tried
    known = syllables()  # no syllable has an `_EDGE` mark: a known token needs no stripping
    unknown = [k for k, token in enumerate(tokens)
               if token.lower() not in known and token.strip(_EDGE).lower() not in known]
    near = {i for k in unknown for i in (k - 2, k - 1, k)}
    if SOFT_SPACE in text:
        near.update(i for k, gap in enumerate(gaps) if SOFT_SPACE in gap for i in (k - 1, k))
    joined: dict[int, tuple[str, int]] = {}
    after = 0  # the first token not inside a join already made
    for i in sorted(near):
        if after <= i < len(tokens) - 1 and _breakable(tokens[i], tokens[i + 1]):
            found = _join_at(tokens, gaps, i)
            if found is not None:
                joined[i] = found
                after = i + found[1]
    if not joined:
        return " ".join(tokens).strip(), 0
    out: list[str] = []
    i = 0
    while i < len(tokens):
        word, used = joined.get(i, (tokens[i], 1))
        out.append(word)
        if i + used - 1 < len(gaps):
            out.append(" ")
        i += used
    return "".join(out).strip(), sum(used - 1 for _, used in joined.values())


def _breakable(left: str, right: str) -> bool:
    return _is_fallback(left[-1:]) or _is_fallback(right[:1])


def _is_fallback(char: str) -> bool:
    return char > "\xff" and char.isalpha()


def _join_at(tokens: list[str], gaps: list[str], i: int) -> tuple[str, int] | None:
    """The word starting at token i made of 3 or 2 pieces, if they are a split word."""
    known = syllables()
    for size in (3, 2):
        if i + size > len(tokens):
            continue
        group = tokens[i : i + size]
        if "".join([group[0].lstrip(_EDGE), *group[1:-1], group[-1].rstrip(_EDGE)]).lower() \
                not in known:
            continue  # the cheap test first: most neighbours do not make a syllable
        lead = _WORD_EDGE.match(group[0])
        tail = _WORD_EDGE.match(group[-1])
        assert lead is not None and tail is not None
        if lead[3] or tail[1] or any(not p.isalpha() for p in group[1:-1]):
            continue
        pieces = [lead[2], *group[1:-1], tail[2]]
        soft = all(set(gap) == {SOFT_SPACE} for gap in gaps[i : i + size - 1])
        if _joinable(pieces, soft):
            return lead[1] + "".join(pieces) + tail[3], size
    return None


if __name__ == "__main__":  # rebuild data/syllables.txt from underthesea's dictionary
    source = word_list()
    if source is None:
        sys.exit("underthesea's dictionary is needed to rebuild the syllable list")
    found = dictionary_syllables(source.read_text("utf-8").splitlines())
    target = Path(__file__).with_name("data") / "syllables.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_text("\n".join(sorted(found)) + "\n", "utf-8")
    print(f"{len(found)} syllables → {target}")
