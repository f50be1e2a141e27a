"""Speed and memory as a user meets them: whole processes, each next to its baselines.

    python bench/speed.py                 # start-up, web page, PDFs of 15, 300 and 1,000 pages
    python bench/speed.py --scan          # ... and OCR of the scanned sample
    python bench/speed.py --only startup,web --repeat 5

Every number is one fresh process, timed from outside (wall seconds) with its CPU seconds (user
+ system, of its whole tree) and peak RSS (the largest process of its tree), from
``RUSAGE_CHILDREN`` of a small wrapper process. Each row's commands run interleaved,
``--repeat`` times, and the fastest run of each counts, so a ratio compares runs made side by
side in the same minute; the summary also gives each target's ratio round by round (one run of
each command against the others of its round), as the median of the rounds and their range; on
a machine shared with other work the CPU seconds vary less than the wall seconds. vnplan's
modules are byte-compiled first, as ``pip install`` leaves them (a checkout run with
``PYTHONDONTWRITEBYTECODE`` would compile its sources in every process).

- **start-up**: ``vnplan convert`` of a one-page text against ``python -c "import pydantic"``.
- **web page**: ``vnplan convert`` of a news page against trafilatura's plain ``extract`` of
  the same page as a process.
- **PDF**: ``vnplan convert`` against the naive pdfplumber baseline (``extract_text`` +
  ``extract_tables`` on every page), pymupdf4llm's ``to_markdown`` and pypdfium2's raw text
  (the decoding floor), on the 15-page Lào Cai plan and on that plan repeated to 300 and 1,000
  pages (built with pypdfium2 at run time).
- **OCR** (``--scan``): ``vnplan convert`` of the 15-page scan against bare ``tesseract -l vie``
  on the same renders (vnplan's resolution, as many processes at once as vnplan runs) and
  ``ocrmypdf -l vie --force-ocr`` (``pip install '.[bench]'``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
PLAN = SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf"
SCAN = SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf"
WEB = SAMPLES / "web" / "lao-cai-news-2023.html"
LONG_PAGES = (300, 1000)
PY = sys.executable
TARGETS = {"startup": 3.0, "web": 2.0, "floor": 0.30, "rss_1000": 250.0, "ocr": 1.3,
           "ocr_rss": 300.0}

PDFPLUMBER = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text(); page.extract_tables(); page.flush_cache()
"""
PYMUPDF4LLM = "import sys, pymupdf4llm; pymupdf4llm.to_markdown(sys.argv[1])"
PYPDFIUM2 = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
for i in range(len(doc)):
    page = doc[i]; text = page.get_textpage(); text.get_text_range(); text.close(); page.close()
"""
TRAFILATURA = "import sys, trafilatura; trafilatura.extract(open(sys.argv[1], 'rb').read())"
RENDER = """
import sys, pypdfium2 as pdfium
from vnplan.extract.readers.ocr_images import render_dpi
doc = pdfium.PdfDocument(sys.argv[1])
for i in range(len(doc)):
    page = doc[i]; dpi = render_dpi(page)
    page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L").save(
        f"{sys.argv[2]}/page{i:04d}.png", compress_level=1)
"""
TESSERACT = """
import os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor
env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
def read(path):
    subprocess.run(["tesseract", path, "stdout", "-l", "vie", "--psm", "3"], env=env,
                   capture_output=True, check=True)
pages = sorted(os.path.join(sys.argv[1], n) for n in os.listdir(sys.argv[1]))
with ThreadPoolExecutor(int(sys.argv[2])) as pool:
    list(pool.map(read, pages))
"""

Run = dict[str, float]


def timed(command: Sequence[str]) -> Run:
    """Run `command` in a wrapper process: its wall seconds and the peak RSS of its tree."""
    done = subprocess.run([PY, __file__, "--timed", json.dumps(list(command))],
                          capture_output=True, text=True, check=True)
    result: Run = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _wrapper(command: list[str]) -> Run:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{command} failed:\n{done.stderr.decode('utf-8', 'replace')[-2000:]}")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"seconds": seconds, "rss_mb": usage.ru_maxrss / 1024.0,
            "cpu": usage.ru_utime + usage.ru_stime}


def fastest(commands: dict[str, Callable[[], list[str]]], repeat: int,
            rounds: dict[str, list[float]] | None = None) -> dict[str, Run]:
    """Each command run `repeat` times, interleaved; the fastest run of each. `rounds`, if
    given, gets each command's wall seconds round by round."""
    best: dict[str, Run] = {}
    for _ in range(repeat):
        for name, make in commands.items():
            run = timed(make())
            if rounds is not None:
                rounds.setdefault(name, []).append(run["seconds"])
            if name not in best or run["seconds"] < best[name]["seconds"]:
                best[name] = {**run, "rss_mb": max(run["rss_mb"], best.get(name, run)["rss_mb"])}
            best[name]["cpu"] = min(run["cpu"], best[name]["cpu"])
    return best


