"""The header of an administrative document, read as Nghị định 30/2020 (Phụ lục I) lays it out.

Left column: the issuing body under the body it belongs to ("UBND TỈNH LÂM ĐỒNG / SỞ NỘI
VỤ"), "Số:" and its number, and for a letter its "V/v …" subject; right column: the motto and
the place–date line; then, centred, the type line ("QUYẾT ĐỊNH"), the subject (trích yếu), for
a decision the authority that issues it ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH …"), and for a letter
"Kính gửi:". Lines are read by what they say, not by where a reader put them, so two columns
glued into one line or read in another order give the same header.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from vnplan.extract.bodies import split_bodies, starts_with_authority
from vnplan.extract.doc_types import split_type_line, type_of_symbol
from vnplan.extract.glyph_gaps import split_glued
from vnplan.extract.header_ocr import (
    DAMAGED_PLACE_DATE,
    is_scribble,
    type_over_subject,
    without_stamp,
    without_stroke,
)
from vnplan.extract.header_segments import Segment, explode
from vnplan.extract.numbering import is_unit_heading, parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import ADDRESSEES, find_place_date, mark_kind, skeleton
from vnplan.schema import Warning

HEADER_WINDOW = 45  # the header is within the first this many paragraphs
BODY_WORDS = 35  # a paragraph this long is body text, not a header line
SUBJECT_LINES_MAX = 6
PREAMBLE_CUE = re.compile(
    r"^(?:tiếp tục\s+)?(?:(?:các\s+)?căn cứ|thực hiện|theo|xét|trên cơ sở|tiếp theo|phúc đáp|"
    r"triển khai|trả lời|để|nhằm|thi hành)\b",
    re.IGNORECASE,
)
ENACTING = re.compile(r"^(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ|QUY ĐỊNH)\s*:\s*$",
                      re.IGNORECASE)
CAPTION = re.compile(r"^\(?\s*(?:Kèm theo|Ban hành kèm theo)\b.*\)?$", re.IGNORECASE)
_TRAILING_CAPTION = re.compile(
    r"\s*(?P<caption>\(\s*(?:Kèm theo|Ban hành kèm theo)\b[^()]*\)?)\s*$", re.IGNORECASE)
LETTER_SUBJECT = re.compile(r"^\(?\s*(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\s*[:.]?\s*", re.UNICODE)
_NUMBER_LABEL = re.compile(  # "Số:", "Số hiệu:", "Số/Ký hiệu:", "Luật số:" before the value
    r"^\s*(?:\S+\s+)?s[oóòỏõọôốồổỗộơớờởỡợ]\s*(?:hi[ệe]u|/\s*k[ýy]\s*hi[ệe]u)?\s*[:;.]\s*",
    re.IGNORECASE)  # "Só:" too: a damaged font or OCR may give "ố" another mark
_PORTAL_FIELD = re.compile(
    r"^(?P<key>Số hiệu|Số/Ký hiệu|Số ký hiệu|Ký hiệu|Ngày ban hành|Ngày có hiệu lực|"
    r"Loại văn bản|Cơ quan ban hành|Nơi ban hành|Người ký|Trích yếu|Lĩnh vực|"
    r"Tình trạng(?: hiệu lực)?)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
PORTAL_KEYS = {
    "số hiệu": "number", "số/ký hiệu": "number", "số ký hiệu": "number", "ký hiệu": "number",
    "ngày ban hành": "issued", "ngày có hiệu lực": "effective", "loại văn bản": "doc_type",
    "cơ quan ban hành": "issuer", "nơi ban hành": "issuer", "người ký": "signer",
    "trích yếu": "subject", "lĩnh vực": "field", "tình trạng": "status",
    "tình trạng hiệu lực": "status",
}


@dataclass
class Header:
    """What a document's header says; `end` is the first paragraph after it."""

    issuers: list[str] = field(default_factory=list)  # the issuing body and co-issuers
    parents: list[str] = field(default_factory=list)  # the bodies above the issuer, top first
    number: str | None = None
    number_printed: str | None = None  # the "Số:" value as printed ("/KH-UBND" when blank)
    place: str | None = None
    issued: dt.date | None = None
    date_printed: str | None = None
    date_blank: bool = False
    date_illegible: bool = False  # the day or month is there but no digits (OCR'd handwriting)
    marks: list[str] = field(default_factory=list)
    draft: bool = False
    motto: bool = False
    type_line: str | None = None
    doc_type: str | None = None
    subject: str | None = None
    authority: str | None = None
    caption: str | None = None  # an attached document's "(Kèm theo Quyết định số …)"
    addressees: list[str] = field(default_factory=list)
    portal: dict[str, str] = field(default_factory=dict)
    portal_title: str | None = None
    start: int = 0
    end: int = 0
    warnings: list[Warning] = field(default_factory=list)

    @property
    def printed_type(self) -> str | None:
        """The type the header prints: its type line, else the symbol of its number
        ("/QĐ-UBND"), else — a subject with no type line is a letter's "V/v" — Công văn."""
        if self.doc_type:
            return self.doc_type
        symbol = re.sub(r"\s+", "", self.number_printed or "")
        if symbol and (typed := type_of_symbol(symbol)):
            return typed
        return "Công văn" if self.subject and self.type_line is None else None

    @property
    def anchored(self) -> bool:
        """Whether a part that only a document's header prints has been read: the motto, the
        number or the place and date."""
        return self.motto or self.number_printed is not None or self.date_printed is not None

    @property
    def found(self) -> bool:
        """Whether the text has a header at all (an article about a document has none)."""
        return self.motto or self.number_printed is not None or (
            self.type_line is not None and bool(self.issuers))

    @property
    def title(self) -> str | None:
        """The type and the subject as one title ("Quyết định Về việc thành lập …")."""
        if self.type_line is None:
            return f"V/v {self.subject}" if self.subject else None
        if not self.subject:
            return self.type_line
        if self.subject.isupper():
            return f"{self.type_line} {self.subject}"
        head = self.type_line[:1] + self.type_line[1:].lower()
        return f"{head} {self.subject[:1].lower()}{self.subject[1:]}"


