"""extract/header_segments.py: one header paragraph cut into the parts it holds."""

from __future__ import annotations

from vnplan.extract.header_segments import explode
from vnplan.extract.paragraphs import Paragraph


def test_two_columns_glued_into_one_line() -> None:
    par = Paragraph(text="SỞ NỘI VỤ Số: 93/TTr-SNV Lâm Đồng, ngày 05 tháng 3 năm 2026")
    assert [(s.kind, s.text) for s in explode(0, par)] == [
        ("text", "SỞ NỘI VỤ"), ("number", "Số: 93/TTr-SNV"),
        ("place_date", "Lâm Đồng, ngày 05 tháng 3 năm 2026")]


def test_a_signing_stamp_is_no_part_of_the_header() -> None:
    par = Paragraph(text="", cells=("Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00", "Phụ lục"))
    assert [(s.kind, s.text) for s in explode(0, par)] == [("text", "Phụ lục")]
