"""find_partners: foreign countries, regions and organisations as written in the samples."""

from __future__ import annotations

import pytest

from vnplan.normalize import find_partners

CASES = [
    (
        "Tỉnh Vân Nam (Trung Quốc), vùng Nouvelle Aquitane (Pháp); tiếp tục mở rộng có hiệu quả "
        "quan hệ hữu nghị hợp tác giữa Lào Cai với các nước trong khu vực ASEAN, Nhật Bản, "
        "Hàn Quốc",
        [
            "tỉnh Vân Nam",
            "Trung Quốc",
            "vùng Nouvelle-Aquitaine",
            "Pháp",
            "ASEAN",
            "Nhật Bản",
            "Hàn Quốc",
        ],
    ),
    ("vùng Nouvelle – Aquitane (Pháp)", ["vùng Nouvelle-Aquitaine", "Pháp"]),
    ("với Vùng Nouvelle Aquitaine", ["vùng Nouvelle-Aquitaine"]),
    (
        "Khu tự trị dân tộc Choang (Quảng Tây, Trung Quốc), tỉnh Gyeongsangbook, Hàn Quốc",
        ["Khu tự trị dân tộc Choang Quảng Tây", "Trung Quốc", "tỉnh Gyeongsangbuk", "Hàn Quốc"],
    ),
    (
        "Trung Quốc, Nhật Bản, Hàn Quốc, Australia, Pháp...",
        ["Trung Quốc", "Nhật Bản", "Hàn Quốc", "Australia", "Pháp"],
    ),
    (
        "các đối tác khác như: Pháp, Hàn Quốc, Ấn Độ, Belarus...",
        ["Pháp", "Hàn Quốc", "Ấn Độ", "Belarus"],
    ),
    ("tuyên truyền Cộng đồng Văn hóa – Xã hội ASEAN", ["Cộng đồng Văn hóa - Xã hội ASEAN"]),
    (
        "các cơ quan truyền thông, báo chí châu Hồng Hà, tỉnh Vân Nam (Trung Quốc)",
        ["châu Hồng Hà", "tỉnh Vân Nam", "Trung Quốc"],
    ),
    ("đã được UNESSCO ghi danh", ["UNESCO"]),
    ("xây dựng hồ sơ trình UNESCO", ["UNESCO"]),
    # one-word names that are something else here
    ("trên địa bàn tỉnh Lào Cai", []),
    ("chính sách pháp luật của Nhà nước", []),
    ("Pháp luật về ngoại giao", []),
    ("bằng tiếng Việt và tiếng Pháp", []),
    ("Sở Tư pháp", []),
    ("chị Nga phụ trách", []),
    ("ông Nguyễn Văn Đức", []),
    ("Ngày hội Pháp ngữ khu vực ĐBSCL", []),
    ("người Việt Nam ở nước ngoài", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_partners(text: str, expected: list[str]) -> None:
    assert [p.name for p in find_partners(text)] == expected


def test_partner_fields() -> None:
    refs = {p.name: p for p in find_partners("Tỉnh Vân Nam (Trung Quốc); Vân Nam; ASEAN")}
    yunnan = refs["tỉnh Vân Nam"]
    assert (yunnan.raw, yunnan.country, yunnan.kind, yunnan.count) == (
        "Tỉnh Vân Nam",
        "Trung Quốc",
        "region",
        2,
    )
    assert (refs["Trung Quốc"].kind, refs["Trung Quốc"].country) == ("country", "Trung Quốc")
    assert (refs["ASEAN"].kind, refs["ASEAN"].country) == ("organisation", None)
