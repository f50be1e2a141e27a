"""PDF conversion speed and memory: `vnplan.convert` against a naive pdfplumber baseline.

Run ``python bench/speed.py`` (needs LibreOffice to build the long plan; ``--no-long`` skips
it, ``--scan`` adds the 15-page scanned sample, which only vnplan reads, by OCR). Files: the
born-digital samples, and a long plan generated at run time in a temporary directory (the Lào
Cai body repeated, its appendix rows repeated, laid out by LibreOffice: ≥ 150 pages).

Each (method, file) is measured in a fresh interpreter: an intermediate process starts the
worker and reads its peak RSS with ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` (the
worker is its only child). The worker converts the file twice: the first call ("first call
s") pays the one-time costs (lazy imports, the normalizer's models); pages/s and the speed-up
are from the second call, the steady rate of a batch run. ``vnplan.convert`` is the whole
pipeline, normalization included. The baseline is what a first attempt does: pdfplumber
``extract_text()`` and ``extract_tables()`` on every page. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import copy
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
BORN_DIGITAL = ("lao-cai-122-kh-ubnd-2022.pdf", "lang-son-227-kh-ubnd-2021.pdf")
SCAN = "lao-cai-122-kh-ubnd-2022-scan.pdf"
BODY_COPIES = 12  # the Lào Cai body is 10 pages
APPENDIX_COPIES = 10  # its appendix 5 pages
TARGET_RATIO = 5.0
TARGET_RSS_MB = 300.0


def work(method: str, path: str) -> dict[str, float]:
    """Convert one file twice in this process: the first call pays the one-time costs (lazy
    imports, models, caches), the second shows the steady rate of a batch."""
    if method == "vnplan":
        from vnplan import convert

        def run() -> float:
            return float(convert(path).source.pages or 0)
    else:
        import pdfplumber

        def run() -> float:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.extract_tables()
                    page.flush_cache()
                return float(len(pdf.pages))

    start = time.perf_counter()
    pages = run()
    cold = time.perf_counter() - start
    start = time.perf_counter()
    run()
    return {"pages": pages, "cold": cold, "seconds": time.perf_counter() - start}


def measure(method: str, path: str) -> dict[str, float]:
    """Run `work` in a fresh worker; add its peak RSS (this process's only child)."""
    done = subprocess.run([sys.executable, __file__, "--worker", method, path],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result["rss_mb"] = rss_kb / 1024.0
    return result


def isolated(method: str, path: str) -> dict[str, float]:
    """`measure` in its own process, so RUSAGE_CHILDREN sees exactly one worker."""
    done = subprocess.run([sys.executable, __file__, "--measure", method, path],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def build_long_plan(folder: Path) -> Path:
    """The Lào Cai plan with its body and appendix repeated, as a LibreOffice PDF."""
    import docx

    document = docx.Document(str(SAMPLES / "lao-cai-122-kh-ubnd-2022.docx"))
    body = document.element.body
    children = list(body.iterchildren())
    tables = [i for i, child in enumerate(children) if child.tag.endswith("}tbl")]
    start = next(i for i, child in enumerate(children)
                 if "".join(child.itertext()).startswith("Thực hiện Quyết định"))
    body_part = children[start : tables[1]]
    signature = children[tables[1]]
    for _ in range(BODY_COPIES - 1):
        for child in body_part:
            signature.addprevious(copy.deepcopy(child))
    appendix = children[tables[-1]]
    rows = [tr for tr in appendix.iterchildren() if tr.tag.endswith("}tr")][1:]
    for _ in range(APPENDIX_COPIES - 1):
        for tr in rows:
            appendix.append(copy.deepcopy(tr))
    source = folder / "long-plan.docx"
    document.save(str(source))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is needed to build the long plan; or pass --no-long")
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), str(source)],
                   capture_output=True, check=True, timeout=900)
    return folder / "long-plan.pdf"


def row(name: str, ours: dict[str, float], base: dict[str, float] | None) -> str:
    pages = int(ours["pages"])
    speed = ours["pages"] / ours["seconds"]
    if base is None:
        return (f"| {name} | {pages} | {ours['cold']:.2f} | {ours['seconds']:.2f} | {speed:.1f} | "
                f"– | – | – | {ours['rss_mb']:.0f} | – |")
    base_speed = base["pages"] / base["seconds"]
    return (f"| {name} | {pages} | {ours['cold']:.2f} | {ours['seconds']:.2f} | {speed:.1f} | "
            f"{base['seconds']:.2f} | {base_speed:.1f} | {speed / base_speed:.1f}× | "
            f"{ours['rss_mb']:.0f} | {base['rss_mb']:.0f} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-long", action="store_true", help="skip the generated long plan")
    parser.add_argument("--scan", action="store_true", help="also time the scanned sample (OCR)")
    parser.add_argument("--worker", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    parser.add_argument("--measure", nargs=2, metavar=("METHOD", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(work(*args.worker)))
        return 0
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return 0
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        files = [(name, SAMPLES / name) for name in BORN_DIGITAL]
        if not args.no_long:
            print("building the long plan with LibreOffice…", file=sys.stderr)
            files.append(("long plan (generated)", build_long_plan(Path(tmp))))
        lines = ["| file | pages | vnplan first call s | vnplan s | vnplan pages/s | baseline s | "
                 "baseline pages/s | speed-up | vnplan peak RSS MB | baseline peak RSS MB |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        ratios, peaks = [], []
        for name, path in files:
            ours, base = isolated("vnplan", str(path)), isolated("baseline", str(path))
            ratios.append((ours["pages"] / ours["seconds"]) / (base["pages"] / base["seconds"]))
            peaks.append(ours["rss_mb"])
            lines.append(row(name, ours, base))
            print(lines[-1], file=sys.stderr)
        if args.scan:
            lines.append(row(f"{SCAN} (OCR; baseline reads nothing)",
                             isolated("vnplan", str(SAMPLES / SCAN)), None))
    print(f"\n`{' '.join([Path(sys.executable).name, 'bench/speed.py', *(argv or sys.argv[1:])])}`"
          "\n")
    print("\n".join(lines))
    print(f"\nborn-digital speed-up: min {min(ratios):.1f}× (target ≥ {TARGET_RATIO:.0f}×); "
          f"vnplan peak RSS: max {max(peaks):.0f} MB (target ≤ {TARGET_RSS_MB:.0f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
