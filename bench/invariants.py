"""What no record of the corpus may do, checked on every record `bench/real.py` wrote.

  python bench/invariants.py --records DIR     (after: python bench/real.py CORPUS --records DIR)

- a province that is not a province (pre-2025 or 2025 unit of the maintained province list);
- a news article with a signer, or an official document read as news (its label says which);
- a number other than the printed one (the label's) without a warning on doc_number;
- a section made from quoted text: a section opens a quotation it does not close and a later
  section closes one it did not open (what a quoted "Điều 1. …" split off leaves behind; a
  quotation left unclosed by a typo closes nowhere and is not counted; on OCR'd text, where
  a speck reads as a quotation mark, such pairs are listed apart as `quoted (ocr)` and do not
  fail the check);
(More top-level sections than the document has top-level units is bench/real.py's
`top_level_ok`.)

Prints each violation, then one count per invariant; exits 1 when any is violated.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from labels import load_labels, number_key
from real import DEFAULT_RECORDS, read_record

from vnplan.normalize.gazetteer import default_gazetteer
from vnplan.schema import Document, Section, walk_sections

OPEN, CLOSE = "“", "”"


def _provinces() -> set[str]:
    gaz = default_gazetteer()
    return {p.name for p in gaz.provinces.values()} | {p.name_2025 for p in gaz.provinces.values()}


def _quoted_splits(doc: Document) -> Iterator[str]:
    sections: list[Section] = list(walk_sections(doc.sections))
    for part in doc.parts:
        sections += walk_sections(part.sections)
    balance = [_balance(f"{s.title} {s.text}") for s in sections]
    for i, here in enumerate(sections):
        if balance[i] <= 0:
            continue
        closing = next((j for j in range(i + 1, len(sections)) if balance[j] < 0), None)
        if closing is not None:
            shut = sections[closing]
            yield f"{'/'.join(here.path)} opens a quotation, {'/'.join(shut.path)} closes it"


def _balance(text: str) -> int:
    """Quotations opened (“) minus quotations closed (”)."""
    return text.count(OPEN) - text.count(CLOSE)


def check(doc: Document | None, label: dict[str, object], provinces: set[str]) -> Iterator[str]:
    identity = label["identity"]
    assert isinstance(identity, dict)
    if doc is None:
        return
    if doc.province is not None and doc.province.name not in provinces:
        yield f"province: {doc.province.name!r} is not a province"
    if doc.kind == "news" and (doc.signer is not None or doc.signers):
        yield "news: an article with a signer"
    if doc.kind == "news" and identity.get("kind") != "news":
        yield f"news: a {identity.get('doc_type')} read as news"
    printed, got = identity.get("doc_number"), doc.doc_number
    differs = got is not None and (printed is None or number_key(printed) != number_key(got))
    if differs and not any(w.where == "doc_number" for w in doc.warnings):
        yield f"number: {got!r} where {printed!r} is printed, without a warning"
    kind = "quoted (ocr)" if doc.source.ocr else "quoted"
    for split in _quoted_splits(doc):
        yield f"{kind}: {split}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, default=DEFAULT_RECORDS,
                        help=f"the records bench/real.py wrote [default: {DEFAULT_RECORDS}]")
    parser.add_argument("--only", help="only files whose path contains this")
    args = parser.parse_args()
    provinces = _provinces()
    counts: dict[str, int] = dict.fromkeys(
        ("province", "news", "number", "quoted", "quoted (ocr)"), 0)
    for label in load_labels(args.only):
        doc, _ = read_record(args.records, label)
        for problem in check(doc, label, provinces):
            counts[problem.split(":")[0]] += 1
            print(f"{label['file']}\t{problem}")
    print(" · ".join(f"{name}: {n}" for name, n in counts.items()))
    return 1 if any(n for name, n in counts.items() if name != "quoted (ocr)") else 0


if __name__ == "__main__":
    sys.exit(main())
