"""The words of the gazetteer's names, read from a data file instead of analysed in each process.

Every search index (agencies, heads, partners, heritage, provinces) turns ~1,900 names into
patterns of folded word keys; folding them is most of the time an index takes to build. The
names of the shipped gazetteer are analysed once, into ``data/name_tokens.json``, by
``python -m vnplan.normalize.name_tokens`` (``tests/normalize/test_name_tokens.py`` fails when
the file is not what a rebuild gives). A name the file lacks — a gazetteer a caller built — is
analysed as before.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .gazetteer import Gazetteer

DATA = "name_tokens.json"
_ONE = "1".__eq__


class NameTokens(NamedTuple):
    """A name's words as written, their keys, and before each word whether the gap is hard
    (ends a name) and whether it holds a comma."""

    texts: tuple[str, ...]
    keys: tuple[str, ...]
    hard: tuple[bool, ...]
    commas: tuple[bool, ...]


@cache
def _table() -> dict[str, list[str]]:
    data = resources.files("vnplan.normalize").joinpath("data", DATA).read_text("utf-8")
    names: dict[str, list[str]] = json.loads(data)["names"]
    return names


def name_tokens(name: str) -> NameTokens | None:
    """The words of a gazetteer name, as the data file has them (None: not in it)."""
    row = _table().get(name)
    if row is None:
        return None
    texts, keys, hard, commas = row
    return NameTokens(tuple(texts.split(" ")), tuple((keys or texts.lower()).split(" ")),
                      tuple(map(_ONE, hard)), tuple(map(_ONE, commas)))


def indexed_names(gaz: Gazetteer) -> Iterator[str]:
    """Every name the search indexes of ``gaz`` are built from."""
    from . import heritage, index, partners, provinces
    from .matcher import spelled

    entries: Iterable[tuple[str, str, str, str]] = (
        *index._entries(gaz), *index._head_entries(gaz),
        *spelled(gaz.partners.values(), "name", partners._SPELLINGS),
        *spelled(gaz.heritage.values(), "id", heritage._SPELLINGS),
        *spelled(gaz.provinces.values(), "name", provinces._SPELLINGS),
    )
    yield from (name for name, *_ in entries)
    yield from gaz.partner_rules["admin_words"]


def table_of(gaz: Gazetteer) -> dict[str, object]:
    """The data file's content: each name of ``gaz``'s indexes with its analysed words."""
    from .matcher import analyse

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
    return {"names": names}


def table_text(gaz: Gazetteer) -> str:
    """The data file: one name a line (name: [words, keys — "" when they are the words in
    lower case —, hard gaps, commas])."""
    names = table_of(gaz)["names"]
    assert isinstance(names, dict)
    rows = ",\n".join(f"{json.dumps(name, ensure_ascii=False)}: "
                      f"{json.dumps(row, ensure_ascii=False)}" for name, row in names.items())
    return '{"names": {\n' + rows + "\n}}\n"


if __name__ == "__main__":  # rebuild data/name_tokens.json from the shipped gazetteer
    from .gazetteer import load_gazetteer

    target = Path(__file__).with_name("data") / DATA
    target.write_text(table_text(load_gazetteer()), "utf-8")
    print(f"the analysed names → {target}", file=sys.stderr)
