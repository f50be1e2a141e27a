"""A long PDF's pages read by one process or by forked ones, timed by CPU on the critical path.

    python bench/page_processes.py                 # the plan repeated to 10 … 80 and 300 pages
    python bench/page_processes.py --repeat 5

Wall-clock times need idle cores; CPU seconds vary less on a shared machine. For each size,
the pages are read (`pdf_pages.read_pages`) by this process alone and by two children: the
critical path is this process's CPU plus the slower child's (each child's own CPU, from
`wait4`), next to the CPU of all of them. Then the whole conversion of the 300-page plan in a
fresh process, with one reading process and with two: the import, the reading (the children's,
with what the converting process does meanwhile), and the rest; the critical path counts the
reading as the larger of the slower child and half of all the reading's CPU (two cores).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from speed import PLAN, compile_package, repeated_plan  # noqa: E402

CONVERSION = r"""
import gc, json, os, sys, time
start = time.process_time()
gc.disable(); import vnplan.cli; gc.enable(); gc.freeze()
from vnplan.extract.readers import pdf
from vnplan.pipeline import ConvertOptions, convert
from vnplan.store import record_json
children, marks = [], {}
def waitpid(pid, options):
    _, status, usage = os.wait4(pid, options)
    children.append(usage.ru_utime + usage.ru_stime)
    return pid, status
os.waitpid = waitpid
read_pages = pdf.read_pages
def timed_read(*args, **kwargs):
    marks["read"] = time.process_time()
    try:
        return read_pages(*args, **kwargs)
    finally:
        marks["read"] = time.process_time() - marks["read"]
pdf.read_pages = timed_read
imported = time.process_time()
record_json(convert(sys.argv[1], ConvertOptions(page_processes=int(sys.argv[2]))))
rest = time.process_time() - imported - marks["read"]
print(json.dumps({"import": imported - start, "read": marks["read"], "children": children,
                  "rest": rest}))
"""


def child_cpu() -> list[float]:
    """Patch `os.waitpid` so that each reaped child's CPU seconds are recorded."""
    seen: list[float] = []

    def waitpid(pid: int, options: int) -> tuple[int, int]:
        _, status, usage = os.wait4(pid, options)
        seen.append(usage.ru_utime + usage.ru_stime)
        return pid, status

    os.waitpid = waitpid
    return seen


def read_rows(sizes: list[int], repeat: int) -> list[str]:
    import pypdfium2 as pdfium

    from vnplan.extract.readers import pdf_pages
    from vnplan.extract.readers.pdf import open_pdf

    seen = child_cpu()
    source = pdfium.PdfDocument(PLAN)
    pdf_pages.read_pages(open_pdf(PLAN.read_bytes()), {}, 1)  # first call: loads, imports
    rows = ["| pages | one process: CPU s | two children: critical path CPU s | all CPU s |",
            "|---:|---:|---:|---:|"]
    for size in sizes:
        target = pdfium.PdfDocument.new()
        while len(target) < size:
            target.import_pages(source, list(range(min(len(source), size - len(target)))))
        buffer = io.BytesIO()
        target.save(buffer)
        doc = open_pdf(buffer.getvalue())
        serial = path = total = float("inf")
        for _ in range(repeat):
            begin = time.process_time()
            pdf_pages.read_pages(doc, {}, 1)
            serial = min(serial, time.process_time() - begin)
            seen.clear()
            begin = time.process_time()
            pdf_pages._collect(pdf_pages._read_forked(doc, {}, 2, None))
            own = time.process_time() - begin
            path, total = min(path, own + max(seen)), min(total, own + sum(seen))
        rows.append(f"| {size} | {serial:.3f} | {path:.3f} | {total:.3f} |")
        doc.close()
    return rows


def conversion_rows(path: Path, repeat: int) -> list[str]:
    rows = ["| reading processes | import | reading: this process · children | rest "
            "| critical path CPU s |", "|---:|---:|---:|---:|---:|"]
    for processes in (1, 2):
        best: tuple[float, dict[str, object]] | None = None
        for _ in range(repeat):
            done = subprocess.run([sys.executable, "-c", CONVERSION, str(path), str(processes)],
                                  cwd=ROOT, capture_output=True, text=True, check=True)
            run = json.loads(done.stdout.splitlines()[-1])
            kids = run["children"]
            reading = max(max(kids), (sum(kids) + run["read"]) / 2) if kids else run["read"]
            critical = run["import"] + reading + run["rest"]
            if best is None or critical < best[0]:
                best = (critical, run)
        assert best is not None
        critical, run = best
        kids = " · ".join(f"{k:.2f}" for k in run["children"]) or "–"  # type: ignore[attr-defined]
        rows.append(f"| {processes} | {run['import']:.2f} | {run['read']:.2f} · {kids} | "
                    f"{run['rest']:.2f} | {critical:.2f} |")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="10,20,40,80,300")
    args = parser.parse_args()
    compile_package()
    load = os.getloadavg()[0]
    rows = read_rows([int(n) for n in args.sizes.split(",")], args.repeat)
    with tempfile.TemporaryDirectory(prefix="vnplan-pages-") as folder:
        rows += ["", *conversion_rows(repeated_plan(300, Path(folder)), args.repeat)]
    print(f"`python bench/page_processes.py`: fastest of {args.repeat}, load average "
          f"{load:.1f} → {os.getloadavg()[0]:.1f}\n")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
