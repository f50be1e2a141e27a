"""A word tokenizer run over a long text in bounded pieces, so that it costs time in proportion
to the text.

underthesea's tokenizer tries its regular expressions from every position of a run of characters
without a space as far as they reach, so such a run costs the square of its length: 40 000 "1."
in a row took 87 s, a 1 MB page would take hours. Here a run longer than any word (`MAX_RUN`) is
not given to the tokenizer at all — it is one token, as written — and the text around it goes in
pieces of at most `MAX_PIECE` characters, cut at a line end, a sentence end or a space. A text of
at most `MAX_PIECE` characters with no such run is one piece, itself: ordinary text is tokenized
exactly as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

MAX_PIECE = 4000  # characters given to the tokenizer at once
MAX_RUN = 200  # characters without a space: a longer run is no word
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SEPARATORS = ("\n", ". ", " ", "\t")


def tokenize_bounded(
    text: str,
    tokenize: Callable[[str], list[str]],
    wanted: Callable[[str], object] | None = None,
) -> list[str]:
    """`tokenize` applied piece by piece (see the module); pieces for which `wanted` is false
    give no tokens.

    >>> tokenize_bounded("Sở Ngoại vụ", str.split)
    ['Sở', 'Ngoại', 'vụ']
    >>> [len(t) for t in tokenize_bounded("a " + "1." * 150 + " b", str.split)]
    [1, 300, 1]
    """
    tokens: list[str] = []
    for piece, is_run in pieces(text):
        if is_run:
            tokens.append(piece)
        elif piece.strip() and (wanted is None or wanted(piece)):
            tokens.extend(tokenize(piece))
    return tokens


def pieces(text: str) -> Iterator[tuple[str, bool]]:
    """Consecutive (piece, is a long run) that joined give `text` back.

    >>> list(pieces("x " * 3))
    [('x x x ', False)]
    """
    if len(text) <= MAX_PIECE and not _LONG_RUN.search(text):
        yield text, False
        return
    start = 0
    for run in _LONG_RUN.finditer(text):
        yield from _spaced(text, start, run.start())
        yield run.group(), True
        start = run.end()
    yield from _spaced(text, start, len(text))


def _spaced(text: str, start: int, end: int) -> Iterator[tuple[str, bool]]:
    """text[start:end], which holds no long run, in pieces of at most MAX_PIECE characters."""
    while end - start > MAX_PIECE:
        window = text[start : start + MAX_PIECE]
        cut = next((window.rfind(s) + len(s) for s in _SEPARATORS if window.rfind(s) > 0), 0)
        cut = cut or MAX_PIECE
        yield text[start : start + cut], False
        start += cut
    if end > start:
        yield text[start:end], False
