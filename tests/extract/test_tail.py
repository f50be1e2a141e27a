"""extract/tail.py: where a document's body ends — the closing that speaks to the addressees
is not the last unit's text; a decision's last article keeps its own."""

from __future__ import annotations

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.tail import closing_start, find_tail, read_tail

END = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Văn Bình"]


def ends(*body: str) -> tuple[int, int]:
    """(where the closing starts, where the end starts)."""
    paragraphs = [Paragraph(text=t) for t in (*body, *END)]
    tail = find_tail(paragraphs, 0)
    return closing_start(paragraphs, 0, tail), tail


def test_the_issuers_request_after_the_last_item_is_the_closing() -> None:
    """Quảng Trị's letter 1187/UBND-KT: its item 4, then the province's request."""
    assert ends("4. Sở Nông nghiệp và Môi trường chủ trì theo dõi, tổng hợp.",
                "Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành tỉnh nghiêm túc "
                "triển khai thực hiện./.") == (1, 2)


def test_a_submission_and_its_attachment_note() -> None:
    assert ends("3. Đề xuất", "Ban hành Quy chế.", "Kính trình Ủy ban nhân dân tỉnh xem xét, "
                "quyết định./.", "(Đính kèm dự thảo Quyết định)") == (2, 4)


def test_a_paragraph_of_the_last_item_stays_in_it() -> None:
    assert ends("2. Tổ chức thực hiện", "Các sở, ngành triển khai thực hiện nghiêm túc.") == (2, 2)


def test_the_last_article_of_a_decision_keeps_its_text() -> None:
    assert ends("Điều 3. Trách nhiệm thi hành",
                "Sở Nội vụ đề nghị các cơ quan chịu trách nhiệm thi hành Quyết định này./.") == (
        2, 2)


def test_a_row_of_signatures_in_cells_ends_the_body() -> None:
    """A Phiếu trình: the office's leader and the drafting officer sign side by side."""
    row = ("Ngày tháng 6 năm 2026\nLÃNH ĐẠO VĂN PHÒNG\nHoàng Ngọc Bích",
           "Ngày tháng 6 năm 2026\nCHUYÊN VIÊN THAM MƯU\nThiều Quang Hùng")
    paragraphs = [Paragraph(text="1. Ý kiến của Văn phòng"), Paragraph(text="Đề nghị xem xét."),
                  Paragraph(text=" | ".join(row), cells=row)]
    assert find_tail(paragraphs, 0) == 2


def test_a_ranked_name_after_the_recipients_signs_when_the_seal_hides_the_position() -> None:
    """OCR of a scanned police report: the red seal lies over "GIÁM ĐỐC", the name under it is
    read, printed after the recipients (Báo cáo đề xuất 03/BCĐX-CAT of Lâm Đồng in the corpus)."""
    tail = read_tail([Paragraph(text=t) for t in (
        "Nơi nhận:", "- Như kính gửi;", "- Phòng PV01, PC04, PX03 (thực hiện);",
        "- Lưu: VT, PC04.", "Thiếu tướng Trương Minh Đương")])
    assert tail.recipients == [
        "Như kính gửi", "Phòng PV01, PC04, PX03 (thực hiện)", "Lưu: VT, PC04"]
    assert [(s.name, s.rank, s.position) for s in tail.signers] == [
        ("Trương Minh Đương", "Thiếu tướng", None)]


def test_a_name_without_rank_after_the_filed_item_signs() -> None:
    """OCR of a company's scanned decision: the seal and the signature hide "TỔNG GIÁM ĐỐC",
    the name printed under them comes right after "- Lưu: VT." (Quyết định 89/2026/QĐ-CT of
    Lào Cai in the corpus): the signature stands beside Nơi nhận (Nghị định 30/2020)."""
    lines = ("Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "Nguyễn Thanh Việt")
    tail = read_tail([Paragraph(text=t) for t in lines])
    assert tail.recipients == ["Như Điều 3", "Lưu: VT"]
    assert [(s.name, s.rank, s.position) for s in tail.signers] == [
        ("Nguyễn Thanh Việt", None, None)]
    closing = ("Nơi nhận:", "- Lưu: VT.", "Đề nghị các đơn vị thực hiện nghiêm túc nội dung trên.")
    assert read_tail([Paragraph(text=t) for t in closing]).signers == []  # no name: no signer


def test_the_body_alone_under_the_closing_signs_by_its_name() -> None:
    """A report the provincial office sends unsigned: under "Trên đây là …" only its name, in
    bold capitals, then the appendix (Báo cáo of the Văn phòng UBND tỉnh Lào Cai in the
    corpus)."""
    closing = Paragraph(text="Trên đây là báo cáo tình hình triển khai các cụm công nghiệp.")
    tail = read_tail([closing, Paragraph(text="VĂN PHÒNG UBND TỈNH", bold=True, centered=True)])
    assert tail.closing == closing.text
    assert [(s.name, s.position) for s in tail.signers] == [(None, "Văn phòng UBND tỉnh")]
    plain = read_tail([closing, Paragraph(text="VĂN PHÒNG UBND TỈNH", bold=False, centered=False)])
    assert plain.signers == []  # a line of the text, not set apart


def test_a_signature_put_back_together_says_so() -> None:
    """A PDF whose damaged text layer was OCR'd: "PHÓ GIÁM ĐỐC" read as "GIÁM ĐỐC" and "PHO"
    under it (Công văn 3036 of the Sở Công Thương Lào Cai in the corpus)."""
    tail = read_tail([Paragraph(text=t) for t in (
        "Nơi nhận:", "- Như trên;", "- Lưu: VT, CN.", "KT. GIÁM ĐỐC", "GIÁM ĐỐC", "PHO", "S",
        "Hoàng Văn Thuân")])
    assert [(s.name, s.position) for s in tail.signers] == [("Hoàng Văn Thuân", "Phó Giám đốc")]
    assert [w.code for w in tail.warnings] == ["signature_repaired"]
    assert "'PHO'" in tail.warnings[0].message
