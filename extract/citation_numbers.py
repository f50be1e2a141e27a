"""Cited numbers OCR damaged, repaired where the citation itself is the evidence.

The Quốc hội's symbol carries its term ("QH15"), fixed by the year in the number ("163/2024/
QHI15" → QH15); a type's abbreviation (Nghị định 30/2020, Phụ lục III) is the cited type's
("7404/QĐĐ-BCA-C04" cited as a Quyết định → QĐ); the Party's central bodies sign "/TW"
("60-NQ/TT … của Ban Chấp hành Trung ương"); a doubled hyphen is one ("NĐ- -CP"). Each repair
is a warning; every other number is kept as read.
"""

from __future__ import annotations

import re

from vnplan.extract.citations import unique_citations
from vnplan.extract.doc_types import doc_type
from vnplan.schema import LegalBasis, Warning

_DOUBLE_HYPHEN = re.compile(r"-{2,}")
_ASSEMBLY = re.compile(r"(?<=/)QH(?P<term>[\dIl|]*[Il|][\dIl|]*|\d)$")  # "QHI5"; "QH15" is read
_ASSEMBLY_TERMS = ((1987, 8), (1992, 9), (1997, 10), (2002, 11), (2007, 12), (2011, 13),
                   (2016, 14), (2021, 15), (2026, 16))  # (first year, term)
_CENTRAL_PARTY = re.compile(r"^(?:Ban Chấp hành Trung ương|Bộ Chính trị|Ban Bí thư)\b",
                            re.IGNORECASE)
_PARTY_NUMBER = re.compile(r"^(?P<head>\d{1,4}-[A-ZĐ]{1,5}/)(?P<org>[A-ZĐIl]{1,4})$")


def repair_numbers(citations: list[LegalBasis]) -> tuple[list[LegalBasis], list[Warning]]:
    """The citations with the numbers OCR damaged repaired where the citation itself is the
    evidence (see the module doc), each repair a warning; other numbers as read."""
    out: list[LegalBasis] = []
    warnings: list[Warning] = []
    for basis in citations:
        number = basis.doc_number
        fixed = _repaired(basis) if number else None
        if fixed and fixed != number:
            warnings.append(Warning(
                code="ocr_number_repaired", where="legal_basis",
                message=f"the cited number '{number}' read as '{fixed}' ({basis.raw[:60]})"))
            basis = basis.model_copy(update={"doc_number": fixed})
        out.append(basis)
    return unique_citations(out), warnings


def _repaired(basis: LegalBasis) -> str:
    number = _DOUBLE_HYPHEN.sub("-", basis.doc_number or "")
    if (term := _ASSEMBLY.search(number)) and (year := re.search(r"/((?:19|20)\d{2})/", number)):
        number = number[: term.start("term")] + _term(term["term"], int(year[1]))
    number = _type_abbreviation(number, basis.doc_type)
    party = _PARTY_NUMBER.match(number)
    if party and party["org"] != "TW" and _CENTRAL_PARTY.match(basis.issuer or ""):
        number = party["head"] + "TW"
    return number


def _term(read: str, year: int) -> str:
    """The Quốc hội's term in a symbol OCR damaged ("I5", "I15" for 15): the term sitting in
    the year of the number (a year a term ends and the next begins allows both: the one the
    digits read agree with)."""
    terms = [t for first, t in _ASSEMBLY_TERMS if first <= year <= first + 5]
    digits = re.sub(r"[Il|]", "1", read)
    agreeing = [t for t in terms if str(t) in (digits, re.sub(r"[Il|]", "", read))]
    chosen = agreeing or terms[-1:]
    return str(chosen[0]) if len(chosen) == 1 else read


def _type_abbreviation(number: str, cited: str | None) -> str:
    """"7404/QĐĐ-BCA-C04" cited as a Quyết định: its abbreviation is QĐ, a letter read twice."""
    kind = doc_type(cited) if cited else None
    if kind is None:
        return number
    parts = number.split("/")
    symbol, _, rest = parts[-1].partition("-")
    for abbr in kind.abbreviations:
        if symbol != abbr and re.fullmatch(
                "".join(f"{re.escape(c)}+" for c in abbr), symbol) and symbol.upper() != abbr:
            return "/".join([*parts[:-1], f"{abbr}-{rest}" if rest else abbr])
    return number
