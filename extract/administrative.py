"""An administrative document's paragraphs → its record: the parts Nghị định 30/2020 (Phụ
lục I) prescribes for every administrative document — header (`header`), preamble, body and
end (`body`, `tail`, `signature`), tables (`appendix`) — and each document it issues
(`parts`); then its identity (number, date, type, issuer) from what they say.
"""

from __future__ import annotations

import re

from vnplan.extract.bodies import is_central, starts_with_head
from vnplan.extract.body import read_body
from vnplan.extract.citations import find_citations
from vnplan.extract.doc_types import doc_type, type_of_symbol
from vnplan.extract.header import Header, read_header
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.parts import part_starts, read_part
from vnplan.extract.period import period_of
from vnplan.extract.tail import TRUNCATION
from vnplan.schema import (
    AgencyRef,
    Assignment,
    Document,
    Section,
    Signer,
    Warning,
    walk_sections,
)
from vnplan.text.dates import parse_date

_AGENCY_START = re.compile(
    r"^(?:Sở|Ban|Ủy ban|UBND|Các|Cơ quan|Đài|Báo|Hội|Văn phòng|Công an|Bộ Chỉ huy|Liên hiệp|"
    r"Mặt trận|Tỉnh đoàn|Đoàn|Trường|Thanh tra|Kho bạc|Cục|Chi cục|Trung tâm|Bảo tàng|Thư viện)\b"
)
AGENCY_TITLE_WORDS_MAX = 16


def read_administrative(paragraphs: list[Paragraph], doc: Document) -> None:
    """Every part of an administrative document, found in its paragraphs, into its record:
    its own header, preamble, body and end, then each document it issues (`parts`)."""
    header = read_header(paragraphs)
    doc.warnings.extend(header.warnings)
    attached = part_starts(paragraphs, header.end)
    body = read_body(paragraphs[: attached[0]] if attached else paragraphs, header.end)
    doc.legal_basis, doc.sections = body.legal_basis, body.sections
    doc.closing, doc.recipients, doc.appendices = body.closing, body.recipients, body.appendices
    if body.signers:
        doc.signer = body.signers[0]
        doc.signers = body.signers if len(body.signers) > 1 else []
    doc.warnings.extend(body.warnings)
    ends = [*attached[1:], len(paragraphs)]
    for index, (a, b) in enumerate(zip(attached, ends, strict=False)):
        part, warnings = read_part(paragraphs[a:b])
        doc.parts.append(part)
        doc.warnings.extend(
            w.model_copy(update={"where": f"parts[{index}] {w.where or ''}".strip()})
            for w in warnings)
    _read_identity(doc, header, body.preamble, paragraphs)
    doc.assignments = assignments_of(doc.sections)
    if paragraphs and TRUNCATION.match(paragraphs[-1].text.strip()):
        doc.warnings.append(
            Warning(
                code="truncated",
                message="the text ends with '[...]': the "
                "document is cut off; later parts are missing",
                where="end",
            )
        )


def _read_identity(
    doc: Document, header: Header, preamble: list[str], paragraphs: list[Paragraph]
) -> None:
    """Number, date, type, title, issuer and place from the header (a portal's attribute box
    or an appendix caption where the header has none)."""
    doc.doc_number = header.number
    doc.issued_date = header.issued
    doc.place = header.place
    doc.draft = header.draft
    doc.marks = [m for m in header.marks if m != "DỰ THẢO"]
    doc.subject = header.subject
    doc.title = header.title
    doc.doc_type = header.doc_type
    portal = header.portal
    if doc.doc_number is None and header.number_printed is None and portal.get("number"):
        doc.doc_number = re.sub(r"\s+", "", portal["number"])
    if doc.issued_date is None and not header.date_blank and portal.get("issued"):
        doc.issued_date = parse_date(portal["issued"])
    if doc.doc_number is None and header.number_printed is None:
        _number_from_caption(doc)
    if doc.doc_type is None:
        if typed := header.printed_type:
            doc.doc_type = typed
        elif portal.get("doc_type"):
            doc.doc_type = portal["doc_type"]
        elif doc.doc_number:
            doc.doc_type = type_of_symbol(doc.doc_number)
    issuers = header.issuers or ([portal["issuer"]] if portal.get("issuer") else [])
    if not issuers and (named := issuer_in_text(preamble, doc)) is not None:
        issuers = [named]
        doc.warnings.append(Warning(
            code="issuer_from_text", where="issuer",
            message=f"no header names the issuer; '{named}' read from the text that issues the "
                    "document"))
    if issuers:
        doc.issuer = AgencyRef(raw=issuers[0])
        doc.co_issuers = [AgencyRef(raw=i) for i in issuers[1:]]
    if header.parents:
        doc.issuer_parent = AgencyRef(raw=header.parents[-1])
    if doc.signer is None and portal.get("signer"):
        doc.signer = Signer(name=portal["signer"])
    doc.addressees = [AgencyRef(raw=a) for a in header.addressees]
    doc.period = period_of(doc.title, doc.sections)


_PROMULGATION = re.compile(  # "…, Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch …"
    r"(?:^|[,;:.]\s*|\bqua rà soát,?\s*)(?:(?:Chủ tịch|Giám đốc|Bộ trưởng)\s+)?"
    r"(?P<body>[A-ZĐÀ-Ỹ][^,;:.]{3,80}?)\s+(?:ban hành|xây dựng|kính trình|báo cáo)\s")
_OF_ISSUER = re.compile(r"\bcủa\s+(?P<body>[A-ZĐÀ-Ỹ][^,;:.()]{3,80}?)\s*\)?\s*$")


def issuer_in_text(preamble: list[str], doc: Document) -> str | None:
    """The issuer a document names when its header is lost: the body of its promulgation
    formula ("Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch …"), else the body an appendix
    caption names ("Kèm theo Kế hoạch số … của Ủy ban nhân dân tỉnh Lào Cai")."""
    for text in preamble:
        for match in _PROMULGATION.finditer(text):
            if starts_with_head(match["body"]):
                return match["body"].strip()
    for appendix in doc.appendices:
        found = _OF_ISSUER.search(appendix.caption or "")
        if found is not None and starts_with_head(found["body"]):
            return found["body"].strip()
    return None


def _number_from_caption(doc: Document) -> None:
    """A text whose "Số:" line was lost (an OCR'd scan) names its number in the appendix
    caption ("Kèm theo Kế hoạch số 122/KH-UBND ngày …")."""
    for appendix in doc.appendices:
        cited = find_citations(appendix.caption or "")
        if cited and cited[0].doc_number:
            doc.doc_number = cited[0].doc_number
            doc.warnings.append(
                Warning(
                    code="number_from_caption",
                    message=f"no 'Số:' line; number {doc.doc_number} read from the appendix "
                    "caption",
                    where="appendices[0].caption",
                )
            )
            doc.issued_date = doc.issued_date or cited[0].date
            return


def is_central_body(name: str) -> bool:
    return is_central(name)


def assignments_of(sections: list[Section]) -> list[Assignment]:
    """The "Tổ chức thực hiện" items that name an agency, with that agency's duties."""
    out: list[Assignment] = []
    for section in walk_sections(sections):
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


def plan_type(doc_type_name: str | None) -> bool:
    """Whether a document of this type is a plan (Kế hoạch; Chương trình, Phương án, Đề án)."""
    found = doc_type(doc_type_name) if doc_type_name else None
    return found is not None and found.plan
