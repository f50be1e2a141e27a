"""vnplan/jobs.py: one job, converted the same way wherever it runs, failures as outcomes."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime

from tests.conftest import ROOT, SAMPLES
from vnplan.jobs import Job, LocalEngine, _preloaded, cores_each, run_job
from vnplan.pipeline import ConvertOptions
from vnplan.schema import Warning
from vnplan.workers import Limits

PDF = (SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf").read_bytes()
SEED = SAMPLES / "lang-son-227-kh-ubnd-2021.txt"


def test_a_fetched_job_keeps_its_source_facts_and_notes() -> None:
    note = Warning(code="attachments_not_followed", message="1 attachment link(s) not followed")
    when = datetime(2024, 2, 6, 8, 30, tzinfo=UTC)
    job = Job(
        uri="http://a.vn/122.pdf",
        output="122.json",
        content=PDF,
        fetched_at=when,
        found_on="http://a.vn/tin.html",
        final_url="http://a.vn/files/122.pdf",
        notes=(note,),
    )
    result = run_job(job)
    assert result.outcome.status == "converted" and result.record is not None
    record = json.loads(result.record)
    assert record["source"]["final_url"] == "http://a.vn/files/122.pdf"
    assert record["source"]["found_on"] == "http://a.vn/tin.html"
    assert record["warnings"][-1] == {**note.model_dump(), "where": None}


def test_options_travel_with_the_job_and_failures_name_the_input() -> None:
    job = Job(uri="http://a.vn/122.pdf", output="x.json", content=PDF,
              options=ConvertOptions(max_pages=2), found_on="http://a.vn/tin.html")
    outcome = run_job(job).outcome
    assert (outcome.status, outcome.code) == ("failed", "too_many_pages")
    assert outcome.message is not None and outcome.message.startswith("http://a.vn/122.pdf")
    assert outcome.message.endswith("(linked from http://a.vn/tin.html)")
    missing = run_job(Job(uri="gone.txt", output="g.json", path="/nonexistent/gone.txt"))
    assert missing.outcome.code == "unreadable" and "gone.txt" in (missing.outcome.message or "")


def test_the_local_engine_takes_jobs_only_as_workers_free_up() -> None:
    taken: list[int] = []

    def jobs() -> Iterator[Job]:
        for i in range(4):
            taken.append(i)
            yield Job(uri=f"{i}.txt", output=f"{i}.json", path=str(SEED))

    engine = LocalEngine(workers=1, limits=Limits(seconds=60))
    results = engine(jobs())
    first = next(results)
    assert first[1].outcome.status == "converted"
    assert len(taken) <= 2  # one converted, at most the next one handed out
    assert [job.uri for job, _ in results] == ["1.txt", "2.txt", "3.txt"]


def test_a_single_document_may_read_its_pages_with_every_core() -> None:
    cores = len(os.sched_getaffinity(0))
    assert cores_each(1) == cores and cores_each(2) == max(1, cores // 2)
    assert cores_each(4 * cores) == 1
    job = Job(uri="122.pdf", output="122.json", content=PDF)
    try:
        (given,) = list(_preloaded([job], workers=2))
    finally:
        gc.unfreeze()
    assert given.options.page_processes == cores and given.content is PDF


def test_every_count_of_processes_keeps_to_the_cores_the_process_may_use() -> None:
    # one core allowed (as a container's cpuset or taskset allows): one worker by default,
    # one page reader, one tesseract, whatever the machine has
    code = ("import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); "
            "from vnplan.options import DEFAULT_WORKERS; from vnplan.jobs import cores_each; "
            "from vnplan.extract.readers.ocr import ocr_processes; "
            "print(DEFAULT_WORKERS, cores_each(1), ocr_processes(8))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, cwd=ROOT)
    assert done.stdout.split() == ["1", "1", "1"]
