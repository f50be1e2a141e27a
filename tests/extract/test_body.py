"""extract/body.py: a document's body from its header on."""

from __future__ import annotations

from vnplan.extract.body import read_body
from vnplan.extract.paragraphs import Paragraph


def test_a_portals_table_of_contents_after_the_text_makes_no_units() -> None:
    """A legal portal lists the articles again under "Mục lục" after the document."""
    texts = ["Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;", "1. Là xã đạt chuẩn.",
             "2. Thu nhập bình quân.", "[1] Quy hoạch phải đáp ứng yêu cầu.", "Mục lục",
             "Điều 1. Phạm vi điều chỉnh", "Điều 2. Giải thích từ ngữ"]
    body = read_body([Paragraph(text=t) for t in texts], 0)
    assert [s.path for s in body.sections] == [["1"], ["2"]]
    assert [b.name for b in body.legal_basis] == ["Luật Tổ chức Chính phủ"]
