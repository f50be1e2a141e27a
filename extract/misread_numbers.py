"""The number opening a scanned paragraph as OCR misread it, read back from where it stands.

On a scan the glyphs of a unit's number are the ones OCR gets wrong most: a dot read as a
comma ("2, Về …"), the digit one as a letter ("Điều l.", "Điều I"), a colon or slash around the
number ("Điều :1.", "Điều 3/Hiệu lực"), the Roman "II" as "H", a speck before it ("- 3.2."), or
the whole number as a symbol or another letter ("= Tiếp tục …", "Ạ. Các tình tiết …", "-¡ Hình
thức …"). Such a paragraph is read as a unit only when the numbering around it says which one:
its own reading is the next number where it stands, or the unit after it in the text is one
further on and the number between is missing ("4." … "= Tiếp tục …" … "6."; "6." … "-¡ Hình
thức …" … "b)"). Only paragraphs read by OCR are read this way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnplan.extract.numbering import POINT_LETTERS, Marker, MarkerKind, parse_marker
from vnplan.text.numerals import roman_value, to_roman

_ONE = str.maketrans({"l": "1", "I": "1", "|": "1", "!": "1", "O": "0", "o": "0"})
_LEAD = re.compile(r"^[^\w(]*")  # dashes, quotes and specks before the number
_PLAIN_BULLET = re.compile(r"^[-–—+•*]\s*$")
_ARTICLE = re.compile(
    r"^(?:Điều|Điêu|Diều|Điểu|ĐIỀU|ĐIÊU)\W{0,2}(?P<n>[\dlI|!O]{1,3})\s*[.:/,;]\s*(?P<rest>[^\W\d_].*)$",
    re.S)
_NUMBER = re.compile(  # a number (digits and their look-alikes), then a separator or a space
    r"^(?P<n>[\dlI|!O]{1,2}(?:[.,][\dlI|!O]{1,2})?)\s*[.,;:)]?\s+(?P<rest>[^\W\d_].*)$", re.S)
_TOKEN = re.compile(r"^(?P<n>[^\W\d_])\s*[.)]\s+(?P<rest>[^\W\d_].*)$", re.S)  # "Ạ.", "H."


@dataclass(frozen=True)
class Misread:
    """A scanned paragraph's opening as read: what its number may be, and the text after it."""

    rest: str
    own: Marker | None  # the marker its own glyphs give when read leniently, if any


def read_opening(text: str) -> Misread | None:
    """The opening of a paragraph whose number OCR may have misread, or None when it opens
    with a word (a sentence, not a unit) or with a plain bullet ("- …").

    >>> read_opening("2, Về khái niệm hàm lượng").own.number
    '2'
    >>> read_opening("Điều :1. Thống nhất đổi tên").own.number
    'Điều 1'
    >>> read_opening("= Tiếp tục thực hiện").rest
    'Tiếp tục thực hiện'
    >>> read_opening("- Thực hiện các thủ tục") is None
    True
    """
    lead = _LEAD.match(text)
    junk = lead.group() if lead else ""
    body = text[len(junk):].lstrip()
    if (article := _capitalised(_ARTICLE.match(body))) is not None:
        own = Marker("article", f"Điều {int(article['n'].translate(_ONE))}", article["rest"])
        return Misread(article["rest"].strip(), own)
    if junk.strip() and (marker := parse_marker(body)) is not None:
        return Misread(marker.rest, marker)  # "- 3.2. Hành vi …": a speck before the number
    if (number := _capitalised(_NUMBER.match(body))) is not None:
        digits = number["n"].translate(_ONE).replace(",", ".")
        kind: MarkerKind = "decimal" if "." in digits else "arabic"
        return Misread(number["rest"].strip(), Marker(kind, digits, number["rest"]))
    if (token := _capitalised(_TOKEN.match(body))) is not None:
        numeral = token["n"].replace("H", "II")
        roman = Marker("roman", numeral, token["rest"]) if roman_value(numeral) else None
        return Misread(token["rest"].strip(), roman)
    if junk.strip() and not _PLAIN_BULLET.match(junk) and body[:1].isupper():
        return Misread(body, None)
    return None


def _capitalised(match: re.Match[str] | None) -> re.Match[str] | None:
    """The match when the text after the number opens with a capital, as a unit's does."""
    return match if match is not None and match["rest"][:1].isupper() else None


def predecessor(marker: Marker) -> str | None:
    """The number of the unit before `marker` among its siblings, None for a first one.

    >>> [predecessor(Marker(k, n, "")) for k, n in (("arabic", "5"), ("decimal", "2.2"),
    ...     ("letter", "b"), ("roman", "III"), ("article", "Điều 3"), ("arabic", "1"))]
    ['4', '2.1', 'a', 'II', 'Điều 2', None]
    """
    number = marker.number
    if marker.kind == "arabic" and number.isdigit() and int(number) > 1:
        return str(int(number) - 1)
    if marker.kind == "decimal":
        head, _, last = number.rpartition(".")
        return f"{head}.{int(last) - 1}" if last.isdigit() and int(last) > 1 else None
    if marker.kind == "letter" and number in POINT_LETTERS[1:]:
        return POINT_LETTERS[POINT_LETTERS.index(number) - 1]
    if marker.kind == "roman" and (value := roman_value(number)) and value > 1:
        return to_roman(value - 1)
    if marker.kind == "article" and (n := number.split(" ")[-1]).isdigit() and int(n) > 1:
        return f"Điều {int(n) - 1}"
    return None


def is_first(marker: Marker, parent: Marker | None) -> bool:
    """Does `marker` open its family's run under `parent` ("1", "a", "I", "Điều 1", or "2.1"
    under "2")?"""
    if marker.kind == "decimal":
        head, _, last = marker.number.rpartition(".")
        return last == "1" and parent is not None and parent.number == head
    return marker.number in ("1", "a", "I", "Điều 1")
