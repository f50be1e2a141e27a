"""One worker vs two: wall time of `vnplan convert` on a corpus of copies of the samples.

    python bench/parallel.py                 # 200 mixed documents (pdf, docx, txt, html)
    python bench/parallel.py --documents 50 --repeat 1

The corpus cycles through the born-digital samples of every format until it holds
``--documents`` files. Each run converts it into a fresh output folder in a fresh process
(the whole command, start-up included); the runs of 1 and 2 workers alternate ``--repeat``
times and the fastest of each counts. The table gives seconds, documents per second and the
speed-up of 2 workers over 1 (the machine's cores bound it).
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


def timed_run(corpus: Path, workers: int) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "vnplan",
                "convert",
                str(corpus),
                "-o",
                out,
                "--workers",
                str(workers),
            ],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.documents)
        one = two = float("inf")
        for _ in range(args.repeat):
            one = min(one, timed_run(corpus, 1))
            two = min(two, timed_run(corpus, 2))
    print(f"`python bench/parallel.py --documents {count}`: {count} documents (pdf, docx, txt, "
          f"html), {os.cpu_count()} CPU cores\n")
    print("| workers | seconds | documents/s |\n|---:|---:|---:|")
    print(f"| 1 | {one:.1f} | {count / one:.1f} |\n| 2 | {two:.1f} | {count / two:.1f} |")
    print(f"\n2 workers / 1 worker: {one / two:.2f}× (target ≥ 1.8×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
