"""How many cores this process may run on: the one count the runner's default workers, a
document's page readers and its tesseract processes are all sized by."""

from __future__ import annotations

import os


def usable_cores() -> int:
    """The cores this process may run on: its CPU affinity where the system keeps one (a
    container's cpuset or `taskset` can allow fewer than the machine has), else the machine's
    count; at least one."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1
