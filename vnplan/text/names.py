"""A person's name as a signature prints it: the rank before it kept apart, the shape of its
words ("Nguyễn Ngọc Phúc", "Thiếu tướng Lê Văn A")."""

from __future__ import annotations

import re
from functools import cache

from vnplan.text.data import load

NAME_WORDS = (2, 6)  # a name has this many words at least and at most
_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ][a-zà-ỹđ]*(?:-[A-ZĐÀ-Ỹ]?[a-zà-ỹđ]+)?\.?$")
_LEADING_MARKS = re.compile(r"^[^\w]+")  # what a seal or a scribble leaves before a line


@cache
def ranks() -> tuple[str, ...]:
    """The ranks (data/ranks.json), longest first."""
    return tuple(sorted(load("ranks")["ranks"], key=len, reverse=True))


@cache
def rank_tails() -> frozenset[str]:
    """The last words of the ranks ("tướng", "tá", "úy") that have two words."""
    return frozenset(r.split()[-1].lower() for r in ranks() if len(r.split()) > 1)


def split_rank(name: str) -> tuple[str | None, str]:
    """("Thiếu tướng", "Nguyễn Văn A") from "Thiếu tướng Nguyễn Văn A". On a scan the seal
    often covers the rank's first word ("—— tướng Ngô Thanh Bình"): a rank's last word left
    alone before the name is no part of the name either (the rank is then unknown: None)."""
    for rank in ranks():
        low, word = name.lower(), rank.lower()
        if low.startswith(word + " ") or (low.startswith(word) and rank.endswith(".")):
            return rank, name[len(rank) :].strip()
    bare = _LEADING_MARKS.sub("", name)
    first, _, rest = bare.partition(" ")
    if bare != name and rest and first.lower() in rank_tails():
        return None, rest.strip()
    return None, name


def name_shaped(name: str) -> bool:
    """Are the words of `name` (its rank left out) those of a person's name: `NAME_WORDS` of
    them, each a capital and small letters ("Nguyễn", "Thị", "Hồ-Thị"), no digit?"""
    words = name.split()
    return NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] and not any(
        c.isdigit() for c in name) and all(_NAME_WORD.match(w) for w in words)
