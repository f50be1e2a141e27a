"""Run a batch on a Dask distributed cluster: the same `run_job`, the same limits, the same OUT.

    pip install 'vnplan[dask]'
    dask scheduler &  dask worker tcp://HOST:8786 &   # on the cluster's machines
    vnplan convert corpus/ -o out --engine dask --scheduler tcp://HOST:8786

Each task runs `run_job` in a worker process of its own on the Dask worker's machine, under the
run's time and memory limits, so a document that hangs or exhausts memory fails alone there too.
Local inputs are read by the path the driver gives, so they must be on a file system every
worker sees; URLs are fetched by the driver and their bytes sent with the task. Workers return
the record's JSON text and the driver writes it, so OUT only has to exist on the driver.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from vnplan.jobs import Job, JobResult, failure_result, run_job, warm_up
from vnplan.workers import Failure, Limits, WorkerPool

_local = threading.local()  # each Dask worker thread keeps its own worker process


def run_job_isolated(job: Job, limits: Limits) -> JobResult:
    """The task a cluster worker runs: `run_job` in a worker process under `limits`."""
    pool: WorkerPool[Job, JobResult] | None = getattr(_local, "pool", None)
    if pool is None or pool.limits != limits:
        if pool is not None:
            pool.close()
        warm_up()  # once per Dask worker process: its worker processes are forked warm
        pool = _local.pool = WorkerPool(run_job, 1, limits)
    for _job, got in pool.run([job]):
        return got if isinstance(got, JobResult) else failure_result(job, got)
    raise AssertionError("a pool returns one result per job")


@dataclass(frozen=True)
class DaskEngine:
    """A batch engine backed by a Dask scheduler (`tcp://host:port`)."""

    scheduler: str
    limits: Limits = field(default_factory=Limits)

    def __call__(self, jobs: Iterable[Job]) -> Iterator[tuple[Job, JobResult]]:
        try:
            from dask.distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise SystemExit("the dask engine needs: pip install 'vnplan[dask]'") from exc
        with Client(self.scheduler) as client:  # type: ignore[no-untyped-call]
            running: dict[str, Job] = {}
            done: Any = as_completed()  # type: ignore[no-untyped-call]
            for job in jobs:  # submitted as they come (URLs are fetched while others run)
                future = client.submit(run_job_isolated, job, self.limits, pure=False)
                running[future.key] = job
                done.add(future)
                while done.has_ready():
                    yield self._result(running, next(done))
            for future in done:
                yield self._result(running, future)

    @staticmethod
    def _result(running: dict[str, Job], future: Any) -> tuple[Job, JobResult]:
        job = running.pop(future.key)
        try:
            result: JobResult = future.result()
        except Exception as exc:  # the Dask worker died or the task could not run
            lost = Failure("worker_died", f"the cluster task failed: {type(exc).__name__}: {exc}")
            return job, failure_result(job, lost)
        return job, result
