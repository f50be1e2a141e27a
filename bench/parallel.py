"""One worker vs two: wall time of `vnplan convert` on a corpus of copies of the samples.

    python bench/parallel.py                 # 200 mixed documents (pdf, docx, txt, html)
    python bench/parallel.py --documents 50 --repeat 1

The corpus cycles through the born-digital samples of every format until it holds
``--documents`` files. Each run converts it into a fresh output folder in a fresh process
(the whole command, start-up included); the runs of 1 and 2 workers alternate ``--repeat``
times and the fastest of each counts. A third run starts the same command from a parent that
called ``vnplan.preload.preload()`` before the runner forks its workers, so they share what it
loaded. The table gives seconds, documents per second and the speed-up over 1 worker (the
machine's cores bound it).
"""

from __future__ import annotations

import argparse
import os
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


PRELOADED = """
import sys
from vnplan.preload import preload
preload()  # what a runner does before it forks its workers
sys.argv[0] = "vnplan"
from vnplan.cli import main
main()
"""


def timed_run(corpus: Path, workers: int, preloaded: bool = False) -> float:
    """Seconds of one whole `vnplan convert CORPUS -o OUT --workers N` process; `preloaded`:
    the same command from a parent that called `vnplan.preload.preload()` first."""
    command = [sys.executable, "-c", PRELOADED] if preloaded else [sys.executable, "-m", "vnplan"]
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([*command, "convert", str(corpus), "-o", out, "--workers", str(workers)],
                       check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.documents)
        runs = {"1": float("inf"), "2": float("inf"), "2, parent preloaded": float("inf")}
        for _ in range(args.repeat):
            runs["1"] = min(runs["1"], timed_run(corpus, 1))
            runs["2"] = min(runs["2"], timed_run(corpus, 2))
            runs["2, parent preloaded"] = min(runs["2, parent preloaded"],
                                              timed_run(corpus, 2, preloaded=True))
    print(f"`python bench/parallel.py --documents {count}`: {count} documents (pdf, docx, txt, "
          f"html), {os.cpu_count()} CPU cores\n")
    print("| workers | seconds | documents/s | speed-up over 1 worker |\n|---|---:|---:|---:|")
    for name, seconds in runs.items():
        print(f"| {name} | {seconds:.1f} | {count / seconds:.1f} | {runs['1'] / seconds:.2f}× |")
    print(f"\n2 workers / 1 worker: {runs['1'] / runs['2']:.2f}× (target ≥ 1.8×); with the "
          f"parent preloaded: {runs['1'] / runs['2, parent preloaded']:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
