"""A batch killed with SIGKILL halfway: the re-run completes, no record is corrupt or
duplicated, and what was finished is skipped."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from vnplan.schema import Document

COPIES = 24


def _corpus(folder: Path) -> list[Path]:
    folder.mkdir()
    made = []
    for i in range(COPIES):
        for sample in (
            "lao-cai-122-kh-ubnd-2022.pdf",
            "lang-son-227-kh-ubnd-2021.docx",
            "thua-thien-hue-news-173-kh-ubnd-2022.txt",
        ):
            target = folder / f"{i:02d}-{sample}"
            shutil.copy(Path("samples") / sample, target)
            made.append(target)
    return made


def _convert(corpus: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vnplan", "convert", str(corpus), "-o", str(out), "--workers", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def test_sigkill_halfway_then_rerun_completes(tmp_path: Path) -> None:
    inputs = _corpus(tmp_path / "corpus")
    out = tmp_path / "out"
    first = _convert(tmp_path / "corpus", out)
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.json"))) < len(inputs) // 4 and time.monotonic() < deadline:
        assert first.poll() is None, first.communicate()
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)  # the batch and its workers, mid-run
    first.wait()
    done_before = sorted(out.glob("*.json"))
    assert 0 < len(done_before) < len(inputs), "the kill must land halfway"
    for record in done_before:  # every record on disk is whole
        Document.model_validate_json(record.read_text("utf-8"))

    second = _convert(tmp_path / "corpus", out)
    _, stderr = second.communicate(timeout=600)
    assert second.returncode == 0, stderr
    records = sorted(out.glob("*.json"))
    assert len(records) == len(inputs)
    uris = [json.loads(r.read_text("utf-8"))["source"]["uri"] for r in records]
    assert sorted(uris) == sorted(str(p) for p in inputs)  # each input once, none twice
    assert not list(out.glob(".*.tmp"))
    converted, skipped, failed = (int(t) for t in stderr.split("failed")[-1].split() if t.isdigit())
    assert failed == 0
    assert skipped >= len(done_before) and converted + skipped == len(inputs)
