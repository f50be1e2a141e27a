"""The quality gate: for every kind of input, every scored field stays at or above its floor."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import EXPECTED, ROOT, converted
from vnplan.evaluate import below_floors, load_expected, score_by_group, summary
from vnplan.schema import Document

FLOORS = json.loads((ROOT / "bench" / "quality_floors.json").read_text("utf-8"))["lenient_f1"]


def test_scores_at_or_above_floors(sample_records: dict[str, Document]) -> None:
    """Scored on the records `vnplan convert samples -o out` writes (converted once a test run)."""
    expected = load_expected(EXPECTED)
    records = {s: sample_records[s] for facts in expected for s in facts["samples"]}
    scores, missing = score_by_group(expected, records)
    assert missing == []
    assert set(scores) == set(FLOORS) == {"docx", "html", "pdf", "pdf-ocr", "txt"}
    failures = []
    for group, score in scores.items():
        failures += [f"{group}: {f}" for f in below_floors(summary(score), FLOORS[group])]
    assert failures == [], "\n".join(failures)


def test_gate_fails_on_a_wrong_value() -> None:
    """The gate can fail: a record with a wrong number scores below the doc_number floor."""
    expected = [
        f for f in load_expected(EXPECTED) if f["sample"].endswith("lang-son-227-kh-ubnd-2021.txt")
    ]
    doc = converted(expected[0]["sample"])
    doc.doc_number = "999/KH-UBND"
    scores, _ = score_by_group(expected, {expected[0]["sample"]: doc})
    assert below_floors(summary(scores["txt"]), FLOORS["txt"]) != []


def test_every_seed_is_scored_in_every_form_it_is_sampled_in() -> None:
    samples = {s for facts in load_expected(EXPECTED) for s in facts["samples"]}
    assert {Path(s).suffix for s in samples} == {".txt", ".pdf", ".docx", ".html"}
    assert "samples/lao-cai-122-kh-ubnd-2022-scan.pdf" in samples
