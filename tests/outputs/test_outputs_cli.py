"""`vnplan compare`, `vnplan export`, `vnplan agencies` run as a user runs them: the installed
command in a process of its own. Bad paths, a missing library and Ctrl-C end in one clear line
and an exit code; never a traceback, never a half-written output."""

from __future__ import annotations

import csv
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

VNPLAN = [sys.executable, "-m", "vnplan"]
TIMEOUT = 120  # a guard against a hung process, not a speed check
COMPARING = (ROOT / "README.md").read_text("utf-8").split("## Comparing provinces", 1)[1]


def vnplan(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "160"}
    return subprocess.run(
        [*VNPLAN, *args], capture_output=True, text=True, timeout=TIMEOUT, cwd=cwd, env=env
    )


def one_line_error(run: subprocess.CompletedProcess[str], code: int) -> str:
    assert "Traceback" not in run.stderr + run.stdout
    assert run.returncode == code, run.stderr
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    return lines[0]


def test_compare_prints_and_writes_csv_and_html(tmp_path: Path) -> None:
    out_csv, out_html = tmp_path / "plans.csv", tmp_path / "new" / "report.html"
    run = vnplan("compare", "out", "--csv", str(out_csv), "--html", str(out_html))
    assert run.returncode == 0, run.stderr
    assert "Lào Cai" in run.stdout and "News" in run.stdout
    assert len(list(csv.DictReader(out_csv.open(encoding="utf-8")))) == 11  # one per document
    first = out_html.read_bytes()
    assert vnplan("compare", "out", "--html", str(out_html)).returncode == 0
    assert out_html.read_bytes() == first  # a re-run gives the same bytes
    assert sorted(p.name for p in out_html.parent.iterdir()) == ["report.html"]


def test_export_writes_every_format(tmp_path: Path) -> None:
    db, folder, jsonl = tmp_path / "plans.db", tmp_path / "tables", tmp_path / "r.jsonl"
    run = vnplan(
        "export", "out", "--sqlite", str(db), "--parquet", str(folder), "--jsonl", str(jsonl)
    )
    assert run.returncode == 0, run.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*) FROM documents").fetchone() == (11,)
        assert con.execute("SELECT COUNT(*) FROM parts").fetchone() == (2,)
    assert len(list(folder.glob("*.parquet"))) == 9  # one per table
    assert len(jsonl.read_text("utf-8").splitlines()) == 11


def test_usage_errors(tmp_path: Path) -> None:
    assert "nothing to write" in one_line_error(vnplan("export", "out"), 2)
    missing = vnplan("compare", str(tmp_path / "missing"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no vnplan records" in one_line_error(vnplan("compare", str(empty)), 2)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("compare", "out", "--csv", "{dir}"), "is a folder"),
        (("compare", "out", "--html", "{dir}"), "is a folder"),
        (("export", "out", "--sqlite", "{dir}"), "is a folder"),
        (("export", "out", "--jsonl", "{dir}"), "is a folder"),
        (("export", "out", "--parquet", "{file}"), "is a file"),
        (("compare", "out", "--csv", "{file}/plans.csv"), "is a file"),
        (("compare", "out", "--csv", "{tmp}/ok.csv", "--html", "{dir}"), "is a folder"),
    ],
)
def test_a_path_that_cannot_be_written_is_one_line(
    tmp_path: Path, args: tuple[str, ...], says: str
) -> None:
    folder, file = tmp_path / "adir", tmp_path / "afile"
    folder.mkdir()
    file.write_text("keep me", "utf-8")
    paths = {"dir": str(folder), "file": str(file), "tmp": str(tmp_path)}
    line = one_line_error(vnplan(*(a.format(**paths) for a in args)), 2)
    assert says in line
    assert list(folder.iterdir()) == [] and file.read_text("utf-8") == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["adir", "afile"]  # nothing written


