"""Named local bodies keep their name, place and level; the 2025 reorganisation both ways."""

from __future__ import annotations

import pytest

from vnplan.normalize import find_agencies, resolve_agency

LOCAL = [
    ("UBND huyện Tiên Du", "ubnd-huyen", "Ủy ban nhân dân huyện Tiên Du", "district", "Tiên Du"),
    ("UBND huyện Trùng Khánh", "ubnd-huyen", "Ủy ban nhân dân huyện Trùng Khánh", "district",
     "Trùng Khánh"),
    ("UBND thị xã Kỳ Anh", "ubnd-huyen", "Ủy ban nhân dân thị xã Kỳ Anh", "town", "Kỳ Anh"),
    ("Ủy ban nhân dân phường Văn Phú", "ubnd-xa", "Ủy ban nhân dân phường Văn Phú", "ward",
     "Văn Phú"),
    ("UBND xã Bảo Lâm 1", "ubnd-xa", "Ủy ban nhân dân xã Bảo Lâm 1", "commune", "Bảo Lâm 1"),
    ("UBND đặc khu Phú Quý", "ubnd-xa", "Ủy ban nhân dân đặc khu Phú Quý", "commune", "Phú Quý"),
]


@pytest.mark.parametrize(("raw", "agency_id", "name", "level", "place"), LOCAL)
def test_named_local_body(raw: str, agency_id: str, name: str, level: str, place: str) -> None:
    ref = resolve_agency(raw, "Lâm Đồng")
    assert (ref.id, ref.name, ref.level, ref.place) == (agency_id, name, level, place)


def test_unknown_body_named_for_a_district_keeps_level_and_place() -> None:
    ref = resolve_agency("Phòng NN&PTNT huyện Tuy Phước")
    assert (ref.id, ref.level, ref.place) == (None, "district", "Tuy Phước")


def test_a_unit_word_inside_a_national_name_is_no_place() -> None:
    ref = resolve_agency("Thông tấn xã Việt Nam")
    assert (ref.id, ref.level, ref.place) == ("thong-tan-xa-viet-nam", "media", None)


def test_places_stop_at_a_comma() -> None:
    text = "giao UBND xã Đức Trọng, UBND xã Đơn Dương, UBND phường 3 Bảo Lộc chủ trì"
    assert find_agencies(text) == [
        "UBND xã Đức Trọng", "UBND xã Đơn Dương", "UBND phường 3 Bảo Lộc"
    ]


def test_provincial_bodies_keep_their_full_names() -> None:
    names = {raw: resolve_agency(raw, "Bắc Ninh").name for raw in (
        "Công an tỉnh", "Văn phòng UBND tỉnh", "Bộ Chỉ huy Quân sự tỉnh")}
    assert names == {
        "Công an tỉnh": "Công an tỉnh Bắc Ninh",
        "Văn phòng UBND tỉnh": "Văn phòng Ủy ban nhân dân tỉnh Bắc Ninh",
        "Bộ Chỉ huy Quân sự tỉnh": "Bộ Chỉ huy Quân sự tỉnh Bắc Ninh",
    }


REFORM = [
    ("Bộ Nông nghiệp và Môi trường", "bo-nong-nghiep-va-moi-truong", "from_2025"),
    ("Sở Nông nghiệp và Môi trường", "so-nong-nghiep-va-moi-truong", "from_2025"),
    ("Bộ Dân tộc và Tôn giáo", "bo-dan-toc-va-ton-giao", "from_2025"),
    ("Sở Văn hóa và Thể thao", "so-van-hoa-va-the-thao", None),
    ("Sở Văn hóa, Thể thao và Du lịch", "so-vhttdl", None),
    ("Bộ Nông nghiệp và Phát triển nông thôn", "bo-nn-ptnt", "before_2025"),
    ("Sở Thông tin và Truyền thông", "so-tttt", "before_2025"),
]


@pytest.mark.parametrize(("raw", "agency_id", "generation"), REFORM)
def test_2025_reorganisation_is_never_mapped_onto_the_other_generation(
    raw: str, agency_id: str, generation: str | None
) -> None:
    ref = resolve_agency(raw)
    assert (ref.id, ref.generation) == (agency_id, generation)


def test_successors_and_predecessors_point_both_ways() -> None:
    new = resolve_agency("Bộ Nông nghiệp và Môi trường")
    old = resolve_agency("Bộ Tài nguyên và Môi trường")
    assert set(new.predecessor_ids) == {"bo-nn-ptnt", "bo-tn-mt"}
    assert old.successor_ids == ["bo-nong-nghiep-va-moi-truong"]


NAMES = [
    ("Thứ trưởng Bộ Y tế Đỗ Xuân Tuyên phát biểu", ["Bộ Y tế"]),
    ("Sở Tư pháp tổ chức hội nghị", ["Sở Tư pháp"]),
    ("Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh báo cáo",
     ["Trung tâm Xúc tiến đầu tư, thương mại và du lịch tỉnh"]),
    ("Ban quản lý các khu công nghiệp chủ trì, phối hợp Trung tâm Phục vụ hành chính công tỉnh",
     ["Ban quản lý các khu công nghiệp", "Trung tâm Phục vụ hành chính công tỉnh"]),
    ("xử lý theo Bộ Luật hình sự", []),
    ("CƠ QUAN CHỦ TRÌ", []),
    ("Báo cáo kết quả thực hiện", []),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_unknown_agencies_are_whole_names_never_persons_laws_or_headings(
    text: str, names: list[str]
) -> None:
    assert find_agencies(text) == names
