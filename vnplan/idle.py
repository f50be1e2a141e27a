"""Work the process may do while it only waits on another process.

OCR hands its last page to tesseract and then waits for it; a long PDF's pages are read by
forked processes while the converting one waits for them. The stages after reading load their
modules and models in that time (`meanwhile`, around the reading) instead of after it, with a
core idle. The reader says when it only waits (`while_waiting`: the OCR reader itself, the PDF
page reader in a thread); a document read in one process never does, and its stages load on
their first use, as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_queued: list[Callable[[], None]] = []


@contextmanager
def meanwhile(work: Callable[[], None]) -> Iterator[None]:
    """Inside the block, `while_waiting` may run `work`: once at most, and never if nothing
    waits."""
    _queued.append(work)
    try:
        yield
    finally:
        if work in _queued:
            _queued.remove(work)


def while_waiting() -> None:
    """Run the work queued by `meanwhile` now (a reader with nothing to do but wait). It is
    work done ahead of its time: a failure shows when it is done for real."""
    while _queued:
        work = _queued.pop()
        with contextlib.suppress(Exception):
            work()
