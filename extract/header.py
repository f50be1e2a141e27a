"""The front matter of a plan: portal metadata, the two-column header, number, place–date, title."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vnplan.extract.doc_numbers import doc_type_names, parse_so_line, title_words
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.text.dates import LONG_DATE, make_date, parse_date
from vnplan.text.fold import fold_heading

PORTAL_KEYS = {
    "số hiệu": "number",
    "ngày ban hành": "issued",
    "ngày có hiệu lực": "effective",
    "loại văn bản": "doc_type",
    "cơ quan ban hành": "issuer",
    "nơi ban hành": "issuer",
    "người ký": "signer",
    "lĩnh vực": "field",
    "tình trạng": "status",
}
_PORTAL_LINE = re.compile(
    r"^(?P<key>Số hiệu|Ngày ban hành|Ngày có hiệu lực|Loại văn bản|Cơ quan ban hành|Nơi ban hành|"
    r"Người ký|Lĩnh vực|Tình trạng)\s*:?\s+(?P<value>\S.*)$",
    re.IGNORECASE,
)
PLACE_DATE = re.compile(
    r"^(?P<place>[A-ZĐÀ-Ỹ][^,\d]{1,40}?)\s*,\s*(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
)
_NATIONAL = ("cộng hòa xã hội chủ nghĩa", "độc lập - tự do", "độc lập – tự do", "độc lập-tự do")
PREAMBLE_START = re.compile(r"^(?:Thực hiện|Căn cứ|Để|Nhằm|Theo)\b")
PREAMBLE_MIN_WORDS = 12


@dataclass
class FrontMatter:
    portal: dict[str, str] = field(default_factory=dict)
    portal_title: str | None = None
    issuer_lines: list[str] = field(default_factory=list)
    doc_number: str | None = None
    place: str | None = None
    issued_date: dt.date | None = None
    doc_type_line: str | None = None
    subject_lines: list[str] = field(default_factory=list)
    end: int = 0  # index of the first paragraph after the front matter

    @property
    def title(self) -> str | None:
        if not self.doc_type_line:
            return None
        subject = " ".join(self.subject_lines).strip()
        if not subject:
            return self.doc_type_line
        if subject.isupper():
            return f"{self.doc_type_line} {subject}"
        head = self.doc_type_line[:1] + self.doc_type_line[1:].lower()
        return f"{head} {subject[:1].lower()}{subject[1:]}"

    @property
    def doc_type(self) -> str | None:
        if not self.doc_type_line:
            return None
        folded = fold_heading(self.doc_type_line)
        names = sorted(doc_type_names().values(), key=len, reverse=True)
        return next((n for n in names if folded.startswith(fold_heading(n))), None)


def parse_place_date_line(text: str) -> tuple[str, dt.date | None] | None:
    """("Lào Cai", 2022-03-30) from "Lào Cai, ngày 30 tháng 3 năm 2022"."""
    match = PLACE_DATE.match(text.strip())
    if not match:
        return None
    date_match = LONG_DATE.search(match["date"])
    date = make_date(date_match["d"], date_match["m"], date_match["y"]) if date_match else None
    return match["place"].strip(), date


def _is_doc_type_line(par: Paragraph) -> bool:
    text = par.text.strip()
    if not text.isupper() and not par.bold:
        return False
    folded = fold_heading(text)
    return any(
        folded == fold_heading(w) or folded.startswith(fold_heading(w) + " ") for w in title_words()
    )


def _is_rule(text: str) -> bool:
    return bool(re.fullmatch(r"[-_–—=.\s]{3,}", text))


def parse_front_matter(paragraphs: list[Paragraph]) -> FrontMatter:
    """Read the front matter; stops at the preamble or the first numbered item."""
    front = FrontMatter()
    in_title = False
    for index, par in enumerate(paragraphs):
        text = par.text.strip()
        if par.cells is not None:
            front.end = index
            return front
        preamble = PREAMBLE_START.match(text) and len(text.split()) >= PREAMBLE_MIN_WORDS
        if (preamble or parse_marker(text, par.bold)) and (front.doc_type_line or index > 0):
            front.end = index
            return front
        if portal := _PORTAL_LINE.match(text):
            front.portal[PORTAL_KEYS[portal["key"].lower()]] = portal["value"].strip()
            continue
        if number := parse_so_line(text):
            front.doc_number = number
            continue
        if (place := parse_place_date_line(text)) is not None:
            front.place, front.issued_date = place
            continue
        if index == 0 and not text.isupper() and len(text.split()) > 6 and not front.portal:
            front.portal_title = text
            continue
        folded = fold_heading(text)
        if _is_rule(text) or any(folded.startswith(n) for n in _NATIONAL):
            continue
        if _is_doc_type_line(par) and not front.doc_type_line:
            front.doc_type_line = text
            in_title = True
            continue
        if in_title:
            front.subject_lines.append(text)
        elif text.isupper() and not front.doc_type_line:
            front.issuer_lines.append(text)
    front.end = len(paragraphs)
    return front


def portal_date(front: FrontMatter) -> dt.date | None:
    value = front.portal.get("issued")
    return parse_date(value) if value else None
