"""vnplan/workers.py: a hang, a crash or a memory hog fails one input; the others go on."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.robustness.processes import wait_until_gone
from vnplan.workers import Failure, Limits, WorkerPool, run_isolated


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


def spawn_and_hang(marker: str) -> str:
    """Start a child process (as OCR starts tesseract), record its pid, then hang."""
    child = subprocess.Popen(["sleep", "60"])
    Path(marker).write_text(str(child.pid), "utf-8")
    time.sleep(60)
    return "never"


def test_a_timed_out_worker_takes_its_children_with_it(tmp_path: Path) -> None:
    marker = tmp_path / "child.pid"
    [done] = run_isolated([str(marker)], spawn_and_hang, limits=Limits(seconds=2))
    assert isinstance(done.result, Failure) and done.result.code == "timeout"
    assert wait_until_gone({int(marker.read_text("utf-8"))}, 2) == set()


def grow(megabytes: int) -> int:
    """Keep `megabytes` MiB allocated (as a parser's leftovers would), return this worker's pid."""
    _kept.append(bytearray(megabytes * 2**20))
    return os.getpid()


_kept: list[bytearray] = []


def test_a_worker_left_bloated_is_replaced_and_an_ordinary_one_kept() -> None:
    pool = WorkerPool(grow, 1, Limits(memory_mb=512))
    with pool:
        pids = [pid for _item, pid in pool.run([1, 1, 450, 1])]
    assert pids[0] == pids[1] == pids[2]  # the same worker, until it holds 450 of its 512 MiB
    assert pids[3] != pids[2]


_PREPARED: list[str] = []  # what the producer set up in the parent before its first input


def prepared(item: str) -> str:
    """What the worker, forked from the parent, finds set up there."""
    return f"{item}:{','.join(_PREPARED)}"


def test_a_worker_is_forked_only_after_the_producer_made_its_first_input() -> None:
    # the runner preloads in its producer, before the first job: a worker forked earlier
    # would load everything again
    def producer() -> Iterator[str]:
        _PREPARED.append("models")
        yield "a"
        yield "b"

    try:
        with WorkerPool(prepared, 2) as pool:
            results = sorted(r for _, r in pool.run(producer()))
    finally:
        _PREPARED.clear()
    assert results == ["a:models", "b:models"]


def test_a_freed_worker_has_its_next_input_before_the_caller_gets_the_result() -> None:
    taken: list[str] = []

    def producer() -> Iterator[str]:
        for item in ("a", "b", "c"):
            taken.append(item)
            yield item

    seen: list[tuple[str, list[str]]] = []
    with WorkerPool(behave, 1) as pool:
        for item, _ in pool.run(producer()):
            seen.append((item, list(taken)))  # while the caller writes "a", "b" is at work
    assert seen == [("a", ["a", "b"]), ("b", ["a", "b", "c"]), ("c", ["a", "b", "c"])]
