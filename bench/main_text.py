"""Main-text benchmark: vnplan's `article.main_text` against hand-written main texts.

    python bench/main_text.py [--check]

For every page in samples/web/ with an expected main text in tests/data/web/<stem>.main.txt,
prints a Markdown table of token-level F1: vnplan's main text, and trafilatura's plain
`trafilatura.extract(html)` on the same (decoded) page. Tokens are the whitespace-separated
words after NFC, casefolding and replacing punctuation by spaces; the overlap is a multiset
one, so a word kept twice or dropped once counts. `--check` exits 1 unless vnplan scores at
least THRESHOLD and at least trafilatura on every page.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura

from vnplan.extract.readers.html_dom import decode_html
from vnplan.pipeline import ConvertOptions, convert

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "samples" / "web"
EXPECTED = ROOT / "tests" / "data" / "web"
THRESHOLD = 0.95


def tokens(text: str) -> Counter[str]:
    """The multiset of words of `text`: NFC, casefolded, punctuation replaced by spaces."""
    folded = unicodedata.normalize("NFC", text).casefold()
    kept = "".join(" " if unicodedata.category(c).startswith("P") else c for c in folded)
    return Counter(kept.split())


def token_f1(expected: str, predicted: str) -> float:
    """F1 of the multiset overlap between the words of `predicted` and of `expected`."""
    want, got = tokens(expected), tokens(predicted)
    overlap = sum((want & got).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(got.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@dataclass(frozen=True)
class Row:
    page: str
    vnplan: float
    trafilatura: float


def vnplan_main_text(page: Path) -> str:
    """vnplan's main text of a page ("" when it reads no article)."""
    doc = convert(page, ConvertOptions(normalize=False))
    return doc.article.main_text if doc.article else ""


def score_pages(pages: Path = PAGES, expected: Path = EXPECTED) -> list[Row]:
    """One row per page that has an expected main text."""
    rows = []
    for main in sorted(expected.glob("*.main.txt")):
        page = pages / (main.name.removesuffix(".main.txt") + ".html")
        want = main.read_text("utf-8")
        plain = trafilatura.extract(decode_html(page.read_bytes())) or ""
        rows.append(Row(page.name, token_f1(want, vnplan_main_text(page)), token_f1(want, plain)))
    return rows


def markdown(rows: list[Row]) -> str:
    lines = ["| page | vnplan F1 | trafilatura F1 |", "| --- | ---: | ---: |"]
    lines += [f"| {r.page} | {r.vnplan:.3f} | {r.trafilatura:.3f} |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 below the bar")
    args = parser.parse_args(argv)
    rows = score_pages()
    print(markdown(rows))
    bad = [r for r in rows if r.vnplan < THRESHOLD or r.vnplan < r.trafilatura]
    for row in bad:
        print(f"below the bar: {row.page}", file=sys.stderr)
    return 1 if args.check and bad else 0


if __name__ == "__main__":
    sys.exit(main())
