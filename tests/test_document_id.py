"""vnplan/pipeline.py's `document_id`: minted once, from the normalized fields, after the
normalizer — so one plan whose province is written differently gets one id (and counts once in
outputs, which de-duplicate by id)."""

from __future__ import annotations

import pytest

from vnplan import convert

PLAN = """ỦY BAN NHÂN DÂN
{province}
Số: 173/KH-UBND
{place}, ngày 28 tháng 4 năm 2022
KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030
I. MỤC ĐÍCH, YÊU CẦU
1. Quảng bá hình ảnh, di sản văn hóa của tỉnh.
II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa và Thể thao triển khai Kế hoạch.
"""
# The province line as issuers write it (the abbreviated forms would slug to `tt-hue-…` were the
# id minted from the text as written).
WRITTEN = [("TỈNH THỪA THIÊN - HUẾ", "Thừa Thiên Huế"), ("TỈNH THỪA THIÊN HUẾ", "Huế"),
           ("TỈNH THỪA THIÊN-HUẾ", "Thừa Thiên - Huế"), ("TỈNH TT. HUẾ", "Huế"),
           ("TỈNH TT-HUẾ", "Huế")]


@pytest.mark.parametrize(("province", "place"), WRITTEN[1:])
def test_a_province_written_differently_gives_one_id(province: str, place: str) -> None:
    first = convert(PLAN.format(province=WRITTEN[0][0], place=WRITTEN[0][1]).encode(),
                    uri="hue-a.txt")
    other = convert(PLAN.format(province=province, place=place).encode(), uri="hue-b.txt")
    assert first.source.sha256 != other.source.sha256  # two inputs
    assert first.id == other.id == "thua-thien-hue-173-kh-ubnd-2022-04-28"
    assert first.province == other.province and other.province is not None
    assert other.province.name == "Thừa Thiên Huế"


def test_without_number_or_date_the_id_is_the_kind_and_the_source_hash() -> None:
    text = PLAN.format(province=WRITTEN[0][0], place=WRITTEN[0][1]).replace("Số: 173/KH-UBND\n", "")
    doc = convert(text.encode(), uri="hue-c.txt")
    assert doc.doc_number is None
    assert doc.id == f"{doc.kind}-{doc.source.sha256[:16]}"
