"""Text → word tokens for matching: underthesea's word segmentation, folded and filtered.

Multi-syllable words are joined with ``_`` ("hội_nhập"), lowercased, with old-style tone-mark
placement folded ("hoá" → "hóa") so every spelling of a word meets. The segmenter's models
(``vnplan.text.segmenter``) load on first use only: records that are never aligned never pay
for them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache, lru_cache

from vnplan.text.chunks import tokenize_bounded

_LETTER = re.compile(r"[^\W\d_]")
_SPACES = re.compile(r"\s+")
# Old-style tone placement on an open syllable ("hoá", "thuỷ") → the new style ("hóa", "thủy").
_OLD_TONES = {
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
    "uý": "úy",
    "uỳ": "ùy",
    "uỷ": "ủy",
    "uỹ": "ũy",
    "uỵ": "ụy",
}
_OLD_TONE = re.compile(r"(?<![qQ])(" + "|".join(_OLD_TONES) + r")(?![^\W\d_])")


@cache
def _segmenter() -> Callable[[str], list[str]]:
    from vnplan.text.segmenter import word_tokenize  # its models load on first use

    def segment(text: str) -> list[str]:
        # in bounded pieces (quadratic on long runs without spaces); no letter, no token kept
        return [str(t) for t in tokenize_bounded(text, word_tokenize, _LETTER.search)]

    return segment


def fold_token(token: str) -> str:
    """One token's matching key: NFC, lowercase, new-style tone marks, spaces as ``_``.

    >>> fold_token("Văn hoá"), fold_token("loại")
    ('văn_hóa', 'loại')
    """
    lowered = unicodedata.normalize("NFC", token).lower()
    folded = _OLD_TONE.sub(lambda m: _OLD_TONES[m.group(1)], lowered)
    return _SPACES.sub("_", folded.strip())


_given: dict[str, tuple[str, ...]] = {}


@contextmanager
def tokens_given(tokens: Mapping[str, tuple[str, ...]]) -> Iterator[None]:
    """Inside the block, `tokenize` takes these texts' tokens as given: computed by this same
    function in another process (`tokenized`, in a `vnplan.sidecar`), they are what it would
    compute."""
    _given.update(tokens)
    try:
        yield
    finally:
        _given.clear()


@lru_cache(maxsize=8192)
def tokenize(text: str) -> tuple[str, ...]:
    """The folded word tokens of `text` that carry meaning (no punctuation or numbers).

    >>> tokenize("Hội nhập quốc tế sâu rộng")
    ('hội_nhập', 'quốc_tế', 'sâu_rộng')
    """
    given = _given.get(text)
    if given is not None:
        return given
    text = unicodedata.normalize("NFC", text)
    if not text.strip():
        return ()
    tokens = (fold_token(token) for token in _segmenter()(text))
    return tuple(token for token in tokens if len(token) > 1 and _LETTER.search(token))


def tokenized(texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """`tokenize` of each text, by text."""
    return {text: tokenize(text) for text in texts}


def load_segmenter() -> None:
    """Load the word segmenter's models now (they otherwise load on the first `tokenize`)."""
    _segmenter()("văn hóa")


def segmenter_loaded() -> bool:
    """Whether this process has loaded the word segmenter's models (`load_segmenter`)."""
    from vnplan.text.segmenter import word_model_loaded

    return word_model_loaded()


def content_tokens(text: str, stopwords: Iterable[str],
                   tokens: Callable[[str], tuple[str, ...]] = tokenize) -> list[str]:
    """`tokens(text)` (by default `tokenize`) without the stopwords."""
    stop = stopwords if isinstance(stopwords, frozenset) else frozenset(stopwords)
    return [token for token in tokens(text) if token not in stop]


def display_term(token: str) -> str:
    """A token as people write it: ``hội_nhập`` → ``hội nhập``."""
    return token.replace("_", " ")
