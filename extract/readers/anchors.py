"""The fixed phrases of the layout Nghị định 30/2020 (Phụ lục I) prescribes, found in any line.

Every administrative document prints the same anchors: the national motto (Quốc hiệu, Tiêu
ngữ), "Số:" and its number, the place–date line, marks such as DỰ THẢO or KHẨN, "Kính gửi:",
"Nơi nhận:". Readers do not always keep them apart — a PDF's two header columns can come out
as one line ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 12/QĐ-UBND Hà
Nội, ngày …") — so they are searched inside lines, on a skeleton of the text (no diacritics,
lower case, one character per character) that forgives OCR's lost marks and runs the same
patterns over "CỘNG HÒA" and "Cộng hoà".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from vnplan.text.dates import make_date
from vnplan.text.signing import marks

AnchorKind = Literal["motto", "number", "place_date", "mark", "addressees", "recipients"]


class _Skeleton(dict[int, str]):
    """The translation table of `skeleton`, filled in as characters are first met."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        base = unicodedata.normalize("NFD", char)[:1].lower() if char not in "đĐ" else "d"
        self[code] = out = base if len(base) == 1 else char
        return out


_SKELETON = _Skeleton()


def skeleton(text: str) -> str:
    """Lower case, no diacritics, đ → d, one character for each character of `text`.

    >>> skeleton("Số: 12/KH-UBND"), skeleton("Cộng hoà")
    ('so: 12/kh-ubnd', 'cong hoa')
    """
    return text.translate(_SKELETON)


_SEP = r"\s*[-–—_.]*\s*"
MOTTO = re.compile(
    r"cong\s*hoa\s*xa\s*hoi\s*chu\s*ngh[il]a\s*v[il]et(?:\s*nam)?"  # "NAM" lost on a wrap
    rf"|doc\s*lap{_SEP}tu\s*do{_SEP}hanh\s*phuc"
    r"|dang\s*cong\s*san\s*viet\s*nam"
)
_TYPED_NUMBER = re.compile(r"^\s*(?:luat|bo\s*luat|phap\s*lenh|lenh|nghi\s*quyet)\s*$")
NUMBER = re.compile(r"(?<![\w/])so\s*(?:hieu|/\s*ky\s*hieu)?\s*[:;.]\s*")
PLACE_DATE = re.compile(  # the day and month: digits, blank, or what OCR makes of handwriting
    r"(?P<place>[a-z][a-z.'’ -]{1,40}?)\s*,\s*ngay\s*(?P<d>[^,;]{0,6}?)\s*thang\s*"
    r"(?P<m>[^,;]{0,6}?)\s*nam\s*(?P<y>\d{4})"
)
_PRINTED_DAY = re.compile(r"[\d.…_ ]*")
MARKS = {
    "draft": re.compile(r"^\(?\s*du\s*thao\b"),
    "urgent": re.compile(r"^(?:hoa\s*toc(?:\s*hen\s*gio)?|thuong\s*khan|khan)$"),
    "secret": re.compile(r"^(?:tuyet\s*mat|toi\s*mat|mat)$"),
}
ADDRESSEES = re.compile(  # "Kính gửi:", and a Công điện's "THỦ TƯỚNG CHÍNH PHỦ điện:"
    r"^\s*kinh\s*gui\s*[:;.]?\s*|^[^:]{2,80}\sdien\s*:\s*")
RECIPIENTS = re.compile(  # "Nơi nhận:"; with its colon also as OCR mis-reads a mark ("Nơi nhộn:")
    # or loses the "N" a seal's edge or a speck at the margin covers ("ơi nhận:")
    r"^\s*noi\s*nhan\s*[:;.]?\s*|^\s*n?oi\s*nh[a-z]{1,2}n\s*:\s*")
_PLACE_WORD = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]*\.?|[A-ZĐÀ-Ỹ]{2,}\.?|TP\.)$")
# What a digital signature leaves in the text: "SAO Y; CÔNG AN TỈNH …; 19/03/2026; 08:40:00;
# +07:00", "Số: 666/TTr-SNV;22/12/2025;18:56:39;+07:00", "Ký bởi: …", "Email: …", "Cơ quan: …"
SIGNING_STAMP = re.compile(
    r";\s*\d{1,2}/\d{1,2}/\d{4}\s*;\s*\d{1,2}:\d{2}(?::\d{2})?\s*;\s*[+-]\d{2}:?\d{2}"
    r"|^\s*(?:ký bởi|người ký|email|cơ quan|thời gian ký|ngày ký)\s*:", re.IGNORECASE)
