"""The quality gate: every scored field stays at or above its pinned floor."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXPECTED, ROOT
from vnplan import convert
from vnplan.evaluate import below_floors, load_expected, score_records, summary


def test_scores_at_or_above_floors() -> None:
    expected = load_expected(EXPECTED)
    samples = [s for facts in expected for s in facts["samples"]]
    records = {s: convert(s) for s in samples}
    score, missing = score_records(expected, records)
    assert missing == []
    floors = json.loads((ROOT / "bench" / "quality_floors.json").read_text("utf-8"))["lenient_f1"]
    failures = below_floors(summary(score), floors)
    assert failures == [], "\n".join(failures + score.misses)


def test_gate_fails_on_a_wrong_value() -> None:
    """The gate can fail: a record with a wrong number scores below the doc_number floor."""
    expected = [f for f in load_expected(EXPECTED) if Path(f["sample"]).stem.startswith("lang-son")]
    doc = convert(expected[0]["sample"])
    doc.doc_number = "999/KH-UBND"
    score, _ = score_records(expected, {expected[0]["sample"]: doc})
    assert below_floors(summary(score), {"doc_number": 1.0}) != []
