"""An administrative document's paragraphs → its record: header, preamble and the documents
it cites, the numbered body, closing, signature, recipients and appendices.

The parts are those Nghị định 30/2020 (Phụ lục I) prescribes for every administrative document;
`header`, `citations`, `signature` read them, `sections` and `appendix` the body.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vnplan.extract.appendix import parse_appendix
from vnplan.extract.bodies import is_central, starts_with_head
from vnplan.extract.citations import find_citations, unique_citations
from vnplan.extract.doc_types import doc_type, type_of_symbol
from vnplan.extract.header import ENACTING, PREAMBLE_CUE, Header, read_header
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.period import parse_period
from vnplan.extract.readers.anchors import RECIPIENTS, skeleton
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.sections import build_sections
from vnplan.extract.signature import (
    GAP_LINES_MAX,
    find_signatures,
    is_authority,
    is_position,
    read_recipients,
    tail_lines,
)
from vnplan.schema import (
    AgencyRef,
    Assignment,
    Document,
    Section,
    Signer,
    Warning,
)
from vnplan.text.dates import parse_date

CLOSING_START = re.compile(r"^Trên đây là\b")
CAPTION = re.compile(r"^\(?\s*(?:Kèm theo|Ban hành kèm theo)\b.*\)?$", re.IGNORECASE)
TRUNCATION = re.compile(r"^\[\s*(?:\.\.\.|…)\s*\]$")
_AGENCY_START = re.compile(
    r"^(?:Sở|Ban|Ủy ban|UBND|Các|Cơ quan|Đài|Báo|Hội|Văn phòng|Công an|Bộ Chỉ huy|Liên hiệp|"
    r"Mặt trận|Tỉnh đoàn|Đoàn|Trường|Thanh tra|Kho bạc|Cục|Chi cục|Trung tâm|Bảo tàng|Thư viện)\b"
)
AGENCY_TITLE_WORDS_MAX = 16
SIGNATURE_SEARCH = 80  # paragraphs after the body looked at for the signature


def _find(paragraphs: list[Paragraph], start: int, test: Callable[[Paragraph], object]) -> int:
    return next((i for i in range(start, len(paragraphs)) if test(paragraphs[i])), len(paragraphs))


def _find_tail(paragraphs: list[Paragraph], start: int) -> int:
    """The first paragraph of the document's end: the closing, "Nơi nhận:", the signature
    (an authority line, or a position line with the name under it), an appendix."""
    for i in range(start, len(paragraphs)):
        if _is_tail_start(paragraphs[i]) or _signature_at(paragraphs, i):
            return i
    return len(paragraphs)


def _signature_at(paragraphs: list[Paragraph], i: int) -> bool:
    par = paragraphs[i]
    if par.cells is not None or not is_position(par.text):
        return False
    lines = tail_lines(paragraphs[i : i + 2 + GAP_LINES_MAX])
    return any(b.name for b in find_signatures(lines[: 2 + GAP_LINES_MAX]))


def _is_tail_start(par: Paragraph) -> bool:
    """Where the body ends: the closing, "Nơi nhận:", the signature, an appendix."""
    text = par.text.strip()
    if par.cells is not None:
        first = next((c for c in par.cells if c.strip()), "")
        return bool(RECIPIENTS.match(skeleton(first))) or is_authority(first.split("\n")[0])
    return bool(
        CLOSING_START.match(text)
        or RECIPIENTS.match(skeleton(text))
        or is_authority(text)
        or APPENDIX_HEADING.match(text)
        or TRUNCATION.match(text)
    )


def read_administrative(paragraphs: list[Paragraph], doc: Document) -> None:
    """Every part of an administrative document, found in its paragraphs, into its record."""
    header = read_header(paragraphs)
    doc.warnings.extend(header.warnings)
    tail = _find_tail(paragraphs, header.end)
    first_item = min(_find(paragraphs, header.end, _opens_body), tail)
    preamble = [p.text for p in paragraphs[header.end : first_item] if p.cells is None]
    doc.legal_basis = unique_citations(
        c for text in preamble if _cites(text) for c in find_citations(text))
    body_end = max(first_item, tail)
    doc.sections, warnings = build_sections(paragraphs[first_item:body_end])
    doc.warnings.extend(warnings)
    _read_closing(doc, paragraphs, body_end)
    _read_appendices(doc, paragraphs, body_end)
    _read_identity(doc, header, preamble, paragraphs)
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


def _opens_body(par: Paragraph) -> bool:
    if par.cells is not None:
        return False
    text = par.text.strip()
    return bool(ENACTING.match(text)) or (parse_marker(text, par.bold) is not None)


def _cites(text: str) -> bool:
    """A preamble paragraph that cites (Căn cứ, Thực hiện, Theo, Xét, …)."""
    return bool(PREAMBLE_CUE.match(text.lstrip("-–• ").strip()))


def _read_closing(doc: Document, paragraphs: list[Paragraph], body_end: int) -> None:
    appendix_start = _find(paragraphs, body_end, lambda p: APPENDIX_HEADING.match(p.text.strip()))
    tail = paragraphs[body_end : min(appendix_start, body_end + SIGNATURE_SEARCH)]
    closing_end = next((i for i, p in enumerate(tail) if not CLOSING_START.match(p.text.strip())
                        and (_is_tail_start(p) or _signature_at(tail, i))), len(tail))
    closing = [p.text for p in tail[:closing_end] if not TRUNCATION.match(p.text.strip())]
    doc.closing = "\n".join(closing) or None
    lines = tail_lines(tail[closing_end:])
    recipients_at = next((i for i, t in enumerate(lines) if RECIPIENTS.match(skeleton(t))), None)
    if recipients_at is not None:
        doc.recipients, _ = read_recipients(lines, recipients_at)
    blocks = find_signatures(lines)
    if blocks:
        signers = [b.signer() for b in blocks if b.name or b.positions]
        doc.signer = signers[0] if signers else None
        doc.signers = signers if len(signers) > 1 else []


def _read_appendices(doc: Document, paragraphs: list[Paragraph], start: int) -> None:
    titles = [s.title for s in _walk(doc.sections)]
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
                title, caption, rows, titles, index=len(doc.appendices)
            )
            doc.appendices.append(appendix)
            doc.warnings.extend(warnings)
        index = nxt


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
        symbol = re.sub(r"\s+", "", header.number_printed or "")
        if symbol and (typed := type_of_symbol(symbol)):
            doc.doc_type = typed
        elif header.subject and header.type_line is None:
            doc.doc_type = "Công văn"  # a letter: its subject is the "V/v" line
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
    doc.period = parse_period(doc.title or "") or parse_period(" ".join(preamble))


_PROMULGATION = re.compile(  # "…, Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch …"
    r"(?:^|[,;:.]\s*|\bqua rà soát,?\s*)(?:(?:Chủ tịch|Giám đốc|Bộ trưởng|Thủ tướng)\s+)?"
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


def plan_type(doc_type_name: str | None) -> bool:
    """Whether a document of this type is a plan (Kế hoạch; Chương trình, Phương án, Đề án)."""
    found = doc_type(doc_type_name) if doc_type_name else None
    return found is not None and found.plan
