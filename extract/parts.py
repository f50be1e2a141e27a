"""The documents a decision issues ("ban hành kèm theo Quyết định này"): a Quy chế, Quy
định, Điều lệ, Kế hoạch … printed after the decision's signature, each with its own header —
often the motto again, the type line, the subject and "(Kèm theo Quyết định số …)" — and its own
units, numbering restarting at Chương I / Điều 1 / I."""

from __future__ import annotations

import re

from vnplan.extract.body import document_end, read_body
from vnplan.extract.doc_types import split_type_line
from vnplan.extract.header import CAPTION, read_header
from vnplan.extract.numbering import is_unit_heading
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import (
    find_motto,
    find_place_date,
    mark_kind,
    number_clause,
)
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.schema import Part, Warning
from vnplan.text.fold import fold_heading

TYPE_LINE_WORDS_MAX = 10
NAME_PREFIX = 40  # characters of an appendix's name that its title must open with
_NAMED_APPENDIX = re.compile(r"(?:[a-zđ]\)|\d+\.|[-–+])\s*(.{10,}?)\s*\(Phụ lục\s+([IVXLC]+|\d+)\)"
                             r"\s*[;.,]?$", re.IGNORECASE)
_FORM_APPENDIX = re.compile(r"\bmẫu\b[^.;]{0,60}?\bPhụ lục\s+([IVXLC]+|\d+)\b", re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"phụ lục\s*(?:số\s*)?([IVXLC]+|\d+)?\b", re.IGNORECASE)
_BOX = " _|[]"  # the frame of a boxed mark, as OCR reads it: "_ DỰ THẢO |"
LOOK_AROUND = 4  # paragraphs around a type line searched for its caption or a motto


def part_starts(paragraphs: list[Paragraph], start: int) -> list[int]:
    """Where each attached document begins, after the document's own end (where `read_body`
    ends it: `body.document_end`, past a signature shown as an example): a type line under
    the motto or over its caption, or a "Số:" line beside the motto (a letter prints no type
    line). Among the appendices only one the body lists by its title ("a) Bộ tiêu chí … (Phụ
    lục I);"), a "PHỤ LỤC II" whose title opens with a type ("QUY ĐỊNH KHUNG …", then "(Kèm theo
    …)") unless the body calls it a model ("theo mẫu tại Phụ lục VI"), or a header marked DỰ
    THẢO (the draft a Tờ trình carries after its tables), is a document: the appendices' model
    forms print headers too."""
    tail = document_end(paragraphs, start)
    named, forms = appendix_roles(paragraphs[start:tail])
    out: list[int] = []
    appendices = False
    for i in range(tail, len(paragraphs)):  # the end may be the appendix heading itself
        heading = bool(APPENDIX_HEADING.match(paragraphs[i].text.strip()))
        appendices = appendices or heading
        if out and i <= out[-1] + 2 * LOOK_AROUND:
            continue  # the header of the part just found
        typed = heading and appendix_number(paragraphs[i].text) not in forms and (
            i + 1 < len(paragraphs) and _opens_part(paragraphs, i + 1))
        if heading and (typed or _issued(paragraphs, i, named)):
            out.append(i)
            continue
        opens = _drafts_a_header(paragraphs, i) if appendices else (
            _opens_part(paragraphs, i) or _numbers_a_header(paragraphs, i))
        if opens:
            out.append(_header_top(paragraphs, i, out[-1] if out else tail))
    return out


def appendix_roles(body: list[Paragraph]) -> tuple[dict[str, str], set[str]]:
    """The appendices the body lists as its parts, each with the name it gives it ("a) Bộ
    tiêu chí quốc gia về xã nông thôn mới … (Phụ lục I);"), and those it gives as model forms
    ("lập báo cáo theo mẫu tại Phụ lục VI"), by number."""
    named: dict[str, str] = {}
    forms: set[str] = set()
    for par in body:
        if (item := _NAMED_APPENDIX.match(par.text.strip())) is not None:
            named[item.group(2).upper()] = fold_heading(item.group(1))
        forms.update(m.group(1).upper() for m in _FORM_APPENDIX.finditer(par.text))
    return named, forms - named.keys()


