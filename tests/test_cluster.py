"""vnplan/cluster.py: the Dask engine writes the same OUT as a local run, and keeps the run's
options and limits for URL documents too (a real LocalCluster, a real server on 127.0.0.1)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.robustness import attacks
from tests.robustness.processes import tesseracts, wait_until_gone
from tests.robustness.servers import serving
from vnplan.batch import run_batch
from vnplan.cluster import DaskEngine
from vnplan.pipeline import ConvertOptions
from vnplan.web import WebOptions, fetch_settings
from vnplan.workers import Limits

distributed = pytest.importorskip("dask.distributed", reason="pip install 'vnplan[dask]'")

INPUTS = [
    "samples/lao-cai-122-kh-ubnd-2022.pdf",
    "samples/lang-son-227-kh-ubnd-2021.docx",
    "samples/web/can-tho-news-2024.html",
    "samples/thua-thien-hue-news-173-kh-ubnd-2022.txt",
]


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster.scheduler_address


def test_dask_engine_matches_a_local_run(tmp_path: Path, scheduler: str) -> None:
    local, clustered = tmp_path / "local", tmp_path / "dask"
    run_batch([*INPUTS, "samples/missing.txt"], local, workers=2)
    engine = DaskEngine(scheduler)
    result = run_batch([*INPUTS, "samples/missing.txt"], clustered, engine=engine)
    assert result.counts == {"converted": 4, "failed": 1}
    again = run_batch([*INPUTS, "samples/missing.txt"], clustered, engine=engine)
    assert again.counts == {"skipped": 4, "failed": 1}
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(p.name for p in clustered.iterdir())
    for name in names:
        assert (local / name).read_bytes() == (clustered / name).read_bytes(), name


def _errors(out: Path) -> dict[str, str]:
    lines = (out / "errors.jsonl").read_text("utf-8").splitlines()
    return {e["input"]: e["code"] for e in map(json.loads, lines)}


def _web(out: Path) -> WebOptions:
    return WebOptions(fetch_settings(out / ".cache", delay=0, timeout=5))


def test_max_pages_and_doc_timeout_hold_for_urls_on_dask(tmp_path: Path, scheduler: str) -> None:
    with serving() as server:
        server.static("/plan.pdf", attacks.LAO_CAI_PDF.read_bytes(), "application/pdf")
        server.static("/scan.pdf", attacks.SCAN_PDF.read_bytes(), "application/pdf")
        plan, scan = server.url("/plan.pdf"), server.url("/scan.pdf")
        long_pdf = tmp_path / "pages"
        run_batch(
            [plan],
            long_pdf,
            web=_web(long_pdf),
            engine=DaskEngine(scheduler),
            options=ConvertOptions(max_pages=1),
        )
        assert _errors(long_pdf) == {plan: "too_many_pages"}
        hanging = tmp_path / "hang"
        result = run_batch(
            [scan, plan],
            hanging,
            web=_web(hanging),
            engine=DaskEngine(scheduler, Limits(seconds=10)),
        )
    assert _errors(hanging) == {scan: "timeout"}
    [record] = (json.loads(p.read_text("utf-8")) for p in hanging.glob("*.json"))
    assert (record["source"]["uri"], record["doc_number"]) == (plan, "122/KH-UBND")
    assert [o.status for o in result.outcomes] == ["failed", "converted"]
    assert wait_until_gone(tesseracts(ROOT), 2) == set()  # killed with the timed-out worker