def is_body_start(par: Paragraph) -> bool:
    """Whether a paragraph opens the body: a preamble, a numbered item, a long paragraph."""
    if par.cells is not None:
        return False
    text = par.text.strip()
    words = len(text.split())
    if PREAMBLE_CUE.match(text) and words >= 6 and not par.centered:
        return True
    if ENACTING.match(text) or (parse_marker(text, par.bold) and words >= 2 and not par.centered):
        return True
    return words >= BODY_WORDS and not par.centered


def read_header(paragraphs: list[Paragraph]) -> Header:
    """The header of a document (see the module doc); `end` is where its body starts."""
    header = Header()
    window = paragraphs[:HEADER_WINDOW]
    segments: list[Segment] = []
    for i, par in enumerate(window):
        if _portal_field(par.text, header):
            continue
        segments.extend(explode(i, par))
    anchors = [s for s in segments if s.kind in ("motto", "number", "place_date")]
    first_anchor = anchors[0].index if anchors else None
    header.start = _header_start(segments, first_anchor)
    _Reader(header, segments, window).read()
    header.warnings.extend(_number_warnings(header))
    return header


def _portal_field(text: str, header: Header) -> bool:
    """A line of a portal's attribute box ("Số hiệu: …", "Ngày ban hành: …")."""
    match = _PORTAL_FIELD.match(text.strip())
    if match is None or not match["value"].strip() or len(text.split()) > 30:
        return False
    key = PORTAL_KEYS.get(re.sub(r"\s+", " ", match["key"].lower()))
    if key is not None:
        header.portal.setdefault(key, match["value"].strip())
    return key is not None