def by_round(rounds: dict[str, list[float]], top: str, *bottom: str) -> str:
    """The median over the rounds of `top`'s seconds against the fastest of `bottom` in the
    same round: steadier than the ratio of the fastest runs, which one quick run of either
    side moves."""
    ratios = [rounds[top][i] / min(rounds[b][i] for b in bottom)
              for i in range(len(rounds[top]))]
    return (f"round by round: median {statistics.median(ratios):.2f} of {len(ratios)} "
            f"({min(ratios):.2f}–{max(ratios):.2f})")


def vnplan_convert(path: Path, out: Path) -> Callable[[], list[str]]:
    def command() -> list[str]:
        shutil.rmtree(out, ignore_errors=True)
        return [PY, "-m", "vnplan", "convert", str(path), "-o", str(out), "--force"]

    return command


def script(code: str, *args: str | Path) -> Callable[[], list[str]]:
    return lambda: [PY, "-c", code, *map(str, args)]


def repeated_plan(pages: int, folder: Path) -> Path:
    """The Lào Cai plan repeated to `pages` pages, as one PDF."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(PLAN)
    target = pdfium.PdfDocument.new()
    while len(target) < pages:
        take = min(len(source), pages - len(target))
        target.import_pages(source, list(range(take)))
    path = folder / f"plan-{pages}.pdf"
    target.save(path)
    return path


def compile_package() -> None:
    """Byte-compile vnplan's modules into their __pycache__ folders, as an install does."""
    import compileall

    import vnplan

    folders = {Path(vnplan.__file__).parent.resolve()} | {
        (Path(vnplan.__file__).parent / sub).resolve()
        for sub in ("text", "fetch", "extract", "normalize", "schema", "align", "outputs", "watch")}
    for folder in sorted(folders):
        compileall.compile_dir(str(folder), quiet=1)


def one_page_text(folder: Path) -> Path:
    """The first page of the Lạng Sơn plan's text (up to its first page break)."""
    text = (SAMPLES / "lang-son-227-kh-ubnd-2021.txt").read_text("utf-8")
    path = folder / "one-page.txt"
    path.write_text(text.split("\n\n\n\n")[0][:3000], "utf-8")
    return path


def startup_rows(tmp: Path, repeat: int, summary: list[str]) -> list[str]:
    text = one_page_text(tmp)
    rounds: dict[str, list[float]] = {}
    runs = fastest({
        "vnplan": vnplan_convert(text, tmp / "out-text"),
        "import vnplan": script("import vnplan"),
        "pydantic": script("import pydantic"),
    }, repeat, rounds)
    ratio = runs["vnplan"]["seconds"] / runs["pydantic"]["seconds"]
    cpu = runs["vnplan"]["cpu"] / runs["pydantic"]["cpu"]
    summary.append(f"start-up: a one-page text converts in {ratio:.1f}× `import pydantic` "
                   f"({cpu:.1f}× its CPU time; {by_round(rounds, 'vnplan', 'pydantic')}) "
                   f"(target ≤ {TARGETS['startup']:.0f}×)")
    return ["| one-page text | `vnplan convert` | `python -c \"import vnplan\"` | "
            "`python -c \"import pydantic\"` | vnplan / pydantic |",
            "|---|---:|---:|---:|---:|",
            f"| seconds | {runs['vnplan']['seconds']:.2f} | {runs['import vnplan']['seconds']:.2f}"
            f" | {runs['pydantic']['seconds']:.2f} | {ratio:.1f}× |",
            f"| CPU seconds | {runs['vnplan']['cpu']:.2f} | {runs['import vnplan']['cpu']:.2f}"
            f" | {runs['pydantic']['cpu']:.2f} | {cpu:.1f}× |",
            f"| peak RSS MB | {runs['vnplan']['rss_mb']:.0f} | "
            f"{runs['import vnplan']['rss_mb']:.0f} | {runs['pydantic']['rss_mb']:.0f} | |"]


