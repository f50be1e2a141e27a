"""The names the search indexes of a gazetteer are built from, and the data file of their
analysed words that ``name_tokens`` reads: ``python -m vnplan.normalize.index_names`` rebuilds
``data/name_tokens.json`` from the shipped gazetteer (after an edit of its names or of the
folding; ``tests/normalize/test_name_tokens.py`` fails until then)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import heritage, index, partners, provinces
from .gazetteer import Gazetteer, load_gazetteer
from .matcher import analyse, spelled
from .name_tokens import DATA


def indexed_names(gaz: Gazetteer) -> Iterator[str]:
    """Every name the search indexes of ``gaz`` are built from."""
    entries: Iterable[tuple[str, str, str, str]] = (
        *index._entries(gaz), *index._head_entries(gaz),
        *spelled(gaz.partners.values(), "name", partners._SPELLINGS),
        *spelled(gaz.heritage.values(), "id", heritage._SPELLINGS),
        *spelled(gaz.provinces.values(), "name", provinces._SPELLINGS),
    )
    yield from (name for name, *_ in entries)
    yield from gaz.partner_rules["admin_words"]


def analysed_names(gaz: Gazetteer) -> dict[str, list[str]]:
    """Each name of ``gaz``'s indexes with its analysed words, as the data file writes them."""
    names: dict[str, list[str]] = {}
    for name in sorted(set(indexed_names(gaz))):
        a = analyse(name)
        if not a.tokens:
            continue
        texts = [t.text for t in a.tokens]
        keys = [t.key for t in a.tokens]
        assert not any(" " in w for w in (*texts, *keys)), name
        written, folded = " ".join(texts), " ".join(keys)
        names[name] = [written, "" if folded == written.lower() else folded,
                       "".join("01"[h] for h in a.hard), "".join("01"[c] for c in a.commas)]
    return names


def table_text(gaz: Gazetteer) -> str:
    """The data file: one name a line (name: [words, keys — "" when they are the words in
    lower case —, hard gaps, commas])."""
    names = analysed_names(gaz)
    rows = ",\n".join(f"{json.dumps(name, ensure_ascii=False)}: "
                      f"{json.dumps(row, ensure_ascii=False)}" for name, row in names.items())
    return '{"names": {\n' + rows + "\n}}\n"


if __name__ == "__main__":  # rebuild data/name_tokens.json from the shipped gazetteer
    target = Path(__file__).with_name("data") / DATA
    target.write_text(table_text(load_gazetteer()), "utf-8")
    print(f"the analysed names → {target}", file=sys.stderr)
