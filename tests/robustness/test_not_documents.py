"""Text too short to be a document, or not Vietnamese, is an error record (`too_short`,
`not_vietnamese`), never an empty record: measured by the letters in Vietnamese syllables and
the share of letters only Vietnamese writes (vnplan/pipeline.py, `check_text`). Every sample
still converts to the same record: tests/test_out_snapshot.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import vnplan
from vnplan.cli import app
from vnplan.pipeline import check_text

ENGLISH_NOTE = "Note: the plan is due next week. Please check the appendix table again."
TITLE = "Kế hoạch thực hiện Chiến lược ngoại giao văn hóa đến năm 2030"
SHORT = "Kế hoạch số 12/KH-UBND"
NEWS = (
    "Sáng 12/3, Ủy ban nhân dân tỉnh Lào Cai tổ chức hội nghị triển khai kế hoạch thực hiện"
    " Chiến lược ngoại giao văn hóa đến năm 2030."
)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("x", "too_short"),
        ("hello", "too_short"),
        ("Số: 122/KH-UBND", "too_short"),
        ("Kế hoạch số 12/KH-UBND", "too_short"),  # 9 letters in syllables
        ("Sở Ngoại vụ chủ trì", "too_short"),  # 14
        ("Sở Ngoại vụ chủ trì, phối hợp", None),  # 21: a short sentence
        (TITLE, None),  # a title: 45
        (ENGLISH_NOTE, "not_vietnamese"),
        ("PLAN 2030 ABC DEF", "too_short"),  # too few letters to tell a language
        (NEWS, None),  # one sentence of news is a document
    ],
)
def test_the_measure(text: str, code: str | None) -> None:
    if code is None:
        check_text(text)
    else:
        with pytest.raises(vnplan.ConversionError) as caught:
            check_text(text)
        assert caught.value.code == code


def test_a_one_letter_file_named_pdf_and_an_english_note_are_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.pdf").write_bytes(b"x")
    (folder / "note.txt").write_text(ENGLISH_NOTE, "utf-8")
    (folder / "short.txt").write_text(SHORT, "utf-8")
    (folder / "news.txt").write_text(NEWS, "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["convert", str(folder), "-o", str(out)])
    assert result.exit_code == 1, result.output
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert {Path(e["input"]).name: e["code"] for e in errors} == {
        "x.pdf": "too_short",
        "note.txt": "not_vietnamese",
        "short.txt": "too_short",
    }
    assert sorted(p.name for p in out.glob("*.json")) == ["news.json"]  # no empty record
    assert json.loads((out / "news.json").read_text("utf-8"))["kind"] == "news"


def test_from_python_too(tmp_path: Path) -> None:
    with pytest.raises(vnplan.ConversionError) as caught:
        vnplan.convert(b"hello")
    assert caught.value.code == "too_short" and str(caught.value).startswith("<bytes>: ")
