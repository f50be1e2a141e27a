"""vnplan/batch.py and cli.py: the batch goes on, writes atomically, skips what is done."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from vnplan import __version__
from vnplan.batch import expand_inputs, run_batch
from vnplan.cli import app
from vnplan.store import output_names

runner = CliRunner()


def _copy_seed(dest: Path, name: str = "lang-son-227-kh-ubnd-2021.txt") -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(Path("samples") / name, dest / name))


def test_convert_writes_records_and_errors_and_exits_1(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _copy_seed(inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.html").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    result = runner.invoke(app, ["convert", str(inputs), "-o", str(out)])
    assert result.exit_code == 1
    record = json.loads((out / "lang-son-227-kh-ubnd-2021.json").read_text("utf-8"))
    assert record["doc_number"] == "227/KH-UBND"
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert {(Path(e["input"]).name, e["code"]) for e in errors} == {
        ("empty.txt", "empty"),
        ("garbage.html", "unsupported_format"),
    }
    assert all(e["message"] and e["extractor_version"] == __version__ for e in errors)
    [garbage] = [e["message"] for e in errors if e["code"] == "unsupported_format"]
    assert "no format vnplan reads (DOCX, DOC, PDF, HTML, TXT)" in garbage  # not "bin files"
    assert not list(out.glob("*.tmp")) and not list(out.glob(".*.tmp"))


def test_rerun_skips_unchanged_and_force_redoes(tmp_path: Path) -> None:
    seed = _copy_seed(tmp_path / "in")
    out = tmp_path / "out"
    assert runner.invoke(app, ["convert", str(seed), "-o", str(out)]).exit_code == 0
    record = out / "lang-son-227-kh-ubnd-2021.json"
    first = record.stat().st_mtime_ns
    again = runner.invoke(app, ["convert", str(seed), "-o", str(out)])
    assert again.exit_code == 0 and "skipped" in again.output
    assert record.stat().st_mtime_ns == first
    assert runner.invoke(app, ["convert", str(seed), "-o", str(out), "--force"]).exit_code == 0
    assert record.stat().st_mtime_ns != first
    seed.write_text(seed.read_text("utf-8").replace("Số: 227/KH-UBND", "Số: 228/KH-UBND"), "utf-8")
    changed = runner.invoke(app, ["convert", str(seed), "-o", str(out)])
    assert "skipped" not in changed.output.split("failed")[-1]
    data = json.loads(record.read_text("utf-8"))
    assert data["source"]["sha256"] == hashlib.sha256(seed.read_bytes()).hexdigest()
    assert data["doc_number"] == "228/KH-UBND"


def test_record_from_other_extractor_version_is_redone(tmp_path: Path) -> None:
    seed = _copy_seed(tmp_path / "in")
    out = tmp_path / "out"
    runner.invoke(app, ["convert", str(seed), "-o", str(out)])
    record = out / "lang-son-227-kh-ubnd-2021.json"
    data = json.loads(record.read_text("utf-8"))
    data["extractor_version"] = "0.0.0"
    record.write_text(json.dumps(data), "utf-8")
    result = runner.invoke(app, ["convert", str(seed), "-o", str(out)])
    assert "converted" in result.output
    assert json.loads(record.read_text("utf-8"))["extractor_version"] == __version__


def test_colliding_stems_are_disambiguated_by_extension() -> None:
    names = output_names(["a/plan.pdf", "b/plan.txt", "c/other.txt", "d/plan.txt"])
    assert names == {
        "a/plan.pdf": "plan.pdf.json",
        "b/plan.txt": "plan.txt.json",
        "c/other.txt": "other.json",
        "d/plan.txt": "plan.txt-2.json",
    }


def test_inputs_expand_folders_globs_and_ignore_symlink_loops(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.pdf", "notes.md", "sub/c.docx"):
        (folder / name).write_text("x", "utf-8")
    (folder / "sub" / "loop").symlink_to(folder, target_is_directory=True)
    got = expand_inputs([str(folder), str(folder / "*.txt")])
    assert [Path(p).relative_to(folder).as_posix() for p in got] == ["a.txt", "b.pdf", "sub/c.docx"]


def test_relative_paths_stay_relative_and_output_is_deterministic(tmp_path: Path) -> None:
    out1, out2 = tmp_path / "o1", tmp_path / "o2"
    seed = "samples/thua-thien-hue-news-173-kh-ubnd-2022.txt"
    runner.invoke(app, ["convert", seed, "-o", str(out1)])
    runner.invoke(app, ["convert", seed, "-o", str(out2)])
    name = "thua-thien-hue-news-173-kh-ubnd-2022.json"
    assert (out1 / name).read_bytes() == (out2 / name).read_bytes()
    assert json.loads((out1 / name).read_text("utf-8"))["source"]["uri"] == seed


def test_no_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["convert", "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_version_and_schema_commands() -> None:
    assert runner.invoke(app, ["--version"]).output.strip() == f"vnplan {__version__}"
    schema = runner.invoke(app, ["schema"])
    assert json.loads(schema.output)["title"].startswith("vnplan document record")
    assert runner.invoke(app, ["schema", "--check"]).exit_code == 0


def test_unsupported_files_in_a_folder_are_counted_and_named(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    _copy_seed(inputs)
    (inputs / "notes.xlsx").write_bytes(b"PK\x03\x04 a spreadsheet")
    (inputs / "photos").mkdir()
    (inputs / "photos" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 a photo")
    (inputs / ".DS_Store").write_bytes(b"\x00")  # hidden: not a file anyone meant to convert
    result = runner.invoke(app, ["convert", str(inputs), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    shown = f"{inputs / 'notes.xlsx'}, {inputs / 'photos' / 'photo.jpg'}"
    assert ("not read: 2 file(s) of no format vnplan reads (not .docx .doc .pdf .html .htm .txt): "
            + shown) in said
    assert ".DS_Store" not in said


def test_the_summary_names_the_out_folder_as_written(tmp_path: Path) -> None:
    seed = str(_copy_seed(tmp_path))
    for name in ("out:smile:", "[bold]out"):  # an emoji code and markup to rich, folder names here
        out = tmp_path / name
        done = subprocess.run([sys.executable, "-m", "vnplan", "convert", seed, "-o", str(out)],
                              capture_output=True, text=True, check=True)
        assert f"vnplan convert → {out}" in done.stderr


def test_two_workers_write_what_one_writes_and_a_rerun_skips_it(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("lao-cai-122-kh-ubnd-2022.pdf", "lang-son-227-kh-ubnd-2021.docx",
                 "web/can-tho-news-2024.html", "thua-thien-hue-news-173-kh-ubnd-2022.txt"):
        shutil.copy(Path("samples") / name, inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "garbage.html").write_bytes(bytes(range(256)) * 8)
    items = expand_inputs([str(inputs)])
    outs = {workers: tmp_path / f"out{workers}" for workers in (1, 2)}
    for workers, out in outs.items():
        result = run_batch(items, out, workers=workers)
        assert [(Path(o.input).name, o.status, o.code) for o in result.outcomes] == [
            ("can-tho-news-2024.html", "converted", None),
            ("empty.txt", "failed", "empty"),
            ("garbage.html", "failed", "unsupported_format"),
            ("lang-son-227-kh-ubnd-2021.docx", "converted", None),
            ("lao-cai-122-kh-ubnd-2022.pdf", "converted", None),
            ("thua-thien-hue-news-173-kh-ubnd-2022.txt", "converted", None),
        ]
    one, two = ({p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
                for out in outs.values())
    assert "errors.jsonl" in one and one == two
    plan = json.loads(one["lao-cai-122-kh-ubnd-2022.json"])
    assert (plan["doc_number"], plan["source"]["pages"]) == ("122/KH-UBND", 15)
    written = {p.name: p.stat().st_mtime_ns for p in outs[2].glob("*.json")}
    again = run_batch(items, outs[2], workers=2)
    assert again.counts == {"skipped": 4, "failed": 2}
    assert {p.name: p.stat().st_mtime_ns for p in outs[2].glob("*.json")} == written
    assert (outs[2] / "errors.jsonl").read_bytes() == one["errors.jsonl"]
