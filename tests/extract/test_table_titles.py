"""extract/table_titles.py: the heading printed above a table, without what stands between
(lead-in sentences, notes, form fields), on the layouts of real reports and appendices."""

from __future__ import annotations

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.table_titles import table_title

ROW = Paragraph(text="STT | Lĩnh vực", cells=("STT", "Lĩnh vực"))


def title(*above: str | Paragraph) -> tuple[str, str | None]:
    lines = [p if isinstance(p, Paragraph) else Paragraph(text=p) for p in above]
    return table_title([*lines, ROW], len(lines), 0)


def test_the_heading_not_the_lead_in_sentence_under_it() -> None:
    """Ninh Bình's report (86/BC-SKHCN): "2. Kết quả theo lĩnh vực", then "… như sau:"."""
    assert title("2. Kết quả theo lĩnh vực", "Kết quả tiếp nhận và giải quyết hồ sơ của một số "
                 "lĩnh vực chủ yếu như sau:") == ("2. Kết quả theo lĩnh vực", None)


def test_a_lead_in_set_in_bold_is_the_heading() -> None:
    lead = Paragraph(text="Kết quả đánh giá chung đối với các tiêu chí như sau:", bold=True)
    assert title("- Có 1/15 đơn vị đạt dưới 65%.", lead)[0] == lead.text


def test_an_appendix_heading_with_the_lines_that_name_it_and_its_caption() -> None:
    got = title("Nguyễn Văn An", "PHỤ LỤC II", "DANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI",
                "(Kèm theo Nghị quyết số 24/2026/NQ-CP ngày 10 tháng 4 năm 2026)",
                "(Lưu ý: áp dụng cho các dự án đầu tư)")
    assert got == ("PHỤ LỤC II DANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI",
                   "(Kèm theo Nghị quyết số 24/2026/NQ-CP ngày 10 tháng 4 năm 2026)")


def test_a_form_heading_without_its_fields_nor_the_signature_above() -> None:
    got = title("TRƯỞNG BAN", "(Ký tên và đóng dấu)", "BẢNG KÊ NỘP THUẾ",
                "Người nộp thuế: ……………………", "Mã số thuế: ………………")
    assert got == ("BẢNG KÊ NỘP THUẾ", None)


def test_a_body_paragraph_between_a_unit_and_its_table_is_passed_over() -> None:
    got = title("a) Tổ chức chương trình “Đối thoại về cải cách hành chính”:",
                "Báo và Phát thanh, Truyền hình tỉnh chủ trì, phối hợp với các sở, ban, ngành "
                "liên quan tiếp tục tổ chức chương trình truyền hình trực tiếp hằng tháng.")
    assert got[0] == "a) Tổ chức chương trình “Đối thoại về cải cách hành chính”:"


def test_a_table_with_no_heading_above_has_none() -> None:
    assert title("Các đơn vị gửi báo cáo đúng hạn.") == ("", None)


def test_a_forms_fields_between_its_title_and_its_table_are_passed_over() -> None:
    """Regression (national-tt-15-2026-bct.doc, Phụ lục 69): the report form's title, then
    "Kính gửi:", the addressees and the trader's details to fill in, then the table."""
    heading = Paragraph(text="BÁO CÁO TÌNH HÌNH KINH DOANH CỦA THƯƠNG NHÂN PHÂN PHỐI SẢN PHẨM "
                        "THUỐC LÁ", bold=True)
    got = title(heading, "(6 tháng đầu năm ……...; cả năm ……..)", "Kính gửi:",
                "- Ủy ban nhân dân tỉnh/thành phố……………", "- Sở Công Thương.......",
                "Tên thương nhân...", "Trụ sở tại.....", "Điện thoại......Fax...",
                "Số Giấy phép phân phối sản phẩm thuốc lá: ……….do ….cấp ngày …. tháng … năm ….")
    assert got == (heading.text, None)


def test_a_list_heading_alone_with_the_lines_that_name_it() -> None:
    """A DANH SÁCH attached to a decision (Lâm Đồng's Tờ trình 409/TTr-CAT scan): the heading
    alone on its line, its name on the line below, then the caption; the page number and the
    signer above are no part of it."""
    got = title("Hồ Văn Mười", "3", "DANH SÁCH",
                "Về việc thành lập hội đồng cấp tỉnh xét duyệt địa bàn cấp xã không ma túy",
                "(Kèm theo Quyết định số: /QĐ-UBND ngày tháng năm 2025 của Chủ tịch Ủy ban "
                "nhân dân tỉnh Lâm Đồng)")
    assert got == ("DANH SÁCH Về việc thành lập hội đồng cấp tỉnh xét duyệt địa bàn cấp xã "
                   "không ma túy", "(Kèm theo Quyết định số: /QĐ-UBND ngày tháng năm 2025 của "
                   "Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)")


def test_an_appendix_heading_above_a_list_heading_opens_the_title() -> None:
    got = title("PHỤ LỤC I", "DANH MỤC", "Các dự án đầu tư giai đoạn 2026-2030")
    assert got == ("PHỤ LỤC I DANH MỤC Các dự án đầu tư giai đoạn 2026-2030", None)
