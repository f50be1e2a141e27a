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
    # Named by every document: both plans and all four articles; Tuyên Quang's and Gia Lai's
    # decisions and Quảng Trị's letter are its own ("Ủy ban nhân dân tỉnh yêu cầu …"), Ninh
    # Bình's report and Thái Nguyên's draft are sent to it ("Kính gửi: Ủy ban nhân dân tỉnh
    # …"): 11 documents in 9 provinces.
    assert people.documents == 11
    assert people.provinces == (
        "Cần Thơ",
        "Gia Lai",
        "Lạng Sơn",
        "Lào Cai",
        "Ninh Bình",
        "Quảng Trị",
        "Thái Nguyên",
        "Thừa Thiên Huế",
        "Tuyên Quang",
    )
    assert people.name == "Ủy ban nhân dân tỉnh"


def test_an_agency_named_in_an_attached_plan_counts_for_its_document(loaded: Loaded) -> None:
    """Lào Cai's plan gives Sở Công Thương a task (appendix row, V.5); the Kế hoạch Gia Lai's
    decision issues has it lead row 2.1 of its PHỤ LỤC."""
    trade = {r.id: r for r in agency_totals(loaded.documents)}["so-cong-thuong"]
    assert trade.documents == 2 and trade.provinces == ("Gia Lai", "Lào Cai")


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


def test_the_samples_name_bodies_no_gazetteer_entry_knows(loaded: Loaded) -> None:
    """By reading: Quảng Trị's letter (item 1), the Kế hoạch of Gia Lai's decision (row 2.1,
    coordinating) and the Quy chế of Tuyên Quang's (Điều 2.2, Điều 7.2) name bodies the
    gazetteer does not list."""
    unmatched = dict(unmatched_agencies(loaded.documents))
    assert unmatched.get("Ban Chỉ huy phòng thủ dân sự cấp xã") == 1
    assert unmatched.get("Hiệp hội Doanh nghiệp tỉnh") == 1
    assert unmatched.get("Phòng Hành chính - Tổ chức") == 2


def test_unmatched_strings_come_from_the_records(loaded: Loaded) -> None:
    assert unmatched_agencies([record(loaded, LAO_CAI)]) == []  # its bodies are all known
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
    samples = runner.invoke(app, ["agencies", "out", "--unmatched"], env={"COLUMNS": "200"})
    assert samples.exit_code == 0
    assert "Ban Chỉ huy phòng thủ dân sự cấp xã" in samples.output  # Quảng Trị's letter

    (tmp_path / "lao-cai.json").write_text(record(loaded, LAO_CAI).model_dump_json(), "utf-8")
    clean = runner.invoke(app, ["agencies", str(tmp_path), "--unmatched"])
    assert "every agency-like string matched" in clean.output

    doc = record(loaded, LAO_CAI).model_copy(deep=True)
    doc.entities.agencies.append(AgencyMention(raw="Sở Khảo cổ học [Hư cấu]", count=2))
    (tmp_path / "lao-cai.json").write_text(doc.model_dump_json(), "utf-8")
    gaps = runner.invoke(app, ["agencies", str(tmp_path), "--unmatched"], env={"COLUMNS": "200"})
    assert gaps.exit_code == 0
    assert "Sở Khảo cổ học [Hư cấu]" in gaps.output  # shown as written, brackets and all
