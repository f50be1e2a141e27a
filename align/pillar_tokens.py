"""The word tokens of the strategies' pillar texts, read from a data file instead of segmented
in each process.

Building the pillar index segments every pillar's name, wording and terms with the word
segmenter's CRF (a few hundred texts). Their tokens are in ``data/pillar_tokens.json``, rebuilt
by ``python -m vnplan.align.pillar_tokens`` (``tests/align/test_pillar_tokens.py`` fails when
the file is not what a rebuild gives); a text the file lacks is segmented as before.
"""

from __future__ import annotations

import json
import sys
from functools import cache
from importlib import resources
from pathlib import Path

from vnplan.align.pillars import Catalog, load_catalogs
from vnplan.align.tokens import tokenize

DATA = "pillar_tokens.json"


@cache
def _table() -> dict[str, str]:
    text = resources.files("vnplan.align").joinpath("data", DATA).read_text("utf-8")
    table: dict[str, str] = json.loads(text)
    return table


def pillar_text(name_vi: str, wording: str) -> str:
    """The text a pillar is matched by (its terms count apart)."""
    return f"{name_vi}. {wording}"


def pillar_tokens(text: str) -> tuple[str, ...]:
    """``tokenize(text)`` for a pillar text or term, from the data file when it has it."""
    row = _table().get(text)
    if row is None:
        return tokenize(text)
    return tuple(row.split(" ")) if row else ()


def table_text(catalogs: tuple[Catalog, ...]) -> str:
    """The data file: each pillar text and term of ``catalogs`` with its tokens, one a line."""
    texts = {pillar_text(p.name_vi, p.wording) for c in catalogs for p in c.pillars}
    texts |= {term for c in catalogs for p in c.pillars for term in p.terms}
    rows = ",\n".join(f"{json.dumps(t, ensure_ascii=False)}: "
                      f"{json.dumps(' '.join(tokenize(t)), ensure_ascii=False)}"
                      for t in sorted(texts))
    return "{\n" + rows + "\n}\n"


if __name__ == "__main__":  # rebuild data/pillar_tokens.json with the word segmenter
    target = Path(__file__).with_name("data") / DATA
    target.write_text(table_text(load_catalogs()), "utf-8")
    print(f"the pillar texts' tokens → {target}", file=sys.stderr)
