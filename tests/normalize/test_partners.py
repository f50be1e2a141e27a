"""find_partners: foreign countries, regions and organisations as written in the samples."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources

import pytest

from vnplan.normalize import find_partners
from vnplan.normalize.gazetteer import default_gazetteer
from vnplan.normalize.partners import SUBDIVISIONS_FILE, pycountry_subdivisions, subdivision_table

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


OPEN_WORLD = [
    ("kết nghĩa với tỉnh Hủa Phăn và tỉnh Bolikhamxay", ["tỉnh Hủa Phăn", "tỉnh Bolikhamxay"]),
    ("hợp tác với thành phố Bách Sắc, thành phố Sùng Tả", ["thành phố Bách Sắc",
                                                          "thành phố Sùng Tả"]),
    ("đoàn công tác tỉnh Gyeonggi và tỉnh Chungcheongbuk", ["tỉnh Gyeonggi",
                                                           "tỉnh Chungcheongbuk"]),
    ("tỉnh Fukui, tỉnh Tochigi (Nhật Bản)", ["tỉnh Fukui", "tỉnh Tochigi", "Nhật Bản"]),
    ("tỉnh Gunma (Nhật Bản)", ["tỉnh Gunma", "Nhật Bản"]),
    ("tỉnh Nara của Nhật Bản", ["tỉnh Nara", "Nhật Bản"]),
    ("tỉnh Yamanashi, Nhật Bản", ["tỉnh Yamanashi", "Nhật Bản"]),
    ("Tỉnh ủy Lào\nCai chỉ đạo", []),
    ("UBND huyện Trùng Khánh", []),
    ("Sở Ngoại vụ tỉnh Nara", []),
]


@pytest.mark.parametrize(("text", "names"), OPEN_WORLD)
def test_foreign_places_by_exonym_pattern_and_iso(text: str, names: list[str]) -> None:
    assert [p.name for p in find_partners(text)] == names


def test_a_place_found_by_pattern_keeps_its_country_and_code() -> None:
    found = find_partners("tỉnh Kumamoto, Nhật Bản")[0]
    assert (found.country, found.kind, found.iso_3166_2) == ("Nhật Bản", "region", "JP-43")


def test_organisations_stay_organisations() -> None:
    kinds = {p.name: p.kind for p in find_partners("UNESCO, ASEAN, JICA và KOICA")}
    assert kinds == {"UNESCO": "organisation", "ASEAN": "organisation",
                     "JICA": "organisation", "KOICA": "organisation"}


def test_the_subdivision_table_is_pycountry_s_and_spares_loading_it() -> None:
    # after an upgrade of pycountry or a new country in partners.json:
    # python -m vnplan.normalize.partners
    table = json.loads(resources.files("vnplan.normalize").joinpath(SUBDIVISIONS_FILE)
                       .read_text("utf-8"))
    assert table == subdivision_table(default_gazetteer())
    code = ("import sys; from vnplan.normalize import find_partners; "
            "p = find_partners('tỉnh Kumamoto, Nhật Bản')[0]; "
            "print(p.iso_3166_2, 'pycountry' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.split() == ["JP-43", "False"]


def test_two_subdivisions_of_one_name_give_the_top_level_one() -> None:
    # Indonesia's province of Papua (ID-PA) lies in its region of Papua (ID-PP)
    assert pycountry_subdivisions("Indonesia")["papua"] == "ID-PP"  # type: ignore[index]
