"""extract/bodies.py: where the names of bodies begin and end in headers and signatures."""

from __future__ import annotations

import pytest

from vnplan.extract.bodies import (
    is_central,
    position_by_letters,
    position_head,
    split_bodies,
)


@pytest.mark.parametrize(
    ("lines", "bodies", "joint"),
    [
        (["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"], False),
        (["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"], False),
        (["BỘ CÔNG AN", "CỤC CẢNH SÁT ĐIỀU TRA", "TỘI PHẠM VỀ MA TÚY"],
         ["BỘ CÔNG AN", "CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY"], False),
        (["ỦY BAN THƯỜNG VỤ", "QUỐC HỘI"], ["ỦY BAN THƯỜNG VỤ QUỐC HỘI"], False),
        (["BỘ CÔNG AN - BỘ QUỐC PHÒNG -", "BỘ Y TẾ"], ["BỘ CÔNG AN", "BỘ QUỐC PHÒNG", "BỘ Y TẾ"],
         True),
        (["ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHÍNH PHỦ - ĐOÀN CHỦ TỊCH", "ỦY BAN TRUNG ƯƠNG",
          "MẶT TRẬN TỔ QUỐC VIỆT NAM"],
         ["ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHÍNH PHỦ",
          "ĐOÀN CHỦ TỊCH ỦY BAN TRUNG ƯƠNG MẶT TRẬN TỔ QUỐC VIỆT NAM"], True),
    ],
)
def test_split_bodies(lines: list[str], bodies: list[str], joint: bool) -> None:
    got = split_bodies(lines)
    assert (got.bodies, got.joint) == (bodies, joint)


@pytest.mark.parametrize(
    ("line", "head"),
    [("PHÓ CHỦ TỊCH", "phó chủ tịch"), ("CỤC TRƯỞNG", "cục trưởng"), ("GIÁM ĐỐC", "giám đốc"),
     ("CHÁNH VĂN PHÒNG", "chánh văn phòng"), ("CHỦ TỊCH QUỐC HỘI", "chủ tịch"),
     ("THỨ TRƯỞNG", "thứ trưởng"), ("SỞ NỘI VỤ", None), ("CẢI CÁCH HÀNH CHÍNH", None)],
)
def test_positions(line: str, head: str | None) -> None:
    assert position_head(line) == head


@pytest.mark.parametrize(
    ("name", "central"),
    [("BỘ CÔNG THƯƠNG", True), ("THỦ TƯỚNG CHÍNH PHỦ", True), ("QUỐC HỘI", True),
     ("VĂN PHÒNG TRUNG ƯƠNG ĐẢNG", True), ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", False),
     ("BỘ CHỈ HUY QUÂN SỰ TỈNH", False), ("SỞ NỘI VỤ", False),
     ("TỔ CÔNG TÁC LIÊN NGÀNH TW", True), ("TỈNH ĐOÀN LÂM ĐỒNG", False)],
)
def test_central_bodies(name: str, central: bool) -> None:
    assert is_central(name) is central


@pytest.mark.parametrize(("text", "position"), [
    ("TÔNG GIẢM ĐỌC", "tổng giám đốc"), ("PHO GIAM ĐOC", "phó giám đốc"),
    ("CHU TICH", "chủ tịch"),
    ("THƯ TRƯỜNG", None),  # Thứ trưởng or Thủ trưởng: the letters do not say which
    ("GIÁM ĐỐC", None),  # a position as it is printed needs no repair
    ("HẠ TẦNG VÀ GIAO THÔNG", None),
])
def test_a_position_is_known_by_its_letters_when_its_marks_are_misread(
        text: str, position: str | None) -> None:
    assert position_by_letters(text) == position
