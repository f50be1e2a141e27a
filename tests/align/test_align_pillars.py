"""align/pillars.py and data/pillars.json: the strategy's pillars as data."""

from __future__ import annotations

import json
from importlib import resources

from vnplan.align import load_catalogs, load_method, load_pillars, load_strategy, pillar_ids
from vnplan.align.scoring import pillar_index
from vnplan.align.tokens import content_tokens


def test_the_data_file_ships_with_the_package() -> None:
    text = resources.files("vnplan.align").joinpath("data/pillars.json").read_text("utf-8")
    data = json.loads(text)
    assert data["meta"]["source"]["doc_number"] == "2013/QĐ-TTg"
    assert data["meta"]["source"]["date"] == "2021-11-30"


def test_each_catalog_names_the_decision_of_its_strategy() -> None:
    decisions = [(c.strategy.doc_type, c.strategy.doc_number) for c in load_catalogs()]
    assert decisions == [("Quyết định", "2013/QĐ-TTg"), ("Nghị quyết", "76/NQ-CP")]
    assert load_catalogs()[1].strategy.issuer == "Chính phủ"


def test_five_objectives_and_the_enabling_solutions() -> None:
    pillars = load_pillars()
    assert len(set(pillar_ids())) == len(pillars)
    objectives = [p.id for p in pillars if p.kind == "objective"]
    solutions = {p.id for p in pillars if p.kind == "solution"}
    assert objectives == ["partners", "integration", "promotion", "heritage", "absorption"]
    assert {"awareness", "coordination", "resources", "information"} <= solutions
    for pillar in pillars:
        assert pillar.name_vi and pillar.name_en and len(pillar.wording) > 80 and pillar.terms


def test_the_wording_echoes_the_plans() -> None:
    """Each objective's wording shares its key phrase with Lào Cai's II. MỤC TIÊU."""
    wording = {p.id: p.wording.lower() for p in load_pillars()}
    assert "làm sâu sắc hơn nữa mối quan hệ" in wording["partners"]
    assert "diễn đàn khu vực và quốc tế" in wording["integration"]
    assert "hình ảnh đất nước, con người" in wording["promotion"]
    assert "unesco ghi danh" in wording["heritage"]
    assert "tiếp thu tinh hoa văn hóa của nhân loại" in wording["absorption"]


def test_every_key_term_is_in_the_index() -> None:
    """A term made only of stopwords would silently weigh nothing."""
    method = load_method()
    vocabulary = dict(pillar_index().vectors)
    for pillar in load_pillars():
        for term in pillar.terms:
            tokens = content_tokens(term, method.stopwords)
            assert tokens, (pillar.id, term)
            assert all(t in vocabulary[pillar.id] for t in tokens), (pillar.id, term)


def test_method_settings_are_sane() -> None:
    method = load_method()
    assert 0 < method.cutoffs.threshold < 1 and 0 < method.cutoffs.relative <= 1
    assert method.cutoffs.top_k >= 1 and method.decimals == 4
    assert set(method.section_roles) == {"objectives", "tasks"}
    assert load_strategy().issuer == "Thủ tướng Chính phủ"
