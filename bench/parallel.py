"""One worker vs two: wall time of `vnplan convert` on a corpus of copies of the samples.

    python bench/parallel.py            # 36 copies of each born-digital sample (324 documents)
    python bench/parallel.py --copies 4 --repeat 3

Each run converts into a fresh output folder in a fresh process; the table gives seconds (the
best of `--repeat` runs), the CPU seconds the run and its workers used (less sensitive than the
wall time to other load on the machine), documents per second and the speed-up of 2 workers
over 1 (the machine's cores bound it).
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


def build_corpus(folder: Path, copies: int) -> int:
    for i in range(copies):
        for sample in SAMPLES:
            name = f"{i:03d}-{Path(sample).name}"
            shutil.copy(ROOT / "samples" / sample, folder / name)
    return copies * len(SAMPLES)


def timed_run(corpus: Path, workers: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the run and everything it started)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
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
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=36)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp)
        count = build_corpus(corpus, args.copies)
        runs: dict[int, list[tuple[float, float]]] = {1: [], 2: []}
        for _ in range(args.repeat):
            for workers in runs:
                runs[workers].append(timed_run(corpus, workers))
    (one, cpu_one), (two, cpu_two) = min(runs[1]), min(runs[2])
    print(f"{count} documents, {os.cpu_count()} CPU cores\n")
    print("| workers | seconds | CPU seconds | documents/s |\n|---:|---:|---:|---:|")
    print(f"| 1 | {one:.1f} | {cpu_one:.1f} | {count / one:.1f} |")
    print(f"| 2 | {two:.1f} | {cpu_two:.1f} | {count / two:.1f} |")
    print(f"\n2 workers / 1 worker: {one / two:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
