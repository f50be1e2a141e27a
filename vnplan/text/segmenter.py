"""Vietnamese word segmentation and part-of-speech tags: underthesea's own CRF models, read
without importing underthesea.

`word_tokenize` and `pos_tag` give what underthesea's functions of the same names give
(``tests/text/test_segmenter.py`` compares them on the samples). Importing underthesea costs
about 0.4 s before its first word — its package loads every pipeline, its text normaliser
imports joblib, its chunker parses the 74K-word dictionary — and its segmenter's word list is
unpickled by joblib's pure-Python unpickler. Here the CRF models are read by underthesea_core
(the tagger underthesea itself calls) straight from underthesea's installed files, the word
list with the standard unpickler, and the tokenizer's regular expression and its table of
token spellings come from a data file (``data/word_tokens.json``, rebuilt from the installed
underthesea by ``python -m vnplan.text.segmenter``).
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from vnplan.text.data import load
from vnplan.text.underthesea_files import package_dir as underthesea_dir

_WORDS_MODEL = ("pipeline", "word_tokenize", "models", "ws_crf_vlsp2013_20230727")
_POS_MODEL = ("pipeline", "pos_tag", "pos_crf_2017_10_11.bin")
# the features underthesea's POS model was trained on (its CRFPOSTagPredictor's template)
_POS_TEMPLATE = (
    "T[-2].lower", "T[-1].lower", "T[0].lower", "T[1].lower", "T[2].lower",
    "T[0].istitle", "T[-1].istitle", "T[1].istitle",
    "T[-2]", "T[-1]", "T[0]", "T[1]", "T[2]",
    "T[-2,-1]", "T[-1,0]", "T[0,1]", "T[1,2]",
    "T[-3][1]", "T[-2][1]", "T[-1][1]",
    "T[-3,-2][1]", "T[-2,-1][1]",
)
_FEATURE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\[(\d+)\])?(?:\.(\w+))?$")
DATA = "word_tokens"


class SegmenterUnavailable(RuntimeError):
    """underthesea (its models) is not installed."""


def package_dir() -> Path:
    """Where underthesea is installed (found without importing it)."""
    found = underthesea_dir()
    if found is None:
        raise SegmenterUnavailable("underthesea is not installed")
    return found


@dataclass(frozen=True)
class _Tokenizer:
    """underthesea's regular-expression tokenizer, with its character and token spellings."""

    pattern: re.Pattern[str]
    characters: dict[str, str]
    tokens: dict[str, str]

    def __call__(self, text: str) -> list[str]:
        text = self._characters(text)
        out: list[str] = []
        for match in self.pattern.finditer(text):
            token = match.group()  # each alternative is one named group, matched whole
            if len(token) <= 6:  # a short token in its standard spelling ("Aì" → "Ài")
                token = self._characters(token)
                token = self.tokens.get(token, token)
            out.append(token)
        return out

    def _characters(self, text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        for written, standard in self.characters.items():
            text = text.replace(written, standard)
        return text


@cache
def _tokenizer() -> _Tokenizer:
    data = load(DATA)
    pattern = re.compile(data["pattern"], re.VERBOSE | re.UNICODE)
    return _Tokenizer(pattern, data["characters"], data["tokens"])


def _tagger(path: Path) -> Any:
    from underthesea_core import CRFTagger

    tagger = CRFTagger()
    tagger.load(str(path))
    return tagger


def _unpickled(path: Path) -> Any:
    with path.open("rb") as handle:  # underthesea's own model files, as joblib wrote them
        return pickle.load(handle)


@cache
def _word_model() -> tuple[Any, Any]:
    from underthesea_core import CRFFeaturizer

    base = package_dir().joinpath(*_WORDS_MODEL)
    featurizer = CRFFeaturizer(_unpickled(base / "features.bin"),
                               _unpickled(base / "dictionary.bin"))
    return featurizer, _tagger(base / "models.bin")


@cache
def _pos_model() -> Any:
    return _tagger(package_dir().joinpath(*_POS_MODEL))


def word_model_loaded() -> bool:
    """Whether this process has loaded the word segmenter's models (`_word_model`)."""
    return _word_model.cache_info().currsize > 0


def load_models() -> None:
    """Load the word segmenter's and the tagger's models now, not on their first use (a
    batch's parent, before it forks its workers)."""
    _tokenizer()
    _word_model()
    _pos_model()
    _pos_features()


def tokens(text: str) -> list[str]:
    """The tokens of ``text`` the CRF joins into words (underthesea's regular expression):
    a word of ``word_tokenize`` is one token or several in a row.

    >>> tokens("Quyết định 4399/QĐ-UBND")
    ['Quyết', 'định', '4399', '/', 'QĐ-UBND']
    """
    return _tokenizer()(text)


def word_tokenize(text: str) -> list[str]:
    """The words of ``text``, a word of several syllables joined by spaces.

    >>> word_tokenize("Sở Văn hóa, Thể thao và Du lịch")
    ['Sở', 'Văn hóa', ',', 'Thể thao', 'và', 'Du lịch']
    """
    tokens = _tokenizer()(text)
    if not tokens:
        return []
    featurizer, tagger = _word_model()
    tags = tagger.tag(featurizer.process([[[token] for token in tokens]])[0])
    words: list[str] = []
    for tag, token in zip(tags, tokens, strict=True):
        if tag == "I-W" and words:
            words[-1] += " " + token
        else:
            words.append(token)
    return words


def pos_tag(text: str) -> list[tuple[str, str]]:
    """The words of ``text`` with their part-of-speech tags (N, Np, V, A, E, CH …).

    >>> pos_tag("Ủy ban nhân dân tỉnh ban hành Kế hoạch")
    [('Ủy', 'N'), ('ban nhân dân', 'N'), ('tỉnh', 'N'), ('ban hành', 'V'), ('Kế hoạch', 'N')]
    """
    words = word_tokenize(text)
    if not words:
        return []
    tags = cast(list[str], _pos_model().tag(_pos_rows(words)))
    return list(zip(words, tags, strict=True))


def _pos_rows(words: list[str]) -> list[list[str]]:
    """Each word's features in the templates' order, written as underthesea's templates write
    them ("T[-1].lower=tỉnh", "T[-2]=BOS", "T[0,1]=Ủy ban"), made one template at a time for
    all the words (a word's lower case once, not once a template that reads it)."""
    n = len(words)
    columns = (words, ["X"] * n)
    applied: dict[tuple[int, Callable[[str], str] | None], list[str]] = {}
    rows: list[list[str]] = [[] for _ in words]
    for f in _pos_features():
        bos, eos, name = f"{f.template}=BOS", f"{f.template}=EOS", f"{f.template}="
        if f.last is None:
            key = (f.column, f.function)
            if key not in applied:
                column = columns[f.column]
                applied[key] = column if f.function is None else [f.function(v) for v in column]
            values = applied[key]
            for i, row in enumerate(rows):
                k = i + f.first
                row.append(bos if k < 0 else eos if k >= n else name + values[k])
            continue
        column = columns[f.column]
        for i, row in enumerate(rows):
            k, last = i + f.first, i + f.last
            if k < 0:
                row.append(bos)
            elif k >= n or last >= n:
                row.append(eos)
            else:
                value = " ".join(column[k : last + 1])
                row.append(name + (value if f.function is None else f.function(value)))
    return rows


@dataclass(frozen=True, slots=True)
class _Feature:
    """One of underthesea's feature templates: ``T[-1,0][1].lower`` = the lowercased column 1
    of the previous word and this one."""

    template: str
    first: int
    last: int | None
    column: int
    function: Callable[[str], str] | None


@cache
def _pos_features() -> tuple[_Feature, ...]:
    out: list[_Feature] = []
    for template in _POS_TEMPLATE:
        match = _FEATURE.match(template)
        assert match is not None
        out.append(_Feature(template, int(match[1]), None if match[2] is None else int(match[2]),
                            int(match[3] or 0), None if match[4] is None else _FUNCTIONS[match[4]]))
    return tuple(out)


def _is_title(word: str) -> str:
    try:
        return str(bool(word) and all(s[0].istitle() for s in word.split(" ")))
    except IndexError:  # two spaces in a row: an empty part
        return "False"


_FUNCTIONS: dict[str, Callable[[str], str]] = {"lower": str.lower, "istitle": _is_title}


def data_from_underthesea() -> dict[str, object]:
    """The data file's content, from the installed underthesea (imports it)."""
    from underthesea import __version__
    from underthesea.pipeline.text_normalize.text_normalizer import character_map, token_map
    from underthesea.pipeline.word_tokenize import regex_tokenize

    return {"underthesea": __version__, "pattern": regex_tokenize.regex_patterns_combine,
            "characters": dict(character_map), "tokens": dict(token_map)}


if __name__ == "__main__":  # rebuild data/word_tokens.json from the installed underthesea
    try:
        content = data_from_underthesea()
    except ImportError:
        sys.exit("underthesea is needed to rebuild the tokenizer's data")
    target = Path(__file__).with_name("data") / f"{DATA}.json"
    target.write_text(json.dumps(content, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                      "utf-8")
    print(f"{len(content['tokens'])} token spellings → {target}")  # type: ignore[arg-type]
