"""One worker vs two: wall time of `vnplan convert` on a corpus of copies of the samples.

    python bench/parallel.py            # 36 copies of each born-digital sample (324 documents)
    python bench/parallel.py --copies 4

Each run converts into a fresh output folder in a fresh process; the table gives seconds,
documents per second and the speed-up of 2 workers over 1 (the machine's cores bound it).
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


def build_corpus(folder: Path, copies: int) -> int:
    for i in range(copies):
        for sample in SAMPLES:
            name = f"{i:03d}-{Path(sample).name}"
            shutil.copy(ROOT / "samples" / sample, folder / name)
    return copies * len(SAMPLES)


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
    parser.add_argument("--copies", type=int, default=36)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.copies)
        one = timed_run(corpus, 1)
        two = timed_run(corpus, 2)
    print(f"{count} documents, {os.cpu_count()} CPU cores\n")
    print("| workers | seconds | documents/s |\n|---:|---:|---:|")
    print(f"| 1 | {one:.1f} | {count / one:.1f} |\n| 2 | {two:.1f} | {count / two:.1f} |")
    print(f"\n2 workers / 1 worker: {one / two:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
