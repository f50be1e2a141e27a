"""normalize/lone_heads.py: the segments it lets ``agency_like_phrases`` leave untagged name
nothing, so every mention found is the one found with every segment tagged (the other filter,
on the words that may open a head, turned off too)."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

from tests.conftest import ROOT
from vnplan.normalize import lone_heads, segment
from vnplan.normalize.gazetteer import default_gazetteer
from vnplan.normalize.mentions import agency_spans

TEXTS = sorted((ROOT / "samples").glob("*.txt"))


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_the_docstring_examples_hold() -> None:
    assert doctest.testmod(lone_heads).failed == 0


def test_the_words_that_take_a_name_on_include_every_scope_word() -> None:
    firsts = {word.split()[0] for word in segment._SCOPE_WORDS}
    assert firsts <= lone_heads.GOES_ON
    assert {"cấp", "các", "cùng", "thuộc", "trực"} <= lone_heads.GOES_ON


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_mentions_are_the_same_as_with_every_segment_tagged(
        path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gaz = default_gazetteer()
    lines = _lines(path)
    checked = [agency_spans(gaz, line) for line in lines]
    calls: list[bool] = []

    def tag_every_segment(*args: object) -> bool:
        calls.append(lone_heads.may_begin_a_name(*args))  # type: ignore[arg-type]
        return True

    monkeypatch.setattr(segment, "_needs_tagging", tag_every_segment)  # both filters off
    assert [agency_spans(gaz, line) for line in lines] == checked
    assert calls.count(False) > 0  # segments the check leaves untagged were there to compare
