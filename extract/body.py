"""A document's body from its header on: the preamble and the documents it cites, the
numbered units, the end (closing, recipients, signature) and the tables of its appendices.
The same reading serves a document and each document it issues (`parts`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from vnplan.extract.citation_numbers import repair_numbers
from vnplan.extract.citations import find_citations, unique_citations
from vnplan.extract.header import ENACTING, PREAMBLE_CUE
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.sections import ENCLOSURES, build_sections, enclosure_end
from vnplan.extract.tail import SIGNATURE_SEARCH, closing_start, find_tail, read_tail
from vnplan.schema import Appendix, LegalBasis, Section, Signer, Warning, walk_sections
from vnplan.text.fold import fold_heading


@dataclass
class Body:
    preamble: list[str] = field(default_factory=list)
    legal_basis: list[LegalBasis] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: str | None = None
    recipients: list[str] = field(default_factory=list)
    signers: list[Signer] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)


def read_body(paragraphs: list[Paragraph], start: int) -> Body:
    """Everything after the header (`start`), up to the end of `paragraphs`."""
    body = Body()
    tail = document_end(paragraphs, start)
    first_item = _first_unit(paragraphs, start, tail)
    body.preamble = [p.text for p in paragraphs[start:first_item] if p.cells is None]
    body.legal_basis, repaired = repair_numbers(unique_citations(
        c for text in body.preamble if _cites(text) for c in find_citations(text)))
    body.warnings.extend(repaired)
    body_end = max(first_item, closing_start(paragraphs, first_item, tail))
    body_end = min(body_end, find(paragraphs, first_item + 1, _contents))
    body.sections, warnings = build_sections(paragraphs[first_item:body_end])
    body.warnings.extend(warnings)
    appendices = appendix_start(paragraphs, body_end)
    end = read_tail(paragraphs[body_end : min(appendices, body_end + SIGNATURE_SEARCH)])
    body.closing, body.recipients, body.signers = end.closing, end.recipients, end.signers
    body.warnings.extend(end.warnings)
    _read_tables(body, paragraphs, first_item if body.sections else start, body_end)
    return body


def document_end(paragraphs: list[Paragraph], start: int) -> int:
    """Where the document's end begins: the first closing, "Nơi nhận:" or signature — unless
    nothing is signed there (a guide that shows a signature block as an example: "T/M ĐOÀN
    CHỦ TỊCH" with no name under it) and a signed end follows before any appendix."""
    first = find_tail(paragraphs, start)
    if _signed_end(paragraphs, first):
        return first
    appendix = appendix_start(paragraphs, first)
    tail = first
    while (tail := find_tail(paragraphs, tail + 1)) < appendix:
        if _signed_end(paragraphs, tail):
            return tail
    return first


def _signed_end(paragraphs: list[Paragraph], tail: int) -> bool:
    end = read_tail(paragraphs[tail : tail + SIGNATURE_SEARCH])
    return any(s.name for s in end.signers)


def find(paragraphs: list[Paragraph], start: int, test: Callable[[Paragraph], object]) -> int:
    """The first paragraph from `start` that passes `test` (or the end)."""
    return next((i for i in range(start, len(paragraphs)) if test(paragraphs[i])), len(paragraphs))


def appendix_start(paragraphs: list[Paragraph], start: int) -> int:
    """The first appendix heading ("PHỤ LỤC …") from `start`, or the end."""
    return find(paragraphs, start, lambda p: APPENDIX_HEADING.match(p.text.strip()))


def _first_unit(paragraphs: list[Paragraph], start: int, tail: int) -> int:
    """The paragraph that opens the body's units (the enacting words or the first number),
    past a list of enclosed papers the preamble gives ("Hồ sơ kèm theo: … gồm:" 1. … 5.)."""
    index = start
    while index < tail:
        par = paragraphs[index]
        if par.cells is None and ENCLOSURES.match(par.text.strip()):
            index = enclosure_end(paragraphs, index)
            continue
        if _opens_body(par):
            return index
        index += 1
    return tail


def _opens_body(par: Paragraph) -> bool:
    if par.cells is not None:
        return False
    text = par.text.strip()
    return bool(ENACTING.match(text)) or (parse_marker(text, par.bold) is not None)


def _contents(par: Paragraph) -> bool:
    """A table of contents after the units (a legal portal lists the articles again): the
    text has ended."""
    if par.cells is not None:
        return False
    text = par.text.strip()
    return text[:1] in ("m", "M") and fold_heading(text) == "mục lục"  # folding costs: the
    # first letter first


def _cites(text: str) -> bool:
    """A preamble paragraph that cites (Căn cứ, Thực hiện, Theo, Xét, …)."""
    return bool(PREAMBLE_CUE.match(text.lstrip("-–• ").strip()))


def _read_tables(body: Body, paragraphs: list[Paragraph], first_item: int, end: int) -> None:
    """Every data table from the first unit on (from the header's end in a body of no units,
    a letter or an appendix printed alone): in the body (with the section it stands in) or,
    from the first appendix heading after the body's end, in an appendix."""
    if all(p.cells is None for p in paragraphs[first_item:]):
        return  # no table: the table readers are not even loaded
    from vnplan.extract.tables import read_tables

    titles = [s.title for s in walk_sections(body.sections)]
    found, warnings = read_tables(paragraphs, first_item, appendix_start(paragraphs, end), titles)
    body.warnings.extend(warnings)
    for start, table in found:
        if not table.in_appendix:
            nodes = walk_sections(build_sections(paragraphs[first_item:start])[0])
            table.section_path = nodes[-1].path if nodes else []
        body.appendices.append(table)


