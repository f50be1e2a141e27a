"""Score vnplan on real documents against labels written by reading them.

    python bench/real.py CORPUS_DIR                 # convert every labelled document, score
    python bench/real.py CORPUS_DIR --misses        # also list every failure, one per line
    python bench/real.py CORPUS_DIR --only scan/    # a subset (a substring of the file path)
    python bench/real.py CORPUS_DIR --reuse         # score the records of the last run again
    python bench/real.py CORPUS_DIR --only scan/ --skew-offset 0.01   # how stable OCR's scores are
    python bench/real.py CORPUS_DIR --only scan/ --turned   # as measured and turned ±0.01°, ±0.02°

CORPUS_DIR holds the documents under <format>/<name> (docx/, pdf/, scan/, doc/, html/, news/);
their labels are tests/data/corpus/<format>/<stem>.json (see its README). Documents are
converted in isolated worker processes into --records (a folder outside the repository), so
a re-run with --reuse only scores. Prints, per field, the accuracy (single values) or F1
(lists) for each format and over all, as a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from labels import (
    IDENTITY_FIELDS,
    LIST_FIELDS,
    SetTally,
    Tally,
    load_labels,
    new_tallies,
    score_identity,
)
from structure import STRUCTURE_FIELDS, STRUCTURE_LISTS, score_structure

from vnplan.pipeline import convert
from vnplan.schema import Document
from vnplan.workers import Failure, Limits, run_isolated

DEFAULT_RECORDS = Path(tempfile.gettempdir()) / "vnplan-real"
FORMATS = ("docx", "doc", "pdf", "scan", "html", "news")
TURNS = (0.01, -0.01, 0.02, -0.02)  # --turned: the deskew offsets (degrees) beside the measured


def convert_one(task: tuple[str, str]) -> tuple[str, str]:
    """(record JSON, "") or ("", error code) for one document (runs in a worker)."""
    path, uri = task
    from vnplan.errors import ConversionError

    try:
        return convert(path, uri=uri).model_dump_json(indent=1), ""
    except ConversionError as error:
        return "", error.code


def convert_all(corpus: Path, labels: list[dict[str, Any]], records: Path,
                workers: int) -> Iterator[str]:
    tasks = [(str(corpus / label["file"]), label["file"]) for label in labels]
    for done in run_isolated(tasks, convert_one, workers=workers, limits=Limits(seconds=600)):
        label = labels[done.index]
        target = records / (label["file"] + ".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        result = done.result
        if isinstance(result, Failure):
            payload = {"error": result.code}
        else:
            text, code = result
            payload = {"error": code} if code else {"record": json.loads(text)}
        target.write_text(json.dumps(payload, ensure_ascii=False), "utf-8")
        yield label["file"]


def turn_deskew(offset: float) -> None:
    """Deskew every scanned page by `offset` degrees more than its measured skew, here and in
    the workers forked from here: the pixels tesseract reads change a little, the page does
    not. How far the scan scores move then says how much of them rests on the exact pixels
    of these twelve scans, not on what tesseract reads of such pages."""
    from vnplan.extract.readers import ocr_images
    from vnplan.extract.readers.ocr_tables import skew_angle as measured

    ocr_images.skew_angle = (lambda gray: measured(gray) + offset) if offset else measured


def read_record(records: Path, label: dict[str, Any]) -> tuple[Document | None, str | None]:
    path = records / (label["file"] + ".json")
    if not path.is_file():
        return None, "not_converted"
    payload = json.loads(path.read_text("utf-8"))
    if "record" in payload:
        return Document.model_validate(payload["record"]), None
    return None, str(payload["error"])


def check_bytes(corpus: Path, labels: list[dict[str, Any]]) -> list[str]:
    wrong = []
    for label in labels:
        path = corpus / label["file"]
        if not path.is_file():
            wrong.append(f"{label['file']}: missing from {corpus}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != label["sha256"]:
            wrong.append(f"{label['file']}: its bytes are not the ones labelled")
    return wrong


def cases(t: Tally | SetTally) -> int:
    """How many labelled values a field was scored on (a list field: the expected items)."""
    return t.total if isinstance(t, Tally) else t.tp + t.fn


def scored(t: Tally | SetTally) -> bool:
    """Does the field have a score: a case, or (a list field) an item found where none was
    expected?"""
    return bool(cases(t) or (isinstance(t, SetTally) and t.fp))


def table(tallies: dict[str, dict[str, Tally | SetTally]], fields: tuple[str, ...]) -> str:
    groups = [g for g in (*FORMATS, "all") if g in tallies]
    lines = ["| field | " + " | ".join(groups) + " |", "|---|" + "---:|" * len(groups)]
    for name in fields:
        cells = []
        for group in groups:
            t = tallies[group][name]
            cells.append(f"{t.score:.3f} ({cases(t)})" if scored(t) else "–")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


Tallies = dict[str, dict[str, Tally | SetTally]]


def run(args: argparse.Namespace, labels: list[dict[str, Any]], offset: float,
        records: Path) -> Tallies:
    """Convert the labelled documents into `records` (unless --reuse), deskewing scanned pages
    `offset` degrees more than measured, and score them per format and over all."""
    turn_deskew(offset)
    if not args.reuse:
        done = convert_all(args.corpus, labels, records, args.workers)
        for n, name in enumerate(done, 1):
            print(f"\r{n}/{len(labels)} {name[:60]:60}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    tallies: Tallies = {}
    for label in labels:
        doc, error = read_record(records, label)
        for group in (label["file"].split("/")[0], "all"):
            bucket = tallies.setdefault(group, {
                **new_tallies(IDENTITY_FIELDS, LIST_FIELDS),
                **new_tallies(STRUCTURE_FIELDS, STRUCTURE_LISTS)})
            score_identity(label["file"], label, doc, error, bucket)
            score_structure(label["file"], label, doc, bucket)
    return tallies


def turned_table(runs: dict[float, Tallies], fields: tuple[str, ...]) -> str:
    """Each field over all documents: as measured, the turned runs' mean (range), the mean of
    all runs; fields without a case are left out."""
    lines = [f"| field | as measured | turned: mean (range) | all {len(runs)}: mean |",
             "|---|---:|---:|---:|"]
    for name in fields:
        by_offset = {offset: by_group["all"][name] for offset, by_group in runs.items()}
        if not any(scored(t) for t in by_offset.values()):
            continue
        turned = [t.score for offset, t in by_offset.items() if offset]
        every = [t.score for t in by_offset.values()]
        lines.append(f"| {name} | {by_offset[0.0].score:.3f} | {sum(turned) / len(turned):.3f} "
                     f"({min(turned):.3f}–{max(turned):.3f}) | {sum(every) / len(every):.3f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="the corpus folder (docx/, pdf/, …)")
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS,
                        help=f"where records are written [default: {DEFAULT_RECORDS}]")
    parser.add_argument("--only", help="only files whose path contains this")
    parser.add_argument("--reuse", action="store_true", help="score the records already there")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--misses", action="store_true", help="list every failure")
    parser.add_argument("--skew-offset", type=float, default=0.0, metavar="DEG",
                        help="deskew scanned pages DEG degrees more than measured: how stable "
                             "the scan scores are (0.01° moves a 300-dpi A4 page's edge by "
                             "under half a pixel)")
    parser.add_argument("--turned", action="store_true",
                        help="convert five times, at the measured skew and turned by "
                             "±0.01° and ±0.02° (records in RECORDS/turned+D), and print each "
                             "field as measured, the turned runs' mean and range, and the mean "
                             "of all five: what a change to OCR is judged by")
    args = parser.parse_args()
    if args.turned and (args.misses or args.skew_offset):
        parser.error("--turned runs its own offsets and prints no misses: list one run's "
                     "failures with --skew-offset D --misses")
    labels = load_labels(args.only)
    if wrong := check_bytes(args.corpus, labels):
        print("\n".join(wrong), file=sys.stderr)
        return 2
    fields = (*IDENTITY_FIELDS, *LIST_FIELDS, *STRUCTURE_FIELDS, *STRUCTURE_LISTS)
    if args.turned:
        runs = {offset: run(args, labels, offset, args.records / f"turned{offset:+.2f}")
                for offset in (0.0, *TURNS)}
        print(turned_table(runs, fields))
        return 0
    tallies = run(args, labels, args.skew_offset, args.records)
    print(table(tallies, fields))
    if args.misses:
        for name in fields:
            for file, expected, got in tallies["all"][name].misses:
                print(f"{name}\t{file}\texpected {expected!r}\tgot {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
