"""Where the start-up goes: the first conversion of one document in a fresh process, by stage.

    python bench/startup.py                          # the one-page text bench/speed.py uses
    python bench/startup.py samples/web/lao-cai-news-2023.html --repeat 5

Each run is a fresh interpreter that times, in order: importing the command line
(``vnplan.cli``: typer, rich, the batch runner and what it imports; the garbage collector paused
and what is loaded frozen, as ``vnplan/__main__.py`` does, which freezes again at the end),
reading the document, extracting its structure, normalizing and aligning it (each the first
call, so imports, data files and models are paid here), validating the record, and then the
same document a second time (the steady cost). The fastest of ``--repeat`` runs of each stage
is shown, in wall and in CPU seconds (``time.process_time``: what varies least on a machine
shared with other work), next to ``python -c "import pydantic"``. The interpreter's own start
and exit are timed from outside, in wall seconds only.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from speed import compile_package, one_page_text  # noqa: E402

STAGES = """
import gc, json, sys, time
marks = [("interpreter", time.perf_counter(), time.process_time())]
def mark(name): marks.append((name, time.perf_counter(), time.process_time()))
gc.disable(); import vnplan.cli; gc.enable(); gc.freeze(); mark("import vnplan.cli")
from vnplan.extract.document import extract_document, sha256_hex
from vnplan.extract.readers import read_layout
from vnplan.formats import BY_NAME, sniff
from vnplan.schema import Document, Source
mark("import the pipeline")
data = open(sys.argv[1], "rb").read(); fmt = sniff(data)
layout = read_layout(data, fmt, sys.argv[1]); mark("read (first call)")
source = Source(uri=sys.argv[1], format=BY_NAME[fmt].record_format, sha256=sha256_hex(data))
doc = extract_document(layout, source); mark("extract (first call)")
from vnplan.normalize import normalize_document
doc = normalize_document(doc); mark("normalize (first call)")
from vnplan.align import align_document
doc = align_document(doc); mark("align (first call)")
Document.model_validate(doc.model_dump()); mark("validate")
vnplan.convert(sys.argv[1]); mark("the same document again")
print(json.dumps([(name, b - a, d - c) for (_, a, c), (name, b, d) in zip(marks, marks[1:])]))
gc.freeze()
"""
Stage = tuple[str, float, float]  # name, wall seconds, CPU seconds


def run_stages(path: Path) -> list[Stage]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", STAGES, str(path)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    total = time.perf_counter() - start
    stages: list[Stage] = [tuple(x) for x in json.loads(done.stdout.splitlines()[-1])]
    inside = sum(seconds for _, seconds, _ in stages)
    return [("interpreter start and exit", total - inside, float("nan")), *stages]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.path.resolve() if args.path else one_page_text(Path(tmp))
        best: dict[str, float] = {}
        cpu: dict[str, float] = {}
        pydantic = float("inf")
        for _ in range(args.repeat):
            for name, seconds, cpu_seconds in run_stages(path):
                best[name] = min(best.get(name, seconds), seconds)
                cpu[name] = min(cpu.get(name, cpu_seconds), cpu_seconds)
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "import pydantic"], check=True)
            pydantic = min(pydantic, time.perf_counter() - start)
    first = sum(s for n, s in best.items() if n != "the same document again")
    first_cpu = sum(s for n, s in cpu.items()
                    if n not in {"the same document again", "interpreter start and exit"})
    print(f"`python bench/startup.py{' ' + str(args.path) if args.path else ''}`: "
          f"{path.name}, fastest of {args.repeat}\n")
    print("| stage | seconds | share of the first conversion | CPU seconds |\n"
          "|---|---:|---:|---:|")
    for name, seconds in best.items():
        share = f"{seconds / first:.0%}" if name != "the same document again" else "–"
        cpu_cell = "–" if name == "interpreter start and exit" else f"{cpu[name]:.3f}"
        print(f"| {name} | {seconds:.3f} | {share} | {cpu_cell} |")
    print(f"| **first conversion, whole process** | **{first:.2f}** | | "
          f"{first_cpu:.2f} (after the interpreter's start) |")
    print(f"| `python -c \"import pydantic\"` | {pydantic:.3f} | | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
