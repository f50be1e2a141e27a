"""extract/citations.py: the citation grammar, on citations as preambles print them."""

from __future__ import annotations

import datetime as dt

import pytest

from vnplan.extract.citations import find_citations


def facts(text: str) -> list[tuple[str | None, str | None, dt.date | None, str | None]]:
    return [(b.doc_type, b.doc_number, b.date, b.name) for b in find_citations(text)]


def test_a_decision_with_number_date_and_issuer() -> None:
    text = (
        "Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ về Phê "
        "duyệt Chiến lược Ngoại giao văn hóa đến năm 2030; qua rà soát, Ủy ban nhân dân tỉnh"
    )
    [basis] = find_citations(text)
    assert basis.raw == "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ"
    assert (basis.doc_type, basis.doc_number, basis.date, basis.issuer) == (
        "Quyết định", "2013/QĐ-TTg", dt.date(2021, 11, 30), "Thủ tướng Chính phủ")


def test_party_documents_and_a_numbered_document_in_a_subject() -> None:
    text = (
        "Kết luận số 76-KL/TW ngày 04/6/2020 của Bộ Chính trị về việc tiếp tục thực hiện Nghị "
        "quyết số 33-NQ/TW ngày 09/6/2014 của Ban Chấp hành Trung ương Đảng khóa XI về xây dựng"
    )
    got = [(b.doc_type, b.doc_number, b.date, b.issuer) for b in find_citations(text)]
    assert got == [
        ("Kết luận", "76-KL/TW", dt.date(2020, 6, 4), "Bộ Chính trị"),
        ("Nghị quyết", "33-NQ/TW", dt.date(2014, 6, 9), "Ban Chấp hành Trung ương Đảng khóa XI"),
    ]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Căn cứ Nghị định 45/2025/NĐ-CP ngày 28 tháng 02 năm 2025 của Chính phủ quy định",
         [("Nghị định", "45/2025/NĐ-CP", dt.date(2025, 2, 28), None)]),
        ("Chỉ thị số 45-CT/TW về việc tiếp tục đẩy mạnh", [("Chỉ thị", "45-CT/TW", None, None)]),
        # a law by its name, its words joined by commas
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
         [("Luật", None, dt.date(2025, 6, 16), "Luật Tổ chức chính quyền địa phương")]),
        ("Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
         [("Luật", None, dt.date(2022, 6, 15), "Luật Thi đua, khen thưởng")]),
        ("Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024;",
         [("Luật", None, dt.date(2024, 6, 29),
           "Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ")]),
        ("Căn cứ Bộ luật Lao động số 45/2019/QH14;",
         [("Bộ luật", "45/2019/QH14", None, "Bộ luật Lao động")]),
        ("Căn cứ Luật Hóa chất 69/2025/QH15;", [("Luật", "69/2025/QH15", None, "Luật Hóa chất")]),
        # two laws in one clause
        ("Căn cứ Luật Tổ chức Chính phủ, Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
         [("Luật", None, None, "Luật Tổ chức Chính phủ"),
          ("Luật", None, dt.date(2025, 6, 16), "Luật Tổ chức chính quyền địa phương")]),
        # an amending law names the laws it amends: one citation
        ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, Luật Đầu tư theo phương "
         "thức đối tác công tư và Luật Hải quan số 90/2025/QH15;",
         [("Luật", "90/2025/QH15", None, "Luật sửa đổi, bổ sung một số điều của Luật Đấu thầu, "
           "Luật Đầu tư theo phương thức đối tác công tư và Luật Hải quan")]),
        ("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",
         [("Hiến pháp", None, None, "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam")]),
        # a letter cited as "Văn bản", a symbol with "&", a number left blank
        ("Căn cứ Văn bản số 2701/SNV-CCHC&VTLT ngày 05/11/2025 của Sở Nội vụ;",
         [("Công văn", "2701/SNV-CCHC&VTLT", dt.date(2025, 11, 5), None)]),
        ("Xét đề nghị của Sở Nội vụ tại Tờ trình số      /TTr-SNV ngày 05/3/2026;",
         [("Tờ trình", None, dt.date(2026, 3, 5), None)]),
        ("Thực hiện Đề án số 08 về phát triển công nghiệp", [("Đề án", "08", None, None)]),
        ("Căn cứ Quy chuẩn kỹ thuật quốc gia QCVN 01:2019/BCT về an toàn;",
         [("Quy chuẩn kỹ thuật quốc gia", "QCVN 01:2019/BCT", None, None)]),
        # described before it is identified: by its number, its date, who issued it
        ("Căn cứ Báo cáo hoàn thành thi công xây dựng của Chủ đầu tư số 92/BC-HTGT ngày "
         "13/06/2026; biên bản nghiệm thu hoàn thành công trình ngày 13/6/2026;",
         [("Báo cáo", "92/BC-HTGT", dt.date(2026, 6, 13), None),
          ("Biên bản", None, dt.date(2026, 6, 13), None)]),
        ("Trên cơ sở xem xét Báo cáo ý kiến số 828/BC-UBKTTC15 ngày 07 tháng 8 năm 2025 của "
         "Thường trực Ủy ban Kinh tế và Tài chính;",
         [("Báo cáo", "828/BC-UBKTTC15", dt.date(2025, 8, 7), None)]),
        ("Căn cứ Luật khoáng sản số 60/2010/QH12 ngày 17/11/2010;",
         [("Luật", "60/2010/QH12", dt.date(2010, 11, 17), "Luật khoáng sản")]),
        ("Theo đề nghị của Hội đồng quản lý Quỹ Khuyến học tỉnh tại Đơn đề ngày 26 tháng 11 "
         "năm 2025.", [("Đơn", None, dt.date(2025, 11, 26), None)]),
        ("Thực hiện Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 (gọi chung "
         "là Chương trình), Ủy ban nhân dân tỉnh xây dựng kế hoạch",
         [("Chương trình", None, None, None)]),
        # one type, then its documents' numbers
        ("Căn cứ Nghị định của Chính phủ về quản lý chất lượng công trình xây dựng số "
         "06/2021/NĐ-CP ngày 26/01/2021, số 35/2023/NĐ-CP ngày 20/6/2023 và số 67/2026/NĐ-CP;",
         [("Nghị định", "06/2021/NĐ-CP", dt.date(2021, 1, 26), None),
          ("Nghị định", "35/2023/NĐ-CP", dt.date(2023, 6, 20), None),
          ("Nghị định", "67/2026/NĐ-CP", None, None)]),
        ("Quy định một số nội dung về quản lý đầu tư: Số 10/2021/QĐ-UBND ngày 22/6/2021;",
         [("Quyết định", "10/2021/QĐ-UBND", dt.date(2021, 6, 22), None)]),
        ("Căn cứ Luật Khoa học, công nghệ (sửa đổi) và đổi mới sáng tạo số 93/2025/QH15;",
         [("Luật", "93/2025/QH15", None,
           "Luật Khoa học, công nghệ (sửa đổi) và đổi mới sáng tạo")]),
        ("Căn cứ Luật Địa chất và Khoáng sản 54/2024/QH15 ngày 29/11/2024;",
         [("Luật", "54/2024/QH15", dt.date(2024, 11, 29), "Luật Địa chất và Khoáng sản")]),
        ("Kế hoạch thực hiện Đề án 08-ĐA/TU của Tỉnh ủy Lào Cai ngày 29/12/2025 về phát triển",
         [("Đề án", "08-ĐA/TU", dt.date(2025, 12, 29), None)]),
        ("Căn cứ Quyết định số 866/-TTg ngày 18/7/2023 của Thủ tướng Chính phủ;",
         [("Quyết định", "866/-TTg", dt.date(2023, 7, 18), None)]),
    ],
)
def test_citation_forms(text: str, want: list[tuple[object, ...]]) -> None:
    assert facts(text) == want


