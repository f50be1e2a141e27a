"""out/ is exactly what the README's main command writes for samples/ (regenerate on purpose:
`vnplan convert samples -o out --force`)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.conftest import ROOT
from vnplan.cli import app


def test_out_matches_a_fresh_conversion_of_samples(tmp_path: Path) -> None:
    fresh = tmp_path / "out"
    CliRunner().invoke(app, ["convert", "samples", "-o", str(fresh)])
    committed = ROOT / "out"
    names = sorted(p.name for p in committed.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in fresh.iterdir() if not p.name.startswith("."))
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), (
            f"out/{name} is stale: run `vnplan convert samples -o out --force` and review the diff"
        )
