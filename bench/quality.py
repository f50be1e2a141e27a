"""Quality gate: score converted samples against the hand-written expected facts.

    python bench/quality.py               # convert the samples now, print the tables
    python bench/quality.py --records out # score existing records (out/*.json) instead
    python bench/quality.py --check       # exit 1 when a field falls below its pinned floor
    python bench/quality.py --misses      # also list every mismatch

Scores are kept per kind of input (txt, pdf, pdf-ocr = scanned, docx, html): every sample
that is a copy of a seed document is scored against that seed's facts. Floors live in
bench/quality_floors.json, per kind of input; raising one is a one-line, reviewed change.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from vnplan import Document, convert
from vnplan.evaluate import below_floors, load_expected, score_by_group, summary

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected"
FLOORS = ROOT / "bench" / "quality_floors.json"


def fresh_records(samples: list[str]) -> dict[str, Document]:
    return {s: convert(s) for s in samples if (ROOT / s).exists()}


def stored_records(folder: Path) -> dict[str, Document]:
    records = {}
    for path in sorted(folder.glob("*.json")):
        doc = Document.model_validate_json(path.read_text("utf-8"))
        records[doc.source.uri] = doc
    return records


def floors() -> dict[str, dict[str, float]]:
    data: dict[str, dict[str, float]] = json.loads(FLOORS.read_text("utf-8"))["lenient_f1"]
    return data


def markdown(tables: dict[str, dict[str, dict[str, float]]]) -> str:
    """One row per field, one lenient-F1 column per kind of input (strict F1 in brackets)."""
    groups = list(tables)
    fields = sorted({f for table in tables.values() for f in table})
    lines = ["| field | " + " | ".join(groups) + " |", "|---|" + "---:|" * len(groups)]
    for name in fields:
        cells = []
        for group in groups:
            row = tables[group].get(name)
            cells.append(
                f"{row['lenient_f1']:.3f} ({row['strict_f1']:.3f})"
                if row and row["support"]
                else "–"
            )
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def check(tables: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    failures = []
    for group, group_floors in floors().items():
        failures += [f"{group} {f}" for f in below_floors(tables.get(group, {}), group_floors)]
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--records", type=Path, help="score records in this folder")
    parser.add_argument("--check", action="store_true", help="fail below the pinned floors")
    parser.add_argument("--misses", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    expected = load_expected(EXPECTED)
    os.chdir(ROOT)
    samples = [s for facts in expected for s in facts["samples"]]
    records = stored_records(args.records) if args.records else fresh_records(samples)
    scores, missing = score_by_group(expected, records)
    tables = {group: summary(score) for group, score in scores.items()}
    print("lenient F1 (strict F1) per field and kind of input\n")
    print(markdown(tables))
    if missing:
        print(f"\nnot converted: {', '.join(missing)}")
    if args.misses:
        for group, score in scores.items():
            print(f"\n## {group}\n" + "\n".join(score.misses))
    if args.check:
        failures = check(tables)
        if failures or missing:
            print("\nBELOW FLOOR:\n" + "\n".join(failures), file=sys.stderr)
            return 1
        print("\nall fields at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
