"""Item numbering of a plan body: roman "I." → arabic "1." → decimal "1.1." → letter "a)"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vnplan.text.numerals import roman_value

MarkerKind = Literal["roman", "arabic", "decimal", "letter"]

_ROMAN = re.compile(r"^(?P<n>[IVXL]{1,5})(?P<sep>\s*\.\s*|\s*[-–]\s+|\s+)(?P<rest>\S.*)$", re.S)
_DECIMAL = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})(?P<dot>\.?)\s*(?P<rest>[^\d\s.].*)$", re.S
)
_ARABIC = re.compile(r"^(?P<n>\d{1,2})\s*[.)]\s*(?P<rest>[^\d\s.].*)$", re.S)
_LETTER = re.compile(r"^(?P<n>[a-zđ])\s*\)\s*(?P<rest>\S.*)$", re.S)


@dataclass(frozen=True)
class Marker:
    """The number that opens a paragraph, and what follows it."""

    kind: MarkerKind
    number: str
    rest: str
    irregular: bool = False  # printed without its usual dot ("III CÁC…", "2.1 Gắn kết…")

    @property
    def rank(self) -> int:
        """Nesting order: a marker nests under every marker of lower rank."""
        if self.kind == "roman":
            return 0
        if self.kind == "arabic":
            return 1
        if self.kind == "decimal":
            return 1 + self.number.count(".")
        return 9


def _looks_like_heading(rest: str) -> bool:
    letters = [c for c in rest if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def parse_marker(text: str, bold: bool | None = None) -> Marker | None:
    """The numbering marker opening `text`, or None for an unnumbered paragraph."""
    text = text.strip()
    if match := _ROMAN.match(text):
        dotted = "." in match["sep"] or "-" in match["sep"] or "–" in match["sep"]
        if roman_value(match["n"]) and (dotted or bold or _looks_like_heading(match["rest"])):
            return Marker("roman", match["n"], match["rest"].strip(), irregular=not dotted)
    if match := _DECIMAL.match(text):
        return Marker("decimal", match["n"], match["rest"].strip(), irregular=not match["dot"])
    if match := _ARABIC.match(text):
        return Marker("arabic", match["n"], match["rest"].strip())
    if match := _LETTER.match(text):
        return Marker("letter", match["n"], match["rest"].strip())
    return None


_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bv\.v)\.(?=\s+[A-ZĐÀ-Ỹ“\"(])|\.\s*$")


def split_title(rest: str) -> tuple[str, str]:
    """(title, body) of a numbered paragraph: the title runs to the first ':' or sentence end."""
    colon = rest.find(":")
    end = _SENTENCE_END.search(rest)
    cut = min(i for i in (colon, end.start() if end else -1, len(rest)) if i >= 0)
    title = rest[:cut].strip().rstrip(".:;").strip()
    body = rest[cut + 1 :].strip() if cut < len(rest) else ""
    return title, body
