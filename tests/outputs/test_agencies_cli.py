"""`vnplan agencies`: mention counts, and the gazetteer's gaps with --unmatched."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from vnplan import convert
from vnplan.batch import record_json
from vnplan.cli import app
from vnplan.schema import AgencyRef

runner = CliRunner()


def test_agencies_counts_and_unmatched_strings(tmp_path: Path) -> None:
    doc = convert("samples/lao-cai-122-kh-ubnd-2022.txt")
    (tmp_path / "lao-cai.json").write_text(record_json(doc), "utf-8")
    listing = runner.invoke(app, ["agencies", str(tmp_path)], terminal_width=200)
    assert listing.exit_code == 0
    assert "so-ngoai-vu" in listing.output and "Sở Ngoại vụ tỉnh Lào Cai" in listing.output
    clean = runner.invoke(app, ["agencies", str(tmp_path), "--unmatched"], terminal_width=200)
    assert "every agency-like string matched" in clean.output

    doc.appendices[0].rows[0].lead = [AgencyRef(raw="Sở Khảo cổ học Hư cấu")]
    (tmp_path / "lao-cai.json").write_text(record_json(doc), "utf-8")
    gaps = runner.invoke(app, ["agencies", str(tmp_path), "--unmatched"], terminal_width=200)
    assert gaps.exit_code == 0
    assert "Sở Khảo cổ học Hư cấu" in gaps.output
