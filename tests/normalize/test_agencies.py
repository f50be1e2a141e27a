"""resolve_agency, split_agency_list and find_agencies on strings from the sample documents."""

from __future__ import annotations

import pytest

from vnplan.normalize import find_agencies, resolve_agency, split_agency_list

RESOLVE_CASES = [
    # as written in the Lào Cai plan (KH 122/KH-UBND) and the news samples
    ("Sở Ngoại vụ", "so-ngoai-vu"),
    ("sở Ngoại vụ", "so-ngoai-vu"),
    ("Sở Thông tin và Truyền thông", "so-tttt"),
    ("Sở Thông tin, truyền thông", "so-tttt"),
    ("Sở Thông tin Truyền thông", "so-tttt"),
    ("Sở Văn hóa, Thể thao và Du lịch", "so-vhttdl"),
    ("sở Văn hóa, Thể thao và Du lịch", "so-vhttdl"),
    ("Sở Văn hoá, Thể thao và Du lịch", "so-vhttdl"),
    ("Sở Văn hóa", "so-vhttdl"),
    ("Sở Công thương", "so-cong-thuong"),
    ("Sở Công Thương", "so-cong-thuong"),
    ("Sở Kế hoạch và Đầu tư", "so-khdt"),
    ("Sở Giáo dục và Đào tạo", "so-gddt"),
    ("Cơ quan Tài chính", "so-tai-chinh"),
    ("Sở Tài chính", "so-tai-chinh"),
    ("Ban Tuyên giáo Tỉnh ủy", "ban-tuyen-giao-tinh-uy"),
    ("Bộ Ngoại giao", "bo-ngoai-giao"),
    ("Thủ tướng Chính phủ", "thu-tuong-chinh-phu"),
    ("Văn phòng Chính phủ", "van-phong-chinh-phu"),
    ("Đài Truyền hình Việt Nam", "dai-truyen-hinh-viet-nam"),
    ("Kênh VTV4 (kênh truyền hình đối ngoại)", "vtv4"),
    ("UBND tỉnh", "ubnd-tinh"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "ubnd-tinh"),
    ("Uỷ ban nhân dân tỉnh Thừa Thiên Huế", "ubnd-tinh"),
    ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN", "ubnd-tinh"),
    ("UBND TP Cần Thơ", "ubnd-tinh"),
    ("TT Đoàn ĐBQH tỉnh", None),  # "TT" (Thường trực) in front: not a name
    ("Đoàn ĐBQH tỉnh", "doan-dbqh-tinh"),
    # group expressions
    ("UBND các huyện, thị xã, thành phố", "ubnd-cap-huyen"),
    ("UBND các huyện, thị xã thành phố", "ubnd-cap-huyen"),
    ("UBND các huyện, thành phố", "ubnd-cap-huyen"),
    ("Các Bộ, Ban, Ngành TW", "bo-ban-nganh-trung-uong"),
    ("các Bộ, Ban, Ngành của Trung ương", "bo-ban-nganh-trung-uong"),
    ("Các sở, ban, ngành", "so-ban-nganh-tinh"),
    ("Các sở ngành, địa phương liên quan", "so-ban-nganh-tinh"),
    ("Các Sở, ban, ngành, đoàn thể tỉnh", "so-ban-nganh-tinh"),
    ("Các cơ quan báo chí", "co-quan-bao-chi-tinh"),
    ("Các cơ quan thông tấn báo chí của tỉnh", "co-quan-bao-chi-tinh"),
    ("các cơ quan báo chí Trung ương", "co-quan-bao-chi-trung-uong"),
    ("các cơ quan, đơn vị, địa phương liên quan", "co-quan-don-vi-lien-quan"),
    ("Các cơ quan, đơn vị có liên quan khác", "co-quan-don-vi-lien-quan"),
    ("các cơ quan đơn vị, địa phương liên quan", "co-quan-don-vi-lien-quan"),
    ("các đơn vị có liên quan", "co-quan-don-vi-lien-quan"),
    ("Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh", "co-quan-don-vi-tinh"),
    # conservative fuzzy match, and things that are no agency
    ("Sở Văn hoá Thể thao Du lịch", "so-vhttdl"),
    ("ỦY BAN NHÂN DÂN TÍNH LÀO CAI", "ubnd-tinh"),  # OCR of the scanned Lào Cai plan
    ("Sở Nội vụ", "so-noi-vu"),
    ("Lưu: VT, VX1, TH3, NC1", None),
    ("Công ty TNHH Điện sinh khối Erex Yên Bái", None),
    ("các cơ quan thông tấn báo chí nước ngoài", None),
]


