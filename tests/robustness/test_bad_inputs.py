"""A batch over the bad-input corpus: each input ends in a correct record or a clear error with
a stable code; the batch goes on; nothing is lost; nothing is written outside OUT."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.robustness.corpus import EXPECTED, build
from vnplan.cli import app
from vnplan.schema import Document


def _files(root: Path, skip: Path) -> set[str]:
    return {
        str(p.relative_to(root))
        for p in root.rglob("*")
        if skip not in p.parents and p != skip and not p.is_symlink()
    }


def test_every_bad_input_gets_a_record_or_a_clear_error(tmp_path: Path) -> None:
    corpus = build(tmp_path / "corpus")
    out = tmp_path / "out"
    before = _files(tmp_path, out)
    result = CliRunner().invoke(app, ["convert", str(corpus), "-o", str(out), "--workers", "2"])
    assert result.exit_code == 1  # some inputs failed, and the command says so
    assert _files(tmp_path, out) == before  # nothing written outside OUT

    errors = {
        Path(e["input"]).name: e
        for e in map(json.loads, (out / "errors.jsonl").read_text("utf-8").splitlines())
    }
    records = {
        Path(Document.model_validate_json(p.read_text("utf-8")).source.uri).name: p
        for p in out.glob("*.json")
    }
    assert set(errors) | set(records) == set(EXPECTED)  # nothing lost …
    assert not set(errors) & set(records)  # … nor counted twice
    for name, allowed in EXPECTED.items():
        got = "record" if name in records else errors[name]["code"]
        assert got in allowed, (name, errors.get(name))
        if name in errors:
            assert errors[name]["message"].strip(), name
    lang_son = json.loads(records["windows-1258.txt"].read_text("utf-8"))
    assert (
        lang_son["doc_number"] == "227/KH-UBND" and lang_son["signer"]["name"] == "Dương Xuân Huyên"
    )
    tcvn3 = json.loads(records["tcvn3.txt"].read_text("utf-8"))
    assert tcvn3["doc_number"] == "227/KH-UBND"
    assert any("tcvn3" in w["message"] for w in tcvn3["warnings"])
    long_pdf = json.loads(records["long-500-pages.pdf"].read_text("utf-8"))
    assert long_pdf["source"]["pages"] >= 500
    spaced = json.loads(records["Kế hoạch số 122 (bản sao).txt"].read_text("utf-8"))
    assert spaced["doc_number"] == "122/KH-UBND"


def test_page_limit_turns_a_long_pdf_into_an_error(tmp_path: Path) -> None:
    corpus = build(tmp_path / "corpus")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["convert", str(corpus / "long-500-pages.pdf"), "-o", str(out), "--max-pages", "400"]
    )
    assert result.exit_code == 1
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["code"] == "too_many_pages"


def test_scanned_pdf_without_tesseract_needs_ocr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scan = Path("samples/lao-cai-122-kh-ubnd-2022-scan.pdf")
    no_tools = tmp_path / "bin"
    no_tools.mkdir()
    monkeypatch.setenv("PATH", str(no_tools))
    assert shutil.which("tesseract") is None
    out = tmp_path / "out"
    CliRunner().invoke(app, ["convert", str(scan), "-o", str(out), "--workers", "1"])
    [error] = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert error["code"] == "needs_ocr" and "tesseract" in error["message"]
    assert sorted(os.listdir(out)) == [".lock", "errors.jsonl"]
