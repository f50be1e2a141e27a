"""Legal references: "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ về …"."""

from __future__ import annotations

import re

from vnplan.extract.doc_numbers import doc_type_of_number, normalize_doc_number
from vnplan.schema import LegalBasis
from vnplan.text.dates import parse_date

_TYPES = (
    "Quyết định|Chỉ thị|Nghị quyết|Kết luận|Nghị định|Thông tư liên tịch|Thông tư|Kế hoạch|"
    "Công văn|Luật|Chiến lược|Chương trình|Đề án|Hướng dẫn|Thông báo|Công điện"
)
_NUMBER = (
    r"\d{1,5}\s*(?:/\s*\d{4}\s*)?(?:/|-)\s*[A-ZĐa-zđ]{1,5}(?:\s*[-/]\s*[A-ZĐ0-9][A-ZĐa-zđ0-9]*)*"
)
_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
CITATION = re.compile(
    rf"(?P<type>{_TYPES})\s+(?:số\s*:?\s*)?(?P<number>{_NUMBER})"
    rf"(?:\s*,?\s*ngày\s+(?P<date>{_DATE}))?"
    r"(?:\s+của\s+(?P<issuer>[^,;.()]+?))?"
    r"(?=\s+(?:về|v/v|phê duyệt|ban hành|quy định|hướng dẫn|triển khai)\b|\s*[,;.:(]|\s*$)",
)


def find_citations(text: str) -> list[LegalBasis]:
    """Every legal document cited in `text`, in order."""
    out: list[LegalBasis] = []
    for match in CITATION.finditer(text):
        number = normalize_doc_number(match["number"])
        issuer = match["issuer"].strip() if match["issuer"] else None
        date = parse_date("ngày " + match["date"]) if match["date"] else None
        if date is None and match["date"]:
            date = parse_date(match["date"])
        raw = text[match.start() : match.end("issuer") if issuer else match.end("number")]
        if match["date"] and not issuer:
            raw = text[match.start() : match.end("date")]
        out.append(
            LegalBasis(
                raw=raw.strip(),
                doc_type=match["type"] or (doc_type_of_number(number) if number else None),
                doc_number=number,
                date=date,
                issuer=issuer,
            )
        )
    return out
