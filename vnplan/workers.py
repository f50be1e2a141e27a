"""Run one function over many inputs in worker processes that may hang, crash or run out of
memory, without the batch ever stopping.

Each worker is a forked process that handles one input at a time, under a time limit and an
address-space limit. A worker that overruns the time limit is killed together with its process
group — the tesseract or LibreOffice processes it started die with it — and replaced; one that
dies (a parser's segfault, an allocation that aborts, the kernel's OOM killer) is replaced too,
and that input gets a `Failure`; the others go on. Inputs are taken from an iterable only when a
worker is free, so they may be produced while others are being converted (URLs being fetched).

Workers never outlive the process that started them, even one killed with SIGKILL: each has
Linux's parent-death signal, and a guard process beside it that kills the worker's whole
process group as soon as the parent's end of a pipe closes.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import os
import resource
import signal
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import Pipe
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

SAMPLE_SECONDS = 0.05  # how often a busy worker's memory is looked at
# A worker that dies by a signal after its input made it grow (by this share of its memory
# limit, or to 4/5 of it) ran out of memory: native allocators abort when an allocation fails
# (pdfium, C++'s bad_alloc), they do not raise. Growth is sampled, so the last burst is unseen.
GREW_BY = 1 / 8
NEAR_LIMIT = 0.8
RETIRE_AT = 0.75  # a worker left holding this share of its limit is replaced after its input
_PR_SET_PDEATHSIG = 1
_CRASH_SIGNALS = frozenset({signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL})


@dataclass(frozen=True)
class Limits:
    """Per-input limits enforced on the worker processes."""

    seconds: float = 600.0
    # what a worker's address space may grow by, beyond the parent's it starts with; None = no limit
    memory_mb: int | None = 4096

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


@dataclass
class _Worker:
    pid: int
    conn: Connection
    lifeline: int  # write end of the pipe the guard watches; only the parent holds it
    exited: int | None  # pidfd: readable once the worker has exited (None: not on this system)
    item: Any = None
    busy: bool = False
    reaped: bool = False
    started: float = 0.0
    start_vm: int = 0  # its address space when forked (the parent's); the limit is on top of it
    base_vm: int = 0  # … when it took the current input
    peak_vm: int = 0


@dataclass
class WorkerPool(Generic[T, R]):
    """Up to `workers` processes running `fn` (a module-level function whose argument and
    result pickle), each input under `limits`. Use as a context manager, or call `close`.

    Workers close every file descriptor they inherit but their own pipes (the parent's other
    workers' pipes, a lock on the output folder, sockets).
    """

    fn: Callable[[T], R]
    workers: int = 1
    limits: Limits = field(default_factory=Limits)
    _slots: list[_Worker] = field(default_factory=list, init=False)

    def __enter__(self) -> WorkerPool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, items: Iterable[T]) -> Iterator[tuple[T, R | Failure]]:
        """Yield (item, result or Failure) for every item, in completion order."""
        source = iter(items)
        exhausted = self._fill(source, False)
        while any(s.busy for s in self._slots):
            done = list(self._collect())
            # the freed workers get their next input before the caller handles these results
            # (writes a record, fsyncs it): workers never wait on the parent's writing
            exhausted = self._fill(source, exhausted)
            yield from done

    def close(self) -> None:
        """Stop every worker (and whatever it started)."""
        while self._slots:
            self._stop(self._slots.pop())

    # -- the parent's side --------------------------------------------------------------------

    def _fill(self, source: Iterator[T], exhausted: bool) -> bool:
        """Give every free worker an input (whether `source` is exhausted now)."""
        while not exhausted and self._has_room():
            try:  # the item first: a worker is forked only once its producer has run
                item = next(source)
            except StopIteration:
                return True
            self._dispatch(self._free_slot(), item)
        return exhausted

    def _has_room(self) -> bool:
        return len(self._slots) < max(1, self.workers) or any(not s.busy for s in self._slots)

    def _free_slot(self) -> _Worker:
        idle = next((s for s in self._slots if not s.busy), None)
        if idle is None:
            idle = self._spawn()
            self._slots.append(idle)
        return idle

    def _dispatch(self, slot: _Worker, item: T) -> None:
        try:
            slot.conn.send(item)
        except (OSError, EOFError):  # the idle worker died: a new one takes the item
            slot = self._replace(slot)
            slot.conn.send(item)
        slot.item, slot.busy, slot.started = item, True, time.monotonic()
        slot.base_vm = slot.peak_vm = _vm_bytes(slot.pid)

    def _collect(self) -> Iterator[tuple[T, R | Failure]]:
        busy = [s for s in self._slots if s.busy]
        now = time.monotonic()
        timeout = max(0.0, min(s.started for s in busy) + self.limits.seconds - now)
        if self.limits.memory_mb is not None or any(s.exited is None for s in busy):
            timeout = min(timeout, SAMPLE_SECONDS)
        handles: list[Any] = [s.conn for s in busy] + [s.exited for s in busy if s.exited]
        ready = wait(handles, timeout=timeout)
        now = time.monotonic()
        for slot in busy:
            slot.peak_vm = max(slot.peak_vm, _vm_bytes(slot.pid))
            item = slot.item
            if slot.conn in ready or slot.conn.poll():
                try:
                    result, retire = slot.conn.recv()
                except Exception:  # EOF, or a result cut short by the worker's death
                    pass
                else:
                    slot.busy, slot.item = False, None
                    if retire:  # its heap is full of the last input: a fresh one takes over
                        self._replace(slot)
                    yield item, result
                    continue
            status = _reaped(slot.pid)
            if status is not None:
                slot.reaped = True
                failure = self._death(slot, status)
            elif now - slot.started >= self.limits.seconds:
                failure = Failure("timeout", f"no result within {self.limits.seconds:g} s")
            else:
                continue
            self._replace(slot)
            yield item, failure

    def _death(self, slot: _Worker, status: int) -> Failure:
        code = os.waitstatus_to_exitcode(status)
        limit = self.limits.memory_mb
        if code >= 0:
            return Failure("worker_died", f"the worker exited with status {code} on this input")
        name = signal.Signals(-code).name
        used, grown = slot.peak_vm - slot.start_vm, slot.peak_vm - slot.base_vm
        near = limit is not None and max(used / NEAR_LIMIT, grown / GREW_BY) >= limit * 2**20
        if limit is not None and (-code == signal.SIGKILL or (-code in _CRASH_SIGNALS and near)):
            return Failure(
                "out_of_memory",
                f"the worker died ({name}) after taking {max(used, 0) // 2**20} MiB of its"
                f" {limit} MiB limit",
            )
        return Failure("worker_died", f"the worker died ({name}) on this input")

    def _replace(self, slot: _Worker) -> _Worker:
        self._stop(slot)
        fresh = self._spawn()
        self._slots[self._slots.index(slot)] = fresh
        return fresh

    def _spawn(self) -> _Worker:
        parent_end, child_end = Pipe()
        lifeline_r, lifeline_w = os.pipe()
        # Ctrl-C is held back across the fork: a child must not take it before it ignores it
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        pid = os.fork()
        if pid == 0:  # the worker
            code = 1
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                keep = {0, 1, 2, child_end.fileno(), lifeline_r}
                _close_all_but(keep)
                code = _worker_main(child_end, lifeline_r, self.fn, self.limits.memory_mb)
            except BaseException:
                with contextlib.suppress(BaseException):
                    os.write(2, traceback.format_exc().encode("utf-8", "replace"))
            finally:
                os._exit(code)
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        child_end.close()
        os.close(lifeline_r)
        with contextlib.suppress(OSError):
            os.setpgid(pid, pid)  # also done by the worker: whichever runs first
        exited: int | None = None
        with contextlib.suppress(OSError, AttributeError):
            exited = os.pidfd_open(pid)
        start = _vm_bytes(os.getpid())  # the worker's, as forked
        return _Worker(pid=pid, conn=parent_end, lifeline=lifeline_w, exited=exited, start_vm=start)

    @staticmethod
    def _stop(slot: _Worker) -> None:
        """Kill the worker's group (what it started dies too; a group outlives its leader while
        members are left, so its id is not reused) and reap the worker."""
        with contextlib.suppress(OSError):
            os.killpg(slot.pid, signal.SIGKILL)
        if not slot.reaped:
            with contextlib.suppress(OSError):
                os.kill(slot.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(slot.pid, 0)
        slot.conn.close()
        for fd in (slot.lifeline, slot.exited):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)


def run_isolated(
    items: Sequence[T],
    fn: Callable[[T], R],
    *,
    workers: int = 1,
    limits: Limits | None = None,
) -> Iterator[Done[R]]:
    """Yield `Done(index, result or Failure)` for every item, in completion order.

    `fn` must be a module-level function; its result must pickle.
    """
    with WorkerPool(_Indexed(fn), workers, limits or Limits()) as pool:
        for (index, _item), result in pool.run(enumerate(items)):
            if isinstance(result, Failure):
                yield Done(index, result)
            else:
                yield Done(index, result[1])


@dataclass(frozen=True)
class _Indexed(Generic[T, R]):
    fn: Callable[[T], R]

    def __call__(self, task: tuple[int, T]) -> tuple[int, R]:
        return task[0], self.fn(task[1])


# -- the worker's side -------------------------------------------------------------------------


def _worker_main(
    conn: Connection, lifeline: int, fn: Callable[[Any], Any], memory_mb: int | None
) -> int:
    parent = os.getppid()
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # its own group: its children join it, a kill of the group takes all
    _die_with(parent)
    _start_guard(lifeline)
    os.close(lifeline)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if faulthandler.is_enabled():
        faulthandler.enable(file=2)  # onto descriptor 2, not one closed above
    start = _vm_bytes(os.getpid())
    if memory_mb is not None:  # on top of what it starts with: mostly the parent's, shared
        limit = start + memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return 0
        try:
            result: object = fn(item)
        except MemoryError:
            result = Failure("out_of_memory", "the input exhausted the memory limit")
        except Exception as exc:
            detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            result = Failure("error", detail)
        grown = _vm_bytes(os.getpid()) - start
        retire = memory_mb is not None and grown > RETIRE_AT * memory_mb * 2**20
        try:
            conn.send((result, retire))
        except MemoryError:
            conn.send((Failure("out_of_memory", "the result exhausted the memory limit"), True))
        except (OSError, EOFError):
            return 0
        except Exception as exc:  # a result that does not pickle
            conn.send((Failure("error", f"the result cannot be sent back: {exc!r}"), retire))


def _die_with(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies (elsewhere: the guard only)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _start_guard(lifeline: int) -> None:
    """Fork the guard: it blocks on `lifeline` and, once the parent's end is closed (the
    parent exited or was killed), kills this worker's process group, itself included."""
    group = os.getpgrp()
    if os.fork() != 0:
        return
    try:
        _close_all_but({lifeline})
        with contextlib.suppress(OSError):
            while os.read(lifeline, 1):
                pass
        if group != os.getpgid(0) or group <= 1:
            os._exit(1)
        os.killpg(group, signal.SIGKILL)
    finally:
        os._exit(0)


def _close_all_but(keep: set[int]) -> None:
    """Close every file descriptor not in `keep` (the parent's pipes, locks, sockets)."""
    start = 0
    for fd in sorted(keep):
        if fd > start:
            os.closerange(start, fd)
        start = fd + 1
    os.closerange(start, resource.getrlimit(resource.RLIMIT_NOFILE)[0])


def _reaped(pid: int) -> int | None:
    """The wait status of an exited worker (reaping it), None while it runs."""
    try:
        done, status = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return 0
    return status if done else None


def _vm_bytes(pid: int) -> int:
    """A process's address-space size now (0 if it cannot be read)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0
