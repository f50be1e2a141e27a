"""The words of the gazetteer's names, read from a data file instead of analysed in each process.

Every search index (agencies, heads, partners, heritage, provinces) turns ~1,900 names into
patterns of folded word keys; folding them is most of the time an index takes to build. The
names of the shipped gazetteer are analysed once, into ``data/name_tokens.json``, by
``python -m vnplan.normalize.index_names`` (``tests/normalize/test_name_tokens.py`` fails when
the file is not what a rebuild gives). A name the file lacks — a gazetteer a caller built — is
analysed as before.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import NamedTuple

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
