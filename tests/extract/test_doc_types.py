"""extract/doc_types.py: type lines and the types number symbols name."""

from __future__ import annotations

import pytest

from vnplan.extract.doc_types import doc_type, split_type_line, type_of_symbol


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("QUYẾT ĐỊNH", ("Quyết định", "")),
        ("KẾ HOẠCH HÀNH ĐỘNG", ("Kế hoạch", "")),
        ("THÔNG BÁO KẾT LUẬN", ("Thông báo", "")),
        ("HƯỚNG DẪN LIÊN NGÀNH", ("Hướng dẫn", "")),
        ("NGHỊ QUYẾT LIÊN TỊCH", ("Nghị quyết liên tịch", "")),
        ("KẾ HOẠCH Cải cách hành chính năm 2026", ("Kế hoạch", "Cải cách hành chính năm 2026")),
        ("ỦY BAN NHÂN DÂN", None),
    ],
)
def test_split_type_line(line: str, want: tuple[str, str] | None) -> None:
    assert split_type_line(line) == want


@pytest.mark.parametrize(
    ("number", "want"),
    [("227/KH-UBND", "Kế hoạch"), ("2013/QĐ-TTg", "Quyết định"), ("76-KL/TW", "Kết luận"),
     ("24/2026/NQ-CP", "Nghị quyết"), ("140/2025/QH15", "Luật"), ("36-HD/VPTW", "Hướng dẫn"),
     ("298/TTr-CAT-PC04", "Tờ trình"), ("5973/UBND-KT", None)],
)
def test_type_of_symbol(number: str, want: str | None) -> None:
    assert type_of_symbol(number) == want


def test_plan_types() -> None:
    assert [t for t in ("Kế hoạch", "Chương trình", "Quyết định") if doc_type(t).plan] == [  # type: ignore[union-attr]
        "Kế hoạch", "Chương trình"]


def test_a_type_line_whose_marks_ocr_misread_is_known_by_its_letters() -> None:
    assert split_type_line("QUYÉT ĐỊNH") == ("Quyết định", "")
    assert split_type_line("QUY ĐỊNH KHUNG THÍ ĐIỂM") == ("Quy định", "KHUNG THÍ ĐIỂM")
    assert split_type_line("Quyét định này") is None  # only a line in capitals