def web_rows(tmp: Path, repeat: int, summary: list[str]) -> list[str]:
    rounds: dict[str, list[float]] = {}
    runs = fastest({"vnplan": vnplan_convert(WEB, tmp / "out-web"),
                    "trafilatura": script(TRAFILATURA, WEB)}, repeat, rounds)
    ratio = runs["vnplan"]["seconds"] / runs["trafilatura"]["seconds"]
    cpu = runs["vnplan"]["cpu"] / runs["trafilatura"]["cpu"]
    summary.append(f"web page: {ratio:.1f}× trafilatura's plain extract as a process "
                   f"({cpu:.1f}× its CPU time; {by_round(rounds, 'vnplan', 'trafilatura')}) "
                   f"(target ≤ {TARGETS['web']:.0f}×)")
    return [f"| {WEB.name} | `vnplan convert` | trafilatura `extract` | vnplan / trafilatura |",
            "|---|---:|---:|---:|",
            f"| seconds | {runs['vnplan']['seconds']:.2f} | {runs['trafilatura']['seconds']:.2f} "
            f"| {ratio:.1f}× |",
            f"| CPU seconds | {runs['vnplan']['cpu']:.2f} | {runs['trafilatura']['cpu']:.2f} "
            f"| {cpu:.1f}× |",
            f"| peak RSS MB | {runs['vnplan']['rss_mb']:.0f} | "
            f"{runs['trafilatura']['rss_mb']:.0f} | |"]


