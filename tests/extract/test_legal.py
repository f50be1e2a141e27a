"""extract/legal.py: citations from the preambles and bodies of the seeds."""

from __future__ import annotations

import datetime as dt

from vnplan.extract.legal import find_citations


def test_lao_cai_preamble() -> None:
    text = (
        "Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ về Phê "
        "duyệt Chiến lược Ngoại giao văn hóa đến năm 2030; qua rà soát, Ủy ban nhân dân tỉnh"
    )
    [basis] = find_citations(text)
    assert basis.raw == "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ"
    assert (basis.doc_type, basis.doc_number, basis.date, basis.issuer) == (
        "Quyết định",
        "2013/QĐ-TTg",
        dt.date(2021, 11, 30),
        "Thủ tướng Chính phủ",
    )


def test_party_documents_and_chains() -> None:
    text = (
        "Kết luận số 76-KL/TW ngày 04/6/2020 của Bộ Chính trị về việc tiếp tục thực hiện Nghị "
        "quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương Đảng khóa XI về xây dựng"
    )
    got = [(b.doc_type, b.doc_number, b.date, b.issuer) for b in find_citations(text)]
    assert got == [
        ("Kết luận", "76-KL/TW", dt.date(2020, 6, 4), "Bộ Chính trị"),
        ("Nghị quyết", "33-NQ/TW", dt.date(2014, 6, 9), "Ban Chấp hành Trung ương Đảng khóa XI"),
    ]


def test_citation_without_so_and_long_date() -> None:
    text = "Căn cứ Nghị định 45/2025/NĐ-CP ngày 28 tháng 02 năm 2025 của Chính phủ quy định"
    [basis] = find_citations(text)
    assert basis.doc_number == "45/2025/NĐ-CP"
    assert basis.date == dt.date(2025, 2, 28)
    assert basis.issuer == "Chính phủ"


def test_citation_without_date_or_issuer() -> None:
    [basis] = find_citations("Chỉ thị số 45-CT/TW về việc tiếp tục đẩy mạnh")
    assert (basis.doc_number, basis.date, basis.issuer) == ("45-CT/TW", None, None)


def test_no_citation_in_plain_text() -> None:
    assert find_citations("Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:") == []
