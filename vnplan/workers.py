"""Run one function over many inputs in worker processes that may hang, crash or run out of
memory, without the batch ever stopping.

Each worker handles one input at a time. A worker that dies (a parser segfault, the kernel's
OOM killer, `os._exit`) or overruns the per-input time limit is killed and replaced, and that
input gets a failure; the others go on. Results come back as soon as they are ready.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import resource
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Limits:
    """Per-input limits enforced on the worker processes."""

    seconds: float = 600.0
    memory_mb: int | None = 4096  # address space of a worker; None = no limit

    def __post_init__(self) -> None:
        if self.seconds <= 0:
            raise ValueError("Limits.seconds must be positive")
        if self.memory_mb is not None and self.memory_mb < 256:
            raise ValueError("Limits.memory_mb must be at least 256")


@dataclass(frozen=True)
class Failure:
    """Why an input gave no result: "timeout", "worker_died", "out_of_memory" or "error"."""

    code: str
    message: str


@dataclass(frozen=True)
class Done(Generic[R]):
    index: int
    result: R | Failure


def _worker_main(conn: Connection, fn: Callable[[object], object], memory_mb: int | None) -> None:
    if memory_mb is not None:
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, item = task
        try:
            conn.send((index, fn(item)))
        except MemoryError:
            conn.send((index, Failure("out_of_memory", "the input exhausted the memory limit")))
        except Exception as exc:
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            conn.send((index, Failure("error", detail)))


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection
    task: int | None = None
    started: float = 0.0


class _Pool:
    def __init__(self, fn: Callable[[object], object], limits: Limits) -> None:
        self.fn, self.limits = fn, limits
        self.ctx = mp.get_context("fork")

    def spawn(self) -> _Slot:
        parent, child = self.ctx.Pipe()
        process = self.ctx.Process(
            target=_worker_main, args=(child, self.fn, self.limits.memory_mb), daemon=True
        )
        process.start()
        child.close()
        return _Slot(process=process, conn=parent)

    @staticmethod
    def stop(slot: _Slot) -> None:
        if slot.process.is_alive():
            slot.process.kill()
        slot.process.join(5)
        slot.conn.close()


def run_isolated(
    items: Sequence[T],
    fn: Callable[[T], R],
    *,
    workers: int = 1,
    limits: Limits | None = None,
) -> Iterator[Done[R]]:
    """Yield `Done(index, result or Failure)` for every item, in completion order.

    `fn` must be a module-level function (it runs in another process); its result must pickle.
    """
    limits = limits or Limits()
    pool = _Pool(fn, limits)  # type: ignore[arg-type]
    pending = list(range(len(items)))[::-1]
    slots = [pool.spawn() for _ in range(max(1, min(workers, len(items))))]
    try:
        while pending or any(s.task is not None for s in slots):
            for slot in slots:
                if slot.task is None and pending:
                    slot.task, slot.started = pending.pop(), time.monotonic()
                    slot.conn.send((slot.task, items[slot.task]))
            yield from _collect(pool, slots, limits)
    finally:
        for slot in slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
            pool.stop(slot)


def _collect(pool: _Pool, slots: list[_Slot], limits: Limits) -> Iterator[Done[R]]:
    busy = [s for s in slots if s.task is not None]
    deadline = min(s.started for s in busy) + limits.seconds if busy else time.monotonic()
    ready = wait(
        [s.conn for s in busy] + [s.process.sentinel for s in busy],
        timeout=max(0.0, deadline - time.monotonic()),
    )
    now = time.monotonic()
    for i, slot in enumerate(slots):
        if slot.task is None:
            continue
        index = slot.task
        if slot.conn in ready and slot.conn.poll():
            try:
                got_index, result = slot.conn.recv()
            except (EOFError, OSError):
                pass
            else:
                slot.task = None
                yield Done(got_index, result)
                continue
        if slot.process.sentinel in ready or not slot.process.is_alive():
            code = slot.process.exitcode
            yield Done(
                index,
                Failure(
                    "worker_died", f"the worker exited with status {code} while reading this input"
                ),
            )
        elif now - slot.started >= limits.seconds:
            yield Done(index, Failure("timeout", f"no result within {limits.seconds:g} s"))
        else:
            continue
        pool.stop(slot)
        slots[i] = pool.spawn()