def _header_start(segments: list[Segment], first_anchor: int | None) -> int:
    """The first paragraph of the header: the issuer lines just above the first anchor."""
    if first_anchor is None:
        return 0
    start = first_anchor
    for seg in reversed([s for s in segments if s.index < first_anchor]):
        if seg.kind in ("mark", "rule") or (seg.kind == "text" and seg.upper):
            start = seg.index
        else:
            break
    return start


class _Reader:
    """One pass over the header's segments, each taking the role its content says."""

    def __init__(self, header: Header, segments: list[Segment], window: list[Paragraph]) -> None:
        self.h = header
        self.segments = [s for s in segments if s.index >= header.start]
        self.window = window
        self.issuer_lines: list[Segment] = []
        self.subject: list[str] = []
        self.first_subject: Segment | None = None
        self.type_segment: Segment | None = None
        self.addressees: list[str] = []
        self.letter_closed = False  # the "V/v" subject ends at the other column's date line
        # top → subject (after the type line) or letter (after "V/v") → after; "Kính gửi:"
        # opens addressees wherever it stands (in a letter's left column, before the motto)
        self.state = "top"

    def read(self) -> None:
        last = self.h.start
        for seg in self.segments:
            par = self.window[seg.index]
            if seg.index > self.h.start and seg.index != last and self._ends_header(par):
                break
            if not self.take(seg):
                break
            last = seg.index
        self.h.end = max(last + 1, self.h.start)
        self._finish()

    def _ends_header(self, par: Paragraph) -> bool:
        """Whether a paragraph is the body's first, given what the header has read so far: a
        subject line follows the type line whatever it says ("Thực hiện Nghị quyết số …"),
        unless it is set like the body (a Giấy mời has no subject)."""
        h = self.h
        if self.state == "top" and h.type_line is None and h.anchored and par.cells is None and (
                type_over_subject(par.text.strip()) is not None):
            return False  # a type line and its subject OCR read as one long line
        if self.state in ("subject", "after") and self.subject and is_unit_heading(par.text):
            return True  # "Chương I" under a subject set in the same bold
        if self.state in ("subject", "after") and self.subject and par.cells is not None:
            return True  # a table under the subject: the body's
        if self.state == "subject" and not self.subject:
            looks_like_body = par.centered is False and par.bold is False and bool(
                self.type_segment and (self.type_segment.centered or self.type_segment.bold))
            return bool(ENACTING.match(par.text.strip())) or (
                looks_like_body and is_body_start(par))
        first = self.first_subject
        if self.state == "subject" and first is not None and par.centered is not None:
            set_alike = (par.bold, par.centered, _is_upper(par.text)) == (
                first.bold, first.centered, first.upper)
            if set_alike:  # a long subject goes on over lines set like its first
                return False
        return is_body_start(par)

    def take(self, seg: Segment) -> bool:
        """Read one segment; False when it is no longer part of the header."""
        h = self.h
        if seg.kind == "motto":
            h.motto = True
            return True
        if seg.kind == "number":
            if h.number_printed is None:
                h.number_printed = _NUMBER_LABEL.sub("", seg.text)
            return True
        if seg.kind == "place_date":
            place = find_place_date(seg.text)
            if place is not None and h.date_printed is None:
                h.place, h.issued, h.date_blank = place.place, place.date, place.blank
                h.date_illegible = place.illegible
                h.date_printed = seg.text
            self.letter_closed = self.state == "letter"
            return True
        if seg.kind == "text" and h.date_printed is None and (
                damaged := DAMAGED_PLACE_DATE.match(seg.text.strip())):
            # "Hà Nội, ngày #Š rán Ÿ_ năm 2025": handwriting over "tháng" left no date to read
            h.place, h.date_illegible, h.date_printed = damaged["place"], True, seg.text
            self.letter_closed = self.state == "letter"
            return True
        if seg.kind == "mark":
            kind = mark_kind(seg.text)
            h.draft = h.draft or kind == "draft"
            h.marks.append(seg.text.strip(" ()[]*").upper())
            return True
        if seg.kind == "rule":
            if self.state == "subject":
                self.state = "after"
            return True
        return self.take_text(seg)

    def take_text(self, seg: Segment) -> bool:
        h, text = self.h, seg.text
        if (head := ADDRESSEES.match(skeleton(text))) is not None:
            self.state = "addressees"
            rest = text[head.end() :].strip()
            if rest:
                self._addressee(rest)
            return True
        if self.state == "addressees":
            return self._addressee(text)
        if self.state == "top":
            if self._continues_number(seg):
                return True
            typed = split_type_line(text) if (seg.upper or seg.bold) else None
            if typed is None and h.anchored and h.type_line is None:
                typed = type_over_subject(text)
            # unanchored, a type line is one set apart: centred, or the bare type name opening
            # the text ("Phụ lục" over the title of an appendix sent on its own)
            alone = typed is not None and not typed[1] and not self.issuer_lines and (
                h.portal_title is None)
            if typed and not text.rstrip().endswith(":") and (h.anchored or seg.centered or alone):
                h.doc_type, rest = typed
                h.type_line = text[: len(text) - len(rest)].strip() if rest else text
                self.subject = [rest] if rest else []
                self.type_segment = seg
                self.state = "subject"
                return True
            if LETTER_SUBJECT.match(text) and (h.number_printed is not None or self.issuer_lines):
                self.subject = [LETTER_SUBJECT.sub("", text)]
                self.state = "letter"
                return True
            if seg.upper and not h.issuers and (h.number_printed is None or not self.issuer_lines):
                # the issuer stands above its "Số:" line (Nghị định 30/2020, Phụ lục I): capitals
                # under the number are a stamp ("UBND TỈNH LÂM ĐỒNG" of the receiving office)
                self.issuer_lines.append(seg)
                return True
            if not h.motto and h.number_printed is None and not self.issuer_lines:
                if h.portal_title is None and len(text.split()) > 4:
                    h.portal_title = text
                return True  # page chrome before the header
            return True
        if self.state == "letter":  # the "V/v" subject goes on over the lines under it
            ended = self.subject[-1].rstrip().endswith(".") or self.letter_closed
            if not seg.upper and not ended and len(self.subject) < SUBJECT_LINES_MAX:
                self.subject.append(without_stroke(text))
            return True
        if self.state == "subject":
            if (bare := without_stamp(text)) != text.strip():
                self._dropped(text, "the receiving office's stamp")
                if not bare:
                    return True
                seg, text = replace(seg, text=bare), bare  # the subject under the stamp's text
            if self.subject and is_scribble(text):
                self._dropped(text, "marks of a stamp or a signature")
                return True
            if ENACTING.match(text):
                return False
            if CAPTION.match(text):
                h.caption = text
                self.state = "after"
                return True
            if self.subject and seg.upper and starts_with_authority(text) and (
                    not all(_is_upper(s) for s in self.subject) or self._before_body(seg)):
                h.authority = text
                self.state = "after"
                return True
            if self.subject and seg.upper and len(text.split()) > 1 and not any(
                    _is_upper(s) for s in self.subject):
                self.state = "after"  # capitals under a subject in sentence case: not its text
                return True
            if self.subject and (len(self.subject) >= SUBJECT_LINES_MAX or (
                    PREAMBLE_CUE.match(text) and len(text.split()) > 8)):
                return False
            if seg.centered is False and seg.bold is False and self.subject:
                return False
            if self.first_subject is None:
                self.first_subject = seg
            if (trailing := _TRAILING_CAPTION.search(text)) and trailing.start() > 0:
                # the caption set on the subject's last line: "… Tuyên Quang (Ban hành kèm …)"
                self.subject.append(text[: trailing.start()])
                h.caption = trailing["caption"]
                self.state = "after"
                return True
            self.subject.append(text)
            return True
        if seg.upper and starts_with_authority(text) and h.authority is None:
            h.authority = text
            return True
        return False

    def _dropped(self, text: str, what: str) -> None:
        self.h.warnings.append(Warning(
            code="header_noise_dropped", where="title",
            message=f"{what} read into the subject ('{text.strip()}'): left out of it"))

    def _before_body(self, seg: Segment) -> bool:
        nxt = seg.index + 1
        return nxt >= len(self.window) or is_body_start(self.window[nxt]) or bool(
            ENACTING.match(self.window[nxt].text.strip()))

    def _continues_number(self, seg: Segment) -> bool:
        """A symbol broken over two lines ("Số: 24/HDLN-BCA-BQP-BYT-" + "BCT-BTC-…")."""
        printed = self.h.number_printed
        if printed is None or not printed.rstrip().endswith(("-", "/")):
            return False
        if not re.fullmatch(r"[\w().-]+(?:\s*-\s*[\w().]+)*", seg.text):
            return False
        self.h.number_printed = printed.rstrip() + seg.text.strip()
        return True

    def _addressee(self, text: str) -> bool:
        """One line of the "Kính gửi:" block: items on dash lines, a line without a dash
        continuing the item above or, for the first, being the one addressee."""
        items = self.addressees  # as printed; cleaned when the header is finished
        pieces = [p for p in re.split(r"(?<=;)\s*(?=[-–•+]\s*\S)", text) if _clean_item(p)]
        open_item = bool(items) and not items[-1].rstrip().endswith((";", "."))
        if _ITEM.match(text) or not items:
            items.extend(pieces)
        elif open_item and (text[:1].islower() or items[-1].rstrip().endswith(",")
                            or len(text.split()) <= 12 or _ITEM.match(items[-1])):
            # a dashed item goes on over the lines without a dash under it
            items[-1] = f"{items[-1]} {text.strip()}"
        elif len(text.split()) <= 20 and not text.rstrip().endswith(":"):
            items.extend(pieces)
        else:
            return False
        return True

    def _finish(self) -> None:
        h = self.h
        if self.subject:
            h.subject = self._apart(" ".join(s.strip() for s in self.subject if s.strip()))
        h.addressees = [self._apart(c) for c in map(_clean_item, self.addressees) if c]
        bodies = split_bodies([s.text for s in self.issuer_lines])
        if bodies.joint:
            h.issuers = bodies.bodies
        elif bodies.bodies:
            h.parents, h.issuers = bodies.bodies[:-1], bodies.bodies[-1:]
        _read_number(h)


    def _apart(self, text: str) -> str:
        """A header line whose text layer glued two syllables ("xửlý"), with them apart."""
        fixed, split = split_glued(text)
        if split:
            self.h.warnings.append(Warning(
                code="glyph_gap", where="header",
                message=f"syllables printed without a space, split: {', '.join(split)}"))
        return fixed


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


_ITEM = re.compile(r"^\s*[-–•+*]\s*")


def _clean_item(text: str) -> str:
    return _ITEM.sub("", text).strip().rstrip(";.,").strip()


_BLANK_NUMBER = re.compile(r"^[\s.…_]*/")


def _read_number(h: Header) -> None:
    printed = h.number_printed
    if printed is None:
        return
    compact = re.sub(r"\s+", "", printed).strip(".;,")
    if _BLANK_NUMBER.match(printed) or not re.search(r"\w", compact.split("/")[0]):
        h.number = None
    else:
        h.number = compact or None


def _number_warnings(h: Header) -> list[Warning]:
    out = []
    if h.number_printed is not None and h.number is None:
        out.append(Warning(code="number_blank", where="doc_number",
                           message=f"the number is left blank ('Số: {h.number_printed.strip()}'): "
                                   "a document prepared for signature"))
    if h.date_illegible:
        out.append(Warning(code="date_illegible", where="issued_date",
                           message=f"the day or month of '{h.date_printed}' is no digits as read"
                                   " (written or stamped by hand on a scan): no date is given"))
    elif h.date_blank:
        out.append(Warning(code="date_blank", where="issued_date",
                           message=f"the day is left blank ('{h.date_printed}')"))
    return out