def test_a_law_named_inside_a_subject_is_part_of_it() -> None:
    text = ("Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;")
    assert facts(text) == [("Nghị định", "98/2023/NĐ-CP", dt.date(2023, 12, 31), None)]


def test_one_document_cited_twice_is_one_entry() -> None:
    text = ("Căn cứ Nghị định số 96/2022/NĐ-CP ngày 29 tháng 11 năm 2022 của Chính phủ; Nghị định "
            "số 105/2024/NĐ-CP ngày 01 tháng 8 năm 2024 của Chính phủ sửa đổi Nghị định số "
            "96/2022/NĐ-CP;")
    assert [b.doc_number for b in find_citations(text)] == ["96/2022/NĐ-CP", "105/2024/NĐ-CP"]


def test_an_amending_document_names_what_it_amends() -> None:
    text = ("Căn cứ Nghị định số 105/2024/NĐ-CP ngày 01 tháng 8 năm 2024 của Chính phủ sửa đổi, "
            "bổ sung một số điều của Nghị định số 96/2022/NĐ-CP và Nghị định số 26/2018/NĐ-CP;")
    assert [b.doc_number for b in find_citations(text)] == ["105/2024/NĐ-CP"]


def test_a_document_cited_by_name_then_by_number_is_one_entry() -> None:
    text = ("Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15; hướng dẫn Luật Thi đua, khen "
            "thưởng; Thực hiện Đề án số 08 ban hành kèm theo; Kế hoạch số 42-KH/ĐU ngày 11/02/2026 "
            "thực hiện Đề án 08-ĐA/TU của Tỉnh ủy")
    assert [(b.doc_type, b.doc_number) for b in find_citations(text)] == [
        ("Luật", "06/2022/QH15"), ("Đề án", "08"), ("Kế hoạch", "42-KH/ĐU")]


@pytest.mark.parametrize(
    "text",
    [
        "Quyết định này có hiệu lực kể từ ngày 01/01/2026.",
        "Đơn vị thực hiện báo cáo trước ngày 15/12/2025.",
        "Căn cứ các văn bản có liên quan số 12 ngày 3/4/2025;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai như sau:",
        "Quyết định này có hiệu lực kể từ ngày ký.",
        "tỷ lệ 1/2 số hồ sơ được giải quyết",
    ],
)
def test_no_citation(text: str) -> None:
    assert find_citations(text) == []


def test_a_year_ocr_broke_in_two() -> None:
    assert facts("Căn cứ Nghị định số 93/201 9/NĐ-CP của Chính phủ về tổ chức quỹ xã hội;") == [
        ("Nghị định", "93/2019/NĐ-CP", None, None)]
