"""A plan's paragraphs → the parts of its record: front matter, preamble, sections, closing,
signature, recipients and appendices."""

from __future__ import annotations

import re

from vnplan.extract.appendix import parse_appendix
from vnplan.extract.closing import ON_BEHALF, is_recipients_head, parse_recipients, parse_signature
from vnplan.extract.doc_numbers import doc_type_of_number, normalize_doc_number
from vnplan.extract.header import FrontMatter, parse_front_matter, portal_date
from vnplan.extract.legal import find_citations
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.period import parse_period
from vnplan.extract.places import likely_province
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.sections import build_sections
from vnplan.schema import (
    AgencyRef,
    Assignment,
    Document,
    Province,
    Section,
    Signer,
    Warning,
)
from vnplan.text.dates import parse_date
from vnplan.text.fold import fold_heading

CLOSING_START = re.compile(r"^Trên đây là\b")
CAPTION = re.compile(r"^\(?\s*(?:Kèm theo|Ban hành kèm theo)\b.*\)?$", re.IGNORECASE)
TRUNCATION = re.compile(r"^\[\s*(?:\.\.\.|…)\s*\]$")
_ISSUER_IN_TEXT = re.compile(
    r"(?P<issuer>(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+(?:tỉnh|thành phố|TP\.?)\s+"
    r"[A-ZĐÀ-Ỹ][\wà-ỹđ]*(?:\s+[A-ZĐÀ-Ỹ][\wà-ỹđ]*){0,3})"
)
_AGENCY_START = re.compile(
    r"^(?:Sở|Ban|Ủy ban|UBND|Các|Cơ quan|Đài|Báo|Hội|Văn phòng|Công an|Bộ Chỉ huy|Liên hiệp|"
    r"Mặt trận|Tỉnh đoàn|Đoàn|Trường|Thanh tra|Kho bạc|Cục|Chi cục|Trung tâm|Bảo tàng|Thư viện)\b"
)
AGENCY_TITLE_WORDS_MAX = 16


def _find(paragraphs: list[Paragraph], start: int, test: object) -> int:
    assert callable(test)
    return next((i for i in range(start, len(paragraphs)) if test(paragraphs[i])), len(paragraphs))


def _is_body_end(par: Paragraph) -> bool:
    text = par.text.strip()
    return bool(
        CLOSING_START.match(text)
        or is_recipients_head(text)
        or ON_BEHALF.match(text)
        or APPENDIX_HEADING.match(text)
        or TRUNCATION.match(text)
    )


def read_plan(paragraphs: list[Paragraph], parts: Document) -> None:
    """Every part of a plan, found in its paragraphs, filled into its record."""
    front = parse_front_matter(paragraphs)
    parts.title, parts.doc_type = front.title, front.doc_type
    first_item = _find(
        paragraphs, front.end, lambda p: p.cells is None and parse_marker(p.text, p.bold)
    )
    preamble = [p.text for p in paragraphs[front.end : first_item]]
    parts.legal_basis = [c for text in preamble for c in find_citations(text)]
    body_end = _find(paragraphs, first_item, _is_body_end)
    parts.sections, warnings = build_sections(paragraphs[first_item:body_end])
    parts.warnings.extend(warnings)
    _read_closing(parts, paragraphs, body_end)
    _read_appendices(parts, paragraphs, body_end)
    _read_identity(parts, front, preamble, paragraphs)
    parts.assignments = assignments_of(parts.sections)
    if paragraphs and TRUNCATION.match(paragraphs[-1].text.strip()):
        parts.warnings.append(
            Warning(
                code="truncated",
                message="the text ends with '[...]': the "
                "document is cut off; later parts are missing",
                where="end",
            )
        )


def _read_closing(parts: Document, paragraphs: list[Paragraph], body_end: int) -> None:
    appendix_start = _find(paragraphs, body_end, lambda p: APPENDIX_HEADING.match(p.text.strip()))
    tail = paragraphs[body_end:appendix_start]
    recipients_at = next((i for i, p in enumerate(tail) if is_recipients_head(p.text)), None)
    sign_at = next((i for i, p in enumerate(tail) if ON_BEHALF.match(p.text.strip())), None)
    closing_end = min(i for i in (recipients_at, sign_at, len(tail)) if i is not None)
    closing = [p.text for p in tail[:closing_end] if not TRUNCATION.match(p.text.strip())]
    parts.closing = "\n".join(closing) or None
    if recipients_at is not None:
        parts.recipients = parse_recipients(tail[recipients_at:])
    if sign_at is not None:
        parts.signer = parse_signature([p.text for p in tail[sign_at : sign_at + 8]])


