"""The `vnplan` command as a user runs it: a real process of the installed entry point, in a
session of its own, so that a Ctrl-C can be sent to its whole process group as a terminal
sends it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tests.conftest import ROOT


def _ctrl_c_reaches_it() -> None:
    """A shell's background job starts with SIGINT ignored; a terminal's foreground does not."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def process(*args: str, cwd: Path = ROOT, **popen: object) -> subprocess.Popen[str]:
    """`python -m vnplan ARGS` with its output captured as text (`popen`: more Popen options)."""
    return subprocess.Popen(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "vnplan", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        **popen,
    )


def start(*args: str, cwd: Path = ROOT) -> subprocess.Popen[str]:
    """vnplan in a session of its own, where a Ctrl-C to its group reaches it."""
    return process(*args, cwd=cwd, start_new_session=True, preexec_fn=_ctrl_c_reaches_it)


def run(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    process = start(*args, cwd=cwd)
    stdout, stderr = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def wait_for(
    condition: Callable[[], bool], process: subprocess.Popen[str], seconds: float = 120
) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never got there"
        time.sleep(0.02)


def ctrl_c(process: subprocess.Popen[str], timeout: float = 60) -> tuple[int, str, str]:
    """Ctrl-C to the process group; (exit status, stdout, stderr) once it has ended."""
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=timeout)
    return process.returncode, stdout, stderr


def counts(stderr: str, columns: tuple[str, ...]) -> dict[str, int]:
    """The summary table's counts, by column ("converted", "skipped", "failed")."""
    after = stderr.split(columns[-1], 1)[1]
    numbers = [int(n) for n in re.findall(r"\d+", after.split("took", 1)[0])]
    return dict(zip(columns, numbers, strict=True))
