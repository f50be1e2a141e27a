"""Input folders a hostile user prepares: names that are not UTF-8, symlinks to secrets, hidden
and over-long names, pathological text, files made to exhaust memory. Each input ends in a
record or an error line that names it; no traceback reaches the user."""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from tests.robustness import attacks
from tests.robustness.servers import errors, records
from vnplan.cli import app

SEED = attacks.LANG_SON_TXT


def convert(*args: str) -> Result:
    return CliRunner().invoke(app, ["convert", *args])




def test_file_names_that_are_not_utf8_get_records_and_error_lines(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    plan = os.path.join(os.fsencode(folder), b"k\xe9 ho\xb9ch.txt")
    empty = os.path.join(os.fsencode(folder), b"\xff\xfe.txt")
    shutil.copyfile(SEED, plan)
    Path(os.fsdecode(empty)).write_bytes(b"")
    out = tmp_path / "out"
    for _run in range(2):  # the re-run skips the record and writes the error line again
        result = convert(str(folder), "-o", str(out))
        assert result.exit_code == 1 and "Traceback" not in result.output
        [error] = errors(out).values()
        assert error["code"] == "empty" and error["input"].endswith("\\xff\\xfe.txt")
        assert "\\xff\\xfe.txt" in error["message"]
    [record] = records(out).values()
    assert record["source"]["uri"].endswith("k\\xe9 ho\\xb9ch.txt")
    assert record["doc_number"] == "227/KH-UBND"


@pytest.fixture
def restore_umask() -> Iterator[None]:
    mask = os.umask(0o022)
    os.umask(mask)
    yield
    os.umask(mask)


def test_symlinks_out_of_the_folder_are_not_read(tmp_path: Path, restore_umask: None) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:$6$salt$hashed-password:19000:0:99999:7:::\n" * 5, "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "plan.txt")
    (folder / "shadow.txt").symlink_to(secret)
    (folder / "same-plan.txt").symlink_to(folder / "plan.txt")  # inside the folder: followed
    out = tmp_path / "out"
    os.umask(0o077)
    result = convert(str(folder), "-o", str(out))
    assert result.exit_code == 1
    [(uri, error)] = errors(out).items()
    assert (Path(uri).name, error["code"]) == ("shadow.txt", "symlink_outside")
    assert {Path(u).name for u in records(out)} == {"plan.txt", "same-plan.txt"}
    assert all("hashed-password" not in p.read_text("utf-8") for p in out.iterdir() if p.is_file())
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.glob("*.json")}
    assert modes == {0o600}  # the user's umask, not a forced 0644

    followed = tmp_path / "followed"
    os.umask(0o022)
    convert(str(folder), "-o", str(followed), "--follow-symlinks")
    assert "shadow.txt" in {Path(u).name for u in {**records(followed), **errors(followed)}}
    assert {stat.S_IMODE(p.stat().st_mode) for p in followed.glob("*.json")} == {0o644}


def test_hidden_and_long_names_get_records(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    long_name = "Kế hoạch " * 19 + ".txt"  # 251 bytes: a record name plus a temp suffix is over 255
    assert 240 < len(long_name.encode()) <= 255
    for name in (".hidden-plan.txt", long_name):
        shutil.copy(SEED, folder / name)
    out = tmp_path / "out"
    result = convert(str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert {Path(u).name for u in records(out)} == {".hidden-plan.txt", long_name}
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert "hidden-plan.json" in {p.name for p in out.iterdir()}


def test_a_megabyte_of_numbering_converts_instead_of_running_for_hours(tmp_path: Path) -> None:
    """The tokenizer was quadratic on runs without spaces: a megabyte took hours. The limit is
    a guard far above a linear run's seconds, not a speed check (bench/attacks.py times it)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "runs.txt").write_bytes(attacks.no_space_run())  # "1.1.1.…": no space at all
    (folder / "spaced.txt").write_bytes(attacks.spaced_numbers())  # "1. 1. 1. …"
    out = tmp_path / "out"
    convert(str(folder), "-o", str(out), "--doc-timeout", "120", "--workers", "1")
    assert errors(out) == {}  # no timeout: records
    assert {Path(uri).name for uri in records(out)} == {"runs.txt", "spaced.txt"}


def test_text_over_its_share_of_the_memory_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    text = SEED.read_bytes()
    big.write_bytes(text * (17 * 2**20 // len(text)))  # 17 MiB: 512 MiB / 32 is 16
    out = tmp_path / "out"
    convert(str(big), "-o", str(out), "--memory-mb", "512")
    [error] = errors(out).values()
    assert error["code"] == "too_large" and "limit for text inputs" in error["message"]


def test_memory_exhaustion_is_out_of_memory_for_every_reader(
    tmp_path: Path, docx_bomb: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bomb.pdf").write_bytes(attacks.pdf_bomb())
    (folder / "heavy.pdf").write_bytes(attacks.heavy_page_pdf())
    shutil.copy(docx_bomb, folder / "bomb.docx")
    shutil.copy(SEED, folder / "plan.txt")
    out = tmp_path / "out"
    result = convert(str(folder), "-o", str(out), "--memory-mb", "512", "--workers", "2")
    assert "Traceback" not in result.output
    got = {Path(uri).name: (e["code"], e["message"]) for uri, e in errors(out).items()}
    assert {name: code for name, (code, _) in got.items()} == dict.fromkeys(
        ("bomb.pdf", "heavy.pdf", "bomb.docx"), "out_of_memory"
    )
    assert all(name in message for name, (_, message) in got.items())  # each names its file
    assert {Path(u).name for u in records(out)} == {"plan.txt"}
