"""text/letters.py: shares of a line's letters, which the readers test lines by."""

from __future__ import annotations

import doctest

import pytest

from vnplan.text import letters
from vnplan.text.letters import capitals_share


def test_the_examples_hold() -> None:
    assert doctest.testmod(letters).failed == 0


@pytest.mark.parametrize(("text", "share"), [
    ("TM. ỦY BAN NHÂN DÂN", 1.0),  # marks and spaces are no letters
    ("PHÓ GIÁM ĐỐC xh", 10 / 12),  # what a seal's ring leaves after a position
    ("Số: 12/KH-UBND", 7 / 8),  # S ố K H U B N D
    ("12/2026 – 03", 0.0),  # no letter at all
    ("", 0.0),
])
def test_capitals_share_counts_letters_only(text: str, share: float) -> None:
    assert capitals_share(text) == pytest.approx(share)
