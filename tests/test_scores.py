"""vnplan.scores.Counts: the scoring rule every evaluation shares."""

from __future__ import annotations

from vnplan.scores import Counts


def test_counts_of_two_sets() -> None:
    c = Counts.of({"Sở Nội vụ", "Sở Tài chính", "Công an tỉnh"}, {"Sở Nội vụ", "Sở Y tế"})
    assert (c.tp, c.fp, c.fn, c.predicted, c.expected) == (1, 2, 1, 3, 2)
    assert c.precision == 1 / 3 and c.recall == 1 / 2
    assert abs(c.f1 - 0.4) < 1e-12


def test_an_empty_side_scores_one_and_nothing_right_scores_zero() -> None:
    assert Counts.of(set(), {"x"}).precision == 1.0
    assert Counts.of({"x"}, set()).recall == 1.0
    assert Counts.of({"x"}, {"y"}).f1 == 0.0
    assert Counts().f1 == 1.0


def test_counts_add_up() -> None:
    total = Counts()
    total.add(Counts.of({"a"}, {"a", "b"}))
    total.add(Counts.of({"c", "d"}, {"c"}))
    assert (total.tp, total.fp, total.fn) == (2, 1, 1)
