"""The documents a decision issues ("ban hành kèm theo Quyết định này"): a Quy chế, Quy
định, Điều lệ, Kế hoạch … printed after the decision's signature, each with its own header —
often the motto again, the type line, the subject and "(Kèm theo Quyết định số …)" — and its own
units, numbering restarting at Chương I / Điều 1 / I."""

from __future__ import annotations

from vnplan.extract.body import read_body
from vnplan.extract.doc_types import split_type_line
from vnplan.extract.header import CAPTION, read_header
from vnplan.extract.numbering import is_unit_heading
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import find_motto, find_place_date, number_clause
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.tail import find_tail
from vnplan.schema import Part

TYPE_LINE_WORDS_MAX = 10
LOOK_AROUND = 4  # paragraphs around a type line searched for its caption or a motto


def part_starts(paragraphs: list[Paragraph], start: int) -> list[int]:
    """Where each attached document begins, after the document's own end."""
    tail = find_tail(paragraphs, start)
    out: list[int] = []
    for i in range(tail + 1, len(paragraphs)):
        if APPENDIX_HEADING.match(paragraphs[i].text.strip()):
            break  # the appendices' model forms print headers too: they are not documents
        if _opens_part(paragraphs, i) and (not out or i > out[-1] + LOOK_AROUND):
            out.append(_header_top(paragraphs, i, out[-1] if out else tail))
    return out


def _opens_part(paragraphs: list[Paragraph], i: int) -> bool:
    par = paragraphs[i]
    text = par.text.strip()
    if par.cells is not None or text.endswith(":") or len(text.split()) > TYPE_LINE_WORDS_MAX:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters or not (all(c.isupper() for c in letters) or par.bold):
        return False
    typed = split_type_line(text)
    if typed is None or typed[0] == "Phụ lục":  # an appendix is a table, not a document
        return False
    if i > 0 and is_unit_heading(paragraphs[i - 1].text):
        return False  # "Chương I" / "QUY ĐỊNH CHUNG": a chapter's title, not a type line
    after = paragraphs[i + 1 : i + 1 + LOOK_AROUND]
    return any(CAPTION.match(p.text.strip()) for p in after) or _under_motto(paragraphs, i)


def _under_motto(paragraphs: list[Paragraph], i: int) -> bool:
    """Whether a motto stands above the type line with nothing but header lines (the issuer,
    "Số: …", the place and date) between them."""
    for j in range(i - 1, max(-1, i - 1 - 2 * LOOK_AROUND), -1):
        par = paragraphs[j]
        if find_motto(par.text):
            return True
        if not (_header_line(par) or number_clause(par.text) or find_place_date(par.text)):
            return False
    return False


def _header_top(paragraphs: list[Paragraph], i: int, floor: int) -> int:
    """The first line of an attached document's header: its issuer lines and motto above the
    type line, when it repeats them."""
    top = i
    for j in range(i - 1, max(floor, i - 2 * LOOK_AROUND), -1):
        if find_motto(paragraphs[j].text) or _header_line(paragraphs[j]):
            top = j
        else:
            break
    return top


def _header_line(par: Paragraph) -> bool:
    letters = [c for c in par.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(par.text.split()) <= 12


def read_part(paragraphs: list[Paragraph]) -> Part:
    """One attached document: its type, title, subject and caption, units and tables."""
    header = read_header(paragraphs)
    body = read_body(paragraphs, header.end)
    return Part(
        doc_type=header.doc_type,
        title=header.title,
        subject=header.subject,
        caption=header.caption,
        sections=body.sections,
        appendices=body.appendices,
        signer=body.signers[0] if body.signers else None,
    )
