"""The bad-input corpus (tests/robustness/corpus.py) through one `vnplan convert` batch:
what each input became, and whether anything was lost.

    python bench/bad_inputs.py
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.robustness.corpus import EXPECTED, build  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        corpus, out = build(Path(tmp) / "corpus"), Path(tmp) / "out"
        subprocess.run(
            [sys.executable, "-m", "vnplan", "convert", str(corpus), "-o", str(out)],
            capture_output=True,
            check=False,
        )
        errors_file = out / "errors.jsonl"
        errors = (
            {
                Path(e["input"]).name: e
                for e in map(json.loads, errors_file.read_text("utf-8").splitlines())
            }
            if errors_file.exists()
            else {}
        )
        records = {
            Path(json.loads(p.read_text("utf-8"))["source"]["uri"]).name for p in out.glob("*.json")
        }
    print("| input | outcome | allowed |\n|---|---|---|")
    for name in sorted(EXPECTED):
        got = "record" if name in records else errors.get(name, {}).get("code", "LOST")
        print(f"| {name} | {got} | {', '.join(sorted(EXPECTED[name]))} |")
    lost = set(EXPECTED) - records - set(errors)
    wrong = [
        n
        for n in EXPECTED
        if ("record" if n in records else errors.get(n, {}).get("code")) not in EXPECTED[n]
    ]
    print(
        f"\n{len(EXPECTED)} inputs: {len(records)} records, {len(errors)} clear errors, "
        f"{len(lost)} lost, {len(wrong)} unexpected outcomes"
    )
    return 1 if lost or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
