"""normalize/name_tokens.py: the data file holds what analysing the shipped gazetteer's names
gives, and the indexes built from it are the indexes built by analysing every name."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pytest

from vnplan.normalize import index_names, matcher, name_tokens
from vnplan.normalize.gazetteer import Gazetteer, load_gazetteer
from vnplan.normalize.heritage import heritage_index
from vnplan.normalize.index import agency_index, head_index
from vnplan.normalize.partners import partner_index
from vnplan.normalize.provinces import province_index

INDEXES = (agency_index, head_index, partner_index, heritage_index, province_index)


def test_the_data_file_is_what_a_rebuild_gives() -> None:
    """Fails after an edit of the gazetteer or of the folding: run
    ``python -m vnplan.normalize.index_names``."""
    shipped = resources.files("vnplan.normalize").joinpath("data", name_tokens.DATA)
    assert shipped.read_text("utf-8") == index_names.table_text(load_gazetteer())


def test_every_indexed_name_is_in_the_file() -> None:
    names = set(index_names.indexed_names(load_gazetteer()))
    missing = [n for n in names if name_tokens.name_tokens(n) is None
               and matcher.analyse(n).tokens]
    assert len(names) > 1500 and missing == []


@pytest.mark.parametrize("build", INDEXES, ids=lambda f: f.__name__)
def test_an_index_from_the_file_equals_one_from_analysed_names(
        build: Callable[[Gazetteer], matcher.Index], monkeypatch: pytest.MonkeyPatch) -> None:
    from_file = build(load_gazetteer()).by_first
    monkeypatch.setattr(matcher, "name_tokens", lambda name: None)
    analysed = build(load_gazetteer()).by_first
    assert from_file == analysed and len(from_file) > 10


def test_a_name_the_file_lacks_is_analysed() -> None:
    pattern = matcher.make_pattern("Sở Ngoại vụ tỉnh Lào Cai mới", "x", "name", "shape")
    assert pattern is not None and name_tokens.name_tokens("Sở Ngoại vụ tỉnh Lào Cai mới") is None
    assert pattern.keys == ("sở", "ngoại", "vụ", "tỉnh", "lào", "cai", "mới")
    assert pattern.upper == (True, True, False, False, True, True, False)