def _issued(paragraphs: list[Paragraph], i: int, named: dict[str, str]) -> bool:
    """Is the appendix heading at `i` one the body lists by the title printed under it?"""
    name = named.get(appendix_number(paragraphs[i].text) or "")
    if not name or i + 1 >= len(paragraphs):
        return False
    return fold_heading(paragraphs[i + 1].text).startswith(name[:NAME_PREFIX])


def appendix_number(heading: str) -> str | None:
    """"PHỤ LỤC II" → "II"; "PHỤ LỤC" alone → ""."""
    found = _HEADING_NUMBER.match(heading.strip())
    return (found.group(1) or "").upper() if found else None


def _numbers_a_header(paragraphs: list[Paragraph], i: int) -> bool:
    """A "Số: …" line with the motto beside it: the header of another document, a letter's
    too (it prints no type line)."""
    if paragraphs[i].cells is not None or number_clause(paragraphs[i].text) is None:
        return False
    around = paragraphs[max(0, i - LOOK_AROUND) : i + 1 + LOOK_AROUND]
    return any(find_motto(p.text) for p in around)


def _drafts_a_header(paragraphs: list[Paragraph], i: int) -> bool:
    """Among the appendices, a document header marked DỰ THẢO: the draft a submission (Tờ
    trình) attaches after its tables, not a model form of an appendix."""
    if not _numbers_a_header(paragraphs, i):
        return False
    around = paragraphs[max(0, i - LOOK_AROUND) : i + 1 + LOOK_AROUND]
    return any(mark_kind(p.text.strip(_BOX)) == "draft" for p in around)


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
        if APPENDIX_HEADING.match(paragraphs[j].text.strip()):
            break
        if find_motto(paragraphs[j].text) or _header_line(paragraphs[j]):
            top = j
        else:
            break
    return top


def _header_line(par: Paragraph) -> bool:
    letters = [c for c in par.text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(par.text.split()) <= 12


def read_part(paragraphs: list[Paragraph]) -> tuple[Part, list[Warning]]:
    """One attached document: its type, title, subject and caption, units and tables; and
    the repairs made reading its body."""
    if paragraphs and APPENDIX_HEADING.match(paragraphs[0].text.strip()):
        return _appendix_part(paragraphs)
    header = read_header(paragraphs)
    body = read_body(paragraphs, header.end)
    part = Part(
        doc_type=header.printed_type,
        title=header.title,
        subject=header.subject,
        caption=header.caption,
        sections=body.sections,
        appendices=body.appendices,
        signer=body.signers[0] if body.signers else None,
    )
    return part, body.warnings


def _appendix_part(paragraphs: list[Paragraph]) -> tuple[Part, list[Warning]]:
    """A document headed as an appendix: "PHỤ LỤC II", its type and name in capitals on the
    lines below ("QUY ĐỊNH KHUNG …"), its "(Kèm theo …)" caption, then its units — or only a
    table under its title, which is then the appendix itself."""
    at = next((i for i, p in enumerate(paragraphs[:LOOK_AROUND + 2])
               if CAPTION.match(p.text.strip())), None)
    end = at + 1 if at is not None else 2
    heading = [p.text.strip() for p in paragraphs[:end] if not CAPTION.match(p.text.strip())]
    typed = split_type_line(heading[1]) if len(heading) > 1 else None
    body = read_body(paragraphs, end)
    for table in body.appendices if not body.sections else []:
        table.in_appendix = True
    part = Part(
        doc_type=typed[0] if typed else "Phụ lục",
        title=" ".join(heading),
        subject=" ".join([typed[1], *heading[2:]]).strip() if typed else None,
        caption=paragraphs[at].text.strip() if at is not None else None,
        sections=body.sections,
        appendices=body.appendices,
        signer=body.signers[0] if body.signers else None,
    )
    return part, body.warnings
