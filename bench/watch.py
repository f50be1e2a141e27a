"""A watch pass over unchanged entries against the first pass over the same entries.

    python bench/watch.py                 # 1,000 documents (1,000 pages, 1,000 attachments)
    python bench/watch.py --documents 200

A portal on 127.0.0.1 (tests/watch/portal.py) lists every document in one RSS feed; each entry
is a document page with a Word or PDF attachment. Pass 1 (`vnplan watch FEED -o OUT`, a fresh
process, 2 workers, no delay between requests) fetches and converts everything; pass 2, on the
unchanged portal, asks for each page and attachment only whether it changed (If-None-Match) and
converts nothing. The table gives each pass's wall time, the portal's answers, and the ratio.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.watch.portal import portal  # noqa: E402


def watch_pass(feed: str, out: Path, workers: int) -> float:
    command = [
        sys.executable,
        "-m",
        "vnplan",
        "watch",
        feed,
        "-o",
        str(out),
        "--delay",
        "0",
        "--workers",
        str(workers),
    ]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"vnplan watch failed ({done.returncode}):\n{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="vnplan-watch-bench-") as tmp,
        portal(args.documents) as site,
    ):
        out = Path(tmp) / "out"
        feed = site.url("/rss.xml?all=1")
        rows = []
        for name in ("pass 1 (everything new)", "pass 2 (nothing changed)"):
            site.clear_log()
            seconds = watch_pass(feed, out, args.workers)
            answers = Counter(r.status for r in site.log)
            conditional = sum(r.conditional for r in site.log)
            rows.append((name, seconds, answers[200], answers[304], conditional))
        records = len(list(out.glob("*.json")))
    print(f"{args.documents} entries (pages with one attachment each), {records} records\n")
    print("| pass | seconds | 200 | 304 | conditional requests |")
    print("|---|---:|---:|---:|---:|")
    for name, seconds, ok, unchanged, conditional in rows:
        print(f"| {name} | {seconds:.1f} | {ok} | {unchanged} | {conditional} |")
    print(f"\npass 2 / pass 1: {rows[1][1] / rows[0][1]:.1%}")


if __name__ == "__main__":
    main()
