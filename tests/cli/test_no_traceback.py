"""No traceback reaches a user of any command: every bad path, unreadable input, write that
cannot be made (read-only place, a file where a folder goes, a full disk), bad option and
Ctrl-C gives one clear line and an exit status. Each case is the real `vnplan` process; the
Ctrl-C cases are in test_interrupt.py, an OUT that is a file and a full disk under convert in
tests/robustness/test_runs_and_processes.py, the outputs' own usage errors in
tests/outputs/test_outputs_cli.py.

As root every file is readable and writable, so the cases use what refuses root too: a path
under a regular file (ENOTDIR), /sys (EACCES/EPERM for new files), /proc/self/mem (EIO on
read), /dev/full and RLIMIT_FSIZE (a disk that fills up: EFBIG/ENOSPC)."""

from __future__ import annotations

import resource
import subprocess
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

OUT = str(ROOT / "out")  # the committed records of the samples
TXT = str(SAMPLES / "lang-son-227-kh-ubnd-2021.txt")
NOWHERE = "http://127.0.0.1:9/plan.pdf"  # the discard port: nothing listens
USAGE, FAILED, OUT_UNAVAILABLE = 2, 1, 3


@dataclass(frozen=True)
class Case:
    args: tuple[str, ...]  # "{tmp}" is the case's own folder (holding afile, adir, empty/)
    code: int
    says: str  # a fragment of the one line that says what is wrong
    small_disk: bool = False
    stdout: str | None = None  # a file stdout goes to (default: a pipe)


CASES: dict[str, Case] = {
    # convert
    "convert a missing input": Case(
        ("convert", "{tmp}/missing.pdf", "-o", "{tmp}/o"), FAILED, "missing.pdf: no such file"),
    "convert a path under a file": Case(
        ("convert", "{tmp}/afile/x.pdf", "-o", "{tmp}/o"), FAILED, "afile/x.pdf: Not a directory"),
    "convert an unreadable file": Case(
        ("convert", "/proc/self/mem", "-o", "{tmp}/o"), FAILED,
        "unreadable /proc/self/mem: Input/output error"),
    "convert under a file": Case(
        ("convert", TXT, "-o", "{tmp}/afile/o"), OUT_UNAVAILABLE,
        "cannot write to {tmp}/afile/o: Not a directory"),
    "convert into a read-only place": Case(
        ("convert", TXT, "-o", "/sys/vnplan-out"), OUT_UNAVAILABLE,
        "cannot write to /sys/vnplan-out: Operation not permitted"),
    "convert a missing input list": Case(
        ("convert", "-i", "{tmp}/missing.txt"), USAGE,
        "cannot read the input list {tmp}/missing.txt: No such file or directory"),
    "convert with no workers": Case(("convert", TXT, "--workers", "0"), USAGE, "'--workers'"),
    "convert on an unknown engine": Case(("convert", TXT, "--engine", "spark"), USAGE,
                                         "unknown engine 'spark'"),
    # fetch
    "fetch no URL": Case(("fetch", "-o", "{tmp}/d"), USAGE, "No URLs."),
    "fetch into a file": Case(("fetch", NOWHERE, "-o", "{tmp}/afile"), OUT_UNAVAILABLE,
                              "it is a file, not a folder"),
    # compare, the report
    "compare a file": Case(("compare", "{tmp}/afile"), USAGE, "is a file"),
    "compare a folder without records": Case(("compare", "{tmp}/empty"), USAGE,
                                             "no vnplan records (*.json) found"),
    "the report into a read-only place": Case(("compare", OUT, "--html", "/sys/report.html"),
                                              FAILED, "cannot write /sys/report.html"),
    "the report onto a full disk": Case(
        ("compare", OUT, "--html", "{tmp}/report.html"), FAILED, "File too large",
        small_disk=True, stdout="{tmp}/tables.txt"),
    # export
    "export nothing asked for": Case(("export", OUT), USAGE, "nothing to write"),
    "export SQLite onto a full disk": Case(
        ("export", OUT, "--sqlite", "{tmp}/plans.db"), FAILED,
        "cannot write {tmp}/plans.db: the database cannot be written", small_disk=True),
    "export Parquet onto a full disk": Case(
        ("export", OUT, "--parquet", "{tmp}/tables"), FAILED,
        "cannot write {tmp}/tables/documents.parquet", small_disk=True),
    "export a missing folder": Case(("export", "{tmp}/missing", "--jsonl", "{tmp}/r.jsonl"),
                                    USAGE, "does not exist"),
    # agencies
    "agencies of a file": Case(("agencies", "{tmp}/afile"), USAGE, "is a file"),
    # schema
    "schema with an unknown option": Case(("schema", "--json"), USAGE, "No such option"),
    "schema onto a full device": Case(("schema",), FAILED, "No space left on device",
                                      stdout="/dev/full"),
    # watch
    "watch no source": Case(("watch", "-o", "{tmp}/w"), USAGE, "no sources"),
    "watch a missing sources file": Case(("watch", "-i", "{tmp}/missing.toml"), USAGE,
                                         "cannot read {tmp}/missing.toml"),
    "watch every nonsense": Case(("watch", NOWHERE, "--every", "often"), USAGE,
                                 "give a duration such as 90s"),
    "watch into a file": Case(("watch", NOWHERE, "-o", "{tmp}/afile"), OUT_UNAVAILABLE,
                              "it is a file, not a folder"),
    # the command itself
    "an unknown command": Case(("report", OUT), USAGE, "No such command 'report'"),
}


def _small_disk() -> None:  # a write past 8 KiB fails (EFBIG), as on a full disk
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))


def _run(case: Case, folder: Path) -> subprocess.CompletedProcess[str]:
    folder.mkdir()
    (folder / "afile").write_text("a file, not a folder\n", "utf-8")
    (folder / "adir").mkdir()
    (folder / "empty").mkdir()
    args = [a.replace("{tmp}", str(folder)) for a in case.args]
    preexec: Callable[[], None] | None = _small_disk if case.small_disk else None
    target = case.stdout.replace("{tmp}", str(folder)) if case.stdout else None
    with open(target, "w") if target else open(folder / "stdout.txt", "w+") as stdout:
        done = subprocess.run(
            [sys.executable, "-m", "vnplan", *args], stdout=stdout, stderr=subprocess.PIPE,
            text=True, cwd=ROOT, timeout=120, preexec_fn=preexec, check=False,
        )
    shown = "" if target else (folder / "stdout.txt").read_text("utf-8")
    return subprocess.CompletedProcess(done.args, done.returncode, shown, done.stderr)


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    """Every case run once, four at a time (each is a process of its own)."""
    root = tmp_path_factory.mktemp("cases")
    folders = {name: root / f"case{i:02d}" for i, name in enumerate(CASES)}
    with ThreadPoolExecutor(4) as pool:
        futures = {name: pool.submit(_run, CASES[name], folders[name]) for name in CASES}
        yield {name: (futures[name].result(), folders[name]) for name in CASES}


@pytest.mark.parametrize("name", list(CASES))
def test_one_clear_line_and_an_exit_status(name: str, runs: dict[str, object]) -> None:
    case = CASES[name]
    done, folder = runs[name]  # type: ignore[misc]
    output = done.stdout + done.stderr
    assert "Traceback" not in output and 'File "' not in output, output
    assert done.returncode == case.code, output
    lines = [line.strip() for line in done.stderr.splitlines()]
    says = case.says.replace("{tmp}", str(folder))
    assert any(says in line for line in lines), done.stderr
