"""align/pillar_tokens.py: the data file holds the word segmenter's tokens of every pillar text
and term, and the pillar index built from it is the one built by segmenting them."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from tests.conftest import cleared
from vnplan.align import pillar_tokens, scoring
from vnplan.align.pillars import load_catalogs


@pytest.fixture
def fresh_index() -> Iterator[None]:
    yield from cleared(scoring.pillar_index)


def test_the_data_file_is_what_a_rebuild_gives() -> None:
    """Fails after an edit of a pillar's texts or of the tokenizer: run
    ``python -m vnplan.align.pillar_tokens``."""
    shipped = resources.files("vnplan.align").joinpath("data", pillar_tokens.DATA)
    assert shipped.read_text("utf-8") == pillar_tokens.table_text(load_catalogs())


@pytest.mark.usefixtures("fresh_index")
def test_the_index_from_the_file_is_the_index_from_segmented_texts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    catalogs = load_catalogs()
    from_file = [scoring.pillar_index(c) for c in catalogs]
    scoring.pillar_index.cache_clear()
    monkeypatch.setattr(pillar_tokens, "_table", lambda: {})
    segmented = [scoring.pillar_index(c) for c in catalogs]
    assert from_file == segmented
    assert all(len(index.idf) > 100 for index in segmented)


def test_a_text_the_file_lacks_is_segmented() -> None:
    assert pillar_tokens.pillar_tokens("Hội nhập quốc tế sâu rộng") == (
        "hội_nhập", "quốc_tế", "sâu_rộng")
