"""A source that fails does not stop the others and is tried again next pass; a pass killed
with SIGKILL is resumed by the next, every document converted once; SIGTERM stops `--every`
cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.watch.conftest import options
from tests.watch.portal import portal
from vnplan.cli import app
from vnplan.schema import Document
from vnplan.watch import sources_from_arguments
from vnplan.watch.run import run_pass
from vnplan.watch.state import STATE_FILE, State
from vnplan.watch.stop import StopRequests


def test_a_source_answering_500_does_not_stop_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with portal(4) as site:
        site.failing.add("/tin-tuc/rss.xml")
        broken, listing = site.url("/tin-tuc/rss.xml"), site.url("/van-ban-moi")
        sources = sources_from_arguments([broken, listing])
        result = run_pass(sources, out, options(out), workers=1)
        assert result.counts["converted"] == 8  # 4 pages, 4 attachments, after the failure
        [failure] = result.failed
        assert failure.input == broken and failure.code == "http_status"
        assert "HTTP 500" in (failure.message or "")
        [line] = (out / "errors.jsonl").read_text("utf-8").splitlines()
        assert json.loads(line)["input"] == broken
        assert len(site.requests_for("/tin-tuc/rss.xml")) == 2  # one retry, then reported

        status = CliRunner().invoke(
            app, ["watch", "--status", "-o", str(out)], env={"COLUMNS": "200"}
        )
        assert status.exit_code == 0, status.output
        lines = status.output.splitlines()
        [broken_row, error] = [line for line in lines if "tin-tuc" in line]
        assert _cells(broken_row)[2:] == ["0", "0", "0", "0", "never"]
        assert "HTTP 500" in error
        [listing_row] = [_cells(line) for line in lines if "van-ban-moi" in line]
        assert listing_row[1:6] == ["listing", "8", "8", "0", "0"]
        assert listing_row[6].endswith("UTC")

        site.failing.clear()  # the next pass tries it again, and it works
        again = run_pass(sources, out, options(out), workers=1)
        assert not again.failed and not (out / "errors.jsonl").exists()
    with State(out / STATE_FILE, read_only=True) as state:
        report = {s.url: s for s in state.sources()}
    assert report[broken].last_success is not None and report[broken].last_error is None


def _cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.split("│")]


def _watch(out: Path, *urls: str, extra: tuple[str, ...] = ()) -> subprocess.Popen[str]:
    command = [
        sys.executable,
        "-m",
        "vnplan",
        "watch",
        *urls,
        "-o",
        str(out),
        "--delay",
        "0",
        "--workers",
        "1",
        *extra,
    ]
    return subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for(condition: object, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:  # type: ignore[operator]
        assert process.poll() is None, process.communicate()
        time.sleep(0.02)


def test_killed_mid_pass_the_next_pass_converts_every_document_once(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with portal(12) as site:  # two listing pages: the second must be read on resuming
        listing = site.url("/van-ban-moi")
        first = _watch(out, listing)
        _wait_for(lambda: len(list(out.glob("*.json"))) >= 5, first)
        os.killpg(first.pid, signal.SIGKILL)  # the pass and its worker, mid-pass
        first.wait()
        left = {p.name: p.stat().st_ino for p in out.glob("*.json")}
        assert 5 <= len(left) < 24, "the kill must land mid-pass"
        assert not (out / "new.jsonl").exists()

        second = _watch(out, listing)
        assert second.wait(timeout=120) == 0, second.communicate()
        expected = {site.url(d.page) for d in site.docs} | {site.url(d.file) for d in site.docs}
    made = [Document.model_validate_json(p.read_text("utf-8")) for p in out.glob("*.json")]
    assert sorted(d.source.uri for d in made) == sorted(expected)  # each once
    assert not (out / ".versions").exists()
    # the records the killed pass wrote were kept, not made again
    assert {
        n: i for n, i in ((p.name, p.stat().st_ino) for p in out.glob("*.json")) if n in left
    } == left
    listed = [json.loads(line)["url"] for line in (out / "new.jsonl").read_text().splitlines()]
    assert sorted(listed) == sorted(expected)  # the killed pass's records are listed too
    with State(out / STATE_FILE, read_only=True) as state:
        assert state.sources()[0].counts == {"converted": 24}


def test_sigterm_stops_watching_between_documents(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with portal(10) as site:
        running = _watch(out, site.url("/van-ban-moi"), extra=("--every", "1h"))
        _wait_for(lambda: len(list(out.glob("*.json"))) >= 3, running)
        running.send_signal(signal.SIGTERM)  # mid-pass: no further document is begun
        code = running.wait(timeout=30)
    stderr = running.communicate()[1]
    assert code == 0, stderr
    assert "Traceback" not in stderr and "stopped on request" in stderr
    made = sorted(out.glob("*.json"))
    assert 3 <= len(made) < 20
    for record in made:
        Document.model_validate_json(record.read_text("utf-8"))
    listed = [json.loads(line)["record"] for line in (out / "new.jsonl").read_text().splitlines()]
    assert sorted(listed) == [p.name for p in made]  # the pass handed on what it did


def test_a_stop_request_ends_the_wait_and_a_second_one_stops_at_once() -> None:
    with StopRequests() as stop:
        assert not stop()
        started = time.monotonic()
        signal.setitimer(signal.ITIMER_REAL, 0.05)
        previous = signal.signal(signal.SIGALRM, lambda *_: os.kill(os.getpid(), signal.SIGTERM))
        try:
            stop.sleep(30)
        finally:
            signal.signal(signal.SIGALRM, previous)
        assert stop() and time.monotonic() - started < 5
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(1)
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
