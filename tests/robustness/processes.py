"""Processes as /proc shows them, for the tests that kill parents and time out workers."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

# Every process this test run starts inherits this mark (set when the test modules are
# collected, before any process is started): tesseracts that another run on the same machine
# started from the same checkout (a bench, a second test run) are not this run's.
os.environ["VNPLAN_TEST_RUN"] = f"{os.getpid()}-{time.time_ns()}"
RUN_MARK = f"VNPLAN_TEST_RUN={os.environ['VNPLAN_TEST_RUN']}".encode()


def state(pid: int) -> str | None:
    """The process's state letter ("R", "S", "Z" …), None when it is gone."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def alive(pid: int) -> bool:
    return state(pid) not in (None, "Z")  # a zombie has exited; only its parent must reap it


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def forked_here() -> set[int]:
    """The children this process forked from its main thread, zombies too, from one small
    /proc file (cheap enough to poll; `children` reads every process's stat). Another test's
    child (a server) is one as well, so a test compares them before and after it forks."""
    with open(f"/proc/{os.getpid()}/task/{threading.main_thread().native_id}/children") as f:
        return {int(pid) for pid in f.read().split()}


def descendants(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        for child in children(todo.pop()) - out:
            out.add(child)
            todo.append(child)
    return out


def tesseracts(cwd: Path) -> set[int]:
    """Live tesseract processes this test run started from `cwd` (this checkout), whoever
    their parent is now."""
    found = set()
    for entry in Path("/proc").iterdir():
        try:
            if (
                entry.name.isdigit()
                and (entry / "comm").read_text().strip() == "tesseract"
                and Path(os.readlink(entry / "cwd")) == cwd
                and RUN_MARK in (entry / "environ").read_bytes().split(b"\0")
                and alive(int(entry.name))
            ):
                found.add(int(entry.name))
        except OSError:
            continue
    return found


def wait_until_gone(pids: set[int], seconds: float) -> set[int]:
    """The pids still alive after waiting up to `seconds` for them to go."""
    deadline = time.monotonic() + seconds
    while True:
        left = {p for p in pids if alive(p)}
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.05)
