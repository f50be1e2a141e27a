"""Citations of documents — "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính
phủ về …", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Tờ trình số
/TTr-SNV ngày 5/3/2026 của Sở Nội vụ" — read by one grammar for every format:

    citation := TYPE ( [số] NUMBER | NAME [số NUMBER] | ngày DATE ) [[,] ngày DATE] [của ISSUER]

TYPE is a document type (the types of Nghị định 30/2020 and Luật Ban hành VBQPPL, and "Văn
bản" for a letter); NUMBER is a number and symbol ("173/2024/QH15", "36-HD/VPTW"), possibly
left blank ("số     /TTr-SNV"); NAME is the name a law, code or ordinance is cited by. A type
word with neither ("Quyết định này", "các Nghị định") cites nothing; a name inside another
citation's subject is part of that subject, a number there is a citation of its own.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vnplan.extract.doc_types import cited_type, type_names
from vnplan.schema import LegalBasis
from vnplan.text.dates import parse_date

NAMED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
_NUMBER = re.compile(
    r"(?P<n>(?:\d[\d.]*[a-zđ]?|[IVXl]{1,4})?)\s*(?:/\s*(?P<y>(?:19|20)\d{2})\s*)?/\s*"
    r"(?P<sym>[A-ZĐa-zđ][\wĐđ&]*(?:\s*[-–]\s*[A-ZĐa-zđ0-9][\wĐđ()&]*)*)"
    r"|(?P<pn>\d{1,4})\s*-\s*(?P<pc>[A-ZĐa-zđ]{1,5})\s*/\s*(?P<po>[A-ZĐa-zđ]{1,8}(?:\s*-\s*[A-ZĐ]+)?)"
)
_SO = re.compile(r"\s*(?:số|Số|SỐ)\s*:?\s*")
_SPACE = re.compile(r"\s*")
_BARE_NUMBER = re.compile(r"(?P<n>\d{1,4})(?=[\s,;.)]|$)")
_STANDARD = re.compile(r"(?:QCVN|TCVN)\s*\d+[A-Z]?(?:-\d+)?\s*:\s*\d{4}(?:\s*/\s*[A-ZĐ]+)?")
_CLAUSE_END = re.compile(r";|\.(?:\s|$)")
_SUBJECT = re.compile(  # what follows a citation when it goes on to say what the document is
    r"\s*,?\s*(?:về|v/v|quy định|hướng dẫn|ban hành|sửa đổi|phê duyệt|thông qua|triển khai|"
    r"thực hiện|kèm theo|giao|công bố|thành lập|bãi bỏ|đính chính)\b", re.IGNORECASE)
_DATE = re.compile(
    r"\s*,?\s*ngày\s+(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.IGNORECASE,
)
_BLANK_DATE = re.compile(r"\s*,?\s*ngày\s+(?:[.…_ ]*)tháng\s+\d{1,2}\s+năm\s+\d{4}", re.IGNORECASE)
_ISSUER = re.compile(
    r"\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|v/v|V/v|quy định|ban hành|hướng dẫn|sửa đổi|"
    r"phê duyệt|thông qua|triển khai|thực hiện|kèm theo|tại|đối với|giao|về việc|và)\b"
    r"|\s*[,;:(]|\s*\.(?:\s|$)|\s*$)"
)
_PROPOSER = re.compile(  # "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …": who wrote it
    r"(?:đề nghị|ý kiến(?: chỉ đạo)?|đề xuất|kiến nghị|chỉ đạo|báo cáo)\s+của\s+"
    r"(?P<issuer>[^;:.]+?)\s+(?:tại|theo)\s*$",
    re.IGNORECASE,
)
_NAME_END = re.compile(  # where a law's name stops: its number, its date, a new clause …
    r"\s+(?=\d{1,4}/)"
    r"|\s+(?:số(?=\s*:?\s*[\d/])|ngày|năm(?=\s+\d)|đã|được|đang|và\s+(?=[A-ZĐ])"
    r"|có\s+hiệu\s+lực|của\s+(?:Quốc hội|Ủy ban|Uỷ ban|Chủ tịch))\b"
    r"|\s*,(?!\s*[a-zà-ỹđ])|\s*[;:(]|\s*\.(?:\s|$)|\s*$"
)
# "Luật sửa đổi, bổ sung một số điều của Luật A, Luật B …": the amended laws are in its name
_AMENDING = re.compile(r"^\S+\s+sửa đổi", re.IGNORECASE)
_AMENDED_LIST = re.compile(r"\s*(?:,|và)\s*(?=(?:Luật|Bộ luật|Pháp lệnh)\s)")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    basis: LegalBasis


def _type_pattern() -> re.Pattern[str]:
    names = [*type_names(), "Văn bản", "Hiến pháp"]
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\wĐđ])(?P<type>{alternatives})(?![\wĐđ])", re.IGNORECASE)


_TYPES: re.Pattern[str] | None = None


def find_citations(text: str) -> list[LegalBasis]:
    """Every document `text` cites, in order, each once (see the module doc)."""
    return unique_citations(found.basis for found in _citations(text))


def unique_citations(citations: Iterable[LegalBasis]) -> list[LegalBasis]:
    """Citations of the same document (its number, else its name) kept once, the first."""
    seen: set[str] = set()
    out: list[LegalBasis] = []
    for basis in citations:
        key = (basis.doc_number or basis.name or basis.raw).replace(" ", "").lower()
        if key not in seen:
            seen.add(key)
            out.append(basis)
    return out


def _citations(text: str) -> Iterator[_Found]:
    global _TYPES
    if _TYPES is None:
        _TYPES = _type_pattern()
    covered = 0
    subject_end = 0  # the subject of the last citation: a name cited there is part of it
    for match in _TYPES.finditer(text):
        if match.start() < covered:
            continue
        found = _citation_at(text, match)
        if found is None:
            continue
        inside = match.start() < subject_end
        if inside and found.basis.doc_number is None:
            continue
        covered = found.end
        if _SUBJECT.match(text, found.end):
            clause = _CLAUSE_END.search(text, found.end)
            subject_end = max(subject_end, clause.start() if clause else len(text))
        yield found
    for standard in _STANDARD.finditer(text):
        number = re.sub(r"\s+", " ", standard.group()).replace(" :", ":")
        yield _Found(standard.start(), standard.end(), LegalBasis(
            raw=standard.group(), doc_type="Quy chuẩn kỹ thuật quốc gia", doc_number=number))


def _citation_at(text: str, match: re.Match[str]) -> _Found | None:
    word = match["type"]
    capital = word[:1].isupper()
    pos = match.end()
    number: str | None = None
    name: str | None = None
    so = _SO.match(text, pos)
    after = so.end() if so else _SPACE.match(text, pos).end()  # type: ignore[union-attr]
    numbered = _NUMBER.match(text, after)
    bare = _BARE_NUMBER.match(text, after) if so else None
    named = cited_type(word) in NAMED_TYPES or word[:1].upper() + word[1:].lower() in NAMED_TYPES
    if numbered and (so or numbered["sym"] or numbered["pn"]) and _plausible(numbered):
        number = _number(numbered)
        pos = numbered.end()
    elif bare is not None:  # "Đề án số 08"
        number, pos = bare["n"], bare.end()
    elif named and capital and (re.match(r"\s+(?:[A-ZĐÀ-Ỹ0-9]|sửa đổi)", text[pos:]) or (
            cited_type(word) == "Hiến pháp")):
        stop = _name_end(text, pos, bool(_AMENDING.match(text[match.start():])))
        name = f"{word} {text[pos:stop].strip()}".strip()
        pos = stop
        so = _SO.match(text, pos)
        numbered = _NUMBER.match(text, so.end() if so else _SPACE.match(text, pos).end())  # type: ignore[union-attr]
        if numbered and (so or numbered["n"]) and _plausible(numbered):
            number, pos = _number(numbered), numbered.end()
    elif so and capital:  # "Tờ trình số      ngày …": the number left blank
        pos = so.end()
    elif not (capital and (_DATE.match(text, pos) or _BLANK_DATE.match(text, pos))):
        return None
    if not capital and number is None:
        return None
    date: dt.date | None = None
    if (dated := _DATE.match(text, pos)) is not None:
        date = parse_date("ngày " + dated["date"]) or parse_date(dated["date"])
        pos = dated.end()
    elif (blank := _BLANK_DATE.match(text, pos)) is not None:
        pos = blank.end()
    issuer = None
    if (by := _ISSUER.match(text, pos)) is not None and len(by["issuer"].split()) <= 14:
        issuer = by["issuer"].strip()
        pos = by.end("issuer")
    elif (proposer := _PROPOSER.search(text, max(0, match.start() - 200), match.start())) and (
            len(proposer["issuer"].split()) <= 14):
        issuer = proposer["issuer"].strip()
    doc_type = cited_type(word)
    raw = text[match.start() : pos].strip(" ,;")
    basis = LegalBasis(raw=raw, doc_type=doc_type, doc_number=number, date=date, issuer=issuer,
                       name=name)
    return _Found(match.start(), max(pos, match.end()), basis)


def _name_end(text: str, pos: int, amending: bool) -> int:
    """Where a law's name ends: at its number, date, the end of the clause, or a comma before
    another name — except that an amending law's name lists the laws it amends."""
    while True:
        end = _NAME_END.search(text, pos + 1)
        stop = end.start() if end else len(text)
        more = _AMENDED_LIST.match(text, stop) if amending else None
        if more is None:
            return stop
        pos = more.end() - 1


def _plausible(numbered: re.Match[str]) -> bool:
    """A number and symbol, not a stray slash ("1/2" of a ratio)."""
    if numbered["pn"]:
        return True
    symbol = numbered["sym"] or ""
    return bool(re.search(r"[A-ZĐ]", symbol)) and not symbol.isdigit()


def _number(numbered: re.Match[str]) -> str | None:
    if numbered["pn"]:
        org = re.sub(r"\s+", "", numbered["po"])
        return f"{numbered['pn']}-{numbered['pc']}/{org}"
    if not numbered["n"]:
        return None  # "số      /TTr-SNV": left blank
    year = f"{numbered['y']}/" if numbered["y"] else ""
    symbol = re.sub(r"\s+", "", numbered["sym"]).replace("–", "-")
    return f"{numbered['n']}/{year}{symbol}"
