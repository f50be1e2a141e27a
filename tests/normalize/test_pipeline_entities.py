"""The five samples through the whole pipeline (``vnplan.convert``), against the hand-labelled
entities in tests/data/expected_entities — the same comparison as ``bench/entities.py``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import vnplan

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "data" / "expected_entities"
SAMPLES = ROOT / "samples"
THRESHOLD = 0.95

convert = getattr(vnplan, "convert", None)
pytestmark = pytest.mark.skipif(convert is None, reason="vnplan.convert is not available")


def entity_sets(doc: Any) -> dict[str, set[str]]:
    p = doc.province
    return {
        "agencies": {m.id or f"?{m.raw}" for m in doc.entities.agencies},
        "heritage": {h.id for h in doc.entities.heritage},
        "partners": {x.name for x in doc.entities.partners},
        "province": {f"{p.name}|{p.code}|{p.name_2025}"} if p else set(),
    }


def expected_sets(data: dict[str, Any]) -> dict[str, set[str]]:
    p = data["province"]
    return {
        "agencies": set(data["agencies"]),
        "heritage": set(data["heritage"]),
        "partners": set(data["partners"]),
        "province": {f"{p['name']}|{p['code']}|{p['name_2025']}"},
    }


@pytest.fixture(scope="module")
def pairs() -> list[tuple[str, dict[str, set[str]], dict[str, set[str]]]]:
    assert convert is not None
    out = []
    for path in sorted(EXPECTED.glob("*.json")):
        doc = convert(SAMPLES / f"{path.stem}.txt")
        out.append((path.stem, entity_sets(doc), expected_sets(json.loads(path.read_text()))))
    return out


@pytest.mark.parametrize("kind", ["agencies", "heritage", "partners", "province"])
def test_overall_f1(
    pairs: list[tuple[str, dict[str, set[str]], dict[str, set[str]]]], kind: str
) -> None:
    tp = sum(len(got[kind] & want[kind]) for _, got, want in pairs)
    predicted = sum(len(got[kind]) for _, got, _ in pairs)
    expected = sum(len(want[kind]) for _, _, want in pairs)
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    gaps = {
        stem: (sorted(got[kind] - want[kind]), sorted(want[kind] - got[kind]))
        for stem, got, want in pairs
        if got[kind] != want[kind]
    }
    assert precision >= THRESHOLD and recall >= THRESHOLD, gaps


def test_provinces_exact(pairs: list[tuple[str, dict[str, set[str]], dict[str, set[str]]]]) -> None:
    assert {stem: got["province"] for stem, got, _ in pairs} == {
        stem: want["province"] for stem, _, want in pairs
    }
