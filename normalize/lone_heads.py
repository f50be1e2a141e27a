"""Segments whose agency heads all stand alone, told without tagging their words.

``segment.agency_like_phrases`` reads a segment's words and their tags (underthesea's CRF
models, a fifth of a second to load) to find where a name that begins at a head ends. A head
followed by a word in lower case is a head alone whatever the tagger makes of that word —
its name would be capitalised — unless the word names a scope ("Công an tỉnh"), a level
("cấp xã", "các xã") or what the body belongs to ("thuộc"), or the head holds its field already
("Ban Quản lý dự án"); so is a head followed by a comma, a dash or the segment's end. A head
alone names no body unless a mention is written right after it ("Văn phòng | Tỉnh ủy"), and
a lower-case word or a comma between them rules that out. A segment needs its words tagged
only when one of its heads may begin a longer name.
"""

from __future__ import annotations

import re
from typing import Protocol

from .text import fold_token, upper_initial

_LETTERS = re.compile(r"[^\W\d_]+")
_PUNCTUATION = frozenset(",-–—&/")  # after a head, they end its name
# a lower-case word after a head that may take its name on: the first syllables of the scope
# words ("tỉnh", "thành phố", "trung ương", "khu vực" …), of the levels ("cấp", "các", "cùng
# cấp") and "thuộc", "trực thuộc"
GOES_ON = frozenset({"tỉnh", "thành", "huyện", "thị", "quận", "trung", "xã", "phường", "đặc",
                     "khu", "tw", "tư", "cấp", "các", "cùng", "thuộc", "trực"})
# the titles that share a head written in lower case after them: "Trưởng phòng Nội vụ"
TITLE_PARTS = frozenset({"trưởng", "phó trưởng", "phó"})


class Heads(Protocol):
    """What the check reads of the agency-name model (``segment.NameModel``)."""

    @property
    def head_syllables(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        """The heads (folded syllables) by their first syllable, longest first."""

    @property
    def named_heads(self) -> frozenset[str]:
        """The heads that hold a field already ("ban quản lý")."""


def may_begin_a_name(segment: str, offset: int, covered: list[bool], blocked: list[bool],
                     model: Heads) -> bool:
    """Whether a head in ``segment`` (at ``offset`` of the text ``covered`` and ``blocked``
    describe) may begin a name longer than itself, or one that a mention right after it
    completes.

    >>> from vnplan.normalize.gazetteer import default_gazetteer
    >>> from vnplan.normalize.index import name_model
    >>> model = name_model(default_gazetteer())
    >>> free = [False] * 80
    >>> def may(text): return may_begin_a_name(text, 0, free, free, model)
    >>> may("Công tác văn hóa đối ngoại"), may("Hội nghị triển khai"), may("Sở, ngành")
    (False, False, False)
    >>> may("Trung tâm Hội nghị tỉnh"), may("Công an tỉnh"), may("Ban quản lý chợ")
    (True, True, True)
    """
    runs = list(_LETTERS.finditer(segment))
    keys = [fold_token(run.group()) for run in runs]
    for k, run in enumerate(runs):
        at = offset + run.start()
        if covered[at] or blocked[at]:
            continue
        if not upper_initial(run.group()) and not (k and keys[k - 1] in TITLE_PARTS):
            continue
        for head in model.head_syllables.get(keys[k], ()):
            n = len(head)
            if tuple(keys[k : k + n]) != head:
                continue
            if " ".join(head) in model.named_heads or not _stands_alone(
                    segment, offset, runs, keys, k + n, covered):
                return True
    return False


def _stands_alone(segment: str, offset: int, runs: list[re.Match[str]], keys: list[str],
                  after: int, covered: list[bool]) -> bool:
    """Whether the head whose last syllable is ``runs[after - 1]`` ends there, whatever its
    words' tags."""
    rest = segment[runs[after - 1].end() :]
    if not rest or rest[0] in _PUNCTUATION:
        return True
    if not rest[0].isspace():
        return False
    following = rest.lstrip()
    if not following or following[0] in _PUNCTUATION:
        return True
    start = len(segment) - len(following)
    if after >= len(runs) or runs[after].start() != start:
        return False  # a number, a code, a symbol
    word = runs[after].group()
    return word[0].islower() and not covered[offset + start] and keys[after] not in GOES_ON
