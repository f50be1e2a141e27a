"""The marks before a signature's authority line (Nghị định 30/2020/NĐ-CP, Phụ lục I): TM. (on
behalf of a collective body), KT. (for the head, by a deputy), TL. and TUQ. (by order, by
authorisation of the head), Q. (acting); printed with a slash (T/M.) too, and read by OCR with a
dot inside (T.M.). One list for every reader of signatures; each builds the pattern its place
needs from `marks`."""

from __future__ import annotations

import re

MARKS = ("TM", "KT", "TL", "TUQ")
SLASHED = ("T/M", "K/T", "T/L")
DOTTED = ("T.M", "K.T", "T.L")  # OCR's reading of the slash
ACTING = ("Q",)  # alone it is ambiguous ("Q. 1" is quận 1): only at a line's start


def marks(*groups: tuple[str, ...]) -> str:
    """A regular-expression alternation of the marks of `groups` (default: MARKS and SLASHED)."""
    return "|".join(re.escape(m) for group in groups or (MARKS, SLASHED) for m in group)
