"""vnplan/cluster.py: the Dask engine writes the same OUT as a local run (a real LocalCluster)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan.batch import run_batch
from vnplan.cluster import DaskEngine

distributed = pytest.importorskip("dask.distributed", reason="pip install 'vnplan[dask]'")

INPUTS = [
    "samples/lao-cai-122-kh-ubnd-2022.pdf",
    "samples/lang-son-227-kh-ubnd-2021.docx",
    "samples/web/can-tho-news-2024.html",
    "samples/thua-thien-hue-news-173-kh-ubnd-2022.txt",
]


def test_dask_engine_matches_a_local_run(tmp_path: Path) -> None:
    local, clustered = tmp_path / "local", tmp_path / "dask"
    run_batch([*INPUTS, "samples/missing.txt"], local, workers=2)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        engine = DaskEngine(cluster.scheduler_address)
        result = run_batch([*INPUTS, "samples/missing.txt"], clustered, engine=engine)
        assert result.counts == {"converted": 4, "failed": 1}
        again = run_batch([*INPUTS, "samples/missing.txt"], clustered, engine=engine)
        assert again.counts == {"skipped": 4, "failed": 1}
    names = sorted(p.name for p in local.iterdir())
    assert names == sorted(p.name for p in clustered.iterdir())
    for name in names:
        assert (local / name).read_bytes() == (clustered / name).read_bytes(), name
