"""One exception type from Python: every failure of `vnplan.convert` is a
`vnplan.ConversionError` whose `code` is the one `vnplan convert` writes to errors.jsonl for the
same input, and whose message names the input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import vnplan
from tests.conftest import ROOT
from vnplan.cli import app

BAD = ROOT / "tests" / "data" / "bad"


def _bad_inputs(folder: Path) -> list[Path]:
    folder.mkdir()
    for name in ("corrupt.pdf", "truncated.pdf", "zero-pages.pdf", "encrypted-user.pdf"):
        shutil.copy(BAD / name, folder / name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "one-letter.pdf").write_bytes(b"x")
    (folder / "english.txt").write_text("The province will promote its culture. " * 10, "utf-8")
    (folder / "garbage.html").write_bytes(bytes(range(256)) * 8)
    (folder / "menus.html").write_text(
        "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>", "utf-8"
    )
    return sorted(folder.iterdir())


def test_every_failure_is_a_conversion_error_with_the_command_lines_code(
    tmp_path: Path,
) -> None:
    inputs = _bad_inputs(tmp_path / "in")
    out = tmp_path / "out"
    CliRunner().invoke(app, ["convert", str(tmp_path / "in"), "-o", str(out)])
    lines = (out / "errors.jsonl").read_text("utf-8").splitlines()
    cli = {Path(e["input"]).name: e["code"] for e in map(json.loads, lines)}
    assert len(cli) == len(inputs)  # every one of them fails
    for path in inputs:
        with pytest.raises(vnplan.ConversionError) as caught:
            vnplan.convert(path)
        assert caught.value.code == cli[path.name], path.name
        assert str(caught.value).startswith(f"{path}: "), str(caught.value)


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("{tmp}/missing.pdf", "not_found"),
        ("{tmp}", "not_found"),  # a folder
        ("{tmp}/afile/x.pdf", "not_found"),  # a path under a file
        ("/proc/self/mem", "unreadable"),  # a file whose read fails (EIO), as root too
    ],
)
def test_paths_that_cannot_be_read(source: str, code: str, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("a file", "utf-8")
    with pytest.raises(vnplan.ConversionError) as caught:
        vnplan.convert(source.replace("{tmp}", str(tmp_path)))
    assert caught.value.code == code


def test_the_exception_is_exported() -> None:
    assert "ConversionError" in vnplan.__all__
    from vnplan.errors import ConversionError

    assert vnplan.ConversionError is ConversionError
