"""The numbers that open a document's units.

Normative units as Luật Ban hành văn bản quy phạm pháp luật names them — Phần ("Phần thứ
nhất", "PHẦN I"), Chương, Mục, Tiểu mục, Điều — keep their unit word in their label ("Chương
II", "Điều 5"); under an Điều, khoản "1." and điểm "a)". Plans and letters number their parts
"I." → "1." → "1.1." → "a)", and some "(1)"; a report may group its parts under "A.", "B."
(a capital letter, a dot and a heading in capitals or bold). A unit word is a heading only
when it opens the paragraph and stands as a heading (a capital, a number, then the end, a dot
or a heading): "Điều 5 được sửa đổi như sau" inside a sentence is not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from vnplan.text.letters import capitals_share
from vnplan.text.numerals import roman_value

MarkerKind = Literal[
    "part", "chapter", "section", "subsection", "article", "capital", "roman", "arabic",
    "decimal", "letter", "paren",
]
POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"  # the điểm of an Điều, in the order they are lettered
NORMATIVE: dict[MarkerKind, int] = {  # fixed nesting of the normative units, top first
    "part": 0, "chapter": 1, "section": 2, "subsection": 3, "article": 4,
}
FAMILIES: dict[MarkerKind, str] = {  # plan-style kinds nest in the order a document uses them
    "capital": "capital", "roman": "roman", "arabic": "arabic", "decimal": "arabic",
    "letter": "letter", "paren": "paren",
}

_ORDINAL = (r"thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)")
_UNIT = re.compile(
    rf"^(?P<word>Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Tiểu mục|TIỂU MỤC|Điều|ĐIỀU)\s+"
    rf"(?P<n>{_ORDINAL}|THỨ\s+\w+|[IVXLC]{{1,6}}|\d{{1,3}}[a-z]?)"
    r"(?P<sep>\s*[.:]\s*|\s*[-–]\s+|\s+|$)(?P<rest>.*)$",
    re.S,
)
_UNIT_KIND: dict[str, MarkerKind] = {
    "phần": "part", "chương": "chapter", "mục": "section", "tiểu mục": "subsection",
    "điều": "article",
}
_ROMAN = re.compile(r"^(?P<n>[IVXL]{1,5})(?P<sep>\s*\.\s*|\s*[-–]\s+|\s+)(?P<rest>\S.*)$", re.S)
_DECIMAL = re.compile(
    r"^(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})(?P<dot>\.?)\s*(?P<rest>[^\d\s.].*)$", re.S
)
_ARABIC = re.compile(  # "1. Mục đích", and "1. 100% văn bản …" where a space parts the numbers
    r"^(?P<n>\d{1,2})\s*(?:[.)]\s*(?=[^\d\s.])|[.)]\s+(?=\d))(?P<rest>\S.*)$", re.S)
_CAPITAL = re.compile(r"^(?P<n>[A-HJKMNOPRSTUĐ])\.\s+(?P<rest>\S.*)$", re.S)  # I V X L: Roman;
# Q. is an authority ("Q. CHÁNH VĂN PHÒNG": acting for)
_LETTER = re.compile(r"^(?P<n>[a-zđ]|đ)\s*\)\s*(?P<rest>\S.*)$", re.S)
_PAREN = re.compile(r"^\((?P<n>\d{1,2}|[ivx]{1,4})\)\s*\.?\s*(?P<rest>\S.*)$", re.S)


@dataclass(frozen=True)
class Marker:
    """The number that opens a paragraph, and what follows it."""

    kind: MarkerKind
    number: str  # the label a path holds: "Chương II", "Điều 5", "1", "1.1", "a", "(1)"
    rest: str
    irregular: bool = False  # printed without its usual dot ("III CÁC…", "2.1 Gắn kết…")

    @property
    def depth(self) -> int:
        """Depth inside its family: "1." is 1, "1.1." is 2, "1.1.1." is 3."""
        return 1 + self.number.count(".") if self.kind == "decimal" else 1


def _looks_like_heading(rest: str) -> bool:
    return capitals_share(rest) > 0.8


def parse_marker(text: str, bold: bool | None = None) -> Marker | None:
    """The numbering marker opening `text`, or None for an unnumbered paragraph."""
    text = text.strip()
    if (unit := _unit(text, bold)) is not None:
        return unit
    if match := _ROMAN.match(text):
        dotted = "." in match["sep"] or "-" in match["sep"] or "–" in match["sep"]
        if roman_value(match["n"]) and (dotted or bold or _looks_like_heading(match["rest"])):
            return Marker("roman", match["n"], match["rest"].strip(), irregular=not dotted)
    if (match := _CAPITAL.match(text)) and (bold or _looks_like_heading(match["rest"])):
        return Marker("capital", match["n"], match["rest"].strip())
    if match := _DECIMAL.match(text):
        return Marker("decimal", match["n"], match["rest"].strip(), irregular=not match["dot"])
    if match := _ARABIC.match(text):
        return Marker("arabic", match["n"], match["rest"].strip())
    if match := _LETTER.match(text):
        return Marker("letter", match["n"], match["rest"].strip())
    if match := _PAREN.match(text):
        return Marker("paren", f"({match['n']})", match["rest"].strip())
    return None


def _unit(text: str, bold: bool | None) -> Marker | None:
    """A normative unit's heading ("Chương II", "Điều 5. Phạm vi điều chỉnh", "Phần thứ
    nhất"), not the same words inside a sentence ("Điều 5 được sửa đổi như sau: …")."""
    match = _UNIT.match(text)
    if match is None:
        return None
    word = match["word"]
    kind = _UNIT_KIND[word.lower()]
    number = re.sub(r"\s+", " ", match["n"])
    rest = match["rest"].strip()
    if kind == "article":
        if "." not in match["sep"] and ":" not in match["sep"] and not (bold and rest):
            return None  # "Điều 5 Luật …" in running text; a heading prints "Điều 5."
    elif rest and not (_looks_like_heading(rest) or bold or match["sep"].strip()):
        return None
    ordinal = number.lower().startswith("thứ")  # "Phần thứ nhất" keeps its words in lower case
    label = f"{word[:1].upper()}{word[1:].lower()} {number.lower() if ordinal else number}"
    return Marker(kind, label, rest.strip(" .:-–"))


_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bv\.v)\.(?=\s+[A-ZĐÀ-Ỹ“\"(])|\.\s*$")


def is_unit_heading(text: str) -> bool:
    """Whether a line opens a Phần, Chương, Mục, Tiểu mục or Điều ("Chương I", "Điều 3.")."""
    return _UNIT.match(text.strip()) is not None


def split_title(rest: str) -> tuple[str, str]:
    """(title, body) of a numbered paragraph: the title runs to the first ':' or sentence end."""
    colon = rest.find(":")
    end = _SENTENCE_END.search(rest)
    cut = min(i for i in (colon, end.start() if end else -1, len(rest)) if i >= 0)
    title = rest[:cut].strip().rstrip(".:;").strip()
    body = rest[cut + 1 :].strip() if cut < len(rest) else ""
    return title, body
