"""Agency mentions in running text (mentions.py): the parts of a body joined to it, the classes
of bodies (groups), lists that share their head, titles. Sentences of the development corpus;
the mentions written by reading them."""

from __future__ import annotations

import pytest

from vnplan.normalize import default_gazetteer, find_agencies
from vnplan.normalize.mentions import agency_spans


def spans(text: str) -> list[tuple[str, str | None, bool]]:
    """(text as written, gazetteer id, whether a group) of each mention."""
    return [(f.raw, f.agency_id, f.group) for f in agency_spans(default_gazetteer(), text)]


COMPOUNDS = [
    ("Kế hoạch số 42-KH/ĐU ngày 11/02/2026 của Ban Thường vụ Đảng ủy UBND tỉnh",
     ["Ban Thường vụ Đảng ủy UBND tỉnh"]),
    ("Cục Lưu trữ Văn phòng Trung ương Đảng", ["Cục Lưu trữ Văn phòng Trung ương Đảng"]),
    ("Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
     ["Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam"]),
    ("- Đại diện Thường trực Ủy ban Mặt trận Tổ Quốc Việt Nam tỉnh;",
     ["Thường trực Ủy ban Mặt trận Tổ Quốc Việt Nam tỉnh"]),
    ("Văn phòng Bộ đề nghị xét tặng Bằng khen", ["Văn phòng Bộ"]),
    # a part of a body with no body after it names none
    ("Ban Thường trực gồm: 08 thành viên", []),
]


@pytest.mark.parametrize(("text", "names"), COMPOUNDS)
def test_a_part_of_a_body_is_joined_to_the_body_it_belongs_to(
    text: str, names: list[str]
) -> None:
    assert find_agencies(text) == names


GROUPS = [
    ("Ủy ban nhân dân cấp tỉnh, cấp xã phù hợp", "Ủy ban nhân dân cấp tỉnh, cấp xã"),
    ("Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031", "Hội đồng nhân dân các cấp"),
    ("phối hợp chặt chẽ với Công an cấp xã, phường theo chỉ tiêu", "Công an cấp xã"),
    ("Tăng cường lãnh đạo, chỉ đạo lực lượng Công an cơ sở, nhất là Công an xã phát huy vai trò",
     "Công an xã"),
    ("trên Đài Truyền thanh các xã, phường, đặc khu; duy trì",
     "Đài Truyền thanh các xã, phường"),
    ("do Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh triệu tập",
     "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh"),
    ("Quy chế làm việc mẫu của Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương",
     "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương"),
    ("là các Sở Ngoại vụ thuộc Ủy ban nhân dân cấp tỉnh", "Sở Ngoại vụ"),
    ("thành lập Trung tâm Dịch vụ tổng hợp thuộc Ủy ban nhân dân cấp xã",
     "Trung tâm Dịch vụ tổng hợp thuộc Ủy ban nhân dân cấp xã"),
]


@pytest.mark.parametrize(("text", "group"), GROUPS)
def test_a_level_or_a_plural_names_a_class_of_bodies(text: str, group: str) -> None:
    found = spans(text)
    assert (group, None, True) in found
    assert not [raw for raw, _, is_group in found if not is_group]


def test_a_body_every_level_has_shares_the_level_written_after_it() -> None:
    assert spans("- Chủ tịch HĐND và UBND cấp xã;") == [
        ("HĐND", None, True), ("UBND cấp xã", "ubnd-cap-xa", True)
    ]
    assert [is_group for _, _, is_group in spans(
        "HĐND, UBND các tỉnh, thành phố trực thuộc trung ương")] == [True, True]
    # not a group the list only joins: "Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã
    # hội" names the Front itself
    assert spans("Đề nghị Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tiếp tục")[
        0] == ("Mặt trận Tổ quốc Việt Nam", "uy-ban-trung-uong-mttq", False)


