"""Pillar links of the corpus plans against hand labels, per strategy.

    python bench/pillars.py --corpus CORPUS_DIR [--records DIR]

Scores the labelled items of tests/align/data/pillar_labels_cchc.json (the Lâm Đồng plans that
implement Nghị quyết 76/NQ-CP, named by their corpus file) on records aligned by the current
code, and counts, over every labelled corpus document, those that get pillar links of a
strategy they do not implement (by citing it or being about it: there should be none).
Records come from ``bench/real.py --records`` (documents without one are converted first).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from vnplan.align import align_document, implemented, load_catalogs
from vnplan.align.evaluate import labelled_pairs, score_pairs
from vnplan.schema import Document

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "align" / "data" / "pillar_labels_cchc.json"


def _record(records: Path, file: str) -> Document | None:
    path = records / (file + ".json")
    if not path.is_file():
        return None
    payload = json.loads(path.read_text("utf-8"))
    return Document.model_validate(payload["record"]) if "record" in payload else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--records", type=Path, default=Path(tempfile.gettempdir()) / "vnplan-real")
    args = parser.parse_args()
    from labels import load_labels
    from real import convert_all

    labels = load_labels()
    todo = [x for x in labels if not (args.records / (x["file"] + ".json")).is_file()]
    if todo:
        for _ in convert_all(args.corpus, todo, args.records, workers=2):
            pass
    gold_docs = json.loads(LABELS.read_text("utf-8"))["documents"]
    predicted, gold = set(), set()
    for item in gold_docs:
        doc = _record(args.records, item["file"])
        if doc is None:
            continue
        p, g = labelled_pairs(align_document(doc), item)
        predicted |= {(item["file"], *x) for x in p}
        gold |= {(item["file"], *x) for x in g}
    score = score_pairs(predicted, gold)
    print(f"NQ 76/NQ-CP items: precision {score.precision:.3f}, recall {score.recall:.3f}, "
          f"F1 {score.f1:.3f} ({score.tp} / {score.predicted} / {score.expected} pairs)")
    ids = {c.id: {p.id for p in c.pillars} for c in load_catalogs()}
    linked = {c: 0 for c in ids}
    wrong = 0
    for label in labels:
        doc = _record(args.records, label["file"])
        if doc is None:
            continue
        aligned = align_document(doc)
        chosen = {c.id for c in implemented(aligned)}
        used = {m.id for s in aligned.iter_sections() for m in s.pillars}
        used |= {m.id for a in aligned.appendices for r in a.rows for m in r.pillars}
        used |= {m.id for m in (aligned.article.pillars if aligned.article else [])}
        for c, pillars in ids.items():
            if used & pillars:
                linked[c] += 1
                wrong += c not in chosen
    print(f"{len(labels)} corpus documents; linked to " + ", ".join(
        f"{c}: {n}" for c, n in linked.items()) + f"; linked without implementing: {wrong}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
