"""The gazetteer data files and the hand-labelled expected entities agree with each other."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from vnplan.normalize import load_gazetteer

GAZ = load_gazetteer()

DATA = resources.files("vnplan.normalize").joinpath("data")
FILES = [
    ("vnplan.normalize", "agencies"),
    ("vnplan.normalize", "heritage"),
    ("vnplan.normalize", "provinces"),
    ("vnplan.normalize", "partners"),
    ("vnplan.normalize", "ocr_repairs"),
    ("vnplan.normalize", "foreign_places"),
    ("vnplan.text", "characters"),
    ("vnplan.text", "legacy_encodings"),
]
EXPECTED = Path(__file__).resolve().parents[1] / "data" / "expected_entities"


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DATA.joinpath(f"{name}.json").read_text("utf-8"))
    return data


@pytest.mark.parametrize(("package", "name"), FILES)
def test_meta_names_public_sources(package: str, name: str) -> None:
    text = resources.files(package).joinpath(f"data/{name}.json").read_text("utf-8")
    meta = json.loads(text)["meta"]
    assert meta["compiled_from"] == "compiled from public sources"
    assert meta["sources"]
    assert "/work" not in text and "shared/" not in text and "seeds/" not in text


def test_counts() -> None:
    assert len(GAZ.heritage) == 64
    assert len(GAZ.provinces) == 63
    assert len(load("provinces")["units_2025"]) == 34
    assert {p.name_2025 for p in GAZ.provinces.values()} == {
        u["name"] for u in load("provinces")["units_2025"]
    }
    assert len({p.code for p in GAZ.provinces.values()}) == 63


def test_agencies_consistent() -> None:
    table = GAZ.agencies
    for entry in table.values():
        assert all(s in table for s in entry.successor_ids), entry.id
        if entry.level == "group":
            assert entry.member_level, entry.id
    assert table["so-tttt"].successor is not None
    assert table["so-tttt"].successor.start == "2025-03-01"
    assert table["so-khdt"].successor_ids == ("so-tai-chinh",)


def test_required_partners() -> None:
    names = set(GAZ.partners)
    assert {
        "Trung Quốc",
        "Pháp",
        "Nhật Bản",
        "Hàn Quốc",
        "Lào",
        "Campuchia",
        "Thái Lan",
        "Ấn Độ",
        "Belarus",
        "Australia",
        "Hoa Kỳ",
        "Nga",
        "Đức",
        "Anh",
        "Singapore",
        "tỉnh Vân Nam",
        "Khu tự trị dân tộc Choang Quảng Tây",
        "vùng Nouvelle-Aquitaine",
        "tỉnh Gyeongsangbuk",
        "châu Hồng Hà",
        "ASEAN",
        "UNESCO",
        "Cộng đồng Văn hóa - Xã hội ASEAN",
    } <= names


@pytest.mark.parametrize("path", sorted(EXPECTED.glob("*.json")), ids=lambda p: p.stem)
def test_expected_entities_use_gazetteer_names(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    assert set(data["agencies"]) <= set(GAZ.agencies)
    assert len(data["agencies"]) == len(set(data["agencies"]))
    assert set(data["heritage"]) <= set(GAZ.heritage)
    assert set(data["partners"]) <= set(GAZ.partners)
    entry = GAZ.provinces[data["province"]["name"]]
    assert data["province"] == {
        "name": entry.name,
        "code": entry.code,
        "name_2025": entry.name_2025,
    }
