"""Where the start-up goes: the first conversion of one document in a fresh process, by stage.

    python bench/startup.py                          # the one-page text bench/speed.py uses
    python bench/startup.py samples/web/lao-cai-news-2023.html --repeat 5
    python bench/startup.py --parts --repeat 7      # the floor: what each layer adds, as processes

Each run is a fresh interpreter that times, in order: importing the command line
(``vnplan.cli``: typer, rich, the batch runner and what it imports; pydantic's plugins not looked
for, the garbage collector paused and what is loaded frozen, as ``vnplan/__main__.py`` does,
which freezes again at the end),
reading the document, extracting its structure, normalizing and aligning it (each the first
call, so imports, data files and models are paid here), validating the record, and then the
same document a second time (the steady cost). The fastest of ``--repeat`` runs of each stage
is shown, in wall and in CPU seconds (``time.process_time``: what varies least on a machine
shared with other work), next to ``python -c "import pydantic"``. The interpreter's own start
and exit are timed from outside, in wall seconds only.

``--parts`` measures the layers one under the other instead, each a whole process timed by the
CPU seconds of its tree (fastest of ``--repeat``, interleaved): the interpreter, ``import
pydantic``, its ``BaseModel``, the record's models, the pipeline's modules, typer and rich, the
rest of the command line, and the whole ``vnplan convert``; each row's increase over the row
above is what that layer costs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from speed import compile_package, one_page_text  # noqa: E402

PARTS = (
    ("the interpreter (`-c pass`)", "pass"),
    ("`import pydantic` (its lazy shell: the baseline)", "import pydantic"),
    ("+ pydantic's `BaseModel`", "from pydantic import BaseModel"),
    ("+ the record's 24 models", "import vnplan.schema.models"),
    ("+ the pipeline's modules (extract's rules, patterns, dataclasses)", "import vnplan.pipeline"),
    ("+ typer and rich", "import vnplan.pipeline, typer, rich.console, rich.text, rich.table"),
    ("+ the rest of the command line (runner, store, options, progress)", "import vnplan.cli"),
)

STAGES = """
import gc, json, os, sys, time
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as vnplan/__main__.py does
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


def cpu_seconds(command: list[str]) -> float:
    """The CPU seconds (user + system) of `command`'s process tree, run in a wrapper process."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
               "capture_output=True); u = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(u.ru_utime + u.ru_stime)")
    env = {**os.environ, "PYDANTIC_DISABLE_PLUGINS": "__all__"}  # as the command runs
    done = subprocess.run([sys.executable, "-c", wrapper, *command], cwd=ROOT, env=env,
                          capture_output=True, text=True, check=True)
    return float(done.stdout.strip())


def print_parts(path: Path, out: Path, repeat: int) -> None:
    convert = [sys.executable, "-m", "vnplan", "convert", str(path), "-o", str(out), "--force"]
    commands = [(name, [sys.executable, "-c", code]) for name, code in PARTS]
    commands.append((f"+ converting {path.name} (`vnplan convert`, whole)", convert))
    best = {name: float("inf") for name, _ in commands}
    for _ in range(repeat):
        for name, command in commands:
            best[name] = min(best[name], cpu_seconds(command))
    baseline = best[PARTS[1][0]]
    print(f"`python bench/startup.py --parts`: {path.name}, CPU seconds, fastest of {repeat}\n")
    print("| layer | CPU seconds | it adds | × `import pydantic` |\n|---|---:|---:|---:|")
    previous = 0.0
    for name, seconds in best.items():
        print(f"| {name} | {seconds:.3f} | {seconds - previous:+.3f} | {seconds / baseline:.1f}× |")
        previous = seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--parts", action="store_true", help="what each layer adds")
    args = parser.parse_args()
    compile_package()
    if args.parts:
        with tempfile.TemporaryDirectory() as tmp:
            path = args.path.resolve() if args.path else one_page_text(Path(tmp))
            print_parts(path, Path(tmp) / "out", args.repeat)
        return 0
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
