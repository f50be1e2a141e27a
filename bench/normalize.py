"""The normalizer's cost against the size of the text, as whole processes.

    python bench/normalize.py                 # 1, 4 and 16 copies of the sample plan's text
    python bench/normalize.py --copies 1 8    # other sizes

The sample plan (samples/lao-cai-122-kh-ubnd-2022.txt) is extracted once without
normalization (not timed), and its sections and tables are repeated N times into one record,
each line of a copy marked with the copy's number so that no line repeats an earlier one (a
repeated line would be found in the caches, not matched again). Then two processes run on
that record, each timed whole (start-up included) in CPU seconds:

* the baseline reads the record and splits every text entities are counted in into its
  folded words (``analyse``): what any matcher over the text must pay;
* vnplan runs ``normalize_document`` on it (repairs, province, agency cells, entities).

Printed per size: the text entities are counted in, both times, the normalizer's time past
the baseline, and what each 100 KB past the smallest size added to it (start-up, underthesea's
model included, is paid once). A linear normalizer keeps the last figure flat as the text
grows; one that matched at every position of every text would not.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "lao-cai-122-kh-ubnd-2022.txt"

PREPARE = """
import sys
from vnplan.normalize.fields import editable_fields
from vnplan.pipeline import ConvertOptions, convert
plan = convert(sys.argv[1], ConvertOptions(normalize=False))
copies = []
for k in range(int(sys.argv[3])):
    copy = plan.model_copy(deep=True)
    for field in editable_fields(copy) if k else ():
        value = field.get()
        if value:  # each line marked with the copy's number: no line repeats an earlier one
            field.set("\\n".join(f"{line} (bản {k})" if line.strip() else line
                                  for line in value.split("\\n")))
    copies.append(copy)
doc = plan.model_copy(update={
    "sections": [s for c in copies for s in c.sections],
    "appendices": [a for c in copies for a in c.appendices]})
open(sys.argv[2], "w", encoding="utf-8").write(doc.model_dump_json())
"""

BASELINE = """
import sys
from vnplan.normalize.fields import entity_texts
from vnplan.normalize.matcher import analyse
from vnplan.schema import Document
doc = Document.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
print(sum(len(analyse(t).tokens) for t in entity_texts(doc)))
"""

NORMALIZE = """
import sys
from vnplan.normalize import normalize_document
from vnplan.schema import Document
doc = Document.model_validate_json(open(sys.argv[1], encoding="utf-8").read())
print(len(normalize_document(doc).entities.agencies))
"""


def _text_size(record: Path) -> int:
    """Bytes of text entities are counted in."""
    from vnplan.normalize.fields import entity_texts
    from vnplan.schema import Document

    doc = Document.model_validate_json(record.read_text(encoding="utf-8"))
    return sum(len(t.encode("utf-8")) for t in entity_texts(doc))


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(script: str, *args: str) -> float:
    """CPU seconds of a whole process (other load on the machine disturbs them less than the
    wall time)."""
    start = _cpu()
    subprocess.run([sys.executable, "-c", script, *args], check=True, capture_output=True)
    return _cpu() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16])
    args = parser.parse_args(argv)
    print("| copies | text | baseline (analyse), CPU s | normalize, CPU s | past the baseline "
          "| per 100 KB more |")
    print("|---:|---:|---:|---:|---:|---:|")
    first: tuple[float, float] | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.copies:
            record = Path(tmp) / f"plan-{n}.json"
            subprocess.run([sys.executable, "-c", PREPARE, str(SAMPLE), str(record), str(n)],
                           check=True, capture_output=True)
            kb = _text_size(record) / 1000
            base = _timed(BASELINE, str(record))
            full = _timed(NORMALIZE, str(record))
            past = full - base
            first = first or (kb, past)
            more = f"{(past - first[1]) / (kb - first[0]) * 100:.2f}" if kb > first[0] else "–"
            print(f"| {n} | {kb:,.0f} KB | {base:.2f} | {full:.2f} | {past:.2f} | {more} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
