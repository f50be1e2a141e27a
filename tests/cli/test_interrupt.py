"""Ctrl-C during `vnplan convert`, `fetch` and `watch`: exit status 130, the summary so far,
"re-run the same command to resume", no traceback, nothing half-written; the re-run resumes.
Real processes, the signal sent to the process group as a terminal sends it."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

from tests.cli.running import counts, ctrl_c, run, start, wait_for
from tests.conftest import SAMPLES
from tests.robustness.processes import descendants, tesseracts, wait_until_gone
from tests.robustness.servers import Handler, serving
from tests.watch.portal import portal
from vnplan.schema import Document

COPIES = 16
RESUME = "re-run the same command to resume"
CONVERT = ("converted", "skipped", "failed")


def _copies(folder: Path) -> list[Path]:
    folder.mkdir()
    made = []
    for i in range(COPIES):
        target = folder / f"{i:02d}-lang-son-227-kh-ubnd-2021.txt"
        shutil.copy(SAMPLES / "lang-son-227-kh-ubnd-2021.txt", target)
        made.append(target)
    return made


def _whole(out: Path) -> list[Path]:
    """Every record in OUT, each checked to be a whole record; no temporary file left."""
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
    records = sorted(out.glob("*.json"))
    for record in records:
        Document.model_validate_json(record.read_text("utf-8"))
    return records


def test_ctrl_c_during_convert_prints_the_summary_so_far_and_the_rerun_resumes(
    tmp_path: Path,
) -> None:
    inputs = _copies(tmp_path / "in")
    out = tmp_path / "out"
    command = ("convert", str(tmp_path / "in"), "-o", str(out), "--workers", "1")
    first = start(*command)
    wait_for(lambda: len(list(out.glob("*.json"))) >= 3, first)
    code, _, stderr = ctrl_c(first)
    assert code == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert RESUME in stderr and "(interrupted)" in stderr
    done = _whole(out)
    said = counts(stderr, CONVERT)
    assert 3 <= said["converted"] <= len(done) <= said["converted"] + 1  # one may land unsaid
    assert len(done) < len(inputs), "the Ctrl-C must land halfway"

    second = run(*command)
    assert second.returncode == 0, second.stderr
    again = counts(second.stderr, CONVERT)
    assert again["skipped"] == len(done) and again["converted"] == len(inputs) - len(done)
    assert len(_whole(out)) == len(inputs)


def test_ctrl_c_while_a_worker_reads_a_scan_stops_the_worker_and_its_tesseract(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf", folder)
    out = tmp_path / "out"
    first = start("convert", str(folder), "-o", str(out), "--workers", "1")
    # the run's own worker is deep in OCR (another tesseract started here is not the run's)
    wait_for(lambda: bool(tesseracts(Path.cwd()) & descendants(first.pid)), first)
    workers = descendants(first.pid)
    code, _, stderr = ctrl_c(first)
    assert code == 130, stderr
    assert "Traceback" not in stderr and RESUME in stderr
    assert counts(stderr, CONVERT) == {"converted": 0, "skipped": 0, "failed": 0}
    assert wait_until_gone(workers, 10) == set()  # workers and tesseract gone with the run
    assert _whole(out) == [] and not (out / "errors.jsonl").exists()


def test_ctrl_c_during_fetch_keeps_what_was_downloaded_and_the_rerun_resumes(
    tmp_path: Path,
) -> None:
    release = threading.Event()
    pdf = (SAMPLES / "lang-son-227-kh-ubnd-2021.pdf").read_bytes()

    def slow(req: Handler, _n: int) -> None:
        release.wait(30)
        req.reply(200, pdf, "application/pdf")

    def validated(req: Handler, _n: int) -> None:  # a re-run asks whether it changed
        if req.headers.get("If-None-Match") == '"a"':
            req.reply(304, b"", None, {"ETag": '"a"'})
        else:
            req.reply(200, pdf, "application/pdf", {"ETag": '"a"'})

    with serving() as server:
        server.route("/a.pdf", validated)
        server.route("/b.pdf", slow)
        out = tmp_path / "downloads"
        command = ("fetch", server.url("/a.pdf"), server.url("/b.pdf"), "-o", str(out),
                   "--delay", "0")
        first = start(*command)
        wait_for(lambda: bool(server.hits_for("/b.pdf")), first)
        code, _, stderr = ctrl_c(first)
        assert code == 130, stderr
        assert "Traceback" not in stderr and RESUME in stderr
        columns = ("fetched", "skipped", "failed")
        assert counts(stderr, columns) == {"fetched": 1, "skipped": 0, "failed": 0}
        assert [p.suffix for p in out.glob("*.pdf")] == [".pdf"]  # a.pdf, whole
        assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]

        release.set()
        second = run(*command)
    assert second.returncode == 0, second.stderr
    assert counts(second.stderr, columns) == {"fetched": 1, "skipped": 1, "failed": 0}
    assert sorted(p.read_bytes() == pdf for p in out.glob("*.pdf")) == [True, True]


def test_ctrl_c_during_watch_stops_between_documents_and_the_rerun_resumes(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    with portal(10) as site:  # ten entries, each a page with an attached document
        command = ("watch", site.url("/van-ban-moi"), "-o", str(out), "--delay", "0",
                   "--workers", "1")
        first = start(*command)
        wait_for(lambda: len(list(out.glob("*.json"))) >= 3, first)
        code, _, stderr = ctrl_c(first)
        assert code == 130, stderr
        assert "Traceback" not in stderr and RESUME in stderr
        done = _whole(out)
        assert counts(stderr, CONVERT)["converted"] == len(done) < 20

        second = run(*command)
    assert second.returncode == 0, second.stderr
    records = _whole(out)
    assert len(records) == 20  # ten pages and their attachments
    uris = [json.loads(r.read_text("utf-8"))["source"]["uri"] for r in records]
    assert len(set(uris)) == 20  # each document once
