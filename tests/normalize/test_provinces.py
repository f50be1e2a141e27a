"""resolve_province: headers, issuers, place lines and abbreviations from the samples."""

from __future__ import annotations

import pytest

from vnplan.normalize import resolve_province

LAO_CAI = ("Lào Cai", "10", "Lào Cai")
LANG_SON = ("Lạng Sơn", "20", "Lạng Sơn")
HUE = ("Thừa Thiên Huế", "46", "Huế")
CAN_THO = ("Cần Thơ", "92", "Cần Thơ")

CASES = [
    ("TỈNH LÀO CAI", LAO_CAI),
    ("Lào Cai, ngày 30 tháng 3 năm 2022", LAO_CAI),
    ("Ủy ban nhân dân tỉnh Lào Cai", LAO_CAI),
    ("Lào Cai: Đẩy mạnh các hoạt động ngoại giao văn hóa năm 2023", LAO_CAI),
    ("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN", LANG_SON),
    ("Cơ quan ban hành Tỉnh Lạng Sơn", LANG_SON),
    ("UBND TP Cần Thơ vừa ban hành kế hoạch", CAN_THO),
    ("TP. Cần Thơ", CAN_THO),
    ("TP Cần Thơ", CAN_THO),
    ("Ủy ban nhân dân tỉnh Thừa Thiên Huế", HUE),
    ("Thừa Thiên - Huế", HUE),
    ("TT-Huế", HUE),
    ("Thành phố Huế", HUE),
    ("Hòa Bình", ("Hòa Bình", "17", "Phú Thọ")),
    ("Yên Bái", ("Yên Bái", "15", "Lào Cai")),
    ("TP.HCM", ("Hồ Chí Minh", "79", "Hồ Chí Minh")),
    # not provinces
    ("giữ vững môi trường hòa bình, ổn định", None),
    ("Chủ tịch Hồ Chí Minh", None),
    ("Ngày hội Pháp ngữ khu vực ĐBSCL", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_resolve_province(text: str, expected: tuple[str, str, str] | None) -> None:
    province = resolve_province(text)
    got = (province.name, province.code, province.name_2025) if province else None
    assert got == expected
