"""outputs/agencies.py and `vnplan agencies`: per-document counts, labels that fit the scope,
and the records' unmatched agency mentions."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from tests.outputs.conftest import LAO_CAI, record
from vnplan.cli import app
from vnplan.outputs.agencies import agency_key, agency_totals, generic_label, unmatched_agencies
from vnplan.outputs.records import Loaded
from vnplan.schema import AgencyMention, AgencyRef

runner = CliRunner()


def _mentions(loaded: Loaded, agency_id: str) -> int:
    return sum(m.count for m in record(loaded, LAO_CAI).entities.agencies if m.id == agency_id)


def test_each_document_counts_once(loaded: Loaded) -> None:
    """out/ holds Lào Cai's plan four times; its Sở Ngoại vụ mentions count once."""
    rows = {r.id: r for r in agency_totals(loaded.documents)}
    foreign = rows["so-ngoai-vu"]
    assert foreign.mentions == _mentions(loaded, "so-ngoai-vu") == 27
    assert foreign.documents == 1 and foreign.provinces == ("Lào Cai",)
    assert foreign.name == "Sở Ngoại vụ tỉnh Lào Cai"  # one province: the full name


def test_a_row_across_provinces_has_no_province_in_its_name(loaded: Loaded) -> None:
    people = {r.id: r for r in agency_totals(loaded.documents)}["ubnd-tinh"]
    # Named by both plans and all four articles, in four provinces.
    assert people.documents == 6
    assert people.provinces == ("Cần Thơ", "Lạng Sơn", "Lào Cai", "Thừa Thiên Huế")
    assert people.name == "Ủy ban nhân dân tỉnh"


def test_generic_label_drops_only_the_province_name() -> None:
    ref = AgencyRef(
        raw="Sở Ngoại vụ", id="so-ngoai-vu", name="Sở Ngoại vụ tỉnh Lào Cai", province="Lào Cai"
    )
    assert generic_label(ref) == "Sở Ngoại vụ tỉnh"
    city = AgencyRef(raw="UBND", name="Ủy ban nhân dân thành phố Cần Thơ", province="Cần Thơ")
    assert generic_label(city) == "Ủy ban nhân dân thành phố"
    assert generic_label(AgencyRef(raw="Bộ Ngoại giao", name="Bộ Ngoại giao")) == "Bộ Ngoại giao"
    assert agency_key(ref) == "so-ngoai-vu"
    assert agency_key(AgencyRef(raw="Sở  Văn hoá")) == agency_key(AgencyRef(raw="sở văn hóa"))


def test_unmatched_strings_come_from_the_records(loaded: Loaded) -> None:
    assert unmatched_agencies(loaded.documents) == []
    doc = record(loaded, LAO_CAI).model_copy(deep=True)
    doc.entities.agencies += [
        AgencyMention(raw="Sở Khảo cổ học Hư cấu", count=2),
        AgencyMention(raw="sở khảo cổ học  hư cấu", count=1),
    ]
    assert unmatched_agencies([doc]) == [("Sở Khảo cổ học Hư cấu", 3)]


def test_the_command(loaded: Loaded, tmp_path: Path) -> None:
    listing = runner.invoke(app, ["agencies", "out"], env={"COLUMNS": "200"})
    assert listing.exit_code == 0, listing.output
    line = next(x for x in listing.output.splitlines() if x.split()[:1] == ["so-ngoai-vu"])
    assert "Sở Ngoại vụ tỉnh Lào Cai" in line and " 27 " in line
    assert "Ủy ban nhân dân tỉnh " in listing.output
    clean = runner.invoke(app, ["agencies", "out", "--unmatched"], env={"COLUMNS": "200"})
    assert "every agency-like string matched" in clean.output

    doc = record(loaded, LAO_CAI).model_copy(deep=True)
    doc.entities.agencies.append(AgencyMention(raw="Sở Khảo cổ học [Hư cấu]", count=2))
    (tmp_path / "lao-cai.json").write_text(doc.model_dump_json(), "utf-8")
    gaps = runner.invoke(app, ["agencies", str(tmp_path), "--unmatched"], env={"COLUMNS": "200"})
    assert gaps.exit_code == 0
    assert "Sở Khảo cổ học [Hư cấu]" in gaps.output  # shown as written, brackets and all
