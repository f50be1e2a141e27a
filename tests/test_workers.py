"""vnplan/workers.py: a hang, a crash or a memory hog fails one input; the others go on."""

from __future__ import annotations

import os
import time

import pytest

from vnplan.workers import Failure, Limits, run_isolated


def behave(item: str) -> str:
    if item == "hang":
        time.sleep(60)
    if item == "crash":
        os._exit(3)
    if item == "hog":
        blocks = []
        while True:
            blocks.append(bytearray(64 * 2**20))
    if item == "raise":
        raise ValueError("bad table")
    return item.upper()


def test_every_input_gets_a_result_or_a_failure() -> None:
    items = ["a", "hang", "b", "crash", "c", "hog", "raise", "d"]
    done = {
        d.index: d.result
        for d in run_isolated(items, behave, workers=2, limits=Limits(seconds=3, memory_mb=512))
    }
    assert sorted(done) == list(range(len(items)))
    assert [done[i] for i in (0, 2, 4, 7)] == ["A", "B", "C", "D"]
    codes = {items[i]: r.code for i, r in done.items() if isinstance(r, Failure)}
    assert codes == {
        "hang": "timeout",
        "crash": "worker_died",
        "hog": "out_of_memory",
        "raise": "error",
    }
    assert "bad table" in done[6].message  # type: ignore[union-attr]


def test_limits_are_validated() -> None:
    with pytest.raises(ValueError):
        Limits(seconds=0)
    with pytest.raises(ValueError):
        Limits(memory_mb=10)
