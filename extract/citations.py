"""Citations of documents — "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính
phủ về …", "Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025", "Tờ trình số
/TTr-SNV ngày 5/3/2026 của Sở Nội vụ" — read by one grammar for every format:

    citation := TYPE ( [số] NUMBER | NAME [số NUMBER] | ngày DATE | DESCRIPTION ANCHOR )
                [[,] ngày DATE] [của ISSUER [ngày DATE]]
              | số NUMBER [[,] ngày DATE] [của ISSUER]      (the type is the symbol's)

TYPE is a document type (the types of Nghị định 30/2020 and Luật Ban hành VBQPPL, and "Văn
bản" for a letter); NUMBER is a number and symbol ("173/2024/QH15", "36-HD/VPTW"), possibly
left blank ("số     /TTr-SNV"); NAME is the name a law, code or ordinance is cited by.
DESCRIPTION is what the document is about, printed before what identifies it ("Báo cáo hoàn
thành thi công của Chủ đầu tư số 92/BC-HTGT", "Biên bản kiểm tra ngày 09/06/2026", "Quy định
… do UBND tỉnh Lào Cai ban hành"); the ANCHOR (its number, its date or who issued it) must
come before the clause ends. A number printed alone ("…, số 35/2023/NĐ-CP ngày 20/6/2023")
cites the document its symbol names. A type word with none of these ("Quyết định này", "các
Nghị định") cites nothing; a name inside another citation's subject is part of that subject, a
number there is a citation of its own — except in the subject of an amending document ("…
sửa đổi, bổ sung một số điều của Nghị định số 96/2022/NĐ-CP"), which names what it amends.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vnplan.extract.doc_types import cited_type, type_names, type_of_symbol
from vnplan.schema import LegalBasis
from vnplan.text.dates import parse_date

NAMED_TYPES = ("Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh")
_NUMBER = re.compile(
    r"(?P<n>(?:\d[\d.]*[a-zđ]?|[IVXl]{1,4})?)\s*(?:/\s*(?P<y>(?:19|20)\d ?\d)\s*)?/\s*"
    r"(?P<sym>-?[A-ZĐa-zđ][\wĐđ&]*(?:\s*[-–](?:\s*[-–])?\s*[A-ZĐa-zđ0-9][\wĐđ()&]*)*)"
    r"|(?P<pn>\d{1,4})\s*-\s*(?P<pc>[A-ZĐa-zđ]{1,5})\s*/\s*(?P<po>[A-ZĐa-zđ]{1,8}(?:\s*-\s*[A-ZĐ]+)?)"
)
_SO = re.compile(r"\s*(?:số|Số|SỐ)\s*:?\s*")
_SPACE = re.compile(r"\s*")
_BARE_NUMBER = re.compile(r"(?P<n>\d{1,4})(?=[\s,;.)]|$)")
_STANDARD = re.compile(r"(?:QCVN|TCVN)\s*\d+[A-Z]?(?:-\d+)?\s*:\s*\d{4}(?:\s*/\s*[A-ZĐ]+)?")
_STANDARD_TYPE = "Quy chuẩn kỹ thuật quốc gia"  # cited by its code (QCVN …), read apart
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
    r"\s*(?:của|do)\s+(?P<issuer>.+?)(?=\s+(?:về|v/v|V/v|(?i:quy định|ban hành|hướng dẫn|sửa đổi|"
    r"phê duyệt|thông qua)|triển khai|thực hiện|kèm theo|tại|đối với|giao|về việc|và)\b"
    r"|\s+ngày\s+\d|\s*[,;:(]|\s*\.(?:\s|$)|\s*$)"
)
_PROPOSER = re.compile(  # "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số …": who wrote it
    r"(?:đề nghị|ý kiến(?: chỉ đạo)?|đề xuất|kiến nghị|chỉ đạo|báo cáo)\s+của\s+"
    r"(?P<issuer>[^;:.]+?)\s+(?:tại|theo)\s*$",
    re.IGNORECASE,
)
_NAME_END = re.compile(  # where a law's name stops: its number, its date, a new clause …
    r"\s+(?=\d{1,4}/)"
    r"|\s+(?:số(?=\s*:?\s*[\d/])|ngày|năm(?=\s+\d)|đã|được|đang"
    r"|và\s+(?=(?:Luật|Bộ luật|Pháp lệnh|Nghị định|Nghị quyết|Thông tư|Quyết định)\b)"
    r"|có\s+hiệu\s+lực|của\s+(?:Quốc hội|Ủy ban|Uỷ ban|Chủ tịch))\b"
    r"|\s*,(?!\s*[a-zà-ỹđ])|\s*[;:]|\s*\((?!\s*sửa đổi)|\s*\.(?:\s|$)|\s*$"
)
DESCRIPTION_WORDS_MAX = 24  # words between a type and what identifies the document
ISSUER_WORDS_MAX = 14  # an issuer after "của" is a body's name, not the rest of a sentence
_SELF = re.compile(  # "Quyết định này", "Văn bản nói trên", "Đơn vị": no citation
    r"\s+(?:này|đó|trên|nói trên|vị|kèm theo|hiện hành|liên quan|có liên quan)\b", re.IGNORECASE)
_ANCHOR = re.compile(  # what identifies a described document: its number, date or issuer
    r"(?<![\wĐđ])(?:(?P<so>[Ss]ố\s*:?\s*)(?=\d)|ngày\s+\d{1,2}\s*(?:[/.-]|\s+tháng)"
    r"|do\s+(?P<by>[^,;:()]{2,80}?)\s+ban\s+hành\b)")
_OF_BEFORE = re.compile(r"(?:^|\s)của\s+(?P<issuer>[^,;:()]{2,80}?)\s*,?\s*$")
_LONE_SO = re.compile(r"(?<![\wĐđ])[Ss]ố\s*:?\s*(?=\d)")
_AMENDS = re.compile(r"\s*,?\s*(?:về việc\s+|về\s+)?sửa đổi\b", re.IGNORECASE)
PREAMBLE_OPENING = re.compile(
    r"(?:^|[;:]\s*)(?:[-–•]\s*)?(?:căn cứ|thực hiện|theo|xét|trên cơ sở)(?:\s+vào)?$",
    re.IGNORECASE)
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
    """Citations of the same document kept once, the first: the same number; the same name
    (a law cited by its name once and by name and number again is the numbered one); a bare
    number and the full one of the same type ("Đề án số 08", "Đề án 08-ĐA/TU")."""
    listed = list(citations)
    numbered_names = {_key(b.name) for b in listed if b.name and b.doc_number}
    seen: set[str] = set()
    out: list[LegalBasis] = []
    for basis in listed:
        if basis.name and not basis.doc_number and _key(basis.name) in numbered_names:
            continue
        key = _key(basis.doc_number or basis.name or basis.raw)
        bare = _bare_key(basis)
        if key not in seen and (bare is None or bare not in seen):
            seen.update(k for k in (key, bare) if k)
            out.append(basis)
    return out


def _key(text: str) -> str:
    return text.replace(" ", "").lower()


def _bare_key(basis: LegalBasis) -> str | None:
    """"đề án#08" for "Đề án số 08" and for "Đề án 08-ĐA/TU"; None for a dated number
    ("08/2025/…"), which a bare number never abbreviates."""
    number = basis.doc_number or ""
    lead = re.match(r"\d+(?=$|-)", number)
    return f"{(basis.doc_type or '').lower()}#{lead.group()}" if lead else None


def _citations(text: str) -> list[_Found]:
    global _TYPES
    if _TYPES is None:
        _TYPES = _type_pattern()
    out: list[_Found] = []
    covered = 0
    subject_end = 0  # the subject of the last citation: a name cited there is part of it
    amended: list[tuple[int, int]] = []  # the subjects of amending documents: what they amend
    for match in _TYPES.finditer(text):
        if match.start() < covered:
            continue
        found = _citation_at(text, match)
        if found is None or _within(match.start(), amended):
            continue
        inside = match.start() < subject_end
        if inside and found.basis.doc_number is None:
            continue
        covered = found.end
        if _SUBJECT.match(text, found.end):
            clause = _CLAUSE_END.search(text, found.end)
            subject_end = max(subject_end, clause.start() if clause else len(text))
            if _AMENDS.match(text, found.end):
                amended.append((found.end, subject_end))
        out.append(found)
    out.extend(_lone_numbers(text, out, amended))
    for standard in _STANDARD.finditer(text):
        number = re.sub(r"\s+", " ", standard.group()).replace(" :", ":")
        out.append(_Found(standard.start(), standard.end(), LegalBasis(
            raw=standard.group(), doc_type=_STANDARD_TYPE, doc_number=number)))
    return sorted(out, key=lambda f: f.start)


def _within(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _lone_numbers(
    text: str, found: list[_Found], amended: list[tuple[int, int]]
) -> Iterator[_Found]:
    """"…, số 35/2023/NĐ-CP ngày 20/6/2023": a number printed without its type, the type its
    symbol names (a list of one type's documents names the type once)."""
    spans = [(f.start, f.end) for f in found]
    for so in _LONE_SO.finditer(text):
        if _within(so.start(), amended) or _within(so.start(), spans):
            continue
        numbered = _NUMBER.match(text, so.end())
        if not (numbered and numbered["n"] and _plausible(numbered)):
            continue
        number = _number(numbered)
        doc_type = type_of_symbol(number) if number else None
        if number is None or doc_type is None:
            continue
        pos, date = _date_at(text, numbered.end())
        issuer = None
        if (read := _issuer_at(text, pos)) is not None:
            issuer, pos = read
        yield _Found(so.start(), pos, LegalBasis(
            raw=text[so.start():pos].strip(" ,;"), doc_type=doc_type, doc_number=number,
            date=date, issuer=issuer))


def _issuer_at(text: str, pos: int) -> tuple[str, int] | None:
    """The issuer of "của …" / "do …" at `pos` and where it ends, when it reads as a name (no
    longer than ISSUER_WORDS_MAX words)."""
    by = _ISSUER.match(text, pos)
    if by is None or len(by["issuer"].split()) > ISSUER_WORDS_MAX:
        return None
    return by["issuer"].strip(), by.end("issuer")


def _date_at(text: str, pos: int) -> tuple[int, dt.date | None]:
    if (dated := _DATE.match(text, pos)) is not None:
        return dated.end(), parse_date("ngày " + dated["date"]) or parse_date(dated["date"])
    if (blank := _BLANK_DATE.match(text, pos)) is not None:
        return blank.end(), None
    return pos, None


@dataclass(frozen=True)
class _Described:
    number: str | None
    end: int
    issuer: str | None
    name: str | None


def _described(text: str, match: re.Match[str], capital: bool) -> _Described | None:
    """A document described before it is identified (see DESCRIPTION in the module doc): the
    anchor found before the clause ends, within a few words; a lower-case type only where it
    opens a clause ("…; biên bản nghiệm thu ngày 13/6/2026")."""
    pos = match.end()
    if _SELF.match(text, pos) or not (capital or _opens_clause(text, match.start())):
        return None
    clause = _CLAUSE_END.search(text, pos)
    stop = clause.start() if clause else len(text)
    if (later := _TYPES.search(text, pos, stop) if _TYPES else None) is not None:
        stop = later.start()
    window = re.match(rf"(?:\s*\S+){{1,{DESCRIPTION_WORDS_MAX}}}", text[pos:stop])
    if window is None:
        return None
    anchor = _ANCHOR.search(text, pos, stop)
    if anchor is None or anchor.start() > pos + window.end():
        cue = PREAMBLE_OPENING.search(text[: match.start()].rstrip())
        if capital and cue is not None and cited_type(match["type"]) != _STANDARD_TYPE:
            # "Thực hiện Chương trình mục tiêu quốc gia …": cited by its title alone
            return _Described(None, _name_end(text, pos, amending=False), None, None)
        return None
    before = text[pos:anchor.start()]
    issuer = None
    if (of := _OF_BEFORE.search(before)) is not None:
        issuer = of["issuer"].strip()
    elif (by := _ISSUER.match(text, pos)) is not None and by.end("issuer") <= anchor.start():
        issuer = by["issuer"].strip()
    if anchor["by"]:
        return _Described(None, anchor.end(), anchor["by"].strip(), None)
    if anchor["so"]:
        numbered = _NUMBER.match(text, anchor.end("so"))
        if not (numbered and _plausible(numbered)):
            return None
        number, end = _number(numbered), numbered.end()
    else:
        number, end = None, anchor.start()
    named = cited_type(match["type"]) in NAMED_TYPES and issuer is None and capital
    name = f"{match['type']} {before.strip()}" if named and before.strip() else None
    return _Described(number, end, issuer, name)


def _opens_clause(text: str, start: int) -> bool:
    before = text[:start].rstrip(" -–•")
    return not before or before.endswith((";", ":")) or bool(PREAMBLE_OPENING.search(before))


def _citation_at(text: str, match: re.Match[str]) -> _Found | None:
    word = match["type"]
    capital = word[:1].isupper()
    pos = match.end()
    number: str | None = None
    name: str | None = None
    issuer: str | None = None
    described: _Described | None = None
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
        described = _described(text, match, capital)
        if described is None:
            return None
        number, pos, issuer, name = (described.number, described.end, described.issuer,
                                     described.name)
        word = (type_of_symbol(number) if number else None) or word  # "Quy định …: Số …/QĐ-…"
    if not capital and number is None and described is None:
        return None
    pos, date = _date_at(text, pos)
    if (read := _issuer_at(text, pos)) is not None:
        issuer, pos = read
        if date is None:  # "… của Tỉnh ủy Lào Cai ngày 29/12/2025": the date after the issuer
            pos, date = _date_at(text, pos)
    elif issuer is None and (
            proposer := _PROPOSER.search(text, max(0, match.start() - 200), match.start())) and (
            len(proposer["issuer"].split()) <= ISSUER_WORDS_MAX):
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
    year = f"{numbered['y'].replace(' ', '')}/" if numbered["y"] else ""  # "201 9": OCR's gap
    symbol = re.sub(r"\s+", "", numbered["sym"]).replace("–", "-")
    return f"{numbered['n']}/{year}{symbol}"
