"""extract/body.py: a document's body from its header on."""

from __future__ import annotations

from vnplan.extract.body import read_body
from vnplan.extract.paragraphs import Paragraph
from vnplan.schema import walk_sections


def test_a_portals_table_of_contents_after_the_text_makes_no_units() -> None:
    """A legal portal lists the articles again under "Mục lục" after the document."""
    texts = ["Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "1. Là xã đạt chuẩn.",
             "2. Thu nhập bình quân.", "[1] Quy hoạch phải đáp ứng yêu cầu.", "Mục lục",
             "Điều 1. Phạm vi điều chỉnh", "Điều 2. Giải thích từ ngữ"]
    body = read_body([Paragraph(text=t) for t in texts], 0)
    assert [s.path for s in body.sections] == [["1"], ["2"]]
    assert [b.name for b in body.legal_basis] == ["Luật Tổ chức Chính phủ"]


def test_a_letter_with_no_numbered_units_keeps_its_table() -> None:
    """A letter that only writes paragraphs and a table of figures: the table is read from
    the header's end, there being no first unit to start from."""
    def row(*cells: str, starts: bool = False) -> Paragraph:
        return Paragraph(text=" | ".join(cells), cells=cells, starts_table=starts)

    paragraphs = [
        Paragraph(text="Kính gửi: Sở Nội vụ."),
        Paragraph(text="Sở Công Thương báo cáo số liệu thẩm định năm 2025 như sau:"),
        row("STT", "Lĩnh vực", "Số hồ sơ", "Ghi chú", starts=True),
        row("1", "Vật liệu nổ công nghiệp", "12", ""),
        Paragraph(text="Sở Công Thương báo cáo để Sở Nội vụ tổng hợp./."),
    ]
    body = read_body(paragraphs, 0)
    assert body.sections == []
    assert [(t.columns, t.cells) for t in body.appendices] == [
        (["STT", "Lĩnh vực", "Số hồ sơ", "Ghi chú"], [["1", "Vật liệu nổ công nghiệp", "12", ""]])]


def test_a_guide_that_shows_a_signature_block_ends_where_it_is_signed() -> None:
    """Hướng dẫn 36-HD/VPTW shows "T/M ĐOÀN CHỦ TỊCH" as an example; its own end is signed."""
    texts = ["I. THỂ THỨC", "1. Chữ ký", "Văn bản của đoàn chủ tịch ký như sau:",
             "T/M ĐOÀN CHỦ TỊCH", "2. Nơi nhận", "Ghi các nơi nhận văn bản.",
             "Nơi nhận:", "- Các tỉnh uỷ, thành uỷ,", "- Lưu Văn phòng Trung ương Đảng.",
             "K/T CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"]
    body = read_body([Paragraph(text=t) for t in texts], 0)
    assert [(s.name, s.position) for s in body.signers] == [
        ("Bùi Văn Thạch", "Phó Chánh Văn phòng")]
    assert body.recipients == ["Các tỉnh uỷ, thành uỷ", "Lưu Văn phòng Trung ương Đảng"]
    assert [s.number for s in body.sections] == ["I"]


def test_lists_of_enclosed_papers_are_no_units() -> None:
    """A Phiếu trình lists the papers sent with it ("Hồ sơ, văn bản kèm theo: … gồm:" 1. … 5.)
    before its own parts I., II., and again at the end ("Hồ sơ kèm theo:" 1., 2.): the lists
    name papers, the parts are I. and II."""
    texts = ["Nội dung trình: Kết quả thẩm định Phương án nổ mìn.",
             "Hồ sơ, văn bản kèm theo: Theo Phiếu chuyển số 112/PC-VPUBND gồm:",
             "1. Văn bản số 01/2025/GĐN-XDHT ngày 03/7/2025.", "2. Phương án nổ mìn",
             "3. Hợp đồng thi công xây dựng công trình.", "I. TÓM TẮT NỘI DUNG",
             "Phòng Quản lý Công nghiệp thẩm định Phương án.",
             "II. ĐÁNH GIÁ CỦA CHUYÊN VIÊN XỬ LÝ CHÍNH", "1. Nội dung thẩm định",
             "2. Đề xuất, kiến nghị", "Hồ sơ đề nghị phê duyệt đảm bảo đầy đủ.",
             "Hồ sơ kèm theo:", "1. Tờ trình đề nghị UBND tỉnh phê duyệt.",
             "2. Dự thảo Quyết định phê duyệt."]
    body = read_body([Paragraph(text=t) for t in texts], 0)
    paths = [s.path for s in walk_sections(body.sections)]
    assert paths == [["I"], ["II"], ["II", "1"], ["II", "2"]]
    assert body.sections[1].children[1].text.endswith(
        "Hồ sơ kèm theo:\n1. Tờ trình đề nghị UBND tỉnh phê duyệt.\n"
        "2. Dự thảo Quyết định phê duyệt.")
    assert "3. Hợp đồng thi công xây dựng công trình." in body.preamble