def test_a_write_the_system_refuses_is_one_line(tmp_path: Path) -> None:
    too_long = tmp_path / ("x" * 300 + ".csv")
    line = one_line_error(vnplan("compare", "out", "--csv", str(too_long)), 1)
    assert line.startswith("cannot write") and "File name too long" in line
    assert list(tmp_path.iterdir()) == []


def test_parquet_without_pyarrow_names_the_fix_and_writes_the_rest(tmp_path: Path) -> None:
    """With pyarrow missing (blocked from import), the hint is printed as written — brackets
    included — and the SQLite file is still written."""
    db = tmp_path / "plans.db"
    code = (
        "import sys; sys.modules['pyarrow'] = None; sys.argv = ['vnplan'] + sys.argv[1:]; "
        "from vnplan.cli import main; main()"
    )
    args = ["export", "out", "--sqlite", str(db), "--parquet", str(tmp_path / "t")]
    run = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert "Parquet export needs pyarrow" in run.stderr and "`pip install pyarrow`" in run.stderr
    assert db.exists() and not (tmp_path / "t").exists()


def _opened_a_record(pid: int, folder: Path) -> bool:
    try:
        fds = list(Path(f"/proc/{pid}/fd").iterdir())
        return any(str(os.readlink(fd)).startswith(str(folder)) for fd in fds)
    except OSError:
        return False


def test_ctrl_c_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """SIGINT while the records are read: exit 130, one line, nothing written."""
    folder = tmp_path / "many"
    folder.mkdir()
    records = sorted((ROOT / "out").glob("*.json"))
    for i in range(60):
        for path in records:
            (folder / f"{i:03d}-{path.name}").write_bytes(path.read_bytes())
    target = tmp_path / "plans.db"
    process = subprocess.Popen(
        [*VNPLAN, "export", str(folder), "--sqlite", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    deadline = time.monotonic() + 60
    while not _opened_a_record(process.pid, folder) and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=TIMEOUT)
    run = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    assert "interrupted" in one_line_error(run, 130)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many"]


def test_help_reads_as_prose() -> None:
    for command, metavars in (
        ("compare", ("--csv FILE", "--html FILE")),
        ("export", ("--sqlite FILE", "--parquet FOLDER", "--jsonl FILE")),
        ("agencies", ("--unmatched",)),
    ):
        run = vnplan(command, "--help")
        assert run.returncode == 0
        for metavar in metavars:
            assert metavar in run.stdout
        assert "<path>" not in run.stdout and "[default" not in run.stdout
        assert "Example: vnplan " in run.stdout
    assert "pyarrow" in vnplan("export", "--help").stdout


def test_the_readme_commands_leave_nothing_in_the_repository(tmp_path: Path) -> None:
    """The README's comparison commands, run as written from the repository root."""
    block = COMPARING.split("```bash\n", 1)[1].split("```", 1)[0]
    before = sorted(p.name for p in ROOT.iterdir())
    bin_dir = str(Path(sys.executable).parent)
    env = {**os.environ, "TMPDIR": str(tmp_path), "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", block],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        cwd=ROOT,
        env=env,
    )
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    assert sorted(p.name for p in ROOT.iterdir()) == before
    [reports] = tmp_path.iterdir()
    names = {"plans.csv", "report.html", "plans.db", "tables", "records.jsonl"}
    assert {p.name for p in reports.iterdir()} == names
    assert "so-ngoai-vu" in run.stdout  # vnplan agencies out


def test_a_closed_pipe_stops_the_printing_not_the_report(tmp_path: Path) -> None:
    """`vnplan compare out --html r.html | head -1`: the reader leaves, the page is written."""
    report = tmp_path / "report.html"
    process = subprocess.Popen(
        [*VNPLAN, "compare", "out", "--html", str(report)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before the first table
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=TIMEOUT) == 0, stderr
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
    assert report.read_text("utf-8").startswith("<!DOCTYPE html>")