def pdf_rows(tmp: Path, repeat: int, summary: list[str], sizes: Sequence[int]) -> list[str]:
    files = [(15, PLAN)] + [(n, repeated_plan(n, tmp)) for n in sizes]
    lines = ["| pages | vnplan s | vnplan CPU s | pdfplumber (naive) s | pymupdf4llm s | pypdfium2 "
             "raw text s | vnplan / pdfplumber speed | vnplan / pypdfium2 pages/s | peak RSS MB: "
             "vnplan · pdfplumber · pymupdf4llm · pypdfium2 |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for pages, path in files:
        commands = {
            "vnplan": vnplan_convert(path, tmp / "out-pdf"),
            "pdfplumber": script(PDFPLUMBER, path),
            "pymupdf4llm": script(PYMUPDF4LLM, path),
            "pypdfium2": script(PYPDFIUM2, path),
        }
        if importlib.util.find_spec("pymupdf4llm") is None:  # pip install '.[bench]'
            del commands["pymupdf4llm"]
        rounds: dict[str, list[float]] = {}
        runs = fastest(commands, repeat if pages <= 300 else 1, rounds)
        ours = runs["vnplan"]["seconds"]
        speed_up = runs["pdfplumber"]["seconds"] / ours
        floor = runs["pypdfium2"]["seconds"] / ours
        columns = ("vnplan", "pdfplumber", "pymupdf4llm", "pypdfium2")
        rss = " · ".join(f"{runs[m]['rss_mb']:.0f}" if m in runs else "–" for m in columns)
        pymupdf = f"{runs['pymupdf4llm']['seconds']:.2f}" if "pymupdf4llm" in runs else "–"
        lines.append(f"| {pages} | {ours:.2f} | {runs['vnplan']['cpu']:.2f} | "
                     f"{runs['pdfplumber']['seconds']:.2f} | "
                     f"{pymupdf} | {runs['pypdfium2']['seconds']:.2f} "
                     f"| {speed_up:.2f}× | {floor:.2f} | {rss} |")
        print(lines[-1], file=sys.stderr)
        if pages == 15:
            cpu = runs["pdfplumber"]["cpu"] / runs["vnplan"]["cpu"]
            summary.append(f"15-page plan: {speed_up:.2f}× the naive pdfplumber baseline "
                           f"({cpu:.2f}× in CPU seconds: vnplan {runs['vnplan']['cpu']:.2f}, "
                           f"pdfplumber {runs['pdfplumber']['cpu']:.2f}) (target > 1×)")
        if pages == 300:
            summary.append(f"300 pages: {floor:.2f} of pypdfium2's raw-text pages/s "
                           f"({by_round(rounds, 'pypdfium2', 'vnplan')}) "
                           f"(target ≥ {TARGETS['floor']:.2f})")
        if pages == 1000:
            summary.append(f"1,000 pages: vnplan peak RSS {runs['vnplan']['rss_mb']:.0f} MB "
                           f"(target ≤ {TARGETS['rss_1000']:.0f} MB)")
    return lines


def ocr_rows(tmp: Path, repeat: int, summary: list[str]) -> list[str]:
    renders = tmp / "renders"
    renders.mkdir()
    subprocess.run([PY, "-c", RENDER, str(SCAN), str(renders)], check=True)
    pages = len(list(renders.iterdir()))
    from vnplan.cores import usable_cores  # as many tesseract processes as vnplan runs

    processes = str(usable_cores())
    commands = {"vnplan": vnplan_convert(SCAN, tmp / "out-scan"),
                "tesseract": script(TESSERACT, renders, processes)}
    ocrmypdf = shutil.which("ocrmypdf") or (
        str(Path(PY).with_name("ocrmypdf")) if Path(PY).with_name("ocrmypdf").exists() else None)
    if ocrmypdf:
        commands["ocrmypdf"] = lambda: [ocrmypdf, "-l", "vie", "--force-ocr", "--jobs",
                                        processes, "--output-type", "pdf", "--optimize", "0",
                                        "-q", str(SCAN), str(tmp / "ocrmypdf.pdf")]
    rounds: dict[str, list[float]] = {}
    runs = fastest(commands, repeat, rounds)
    baselines = {m: r for m, r in runs.items() if m != "vnplan"}
    best = min(baselines, key=lambda m: baselines[m]["seconds"])
    ratio = runs["vnplan"]["seconds"] / runs[best]["seconds"]
    summary.append(f"OCR: {ratio:.2f}× the faster baseline ({best}; against the faster in each "
                   f"round, {by_round(rounds, 'vnplan', *baselines)}) (target ≤ "
                   f"{TARGETS['ocr']}×); vnplan peak RSS {runs['vnplan']['rss_mb']:.0f} MB "
                   f"(target ≤ {TARGETS['ocr_rss']:.0f} MB)")
    head = " | ".join(f"{m} s" for m in runs)
    return [f"| {SCAN.name} ({pages} pages, {processes} processes) | {head} | vnplan pages/s "
            "| vnplan / fastest baseline | peak RSS MB |",
            "|---|" + "---:|" * (len(runs) + 3),
            "| | " + " | ".join(f"{r['seconds']:.1f}" for r in runs.values())
            + f" | {pages / runs['vnplan']['seconds']:.2f} | {ratio:.2f}× | "
            + " · ".join(f"{r['rss_mb']:.0f}" for r in runs.values()) + " |"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scan", action="store_true", help="also time OCR of the scan")
    parser.add_argument("--only", default="startup,web,pdf",
                        help="comma-separated: startup, web, pdf, ocr")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each command")
    parser.add_argument("--pages", default=",".join(map(str, LONG_PAGES)),
                        help="sizes of the repeated plan")
    parser.add_argument("--timed", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.timed:
        print(json.dumps(_wrapper(json.loads(args.timed))))
        return 0
    compile_package()
    parts = set(args.only.split(",")) | ({"ocr"} if args.scan else set())
    summary: list[str] = []
    out: list[str] = [f"`python bench/speed.py {' '.join(argv or sys.argv[1:])}` on "
                      f"{os.cpu_count()} CPU cores\n"]
    with tempfile.TemporaryDirectory(prefix="vnplan-speed-") as folder:
        tmp = Path(folder)
        if "startup" in parts:
            out += [*startup_rows(tmp, args.repeat, summary), ""]
        if "web" in parts:
            out += [*web_rows(tmp, args.repeat, summary), ""]
        if "pdf" in parts:
            sizes = [int(n) for n in args.pages.split(",") if n]
            out += [*pdf_rows(tmp, args.repeat, summary, sizes), ""]
        if "ocr" in parts:
            out += [*ocr_rows(tmp, args.repeat, summary), ""]
    print("\n".join(out + [f"- {line}" for line in summary]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
