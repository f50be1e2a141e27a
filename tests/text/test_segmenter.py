"""vnplan/text/segmenter.py: underthesea's words and tags, without importing underthesea."""

from __future__ import annotations

import json
import subprocess
import sys

import underthesea

from tests.conftest import ROOT, SAMPLES
from vnplan.text.data import load
from vnplan.text.segmenter import DATA, data_from_underthesea, pos_tag, word_tokenize


def _sample_lines() -> list[str]:
    """Lines of the sample texts and web pages' text: headings, lists, tables, sentences."""
    lines = [line for path in sorted(SAMPLES.glob("*.txt"))
             for line in path.read_text("utf-8").splitlines() if line.strip()]
    return lines[::2]  # every other: the suite stays fast, every kind of line is there


def test_the_words_and_tags_are_underthesea_s_own() -> None:
    lines = _sample_lines()
    assert len(lines) > 100
    assert [word_tokenize(line) for line in lines] == [underthesea.word_tokenize(line)
                                                       for line in lines]
    assert [pos_tag(line) for line in lines] == [
        [tuple(tagged) for tagged in underthesea.pos_tag(line)] for line in lines]


def test_odd_spellings_and_tokens_are_read_as_underthesea_reads_them() -> None:
    odd = ["Uỷ ban  nhân dân", "hoà bình v.v... 02/05/2014 4.123,2 43H-0530 e-mail",
           "UBND T.Ư H&M :)) http://vnplan.example/a?b=1 a@b.vn", "", "   ", "“Đề án” 1/2; x—y"]
    for text in odd:
        assert word_tokenize(text) == underthesea.word_tokenize(text)
        assert pos_tag(text) == [tuple(t) for t in underthesea.pos_tag(text)]


def test_the_data_file_is_the_installed_underthesea_s() -> None:
    # after an upgrade of underthesea: python -m vnplan.text.segmenter
    assert load(DATA) == json.loads(json.dumps(data_from_underthesea()))


def test_tagging_never_imports_underthesea() -> None:
    code = ("import sys; from vnplan.text.segmenter import pos_tag; pos_tag('Sở Ngoại vụ'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in {'underthesea','joblib'}))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"
