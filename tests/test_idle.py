"""`vnplan.idle`: the work queued around a reading runs once, when the reader only waits."""

from __future__ import annotations

from vnplan.idle import meanwhile, while_waiting


def test_queued_work_runs_once_when_the_reader_waits() -> None:
    done: list[str] = []
    with meanwhile(lambda: done.append("loaded")):
        while_waiting()
        while_waiting()
    assert done == ["loaded"]


def test_work_is_dropped_when_nothing_waited() -> None:
    done: list[str] = []
    with meanwhile(lambda: done.append("loaded")):
        pass
    while_waiting()  # a later reading that waits does not run the earlier block's work
    assert done == []
