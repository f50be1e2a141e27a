"""Quality gate: score converted samples against the hand-written expected facts.

    python bench/quality.py               # convert the samples now, print the table
    python bench/quality.py --records out # score existing records (out/*.json) instead
    python bench/quality.py --check       # exit 1 when a field falls below its pinned floor

Floors live in bench/quality_floors.json; raising one is a one-line, reviewed change.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from vnplan import Document, convert
from vnplan.evaluate import below_floors, load_expected, score_records, summary

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


def floors() -> dict[str, float]:
    data: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))["lenient_f1"]
    return data


def markdown(table: dict[str, dict[str, float]]) -> str:
    lines = [
        "| field | strict F1 | lenient P | lenient R | lenient F1 | n |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in table.items():
        lines.append(
            f"| {name} | {row['strict_f1']:.3f} | {row['lenient_precision']:.3f} | "
            f"{row['lenient_recall']:.3f} | {row['lenient_f1']:.3f} | {row['support']:.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, help="score records in this folder")
    parser.add_argument("--check", action="store_true", help="fail below the pinned floors")
    parser.add_argument("--misses", action="store_true", help="list every mismatch")
    args = parser.parse_args()
    expected = load_expected(EXPECTED)
    samples = [s for facts in expected for s in facts["samples"]]
    import os

    os.chdir(ROOT)
    records = stored_records(args.records) if args.records else fresh_records(samples)
    score, missing = score_records(expected, records)
    table = summary(score)
    print(markdown(table))
    if missing:
        print(f"\nnot converted: {', '.join(missing)}")
    if args.misses:
        print("\n" + "\n".join(score.misses))
    if args.check:
        failures = below_floors(table, floors())
        if failures or missing:
            print("\nBELOW FLOOR:\n" + "\n".join(failures), file=sys.stderr)
            return 1
        print("\nall fields at or above their floors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