@pytest.mark.parametrize(("raw", "expected"), RESOLVE_CASES)
def test_resolve(raw: str, expected: str | None) -> None:
    ref = resolve_agency(raw, "Lào Cai")
    assert ref.id == expected
    assert ref.raw == raw


@pytest.mark.parametrize(
    ("raw", "province", "expected"),
    [
        ("Sở Ngoại vụ tỉnh Lào Cai", None, "Lào Cai"),
        ("Sở Ngoại vụ", "Lào Cai", "Lào Cai"),
        ("Sở Ngoại vụ", "TP Cần Thơ", "Cần Thơ"),
        ("UBND TP Cần Thơ", "Lào Cai", "Cần Thơ"),  # the name's own province wins
        ("Ủy ban nhân dân tỉnh Thừa Thiên Huế", None, "Thừa Thiên Huế"),
        ("ỦY BAN NHÂN DÂN TÍNH LÀO CAI", None, "Lào Cai"),
        ("Bộ Ngoại giao", "Lào Cai", None),  # central bodies have no province
        ("Thủ tướng Chính phủ", "Lào Cai", None),
    ],
)
def test_resolve_province(raw: str, province: str | None, expected: str | None) -> None:
    assert resolve_agency(raw, province).province == expected


def test_resolved_fields() -> None:
    ref = resolve_agency("Sở Thông tin, truyền thông", "Lào Cai")
    assert ref.name == "Sở Thông tin và Truyền thông tỉnh Lào Cai"
    assert ref.level == "province"
    # merged into Sở Khoa học và Công nghệ (press functions to Sở VHTTDL) from 1 March 2025
    assert ref.successor_ids == ["so-khcn", "so-vhttdl"]
    assert resolve_agency("Sở Kế hoạch và Đầu tư").successor_ids == ["so-tai-chinh"]
    assert resolve_agency("Sở Ngoại vụ").successor_ids == ["van-phong-ubnd-tinh"]
    assert resolve_agency("Ban Tuyên giáo Tỉnh ủy").successor_ids == [
        "ban-tuyen-giao-va-dan-van-tinh-uy"
    ]


@pytest.mark.parametrize(
    ("raw", "province", "name"),
    [
        ("Ủy ban nhân dân tỉnh Lào Cai", None, "Ủy ban nhân dân tỉnh Lào Cai"),
        ("UBND TP Cần Thơ", None, "Ủy ban nhân dân thành phố Cần Thơ"),
        ("Sở Ngoại vụ", "Cần Thơ", "Sở Ngoại vụ thành phố Cần Thơ"),
        ("Ban Tuyên giáo Tỉnh ủy", "Lào Cai", "Ban Tuyên giáo Tỉnh ủy Lào Cai"),
        ("TU", "Cần Thơ", "Thành ủy Cần Thơ"),
        ("Sở Ngoại vụ", None, "Sở Ngoại vụ"),
        ("Bộ Ngoại giao", "Lào Cai", "Bộ Ngoại giao"),
        ("các sở ngành", "Lào Cai", "Các sở, ban, ngành tỉnh"),
    ],
)
def test_body_name(raw: str, province: str | None, name: str) -> None:
    assert resolve_agency(raw, province).name == name


@pytest.mark.parametrize(
    "raw",
    [
        "UBND các huyện, thị xã thành phố",
        "Các Bộ, Ban, Ngành TW",
        "các sở ngành",
        "Các cơ quan thông tấn báo chí của tỉnh",
        "các cơ quan, đơn vị có liên quan",
    ],
)
def test_groups(raw: str) -> None:
    assert resolve_agency(raw).level == "group"


def test_no_match_keeps_only_raw() -> None:
    ref = resolve_agency("Trung tâm Phát triển quỹ đất tỉnh", "Lào Cai")
    assert ref.model_dump() == {
        "raw": "Trung tâm Phát triển quỹ đất tỉnh",
        "id": None,
        "name": None,
        "level": None,
        "province": None,
        "successor_ids": [],
        "place": None,
        "predecessor_ids": [],
        "generation": None,
    }