AUTHORITY_MARK = re.compile(rf"(?:^|\s)(?:{marks().lower()})\s*\.\s*[a-z]")
RULE = re.compile(r"^[\s_\-–—=.*…]{3,}$")


@dataclass(frozen=True)
class PlaceDate:
    place: str
    date: dt.date | None
    blank: bool  # the day or the month is left blank (a document prepared for signature)
    start: int
    end: int
    illegible: bool = False  # ... or is no digits: handwriting OCR cannot read ("ngày #Š")


def find_motto(text: str) -> list[tuple[int, int]]:
    """Spans of the motto's lines inside `text`."""
    return [m.span() for m in MOTTO.finditer(skeleton(text))]


def find_place_date(text: str) -> PlaceDate | None:
    """The place–date clause in `text` ("Lào Cai, ngày 11 tháng 6 năm 2026", also with the
    day left blank: "Lâm Đồng, ngày   tháng 12 năm 2025", or written by hand and read by OCR
    as no digits: "Hà Nội, ngày “$ tháng 4 năm 2026", whose day is then blank too)."""
    match = PLACE_DATE.search(skeleton(text))
    if match is None:
        return None
    words = text[match.start("place") : match.end("place")].split()
    keep = 0
    while keep < len(words) and _PLACE_WORD.match(words[len(words) - 1 - keep]):
        keep += 1
    if not keep:
        return None
    place = " ".join(words[len(words) - keep :])
    start = text.rfind(words[len(words) - keep], match.start("place"), match.end("place"))
    day, month = _digits(match["d"]), _digits(match["m"])
    illegible = not (_PRINTED_DAY.fullmatch(match["d"]) and _PRINTED_DAY.fullmatch(match["m"]))
    if illegible:
        day = month = ""  # "ngày #Š tháng 8": handwriting OCR cannot read is no date
    date = make_date(day, month, match["y"]) if day and month else None
    return PlaceDate(place, date, blank=not (day and month), start=start, end=match.end(),
                     illegible=illegible)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def number_clause(text: str) -> tuple[int, int] | None:
    """Where "Số:" and its value stand in `text`: (start of "Số", end of the value)."""
    sk = skeleton(text)
    match = NUMBER.search(sk)
    before = text[: match.start()] if match else ""
    if match is None or (any(c.islower() for c in before)  # "… theo số: …" in a sentence
                         and not _TYPED_NUMBER.match(sk[: match.start()])):  # "Luật số:"
        return None
    end = len(text)
    place = find_place_date(text[match.end() :])
    if place is not None:
        end = match.end() + place.start
    gap = re.search(r"\S(\s{3,})\S", text[match.end() : end])
    if gap is not None and "/" in text[match.end() : match.end() + gap.start(1)]:
        end = match.end() + gap.start(1)
    return match.start(), end


def mark_kind(text: str) -> str | None:
    """ "draft", "urgent" or "secret" for a mark line (DỰ THẢO, KHẨN, HỎA TỐC, MẬT …)."""
    sk = skeleton(text).strip(" ()[]*")
    for kind, pattern in MARKS.items():
        if pattern.search(sk):
            return kind
    return None


def is_rule(text: str) -> bool:
    return bool(RULE.match(text))


def has_layout_anchor(text: str) -> bool:
    """Whether `text` holds a part of a header or a signature: the motto, "Số:", a place–date
    line, "Kính gửi:", "Nơi nhận:", or an authority mark (TM., KT., TL., TUQ.)."""
    sk = skeleton(text)
    return bool(
        MOTTO.search(sk) or NUMBER.match(sk.lstrip()) or PLACE_DATE.search(sk)
        or ADDRESSEES.match(sk) or RECIPIENTS.match(sk) or AUTHORITY_MARK.search(sk)
    )


def is_signing_stamp(text: str) -> bool:
    """Whether a line is what a digital signature prints (see `SIGNING_STAMP`)."""
    return bool(SIGNING_STAMP.search(text))
