"""Shared fixtures: the repository's samples and hand-written expected facts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "data" / "expected"


def expected_facts(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))
    return data


@pytest.fixture(autouse=True)
def _run_from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sample paths in records are relative to the repository root, as the README runs them."""
    monkeypatch.chdir(ROOT)
