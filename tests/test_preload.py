"""vnplan/preload.py: after `preload()`, converting any kind of document imports nothing more."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import ROOT

CHILD = """
import json, sys
from vnplan.preload import preload
preload()
before = set(sys.modules)
import vnplan
for path in sys.argv[1:]:
    vnplan.convert(path)
print(json.dumps(sorted(set(sys.modules) - before)))
"""
SAMPLES = ["samples/lao-cai-122-kh-ubnd-2022.pdf", "samples/lao-cai-122-kh-ubnd-2022.docx",
           "samples/web/lao-cai-news-2023.html", "samples/lang-son-227-kh-ubnd-2021.txt"]
HEAVY = ("vnplan", "underthesea", "underthesea_core", "pdfplumber", "pdfminer", "pypdfium2",
         "trafilatura", "lxml",
         "docx", "numpy", "rapidfuzz", "pydantic", "joblib")


def test_after_preload_converting_each_format_imports_no_heavy_module() -> None:
    done = subprocess.run([sys.executable, "-c", CHILD, *SAMPLES], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    new = json.loads(done.stdout.strip().splitlines()[-1])
    assert [m for m in new if m.split(".")[0] in HEAVY] == []


def test_without_preload_the_same_conversions_do_import_them() -> None:
    child = CHILD.replace("preload()", "")
    done = subprocess.run([sys.executable, "-c", child, *SAMPLES], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    new = {m.split(".")[0] for m in json.loads(done.stdout.strip().splitlines()[-1])}
    assert {"underthesea_core", "pdfplumber", "trafilatura", "docx"} <= new


RUNNER = """
import json, sys
from vnplan.jobs import Job, LocalEngine
jobs = [Job(uri=p, output=f"{i}.json", path=p) for i, p in enumerate(sys.argv[1:])]
statuses = [result.outcome.status for _, result in LocalEngine(2)(jobs)]
loaded = {m.split(".")[0] for m in sys.modules}
wanted = {"underthesea_core", "pdfplumber", "trafilatura", "docx"}
print(json.dumps([statuses, sorted(loaded & wanted)]))
"""


def _runner_parent(*paths: str) -> tuple[list[str], list[str]]:
    """Run the local engine on `paths`: the outcomes, and what its parent process loaded."""
    done = subprocess.run([sys.executable, "-c", RUNNER, *paths], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    statuses, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return statuses, loaded


def test_a_batch_runner_preloads_every_reader_before_it_forks_its_workers() -> None:
    statuses, loaded = _runner_parent(SAMPLES[3], SAMPLES[0])
    assert statuses == ["converted", "converted"]
    assert loaded == ["docx", "pdfplumber", "trafilatura", "underthesea_core"]


def test_for_one_document_the_runner_leaves_the_loading_to_its_worker() -> None:
    for sample in (SAMPLES[3], SAMPLES[0]):  # a .txt, a PDF
        statuses, loaded = _runner_parent(sample)
        assert statuses == ["converted"]
        assert loaded == []


BATCH = """
import json, sys, tempfile
from pathlib import Path
from vnplan.batch import run_batch
with tempfile.TemporaryDirectory() as out:
    statuses = [o.status for o in run_batch(sys.argv[1:], Path(out), workers=2).outcomes]
loaded = {m.split(".")[0] for m in sys.modules}
wanted = {"underthesea_core", "pdfplumber", "trafilatura", "docx"}
print(json.dumps([statuses, sorted(loaded & wanted)]))
"""


def test_a_batch_preloads_the_readers_of_its_inputs_formats_only() -> None:
    done = subprocess.run([sys.executable, "-c", BATCH, SAMPLES[3], SAMPLES[0]], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    statuses, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert statuses == ["converted", "converted"]
    assert loaded == ["pdfplumber", "underthesea_core"]  # no web page, no Word file among them
