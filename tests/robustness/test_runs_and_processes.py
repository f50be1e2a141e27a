"""Runs that meet each other or die: a second run on a busy OUT, temporary files of other runs,
a parent killed with SIGKILL (no worker or tesseract may outlive it), a full disk, an OUT that
cannot be a folder. Real processes throughout."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from typer.testing import CliRunner

from tests.cli.running import process
from tests.robustness import attacks
from tests.robustness.processes import alive, descendants, wait_until_gone
from tests.robustness.servers import Handler, TestServer
from vnplan.cli import app

NEWS = (attacks.SAMPLES / "web" / "can-tho-news-2024.html").read_bytes()


def test_a_second_run_on_the_same_out_is_refused_and_the_first_completes(
    server: TestServer, tmp_path: Path
) -> None:
    release = threading.Event()

    def slow_page(req: Handler, _n: int) -> None:
        release.wait(30)  # holds the first run inside OUT until the second has been refused
        req.reply(200, NEWS)

    server.route("/slow.html", slow_page)
    out = tmp_path / "out"
    missing = str(tmp_path / "missing.txt")
    first = process("convert", missing, server.url("/slow.html"), "-o", str(out), "--delay", "0")
    try:
        deadline = time.monotonic() + 30
        while not server.hits_for("/slow.html") and time.monotonic() < deadline:
            assert first.poll() is None, first.communicate()
            time.sleep(0.05)
        second = CliRunner().invoke(app, ["convert", str(attacks.LANG_SON_TXT), "-o", str(out)])
        assert second.exit_code == 3
        said = " ".join(second.output.split())  # as one line, however the terminal wraps it
        assert "being written by another vnplan run" in said and "Traceback" not in said
    finally:
        release.set()
    _, stderr = first.communicate(timeout=60)
    assert first.returncode == 1, stderr  # the missing file
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [(e["input"], e["code"]) for e in errors] == [(missing, "not_found")]
    [record] = (json.loads(p.read_text("utf-8")) for p in out.glob("*.json"))
    assert record["source"]["uri"] == server.url("/slow.html")


def test_temporary_files_are_removed_only_when_their_writer_is_gone(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, text=True, check=True)
    dead_pid, live = int(finished.stdout), subprocess.Popen(["sleep", "30"])
    try:
        dead = out / f".plan.json.{dead_pid}.0123abcd.tmp"
        in_flight = out / f".other.json.{live.pid}.89abcdef.tmp"
        for leftover in (dead, in_flight):
            leftover.write_text("{", "utf-8")
        result = CliRunner().invoke(app, ["convert", str(attacks.LANG_SON_TXT), "-o", str(out)])
        assert result.exit_code == 0
        assert not dead.exists() and in_flight.exists()
    finally:
        live.kill()
        live.wait()


def test_killing_the_parent_leaves_no_worker_and_no_tesseract(tmp_path: Path) -> None:
    run = process(
        "convert", str(attacks.SCAN_PDF), "-o", str(tmp_path / "out"), "--workers", "1",
        start_new_session=True,
    )
    seen: set[int] = set()
    ocr: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while not ocr and time.monotonic() < deadline:  # until tesseract is reading a page
            seen |= descendants(run.pid)
            ocr = {pid for pid in seen if _comm(pid) == "tesseract"}
            assert run.poll() is None, run.communicate()
            time.sleep(0.02)
        seen |= descendants(run.pid)
    finally:
        os.kill(run.pid, signal.SIGKILL)  # the parent alone: its workers must notice by themselves
        run.communicate()
    left = wait_until_gone(seen, 5)
    for pid in left:  # just seen alive: stop them, so that no other test meets them
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    assert ocr, "tesseract never started"
    assert left == set()


def test_a_full_disk_fails_the_records_not_the_run(server: TestServer, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        (folder / name).write_bytes(attacks.LANG_SON_TXT.read_bytes())
    server.static("/news.html", attacks.big_html(64 * 1024))  # its cache entry fails too
    out = tmp_path / "out"

    def small_disk() -> None:  # a write past 16 KiB fails (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    url = server.url("/news.html")
    run = process("convert", str(folder), url, "-o", str(out), "--delay", "0",
                 preexec_fn=small_disk)
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 1 and "Traceback" not in stderr
    lines = (out / "errors.jsonl").read_text("utf-8").splitlines()
    assert {json.loads(line)["code"] for line in lines} == {"write_failed"}
    assert len(lines) == 3 and "cannot be written" in stderr
    assert sorted(p.name for p in out.iterdir() if p.is_file()) == [".lock", "errors.jsonl"]
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]  # nothing half-written


def test_an_out_that_cannot_be_a_folder_is_one_clear_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.write_text("a file, not a folder", "utf-8")
    result = CliRunner().invoke(app, ["convert", str(attacks.LANG_SON_TXT), "-o", str(out)])
    assert result.exit_code == 3
    said = " ".join(result.output.split())
    assert said == f"cannot write to {out}: it is a file, not a folder"


def _comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip() if alive(pid) else ""
    except OSError:
        return ""
