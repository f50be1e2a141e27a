"""Entity benchmark: vnplan records against the hand-labelled expected entities.

    python bench/entities.py [RECORDS_DIR] [--expected DIR] [--normalize] [--check]
    python bench/entities.py --corpus CORPUS_DIR [--records DIR] [--normalize] [--misses]

Reads every vnplan JSON record in RECORDS_DIR (default ``out/``), pairs it with
``tests/data/expected_entities/<stem>.json`` (stem = the stem of the sample the record was made
from, so the .txt, .docx, .pdf and scanned versions of a plan are each scored), and prints
precision / recall / F1 per entity type (agencies, heritage, partners, province) per record
and overall (micro-averaged), then every predicted item that is wrong and every
missed one, so the gazetteer's gaps show. Agencies are compared by gazetteer id; a mention
that matched no gazetteer entry counts as a wrong prediction, shown as ``?<text>``.
``--normalize`` runs ``normalize_document`` on the records first (for records written without
it). ``--check`` exits 1 when any overall figure is below 0.95.

``--corpus`` scores the real documents of CORPUS_DIR whose labels (tests/data/corpus/) have an
"entities" group: set precision / recall / F1 per entity type (agencies, named local bodies,
partners, groups) and the fragments and persons among predicted agencies (see
``entity_labels.py``), then the samples as above. Records are read from ``--records`` (the
folder ``bench/real.py --records`` writes); documents without one are converted there first.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_labels import EntityScore, score_document

from vnplan.schema import Document
from vnplan.scores import Counts

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "data" / "expected_entities"
TYPES = ("agencies", "heritage", "partners", "province")
THRESHOLD = 0.95


Score = EntityScore


def compare(predicted: set[str], expected: set[str]) -> Score:
    counts = Counts.of(predicted, expected)
    return Score(
        counts.tp,
        counts.fp,
        counts.fn,
        wrong=sorted(predicted - expected),
        missed=sorted(expected - predicted),
    )


def _province_key(name: str, code: str | None, name_2025: str | None) -> str:
    return f"{name}|{code}|{name_2025}"


def predicted_sets(doc: Document) -> dict[str, set[str]]:
    p = doc.province
    return {
        "agencies": {m.id or f"?{m.raw}" for m in doc.entities.agencies},
        "heritage": {h.id or f"?{h.raw}" for h in doc.entities.heritage},
        "partners": {p.name or f"?{p.raw}" for p in doc.entities.partners},
        "province": {_province_key(p.name, p.code, p.name_2025)} if p else set(),
    }


def expected_sets(data: dict[str, Any]) -> dict[str, set[str]]:
    p = data.get("province")
    return {
        "agencies": set(data.get("agencies", [])),
        "heritage": set(data.get("heritage", [])),
        "partners": set(data.get("partners", [])),
        "province": {_province_key(p["name"], p["code"], p["name_2025"])} if p else set(),
    }


def _copies() -> dict[str, str]:
    """Sample path → seed stem, for the samples that copy a seed (its PDF, Word file, web
    page), as listed under "same_document" in tests/data/expected/."""
    copies: dict[str, str] = {}
    for path in sorted((ROOT / "tests" / "data" / "expected").glob("*.json")):
        for sample in json.loads(path.read_text("utf-8")).get("same_document", {}):
            copies[sample] = path.stem
    return copies


def document_stem(path: Path, doc: Document) -> str:
    """The seed a record was made from: a copy's seed, else its source's stem."""
    uri = doc.source.uri
    return _copies().get(uri) or Path(uri).stem or path.stem.split(".")[0]


def load_records(folder: Path) -> list[tuple[str, str, Document]]:
    """(record name, sample stem, record) for every vnplan record in ``folder``."""
    records: list[tuple[str, str, Document]] = []
    for path in sorted(folder.glob("*.json")):
        try:
            doc = Document.model_validate_json(path.read_text("utf-8"))
        except ValueError:
            continue
        records.append((path.name.removesuffix(".json"), document_stem(path, doc), doc))
    return records


def _fmt(s: Score) -> str:
    return f"{s.precision:5.2f} {s.recall:5.2f} {s.f1:5.2f} ({s.tp}/{s.predicted}/{s.expected})"


def run(records_dir: Path, expected_dir: Path, normalize: bool) -> dict[str, Score]:
    expected = {
        p.stem: expected_sets(json.loads(p.read_text("utf-8")))
        for p in sorted(expected_dir.glob("*.json"))
    }
    totals = {t: Score() for t in TYPES}
    header = f"{'record':<46}" + "".join(f"{t:<30}" for t in TYPES)
    print(header)
    print(f"{'':<46}" + "".join(f"{'P     R     F1    (tp/pred/exp)':<30}" for _ in TYPES))
    details: list[str] = []
    seen: set[str] = set()
    rows: list[tuple[str, dict[str, set[str]], dict[str, set[str]]]] = []
    for name, stem, doc in load_records(records_dir):
        if stem not in expected:
            continue
        seen.add(stem)
        if normalize:
            from vnplan.normalize import normalize_document

            doc = normalize_document(doc)
        rows.append((name, predicted_sets(doc), expected[stem]))
    for stem in sorted(set(expected) - seen):
        details.append(f"{stem}: no record in {records_dir}")
        rows.append((f"{stem} (missing)", {t: set() for t in TYPES}, expected[stem]))
    for name, predicted, wanted in rows:
        line = f"{name[:45]:<46}"
        for t in TYPES:
            score = compare(predicted[t], wanted[t])
            totals[t].add(score)
            line += f"{_fmt(score):<30}"
            details.extend(f"{name}  {t}  wrong:  {item}" for item in score.wrong)
            details.extend(f"{name}  {t}  missed: {item}" for item in score.missed)
        print(line)
    print("-" * len(header))
    print(f"{'overall':<46}" + "".join(f"{_fmt(totals[t]):<30}" for t in TYPES))
    print()
    print("\n".join(details) if details else "no wrong or missed items")
    return totals


CORPUS_TYPES = ("agencies", "named local bodies", "partners", "groups")


def _corpus_labels() -> list[dict[str, Any]]:
    from labels import load_labels

    return [label for label in load_labels() if "entities" in label.get("groups", [])]


def _corpus_record(records: Path, label: dict[str, Any]) -> Document | None:
    path = records / (label["file"] + ".json")
    payload = json.loads(path.read_text("utf-8"))
    return Document.model_validate(payload["record"]) if "record" in payload else None


def run_corpus(
    corpus: Path, records: Path, normalize: bool, misses: bool
) -> dict[str, EntityScore]:
    labels = _corpus_labels()
    todo = [label for label in labels if not (records / (label["file"] + ".json")).is_file()]
    if todo:
        from real import convert_all

        for name in convert_all(corpus, todo, records, workers=2):
            print(f"converted {name}", file=sys.stderr)
    totals = {t: EntityScore() for t in CORPUS_TYPES}
    fragments: list[str] = []
    persons: list[str] = []
    for label in labels:
        doc = _corpus_record(records, label)
        if doc is not None and normalize:
            from vnplan.normalize import normalize_document

            doc = normalize_document(doc)
        scored = score_document(label["file"], doc, label)
        for t in CORPUS_TYPES:
            totals[t].add(scored[t])
        fragments += scored["fragments"]
        persons += scored["persons"]
    print(f"corpus: {len(labels)} labelled documents of {corpus}")
    print("| entity type | precision | recall | F1 | tp / predicted / expected |")
    print("|---|---:|---:|---:|---:|")
    for t in CORPUS_TYPES:
        s = totals[t]
        print(f"| {t} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.2f} | "
              f"{s.tp} / {s.predicted} / {s.expected} |")
    print(f"\nfragments among agencies: {len(fragments)}; persons among agencies: {len(persons)}")
    if misses:
        for t in CORPUS_TYPES:
            print("\n".join(f"{t}  wrong:  {w}" for w in totals[t].wrong))
            print("\n".join(f"{t}  missed: {m}" for m in totals[t].missed))
        print("\n".join(f"fragment: {f}" for f in fragments))
        print("\n".join(f"person: {p}" for p in persons))
    print()
    return totals


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("records", nargs="?", default="out", type=Path)
    parser.add_argument("--expected", default=EXPECTED, type=Path)
    parser.add_argument("--normalize", action="store_true", help="normalize records first")
    parser.add_argument("--check", action="store_true", help=f"exit 1 below {THRESHOLD}")
    parser.add_argument("--corpus", type=Path, help="also score the labelled real documents here")
    parser.add_argument("--records", dest="corpus_records", type=Path,
                        default=Path(tempfile.gettempdir()) / "vnplan-real",
                        help="the corpus records (bench/real.py --records)")
    parser.add_argument("--misses", action="store_true", help="list every corpus miss")
    args = parser.parse_args(argv)
    if args.corpus is not None:
        run_corpus(args.corpus, args.corpus_records, args.normalize, args.misses)
    totals = run(args.records, args.expected, args.normalize)
    if args.check:
        low = [
            f"{t} {name} {value:.2f}"
            for t, s in totals.items()
            for name, value in (("P", s.precision), ("R", s.recall), ("F1", s.f1))
            if value < THRESHOLD
        ]
        if low:
            print(f"\nbelow {THRESHOLD}: " + ", ".join(low), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
