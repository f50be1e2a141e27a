"""The gazetteer is one value, passed in: a test builds its own and nothing needs clearing."""

from __future__ import annotations

import json
import shutil
from importlib import resources
from pathlib import Path

from vnplan.normalize import default_gazetteer, find_agencies, load_gazetteer, resolve_agency
from vnplan.normalize.gazetteer import Gazetteer

DATA = Path(str(resources.files("vnplan.normalize").joinpath("data")))


def gazetteer_with(tmp_path: Path, entry: dict[str, object]) -> Gazetteer:
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    agencies = json.loads((folder / "agencies.json").read_text("utf-8"))
    agencies["agencies"].append(entry)
    (folder / "agencies.json").write_text(json.dumps(agencies, ensure_ascii=False), "utf-8")
    return load_gazetteer(folder)


ENTRY = {
    "id": "so-thu-nghiem", "name": "Sở Thử nghiệm", "name_en": "Department of Trials",
    "level": "province", "kind": "department", "scope": "local", "variants": [],
    "abbreviations": ["STN"], "province_prefixed": [], "local_name": None, "successor": None,
}


def test_a_gazetteer_passed_in_is_the_one_matched(tmp_path: Path) -> None:
    own = gazetteer_with(tmp_path, ENTRY)
    assert resolve_agency("STN", "Lào Cai", own).name == "Sở Thử nghiệm tỉnh Lào Cai"
    assert resolve_agency("STN", "Lào Cai").id is None  # the shipped one is untouched
    assert find_agencies("giao STN chủ trì", own) == ["STN"]


def test_the_default_gazetteer_is_loaded_once() -> None:
    assert default_gazetteer() is default_gazetteer()
    assert load_gazetteer() is not default_gazetteer()
