"""Run a batch on a Dask distributed cluster: the same per-document function, the same OUT.

    pip install 'vnplan[dask]'
    dask scheduler &  dask worker tcp://HOST:8786 &   # on the cluster's machines
    vnplan convert corpus/ -o out --engine dask --scheduler tcp://HOST:8786

Workers read the input files by the path the driver gives, so inputs must be on a file system
every worker sees (or be URLs fetched by the driver). Workers return the record's JSON text and
the driver writes it, so OUT only has to exist on the driver. Skipping of finished inputs,
atomic writes and errors.jsonl are the same as for a local run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from vnplan.batch import LocalJob, Outcome, is_done, record_json, write_atomic
from vnplan.errors import ConversionError
from vnplan.pipeline import convert
from vnplan.workers import Failure


@dataclass(frozen=True)
class ClusterResult:
    """What a cluster task sends back: the record's JSON, or why there is none."""

    outcome: Outcome
    record: str | None = None


def convert_on_worker(item: str, name: str) -> ClusterResult:
    """The per-document task a cluster worker runs (no writes: the driver owns OUT)."""
    try:
        doc = convert(item)
    except ConversionError as exc:
        return ClusterResult(Outcome(item, "failed", code=exc.code, message=str(exc)))
    except Exception as exc:  # a parser bug must not lose the other documents
        return ClusterResult(Outcome(item, "failed", code="internal_error", message=repr(exc)))
    outcome = Outcome(item, "converted", output=name, kind=doc.kind, warnings=len(doc.warnings))
    return ClusterResult(outcome, record_json(doc))


@dataclass(frozen=True)
class DaskEngine:
    """A batch engine backed by a Dask scheduler (`tcp://host:port`)."""

    scheduler: str

    def __call__(self, jobs: list[LocalJob]) -> Iterator[tuple[LocalJob, Outcome | Failure]]:
        try:
            from dask.distributed import Client, as_completed
        except ImportError as exc:  # pragma: no cover - depends on the optional extra
            raise SystemExit("the dask engine needs: pip install 'vnplan[dask]'") from exc
        todo = []
        for job in jobs:
            path = Path(job.item)
            if (
                not job.force
                and path.is_file()
                and is_done(job.out_dir / job.name, path.read_bytes())
            ):
                yield job, Outcome(job.item, "skipped", output=job.name)
            else:
                todo.append(job)
        if not todo:
            return
        with Client(self.scheduler) as client:  # type: ignore[no-untyped-call]
            futures = {
                client.submit(convert_on_worker, job.item, job.name, pure=False): job
                for job in todo
            }
            for future in as_completed(futures):  # type: ignore[no-untyped-call]
                job = futures[future]
                try:
                    result: ClusterResult = future.result()
                except Exception as exc:  # the worker died or the task could not run
                    yield job, Failure("worker_died", f"cluster task failed: {exc!r}")
                    continue
                if result.record is not None:
                    write_atomic(job.out_dir / job.name, result.record)
                yield job, result.outcome
