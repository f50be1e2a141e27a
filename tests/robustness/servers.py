"""Real HTTP servers on 127.0.0.1 for the robustness tests, with scripted routes
(`tests/fetch/fetch_httpd.py`): started by a test, stopped at its end; and what a run left in
its output folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.fetch.fetch_httpd import Handler, TestServer, serving

__all__ = ["Handler", "TestServer", "errors", "records", "serving"]


def errors(out: Path) -> dict[str, dict[str, Any]]:
    """OUT/errors.jsonl by input (empty when the run wrote none)."""
    path = out / "errors.jsonl"
    lines = path.read_text("utf-8").splitlines() if path.exists() else []
    return {e["input"]: e for e in map(json.loads, lines)}


def records(out: Path) -> dict[str, dict[str, Any]]:
    """The records in OUT by their source's URI."""
    found = (json.loads(p.read_text("utf-8")) for p in out.glob("*.json"))
    return {r["source"]["uri"]: r for r in found}

