"""extract/document.py: what kind of text a page is — the document itself or an article about
it — on pages built here as a legal portal and an office publish them."""

from __future__ import annotations

from vnplan.pipeline import convert


def page(*blocks: str) -> bytes:
    body = "\n".join(blocks)
    return (f"<html><head><meta charset='utf-8'><title>Văn bản pháp luật</title></head><body>"
            f"<div class='content'>{body}</div></body></html>").encode()


def test_a_portal_page_whose_header_is_in_the_attribute_box_is_the_document() -> None:
    """The page prints no motto and no "Số:" line, only the type line: the preamble that cites
    and the articles under it make it the decision, not news about it."""
    doc = convert(page(
        "<p><b>Quyết định số 45/2025/QĐ-TTg Quy định đối tượng thuê nhà ở công vụ</b></p>",
        "<p>Còn hiệu lực</p>", "<p>Ngày có hiệu lực:03/12/2025</p>",
        "<p align='center'><b>QUYẾT ĐỊNH</b></p>",
        "<p align='center'><b>Quy định đối tượng thuê nhà ở công vụ tại các địa phương thuộc "
        "diện sắp xếp đơn vị hành chính cấp tỉnh</b></p>",
        "<p>Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;</p>",
        "<p>Căn cứ Luật Nhà ở số 27/2023/QH15;</p>",
        "<p>Theo đề nghị của Bộ trưởng Bộ Xây dựng;</p>",
        "<p>Thủ tướng Chính phủ ban hành Quyết định quy định đối tượng thuê nhà ở công vụ tại "
        "các địa phương thuộc diện sắp xếp đơn vị hành chính cấp tỉnh.</p>",
        "<p><b>Điều 1. Phạm vi điều chỉnh</b></p>",
        "<p>Quyết định này quy định về đối tượng thuê nhà ở công vụ và tiêu chuẩn nhà ở công vụ "
        "đối với cán bộ, công chức, viên chức tại các địa phương thuộc diện sắp xếp.</p>",
        "<p><b>Điều 2. Hiệu lực thi hành</b></p>",
        "<p>Quyết định này có hiệu lực thi hành kể từ ngày ký ban hành.</p>",
    ), uri="qd-45.html")
    assert (doc.kind, doc.doc_type) == ("document", "Quyết định")
    assert doc.subject is not None and doc.subject.startswith("Quy định đối tượng thuê nhà ở")
    assert [b.doc_number for b in doc.legal_basis] == ["63/2025/QH15", "27/2023/QH15"]
    assert doc.issuer is not None and doc.issuer.raw == "Thủ tướng Chính phủ"


def test_an_appendix_sent_on_its_own_is_a_document() -> None:
    doc = convert(page(
        "<p>Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00</p>",
        "<p align='center'><b>Phụ lục</b></p>",
        "<p align='center'><b>TỔNG HỢP Ý KIẾN GÓP Ý ĐỐI VỚI DỰ THẢO KẾ HOẠCH CẢI CÁCH HÀNH "
        "CHÍNH NHÀ NƯỚC NĂM 2026</b></p>",
        "<table><tr><td>STT</td><td>Nội dung góp ý</td><td>Đơn vị góp ý</td></tr>",
        "<tr><td>1</td><td>Đề nghị bổ sung nhiệm vụ giao Sở Khoa học và Công nghệ chủ trì "
        "triển khai ứng dụng trí tuệ nhân tạo trên địa bàn tỉnh.</td>"
        "<td>Sở Khoa học và Công nghệ</td></tr></table>",
    ), uri="phu-luc.html")
    assert (doc.kind, doc.doc_type, doc.doc_number) == ("document", "Phụ lục", None)
    assert doc.subject is not None and doc.subject.startswith("TỔNG HỢP Ý KIẾN GÓP Ý")