def _read_appendices(parts: Document, paragraphs: list[Paragraph], start: int) -> None:
    titles = [s.title for s in _walk(parts.sections)]
    index = _find(paragraphs, start, lambda p: APPENDIX_HEADING.match(p.text.strip()))
    while index < len(paragraphs):
        nxt = _find(paragraphs, index + 1, lambda p: APPENDIX_HEADING.match(p.text.strip()))
        block = paragraphs[index:nxt]
        heading = [p.text for p in block if p.cells is None and not CAPTION.match(p.text.strip())]
        caption = next((p.text.strip() for p in block if CAPTION.match(p.text.strip())), None)
        rows = [p for p in block if p.cells is not None]
        title = " ".join(heading[:3]).strip()
        if rows:
            appendix, warnings = parse_appendix(
                title, caption, rows, titles, index=len(parts.appendices)
            )
            parts.appendices.append(appendix)
            parts.warnings.extend(warnings)
        index = nxt


def _read_identity(
    parts: Document, front: FrontMatter, preamble: list[str], paragraphs: list[Paragraph]
) -> None:
    captions = [a.caption for a in parts.appendices if a.caption]
    parts.doc_number = front.doc_number or normalize_doc_number(front.portal.get("number", ""))
    parts.issued_date = front.issued_date or portal_date(front)
    if not parts.doc_number:
        for caption in captions:
            if number := normalize_doc_number(caption):
                parts.doc_number = number
                parts.warnings.append(
                    Warning(
                        code="number_from_caption",
                        message=f"no 'Số:' line; number {number} read from the appendix caption",
                        where="appendices[0].caption",
                    )
                )
                parts.issued_date = parts.issued_date or parse_date(caption)
                break
    if parts.doc_type is None and parts.doc_number:
        parts.doc_type = doc_type_of_number(parts.doc_number)
    parts.doc_type = parts.doc_type or front.portal.get("doc_type")
    parts.place = front.place
    issuer_text = " ".join(front.issuer_lines)
    if not issuer_text:
        found = _ISSUER_IN_TEXT.search(" ".join([*preamble, *captions]))
        issuer_text = found["issuer"] if found else front.portal.get("issuer", "")
    parts.issuer = AgencyRef(raw=issuer_text) if issuer_text else None
    if parts.signer is None and front.portal.get("signer"):
        parts.signer = Signer(name=front.portal["signer"])
    body = " ".join(p.text for p in paragraphs[:200] if p.cells is None)
    name = likely_province(
        issuer_text, front.place or "", front.portal.get("issuer", ""), parts.title or "", body
    )
    parts.province = Province(name=name) if name else None
    parts.period = parse_period(parts.title or "") or parse_period(" ".join(preamble))


def _walk(sections: list[Section]) -> list[Section]:
    out: list[Section] = []
    for section in sections:
        out.append(section)
        out.extend(_walk(section.children))
    return out


def assignments_of(sections: list[Section]) -> list[Assignment]:
    """The "Tổ chức thực hiện" items that name an agency, with that agency's duties."""
    out: list[Assignment] = []
    for section in _walk(sections):
        if section.role != "implementation" or len(section.path) < 2:
            continue
        title = section.title.strip()
        if not _AGENCY_START.match(title) or len(title.split()) > AGENCY_TITLE_WORDS_MAX:
            continue
        duties = [_full_text(child) for child in section.children]
        if not duties and section.text:
            duties = [line for line in section.text.split("\n") if line.strip()]
        out.append(
            Assignment(agency=AgencyRef(raw=title), section_path=section.path, duties=duties)
        )
    return out


def _full_text(section: Section) -> str:
    return f"{section.title}: {section.text}" if section.text else section.title


def is_plan_like(paragraphs: list[Paragraph]) -> bool:
    """Does this read as an administrative document rather than an article about one?"""
    front = parse_front_matter(paragraphs)
    if front.doc_number or front.portal.get("number"):
        return True
    romans = sum(
        1
        for p in paragraphs
        if p.cells is None and (m := parse_marker(p.text, p.bold)) and m.kind == "roman"
    )
    return (bool(front.doc_type_line) and romans >= 2) or (
        romans >= 3
        and any(fold_heading(p.text).startswith("tổ chức thực hiện") for p in paragraphs)
    )
