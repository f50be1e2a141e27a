"""extract/numbering.py: markers and titles, from lines of the seeds."""

from __future__ import annotations

import pytest

from vnplan.extract.numbering import parse_marker, split_title
from vnplan.text.numerals import roman_value, to_roman

MARKERS = [
    ("I. MỤC ĐÍCH, YÊU CẦU", ("roman", "I", "MỤC ĐÍCH, YÊU CẦU", False)),
    (
        "III CÁC NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN",
        ("roman", "III", "CÁC NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN", True),
    ),
    ("1. Mục đích", ("arabic", "1", "Mục đích", False)),
    ("2.1. Đến năm 2025", ("decimal", "2.1", "Đến năm 2025", False)),
    (
        "2.1 Gắn kết với ngoại giao chính trị: Phối hợp",
        ("decimal", "2.1", "Gắn kết với ngoại giao chính trị: Phối hợp", True),
    ),
    (
        "a) Đối với công tác quảng bá hình ảnh địa phương",
        ("letter", "a", "Đối với công tác quảng bá hình ảnh địa phương", False),
    ),
    ("1.2.3. Nội dung", ("decimal", "1.2.3", "Nội dung", False)),
    ("B. HIỆN TRẠNG TỔ CHỨC CÁC HỘI", ("capital", "B", "HIỆN TRẠNG TỔ CHỨC CÁC HỘI", False)),
]
NOT_MARKERS = [
    "- Triển khai thực hiện có hiệu quả Chỉ thị số 25/CT-TTg trên địa bàn tỉnh.",
    "Việt Nam là thành viên",
    "VI Tăng cường nguồn lực để triển khai",  # a roman numeral without dot, lowercase text: no
    "2022. Năm",
    "30/3/2022 là ngày ban hành",
    "Đẩy mạnh các hoạt động thông tin",
    "A. Nguyễn Văn An, Phó Giám đốc Sở",  # an initial in running text: not a capital unit
]


@pytest.mark.parametrize(("text", "want"), MARKERS)
def test_parse_marker(text: str, want: tuple[str, str, str, bool]) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.kind, marker.number, marker.rest, marker.irregular) == want


@pytest.mark.parametrize("text", NOT_MARKERS)
def test_unnumbered_paragraphs(text: str) -> None:
    assert parse_marker(text) is None


def test_bold_roman_without_dot_is_a_heading() -> None:
    marker = parse_marker("VI Tăng cường nguồn lực", bold=True)
    assert marker is not None and marker.number == "VI"


@pytest.mark.parametrize(
    ("text", "kind", "number", "rest"),
    [
        ("Chương II", "chapter", "Chương II", ""),
        ("CHƯƠNG I QUY ĐỊNH CHUNG", "chapter", "Chương I", "QUY ĐỊNH CHUNG"),
        ("Điều 5. Phạm vi điều chỉnh", "article", "Điều 5", "Phạm vi điều chỉnh"),
        ("Điều 2: Tôn chỉ, mục đích", "article", "Điều 2", "Tôn chỉ, mục đích"),
        ("Mục 1", "section", "Mục 1", ""),
        ("Phần thứ nhất", "part", "Phần thứ nhất", ""),
        ("PHẦN THỨ HAI", "part", "Phần thứ hai", ""),
        ("(1) Tiếp tục phối hợp với các doanh nghiệp", "paren", "(1)",
         "Tiếp tục phối hợp với các doanh nghiệp"),
        ("đ) Thay thế cụm từ", "letter", "đ", "Thay thế cụm từ"),
    ],
)
def test_normative_units_and_other_markers(text: str, kind: str, number: str, rest: str) -> None:
    marker = parse_marker(text)
    assert marker is not None
    assert (marker.kind, marker.number, marker.rest) == (kind, number, rest)


@pytest.mark.parametrize(
    "text",
    ["Điều 5 được sửa đổi, bổ sung như sau", "Điều 190, Điều 191 Bộ luật Hình sự năm 2015",
     "Chương trình hành động của tỉnh", "Mục tiêu cụ thể"],
)
def test_unit_words_in_a_sentence_are_no_heading(text: str) -> None:
    assert parse_marker(text) is None


@pytest.mark.parametrize(
    ("rest", "want"),
    [
        (
            "Gắn kết với ngoại giao chính trị: Phối hợp với Bộ Ngoại giao",
            ("Gắn kết với ngoại giao chính trị", "Phối hợp với Bộ Ngoại giao"),
        ),
        (
            "Triển khai có hiệu quả Quyết định số 2013/QĐ-TTg ngày 30/11/2021.",
            ("Triển khai có hiệu quả Quyết định số 2013/QĐ-TTg ngày 30/11/2021", ""),
        ),
        (
            "Đẩy mạnh công tác. Qua đó, mở rộng quan hệ",
            ("Đẩy mạnh công tác", "Qua đó, mở rộng quan hệ"),
        ),
        ("Mục đích", ("Mục đích", "")),
        (
            "Tăng cường (tin, bài viết, VCD...); triển khai. Từng bước",
            ("Tăng cường (tin, bài viết, VCD...); triển khai", "Từng bước"),
        ),
    ],
)
def test_split_title(rest: str, want: tuple[str, str]) -> None:
    assert split_title(rest) == want


@pytest.mark.parametrize(
    ("numeral", "value"), [("I", 1), ("IV", 4), ("VI", 6), ("IX", 9), ("XIV", 14)]
)
def test_roman_round_trip(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value
    assert to_roman(value) == numeral


@pytest.mark.parametrize("bad", ["IIII", "VV", "IL", "ABC", ""])
def test_malformed_roman(bad: str) -> None:
    assert roman_value(bad) is None
