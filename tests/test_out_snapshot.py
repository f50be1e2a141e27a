"""out/ is exactly what the README's main command writes for samples/ (regenerate on purpose:
`vnplan convert samples -o out --force`)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT


def test_out_matches_a_fresh_conversion_of_samples(samples_out: Path) -> None:
    fresh = samples_out  # `vnplan convert samples -o <fresh>`, run once for the test run
    committed = ROOT / "out"
    names = sorted(p.name for p in committed.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in fresh.iterdir() if not p.name.startswith("."))
    for name in names:
        assert (fresh / name).read_bytes() == (committed / name).read_bytes(), (
            f"out/{name} is stale: run `vnplan convert samples -o out --force` and review the diff"
        )
