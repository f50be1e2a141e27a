"""How close a portal page's record comes to the record of the Word file of the same document.

    python bench/portal_word.py            # every pair in samples/: samples/web/<stem>.html
                                           # beside samples/<stem>.docx

A record is read as a set of facts: the header fields (type, number, date, place, issuer,
title, signer), each legal basis, recipient and addressee, each section (path and title),
each attached document (type, title) and its sections, each appendix table (title, columns)
and its rows (task rows by STT, content, lead, coordinating and timeline; plain rows by their
cells). Texts are compared with case, punctuation and spacing folded. The Word file's facts
are the reference: the page's precision, recall and F1 against them are printed per pair, and
the lowest F1 decides: the page is "within 0.02" of the Word file when its F1 is ≥ 0.98.
A field the expected facts of the samples (tests/data/expected) say differs between the two
forms — the signer only a portal's attribute box names — is left out of both.
"""

from __future__ import annotations

import sys
from pathlib import Path

from vnplan.evaluate import lenient_key, load_expected
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Appendix, Document, Section, walk_sections
from vnplan.scores import Counts

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "data" / "expected"
WITHIN = 0.02

Fact = tuple[str, ...]


def sample_pairs(samples: Path = SAMPLES) -> list[tuple[Path, Path]]:
    """(Word file, portal page) of every document the samples hold in both forms."""
    return [(samples / f"{page.stem}.docx", page) for page in sorted((samples / "web").glob(
        "*.html")) if (samples / f"{page.stem}.docx").is_file()]


def record_facts(doc: Document) -> set[Fact]:
    """The facts of one record, folded for comparison (see the module doc)."""
    signer = doc.signer or (doc.signers[0] if doc.signers else None)
    scalars = {"doc_type": doc.doc_type, "doc_number": doc.doc_number, "title": doc.title,
               "issued_date": doc.issued_date, "place": doc.place, "issuer": doc.issuer,
               "signer": signer.name if signer else None,
               "signer_position": signer.position if signer else None}
    facts = {("field", name, _fold(value)) for name, value in scalars.items() if value}
    facts |= {("legal_basis", _fold(b.doc_number or b.raw)) for b in doc.legal_basis}
    facts |= {("recipient", _fold(r)) for r in doc.recipients}
    facts |= {("addressee", _fold(a.raw)) for a in doc.addressees}
    facts |= _section_facts("body", doc.sections)
    facts |= _table_facts("body", doc.appendices)
    for part in doc.parts:
        name = _fold(part.title or part.doc_type or "")
        facts.add(("part", _fold(part.doc_type or ""), name))
        facts |= _section_facts(name, part.sections)
        facts |= _table_facts(name, part.appendices)
    return facts


def differing_fields(word: Path, page: Path, expected: Path = EXPECTED) -> set[str]:
    """The fields whose expected facts differ between the Word file and the page."""
    facts = {f["sample"]: f for f in load_expected(expected)}
    a, b = (facts.get(str(p.relative_to(ROOT)), {}) for p in (word, page))
    return {k for k in a.keys() | b.keys() if not k.startswith(("_", "sample")) and (
        a.get(k) != b.get(k))}


def comparable(facts: set[Fact], differing: set[str]) -> set[Fact]:
    """The facts without the fields that differ by design ("signer" takes its position)."""
    return {f for f in facts if not (f[0] == "field" and f[1].split("_")[0] in differing)}


def _section_facts(where: str, sections: list[Section]) -> set[Fact]:
    return {("section", where, "/".join(_fold(p) for p in node.path), _fold(node.title))
            for node in walk_sections(sections)}


def _table_facts(where: str, tables: list[Appendix]) -> set[Fact]:
    facts: set[Fact] = set()
    for index, table in enumerate(tables):
        at = f"{where}#{index}"
        facts.add(("table", at, _fold(table.title), *(_fold(c) for c in table.columns)))
        for row in table.rows:
            facts.add(("task", at, _fold(row.stt), _fold(row.content),
                       ";".join(sorted(_fold(a.raw) for a in row.lead)),
                       ";".join(sorted(_fold(a.raw) for a in row.coordinating)),
                       _fold(row.timeline.raw if row.timeline else "")))
        facts |= {("cells", at, *(_fold(c) for c in cells)) for cells in table.cells}
    return facts


def _fold(value: object) -> str:
    return lenient_key(value) if value is not None else ""


def agreement(reference: set[Fact], page: set[Fact]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the page's facts against the reference's."""
    counts = Counts.of(page, reference)
    return counts.precision, counts.recall, counts.f1


def main() -> int:
    options = ConvertOptions(normalize=False)
    worst = 1.0
    print("| document | Word facts | page facts | precision | recall | F1 | left out |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for word, page in sample_pairs():
        differing = differing_fields(word, page)
        reference = comparable(record_facts(convert(word, options)), differing)
        facts = comparable(record_facts(convert(page, options)), differing)
        precision, recall, f1 = agreement(reference, facts)
        worst = min(worst, f1)
        print(f"| {page.stem} | {len(reference)} | {len(facts)} | {precision:.3f} | "
              f"{recall:.3f} | {f1:.3f} | {', '.join(sorted(differing)) or '–'} |")
        for fact in sorted(reference - facts):
            print(f"    only in the Word file: {fact}", file=sys.stderr)
        for fact in sorted(facts - reference):
            print(f"    only on the page: {fact}", file=sys.stderr)
    verdict = "within" if worst >= 1 - WITHIN else "not within"
    print(f"\nlowest F1 {worst:.3f}: the pages are {verdict} {WITHIN} of their Word files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
