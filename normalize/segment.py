"""Agency names the gazetteer lacks: where they end, from underthesea's word segmentation.

Vietnamese writes an agency as a head word and a capitalised name whose later syllables are
lowercase ("Sở Tư pháp", "Trung tâm Xúc tiến Đầu tư"), so capitals alone cannot tell where
the name stops ("Sở Tư pháp tổ chức …"). ``underthesea.word_tokenize`` groups syllables
into words ("Tư pháp", "tổ chức"): the name is the head plus the following words that start
with a capital, joined by "và"/"," when the next word is capitalised too. Segmentation also
keeps "Hội nghị", "Bộ trưởng", "Ban hành" whole, so they are not taken for heads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from vnplan.text.chunks import tokenize_bounded

from .text import WORD, fold, fold_token, upper_initial

_SEGMENT = re.compile(r"[^.;:!?()\[\]\n\t“”\"]+")
_SCOPE_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "thị xã", "quận", "trung ương"})
_JOINERS = frozenset({"và", ",", "-", "–"})
Word = tuple[str, int, int]


@cache
def _word_tokenizer() -> Callable[[str], list[str]]:
    # underthesea takes ~0.5 s to import: only load it when a text needs it.
    from underthesea import word_tokenize

    def tokenize(text: str) -> list[str]:
        # in bounded pieces: the tokenizer is quadratic on long runs without spaces
        return tokenize_bounded(text, word_tokenize)

    return tokenize


def _words(segment: str) -> list[Word]:
    """Segmented words of ``segment`` with their offsets in it."""
    out: list[Word] = []
    pos = 0
    for word in _word_tokenizer()(segment):
        pattern = r"\s+".join(re.escape(part) for part in word.split())
        m = re.compile(pattern).search(segment, pos)
        if m is None:
            continue
        out.append((word, m.start(), m.end()))
        pos = m.end()
    return out


def _head_kind(word: str, heads: frozenset[str]) -> int:
    """0: not a head; 1: a head word ("Sở"); 2: a head glued to a name ("Đài Phát thanh")."""
    if not upper_initial(word):
        return 0
    key = fold(word)
    if key in heads:
        return 1
    for head in heads:
        rest = word[len(head) + 1 :]
        if key.startswith(head + " ") and upper_initial(rest):
            return 2
    return 0


def _name_end(words: list[Word], i: int, heads: frozenset[str], free: Callable[[int], bool]) -> int:
    """Index after the last word of the name that starts with the head at ``i``; ``i`` when
    no capitalised word follows the head."""
    named = _head_kind(words[i][0], heads) == 2
    j = i + 1
    while j < len(words) and free(j):
        word = words[j][0]
        if _head_kind(word, heads):
            break
        if upper_initial(word) and word[0].isalpha():
            named, j = True, j + 1
        elif named and fold(word) in _SCOPE_WORDS:
            j += 1
        elif (
            word in _JOINERS
            and j + 1 < len(words)
            and free(j + 1)
            and upper_initial(words[j + 1][0])
            and not _head_kind(words[j + 1][0], heads)
        ):
            named, j = True, j + 2
        else:
            break
    return j if named else i


@cache
def _head_keys(heads: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Folded head words ("sở", "ban", …) and their first syllables, computed once."""
    return (
        frozenset(fold(h) for h in heads),
        frozenset(fold_token(WORD.findall(h)[0]) for h in heads),
    )


def agency_like_phrases(
    text: str, covered: list[bool], heads: tuple[str, ...]
) -> list[tuple[int, int]]:
    """Character spans of phrases shaped like agency names that overlap no ``covered`` char."""
    head_keys, first_syllables = _head_keys(heads)
    spans: list[tuple[int, int]] = []
    for seg in _SEGMENT.finditer(text):
        base = seg.start()
        if not any(
            fold_token(w.group()) in first_syllables
            and upper_initial(w.group())
            and not covered[base + w.start()]
            for w in WORD.finditer(seg.group())
        ):
            continue
        words = _words(seg.group())

        def free(k: int, words: list[Word] = words, base: int = base) -> bool:
            _, s, e = words[k]
            return not any(covered[base + s : base + e])

        i = 0
        while i < len(words):
            if not free(i) or not _head_kind(words[i][0], head_keys):
                i += 1
                continue
            j = _name_end(words, i, head_keys, free)
            if j > i:
                spans.append((base + words[i][1], base + words[j - 1][2]))
            i = max(j, i + 1)
    return spans
