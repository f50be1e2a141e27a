"""One worker vs two: wall time of `vnplan convert` on a corpus of copies of the samples.

    python bench/parallel.py                 # 200 mixed documents (pdf, docx, txt, html)
    python bench/parallel.py --documents 50 --repeat 1

The corpus cycles through the born-digital samples of every format until it holds
``--documents`` files. Each run converts it into a fresh output folder in a fresh process
(the whole command, start-up included); the runs of 1 and 2 workers alternate ``--repeat``
times and the fastest of each counts. The table gives seconds, documents per second, the
speed-up over 1 worker (the machine's cores bound it) and the CPU seconds of the run (the
parent and its workers): on a machine shared with other work, 2 workers cannot take both
cores, and equal CPU seconds show the runner did not add work.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    "lao-cai-122-kh-ubnd-2022.pdf",
    "lao-cai-122-kh-ubnd-2022.docx",
    "lao-cai-122-kh-ubnd-2022.txt",
    "lang-son-227-kh-ubnd-2021.pdf",
    "lang-son-227-kh-ubnd-2021.docx",
    "web/lang-son-227-kh-ubnd-2021.html",
    "web/can-tho-news-2024.html",
    "web/hue-portal-173-kh-ubnd-2022.html",
    "thua-thien-hue-news-173-kh-ubnd-2022.txt",
]


def build_corpus(folder: Path, documents: int) -> int:
    for i in range(documents):
        sample = SAMPLES[i % len(SAMPLES)]
        shutil.copy(ROOT / "samples" / sample, folder / f"{i:04d}-{Path(sample).name}")
    return documents


def timed_run(corpus: Path, workers: int) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the parent and its workers) of one whole `vnplan
    convert CORPUS -o OUT --workers N` process."""
    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "vnplan", "convert", str(corpus), "-o", out,
                        "--workers", str(workers)], check=True, capture_output=True)
        seconds = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        return seconds, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.documents)
        runs = {"1": (float("inf"), 0.0), "2": (float("inf"), 0.0)}
        load = os.getloadavg()[0]
        for _ in range(args.repeat):
            for name in runs:
                runs[name] = min(runs[name], timed_run(corpus, int(name)))
    print(f"`python bench/parallel.py --documents {count}`: {count} documents (pdf, docx, txt, "
          f"html), {os.cpu_count()} CPU cores, load average {load:.1f} → "
          f"{os.getloadavg()[0]:.1f}\n")
    print("| workers | seconds | documents/s | speed-up over 1 worker | CPU seconds |\n"
          "|---|---:|---:|---:|---:|")
    one = runs["1"][0]
    for name, (seconds, cpu) in runs.items():
        print(f"| {name} | {seconds:.1f} | {count / seconds:.1f} | {one / seconds:.2f}× "
              f"| {cpu:.1f} |")
    print(f"\n2 workers / 1 worker: {one / runs['2'][0]:.2f}× (target ≥ 1.8×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
