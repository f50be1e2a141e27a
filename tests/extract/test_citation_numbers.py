"""extract/citation_numbers.py: numbers OCR damaged in the citations of the corpus scans."""

from __future__ import annotations

import pytest

from vnplan.extract.citation_numbers import repair_numbers
from vnplan.extract.citations import find_citations


@pytest.mark.parametrize(
    ("text", "number"),
    [  # OCR of the scans in the corpus, each repaired by what the citation itself prints
        ("Nghị quyết số 163/2024/QHI15 ngày 27/11/2024 của Quốc hội", "163/2024/QH15"),
        ("Nghị quyết 163/2024/QHI5 của Quốc hội", "163/2024/QH15"),
        ("Luật số 61/2020/QHl4 ngày 17/6/2020", "61/2020/QH14"),
        ("Quyết định số 7404/QĐĐ-BCA-C04 ngày 27/8/2025 của Bộ trưởng Bộ Công an",
         "7404/QĐ-BCA-C04"),
        ("Nghị định số 38/2023/NĐ- -CP ngày 24/6/2023 của Chính phủ", "38/2023/NĐ-CP"),
        ("Nghị quyết số 60-NQ/TT, ngày 12/4/2025 của Ban Chấp hành Trung ương", "60-NQ/TW"),
    ],
)
def test_numbers_ocr_damaged_are_repaired_with_a_warning(text: str, number: str) -> None:
    [basis], warnings = repair_numbers(find_citations(text))
    assert basis.doc_number == number
    assert [w.code for w in warnings] == ["ocr_number_repaired"]
    assert number in warnings[0].message


@pytest.mark.parametrize("text", [
    "Luật Xây dựng số 50/2014/QH13 của Quốc hội",
    "Nghị quyết số 60-NQ/TU ngày 12/4/2025 của Ban Thường vụ Tỉnh ủy",  # not a central body
    "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ",
    "Nghị quyết số 163/2021/QH14 của Quốc hội",  # 2021: the 14th term's last year
])
def test_numbers_read_well_are_kept(text: str) -> None:
    citations = find_citations(text)
    assert repair_numbers(citations) == (citations, [])