SPLIT_CASES = [
    (
        "Sở Ngoại vụ; sở Văn hóa, Thể thao và Du lịch và các cơ quan, đơn vị có liên quan",
        ["Sở Ngoại vụ", "sở Văn hóa, Thể thao và Du lịch", "các cơ quan, đơn vị có liên quan"],
    ),
    (
        "Sở Ngoại vụ, Sở Văn hóa và các đơn vị có liên quan",
        ["Sở Ngoại vụ", "Sở Văn hóa", "các đơn vị có liên quan"],
    ),
    ("UBND các huyện, thị xã thành phố", ["UBND các huyện, thị xã thành phố"]),
    ("Các Bộ, Ban, Ngành TW", ["Các Bộ, Ban, Ngành TW"]),
    (
        "Sở Thông tin Truyền thông và các cơ quan đơn vị, địa phương liên quan",
        ["Sở Thông tin Truyền thông", "các cơ quan đơn vị, địa phương liên quan"],
    ),
    (
        "Ban Tuyên giáo Tỉnh ủy; Sở Ngoại vụ; Sở Văn hóa, Thể thao và Du lịch và các cơ quan, "
        "đơn vị, địa phương liên quan",
        [
            "Ban Tuyên giáo Tỉnh ủy",
            "Sở Ngoại vụ",
            "Sở Văn hóa, Thể thao và Du lịch",
            "các cơ quan, đơn vị, địa phương liên quan",
        ],
    ),
    (
        "Sở Ngoại vụ; Sở Kế hoạch và Đầu tư và các cơ quan đơn vị, địa phương có liên quan",
        ["Sở Ngoại vụ", "Sở Kế hoạch và Đầu tư", "các cơ quan đơn vị, địa phương có liên quan"],
    ),
    (
        "Sở Ngoại vụ; Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh",
        ["Sở Ngoại vụ", "Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh"],
    ),
    (
        "Các sở, ban, ngành và UBND các huyện, thị xã, thành phố",
        ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"],
    ),
    ("Sở Thông tin, truyền thông", ["Sở Thông tin, truyền thông"]),
    ("Các cơ quan, đơn vị có liên quan khác", ["Các cơ quan, đơn vị có liên quan khác"]),
    ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
    # names the gazetteer lacks: head words tell where items start
    (
        "Trung tâm Văn hóa tỉnh, Sở Nội vụ và Ban Quản lý di tích",
        ["Trung tâm Văn hóa tỉnh", "Sở Nội vụ", "Ban Quản lý di tích"],
    ),
    (
        "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh",
        ["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"],
    ),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT_CASES)
def test_split(text: str, expected: list[str]) -> None:
    assert split_agency_list(text) == expected


FIND_CASES = [
    (
        "Phối hợp với Bộ Ngoại giao và các Bộ, Ban, Ngành của Trung ương tham gia các sự kiện",
        ["Bộ Ngoại giao", "các Bộ, Ban, Ngành của Trung ương"],
    ),
    (
        "Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ",
        ["Thủ tướng Chính phủ"],  # not the "TTg" of the document number
    ),
    (
        "(Kèm theo Kế hoạch số: 122 /KH-UBND ngày 30/3/2022 của Ủy ban nhân dân tỉnh Lào Cai)",
        ["Ủy ban nhân dân tỉnh Lào Cai"],
    ),
    ("TT: TU, HĐND, UBND tỉnh", ["TU", "HĐND", "UBND tỉnh"]),
    (
        "Phối hợp với Đài Truyền hình Việt Nam và các cơ quan thông tấn, báo chí xây dựng",
        ["Đài Truyền hình Việt Nam", "các cơ quan thông tấn, báo chí"],
    ),
    (
        "Phối hợp với Kênh VTV4 (kênh truyền hình đối ngoại) Đài Truyền hình Việt Nam",
        ["Kênh VTV4 (kênh truyền hình đối ngoại)", "Đài Truyền hình Việt Nam"],
    ),
    (
        "xây dựng Bảo tàng Lào Cai trở thành điểm du lịch; xây dựng bảo tàng trở thành",
        ["Bảo tàng Lào Cai"],
    ),
    (
        "mời các đoàn phóng viên báo chí nước ngoài, các cơ quan thông tấn báo chí nước ngoài",
        [],
    ),
    ("UBND TP Cần Thơ vừa ban hành kế hoạch", ["UBND TP Cần Thơ"]),
    # names the gazetteer lacks, cut where underthesea's words stop being capitalised
    ("Chủ trì, phối hợp với Trung tâm Văn hóa tỉnh tổ chức hội nghị", ["Trung tâm Văn hóa tỉnh"]),
    ("Chủ trì, phối hợp với Sở Tư pháp tổ chức hội nghị", ["Sở Tư pháp"]),
    ("Hội nghị Bộ trưởng Môi trường ASEAN vinh danh", []),
    ("Hội nhập quốc tế một cách chủ động", []),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_agencies(text: str, expected: list[str]) -> None:
    assert find_agencies(text) == expected
