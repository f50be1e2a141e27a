"""Atomic file writes: a reader sees the old file or the new one, never half of either.

A write goes to a temporary file in the same folder, then `os.replace`. The temporary name
carries the writing process's id (`.<start of the name>.<pid>.<random>.tmp`), so a run can tell
its own leftovers and a dead run's (`is_orphan_temp`) from the in-flight files of a run that is
still going; it is at most `NAME_MAX` bytes whatever the final name's length. Files get the
mode the user's umask gives a new file, as `open()` would.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from pathlib import Path

NAME_MAX = 255  # bytes in one file name on the usual file systems
TEMP_SUFFIX = ".tmp"
_TEMP_NAME = re.compile(r"^\..*\.(?P<pid>\d+)\.[0-9a-f]{8}\.tmp$", re.S)
_TEMP_PREFIX_BYTES = NAME_MAX - 40  # room for ".", ".<pid>.<random>.tmp"


def atomic_write(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and os.replace."""
    tmp = path.parent / temp_name(path.name)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, new_file_mode())
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def temp_name(name: str) -> str:
    """A hidden temporary name for `name`, unique to this process and this write.

    >>> temp_name("plan.json").startswith(".plan.json.") and temp_name("a").endswith(".tmp")
    True
    """
    prefix = name.encode("utf-8", "surrogateescape")[:_TEMP_PREFIX_BYTES]
    start = prefix.decode("utf-8", "ignore")
    return f".{start}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}"


def temp_owner(name: str) -> int | None:
    """The id of the process that made a temporary file named `name` (None: not one of ours)."""
    match = _TEMP_NAME.match(name)
    return int(match.group("pid")) if match else None


def is_orphan_temp(name: str) -> bool:
    """Whether `name` is a temporary file of ours whose writer is no longer running."""
    owner = temp_owner(name)
    return owner is not None and owner != os.getpid() and not process_alive(owner)


def remove_orphan_temps(folder: Path) -> int:
    """Delete the temporary files dead writers left in `folder`; return how many."""
    removed = 0
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.endswith(TEMP_SUFFIX) and is_orphan_temp(entry.name):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed += 1
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists (a zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[0] != b"Z"
    except OSError:
        return True  # no /proc: trust kill(0)


def new_file_mode() -> int:
    """The permissions `open()` gives a new file under the current umask."""
    return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where Linux tells it (/proc)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # elsewhere: set and restore (not atomic for threads)
    os.umask(mask)
    return mask