SHARED_HEADS = [
    ("- Đại diện lãnh đạo các Sở: Tư pháp, Nội vụ, Công Thương, Tài chính, Nông nghiệp và Môi "
     "trường, Xây dựng, Khoa học và Công nghệ, Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo, "
     "Y tế;",
     ["so-tu-phap", "so-noi-vu", "so-cong-thuong", "so-tai-chinh", "so-nong-nghiep-va-moi-truong",
      "so-xay-dung", "so-khcn", "so-vhttdl", "so-gddt", "so-y-te"]),
    ("- Các Sở: Công Thương, XD, TC;", ["so-cong-thuong", "so-xay-dung", "so-tai-chinh"]),
    # a Lào Cai minutes: the last item runs on into the sentence, which names another body
    ("Sáu là, các Sở: Tài chính, Xây dựng, Nông nghiệp và Môi trường có ý kiến tham gia bằng văn "
     "bản gửi Sở Công Thương trong thời hạn 03 ngày làm việc",
     ["so-tai-chinh", "so-xay-dung", "so-nong-nghiep-va-moi-truong", "so-cong-thuong"]),
]


@pytest.mark.parametrize(("text", "agency_ids"), SHARED_HEADS)
def test_a_list_that_shares_its_head_names_one_body_per_item(
    text: str, agency_ids: list[str]
) -> None:
    assert [agency_id for _, agency_id, _ in spans(text)] == agency_ids


def test_a_list_in_brackets_shares_the_head_before_it() -> None:
    found = agency_spans(default_gazetteer(), (
        "02 chi cục thuộc Sở Y tế (Dân số, An toàn vệ sinh thực phẩm); 08 chi cục thuộc Sở Nông "
        "nghiệp và Môi trường (Trồng trọt và Bảo vệ thực vật; Chất lượng, Chế biến và Phát triển "
        "thị trường; Kiểm lâm)"
    ))
    assert [f.name or f.raw for f in found] == [
        "Sở Y tế", "Chi cục Dân số", "Chi cục An toàn vệ sinh thực phẩm",
        "Sở Nông nghiệp và Môi trường", "Chi cục Trồng trọt và Bảo vệ thực vật",
        "Chi cục Chất lượng, Chế biến và Phát triển thị trường", "Chi cục Kiểm lâm",
    ]


TITLES = [
    # an office before its holder's name is a title
    ("các Ủy viên Bộ Chính trị: Chủ tịch nước Lương Cường, Thủ tướng Chính phủ Phạm Minh Chính, "
     "Chủ tịch Quốc hội Trần Thanh Mẫn.", ["Bộ Chính trị", "Quốc hội"]),
    ("Thủ tướng Chính phủ phê chuẩn kết quả bầu", ["Thủ tướng Chính phủ"]),
    ("Phó Thủ tướng Thường trực Chính phủ Nguyễn Hoà Bình", ["Chính phủ"]),
    # a position names the body it heads ("Chủ tịch UBND tỉnh" names UBND tỉnh)
    ("Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Nội vụ",
     ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ"]),
    ("Thông báo kết luận của đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch Ủy ban nhân "
     "dân tỉnh", ["Ủy ban nhân dân tỉnh"]),
]


@pytest.mark.parametrize(("text", "names"), TITLES)
def test_titles_and_positions(text: str, names: list[str]) -> None:
    assert find_agencies(text) == names


NOT_BODIES = [
    ("cán bộ y tế thực hiện xác định tình trạng nghiện", []),  # a name in lower case
    ("các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính", []),
    ("người đứng đầu cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh, Ủy viên phụ trách quân sự",
     ["Ủy ban nhân dân cấp tỉnh"]),  # no "Tỉnh ủy" across the comma
    ("phân công lãnh đạo Văn phòng Ủy ban nhân dân cấp tỉnh chủ trì",
     ["Văn phòng Ủy ban nhân dân cấp tỉnh"]),
    ("Trụ sở Thành ủy Quy Nhơn hiện nay.", ["Thành ủy Quy Nhơn"]),  # a city's, not a province's
]


@pytest.mark.parametrize(("text", "names"), NOT_BODIES)
def test_what_only_looks_like_a_gazetteer_name(text: str, names: list[str]) -> None:
    assert find_agencies(text) == names


def test_a_regional_unit_keeps_its_number() -> None:
    assert spans("4.7. Đề nghị Ngân hàng Nhà nước Chi nhánh Khu vực 10") == [
        ("Ngân hàng Nhà nước Chi nhánh Khu vực 10", "ngan-hang-nha-nuoc-chi-nhanh-khu-vuc", False)
    ]
