"""Shared fixtures: the repository's samples, hand-written expected facts, and the samples
converted once per test run for the tests that read the same conversion."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import pytest
from typer.testing import CliRunner

from vnplan.cli import app
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Document

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "data" / "expected"


class Cached(Protocol):
    def cache_clear(self) -> None: ...


def cleared(*cached: Cached) -> Iterator[None]:
    """For a fixture (``yield from cleared(f)``): the caches of ``cached`` emptied before the
    test and after it, so no answer cached by one test reaches another."""
    for function in cached:
        function.cache_clear()
    yield
    for function in cached:
        function.cache_clear()


def expected_facts(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"{stem}.json").read_text("utf-8"))
    return data


@pytest.fixture(autouse=True)
def _run_from_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sample paths in records are relative to the repository root, as the README runs them."""
    monkeypatch.chdir(ROOT)


@cache
def _conversion(source: str, options: ConvertOptions | None) -> Document:
    with contextlib.chdir(ROOT):
        return convert(source, options)


def converted(source: str | Path, options: ConvertOptions | None = None) -> Document:
    """`convert(source, options)`, run once per test run for each input (as written) and options;
    each caller gets its own copy, free to change."""
    return _conversion(str(source), options).model_copy(deep=True)


@pytest.fixture(scope="session")
def samples_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What the README's main command, `vnplan convert samples -o out`, writes: run once per
    test run (the scan alone takes a minute of OCR) for the tests that read those records."""
    out = tmp_path_factory.mktemp("samples") / "out"
    with contextlib.chdir(ROOT):
        CliRunner().invoke(app, ["convert", "samples", "-o", str(out)])
    return out


@pytest.fixture
def sample_records(samples_out: Path) -> dict[str, Document]:
    """The records of `samples_out` by their source (`samples/…`), read afresh for each test."""
    docs = (Document.model_validate_json(p.read_text("utf-8")) for p in samples_out.glob("*.json"))
    return {doc.source.uri: doc for doc in docs}
