"""An output folder of real records (the .txt samples, converted once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

from vnplan import convert
from vnplan.outputs.cli import summaries_of
from vnplan.outputs.records import Loaded, load_folder
from vnplan.outputs.summary import Summary

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="session")
def records_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OUT/ as `vnplan convert samples/*.txt -o OUT` writes it (records not yet aligned)."""
    out = tmp_path_factory.mktemp("out")
    for path in sorted(SAMPLES.glob("*.txt")):
        doc = convert(path, uri=f"samples/{path.name}")
        (out / f"{path.name}.json").write_text(doc.model_dump_json(indent=2), "utf-8")
    return out


@pytest.fixture(scope="session")
def loaded(records_dir: Path) -> Loaded:
    return load_folder(records_dir)


@pytest.fixture(scope="session")
def summaries(loaded: Loaded) -> list[Summary]:
    return summaries_of(loaded)


@pytest.fixture(scope="session")
def by_province(summaries: list[Summary]) -> dict[tuple[str, str], Summary]:
    """Summaries keyed by (kind, province)."""
    return {(s.kind, s.province): s for s in summaries}
