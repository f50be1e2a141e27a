"""Administrative documents in the layouts of Nghị định 30/2020/NĐ-CP, Phụ lục I (written in
samples/sources/, built by samples/make_samples.py) convert with the facts a reader finds in them
(tests/data/expected/<stem>.json), field by field, in every form each is sampled in:

* a Quyết định issuing a Quy chế (Chương/Điều/khoản/điểm attached after the signature),
* a Công văn with "V/v", its header a borderless two-row Word table, "Kính gửi:" with two dash
  addressees and the signature beside "Nơi nhận" in a borderless table,
* a Báo cáo (PDF) with a plain table of figures in its body,
* a Tờ trình prepared for signature: DỰ THẢO, blank number and day, the signer's name printed,
* a Quyết định issuing a Kế hoạch with a task appendix whose groups are numbered 1, 2 and items
  1.1, 1.2, also published on a portal page in a second layout (attribute box "Số/Ký hiệu" …,
  header and appendix as HTML tables) that must give the record of the Word file.

Strings are compared as a reader compares them: case, spacing, tone placement (hoá = hóa) and
end punctuation folded; everything else exactly.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest

from tests.conftest import ROOT, converted, expected_facts
from vnplan import Document
from vnplan.schema import AgencyRef, Appendix, AppendixRow, Section, walk_sections
from vnplan.text.fold import fold_heading

STEMS = [
    "tuyen-quang-215-qd-ubnd-2026",
    "quang-tri-1187-ubnd-kt-2026",
    "ninh-binh-86-bc-skhcn-2026",
    "thai-nguyen-du-thao-ttr-snv-2026",
    "gia-lai-356-qd-ubnd-2026",
]
TITLE_PREFIX = 40  # characters of an expected section title that must open the record's title
PORTAL = "samples/web/gia-lai-356-qd-ubnd-2026.html"
PORTAL_CHROME = (
    "Trang chủ",
    "Tìm kiếm",
    "Tải về",
    "In văn bản",
    "Thông tin văn bản",
    "Tình trạng hiệu lực",
    "Còn hiệu lực",
    "Lược đồ",
    "Văn bản cùng lĩnh vực",
    "Lượt truy cập",
    "Cổng thông tin điện tử",
)


def _samples(stem: str) -> list[str]:
    facts = expected_facts(stem)
    return [facts["sample"], *facts.get("same_document", {})]


PAIRS = [(stem, sample) for stem in STEMS for sample in _samples(stem)]


def _cases(wanted: Any = bool) -> list[Any]:
    """(stem, sample) of every sampled form whose facts pass `wanted`, named by the sample."""
    return [
        pytest.param(stem, sample, id=sample.removeprefix("samples/"))
        for stem, sample in PAIRS
        if wanted(expected_facts(stem))
    ]


CASES = _cases()


@cache
def record(sample: str) -> Document:
    return converted(sample)


def fold(value: object) -> str | None:
    """A printed value as a reader compares it (None stays None)."""
    return None if value is None else fold_heading(str(value))


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def _agency(ref: AgencyRef | None, printed: str | None, name: str | None) -> bool:
    """The record's agency is the expected one: as printed, or by its full name."""
    if ref is None:
        return printed is None and name is None
    return fold(ref.raw) in {fold(printed), fold(name)} or (
        ref.name is not None and fold(ref.name) == fold(name)
    )


def _parts(doc: Document) -> list[Any]:
    """The documents a record's document issues (empty while the schema has no `parts`)."""
    return list(getattr(doc, "parts", None) or [])


def _tables(doc: Document) -> list[Appendix]:
    """Every table of the record: its own and those of its attached documents."""
    tables = list(doc.appendices)
    for part in _parts(doc):
        tables.extend(getattr(part, "appendices", []))
    return tables


def _task_rows(doc: Document) -> list[AppendixRow]:
    return [row for table in _tables(doc) for row in table.rows]


def _expected_rows(facts: dict[str, Any]) -> list[dict[str, Any]]:
    rows = list(facts.get("appendix_rows", []))
    for part in facts.get("parts", []):
        rows.extend(part.get("appendix_rows", []))
    return rows


def _paths(sections: list[Section]) -> list[list[str | None]]:
    return [[fold(p) for p in s.path] for s in walk_sections(sections)]


def _title_misses(want: list[dict[str, Any]], got: list[Section]) -> list[str]:
    """Expected sections whose title does not open the record's section of the same path."""
    by_path = {tuple(fold(p) for p in s.path): s.title for s in got}
    misses = []
    for section in want:
        path = tuple(fold(p) for p in section["path"])
        title = by_path.get(path)
        expected = fold(section["title"]) or ""
        have = fold(title) or ""
        if title is None or not (
            have.startswith(expected[:TITLE_PREFIX]) or expected.startswith(have[:TITLE_PREFIX])
        ):
            where = "/".join(section["path"])
            misses.append(f"{where}: expected {section['title']!r}, got {title!r}")
    return misses


# --------------------------------------------------------------------------------------------
# The samples exist and every written document has its facts
# --------------------------------------------------------------------------------------------


def test_every_source_document_has_expected_facts_and_its_forms() -> None:
    sources = sorted(p.stem for p in (ROOT / "samples" / "sources").glob("*.toml"))
    assert sources == sorted(STEMS)
    for _, sample in PAIRS:
        assert (ROOT / sample).is_file(), sample


# --------------------------------------------------------------------------------------------
# Identity: kind, type, number, date, place, province, issuer, subject
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_kind(stem: str, sample: str) -> None:
    assert record(sample).kind == expected_facts(stem)["kind"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_doc_type(stem: str, sample: str) -> None:
    assert record(sample).doc_type == expected_facts(stem)["doc_type"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_doc_number(stem: str, sample: str) -> None:
    assert record(sample).doc_number == expected_facts(stem)["doc_number"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_issued_date(stem: str, sample: str) -> None:
    assert _iso(record(sample).issued_date) == expected_facts(stem)["issued_date"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_place(stem: str, sample: str) -> None:
    assert record(sample).place == expected_facts(stem)["place"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_province(stem: str, sample: str) -> None:
    province = record(sample).province
    assert (province.name if province else None) == expected_facts(stem)["province"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_issuer(stem: str, sample: str) -> None:
    facts, issuer = expected_facts(stem), record(sample).issuer
    assert _agency(issuer, facts["issuer_printed"], facts["issuer"]), issuer


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_issuer_parent(stem: str, sample: str) -> None:
    facts, parent = expected_facts(stem), record(sample).issuer_parent
    assert _agency(parent, facts["issuer_parent_printed"], facts["issuer_parent"]), parent


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_title(stem: str, sample: str) -> None:
    assert fold(record(sample).title) == fold(expected_facts(stem)["title"])


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_subject(stem: str, sample: str) -> None:
    assert fold(record(sample).subject) == fold(expected_facts(stem)["subject"])


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_draft(stem: str, sample: str) -> None:
    assert record(sample).draft is expected_facts(stem)["draft"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_marks(stem: str, sample: str) -> None:
    assert record(sample).marks == expected_facts(stem)["marks"]


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("number_blank")))
def test_a_blank_number_is_null_with_a_warning(stem: str, sample: str) -> None:
    doc = record(sample)
    assert doc.doc_number is None
    assert "doc_number" in {w.where for w in doc.warnings}, doc.warnings


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("date_blank")))
def test_a_blank_day_is_null_with_a_warning(stem: str, sample: str) -> None:
    doc = record(sample)
    assert doc.issued_date is None
    assert "issued_date" in {w.where for w in doc.warnings}, doc.warnings


# --------------------------------------------------------------------------------------------
# Signature, legal bases, recipients, addressees
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_signer_name(stem: str, sample: str) -> None:
    signer = record(sample).signer
    assert signer is not None
    assert signer.name == expected_facts(stem)["signer"]["name"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_signer_position(stem: str, sample: str) -> None:
    signer, want = record(sample).signer, expected_facts(stem)["signer"]
    assert signer is not None
    assert fold(signer.position) == fold(want["position"])
    assert [fold(p) for p in signer.positions] == [fold(p) for p in want["positions"]]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_signer_authority(stem: str, sample: str) -> None:
    signer, want = record(sample).signer, expected_facts(stem)["signer"]
    assert signer is not None
    assert [fold(a) for a in signer.authority] == [fold(a) for a in want["authority"]]
    assert fold(signer.on_behalf_of) == fold(want["on_behalf_of"])
    assert signer.rank == want["rank"]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_legal_basis(stem: str, sample: str) -> None:
    got = [
        (b.doc_type, b.doc_number, _iso(b.date), fold(b.issuer), fold(b.name))
        for b in record(sample).legal_basis
    ]
    want = [
        (b["doc_type"], b["doc_number"], b["date"], fold(b["issuer"]), fold(b["name"]))
        for b in expected_facts(stem)["legal_basis"]
    ]
    assert got == want


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_recipients(stem: str, sample: str) -> None:
    got = [fold(r) for r in record(sample).recipients]
    assert got == [fold(r) for r in expected_facts(stem)["recipients"]]


@pytest.mark.parametrize(("stem", "sample"), CASES)
def test_addressees(stem: str, sample: str) -> None:
    got = [fold(a.raw) for a in record(sample).addressees]
    assert got == [fold(a) for a in expected_facts(stem)["addressees"]]


# --------------------------------------------------------------------------------------------
# Structure: the decision's own Điều, the documents it issues, their tables
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("sections")))
def test_section_paths(stem: str, sample: str) -> None:
    want = [[fold(p) for p in s["path"]] for s in expected_facts(stem)["sections"]]
    assert _paths(record(sample).sections) == want


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("sections")))
def test_section_titles(stem: str, sample: str) -> None:
    want = expected_facts(stem)["sections"]
    assert _title_misses(want, walk_sections(record(sample).sections)) == []


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("parts")))
def test_attached_documents(stem: str, sample: str) -> None:
    parts = _parts(record(sample))
    want = expected_facts(stem)["parts"]
    assert [getattr(p, "doc_type", None) for p in parts] == [p["doc_type"] for p in want]
    assert [fold(getattr(p, "title", None)) for p in parts] == [fold(p["title"]) for p in want]


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("parts")))
def test_attached_document_section_paths(stem: str, sample: str) -> None:
    parts = _parts(record(sample))
    want = expected_facts(stem)["parts"]
    assert len(parts) == len(want), "the attached documents are not in the record"
    for part, expected in zip(parts, want, strict=True):
        assert _paths(part.sections) == [[fold(p) for p in s["path"]] for s in expected["sections"]]


@pytest.mark.parametrize(("stem", "sample"), _cases(lambda f: f.get("parts")))
def test_attached_document_section_titles(stem: str, sample: str) -> None:
    parts = _parts(record(sample))
    want = expected_facts(stem)["parts"]
    assert len(parts) == len(want), "the attached documents are not in the record"
    for part, expected in zip(parts, want, strict=True):
        assert _title_misses(expected["sections"], walk_sections(part.sections)) == []


TASKS = _cases(_expected_rows)


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_table_found_with_its_columns(stem: str, sample: str) -> None:
    want = next(t for t in expected_facts(stem)["tables"] if t["task"])
    columns = [[fold(c) for c in t.columns] for t in _tables(record(sample))]
    assert [fold(c) for c in want["columns"]] in columns


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_rows_arabic_groups(stem: str, sample: str) -> None:
    """Group rows "1", "2" give their number and title to the items "1.1", "1.2" under them
    and are not task rows themselves."""
    rows, want = _task_rows(record(sample)), _expected_rows(expected_facts(stem))
    assert [(r.group, r.stt) for r in rows] == [(w["group"], w["stt"]) for w in want]
    assert [fold(r.group_title) for r in rows] == [fold(w["group_title"]) for w in want]


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_rows_content(stem: str, sample: str) -> None:
    rows, want = _task_rows(record(sample)), _expected_rows(expected_facts(stem))
    assert len(rows) == len(want)
    for row, expected in zip(rows, want, strict=True):
        assert row.content.startswith(expected["content_start"]), (row.stt, row.content)


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_rows_lead(stem: str, sample: str) -> None:
    rows, want = _task_rows(record(sample)), _expected_rows(expected_facts(stem))
    got = [[fold(a.raw) for a in r.lead] for r in rows]
    assert got == [[fold(a) for a in w["lead"]] for w in want]


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_rows_coordinating(stem: str, sample: str) -> None:
    rows, want = _task_rows(record(sample)), _expected_rows(expected_facts(stem))
    got = [[fold(a.raw) for a in r.coordinating] for r in rows]
    assert got == [[fold(a) for a in w["coordinating"]] for w in want]


@pytest.mark.parametrize(("stem", "sample"), TASKS)
def test_task_rows_timeline(stem: str, sample: str) -> None:
    rows, want = _task_rows(record(sample)), _expected_rows(expected_facts(stem))
    got = [r.timeline.model_dump() if r.timeline else None for r in rows]
    assert got == [w["timeline"] for w in want]


PLAIN = _cases(lambda f: any(not t["task"] for t in f.get("tables", [])))


@pytest.mark.parametrize(("stem", "sample"), PLAIN)
def test_a_table_of_figures_is_kept_as_a_plain_table(stem: str, sample: str) -> None:
    """The report's table of figures is found with its columns and rows, and no agency or
    timeline is read into it."""
    want = next(t for t in expected_facts(stem)["tables"] if not t["task"])
    columns = [fold(c) for c in want["columns"]]
    table = next((t for t in _tables(record(sample)) if [fold(c) for c in t.columns] == columns),
                 None)
    assert table is not None, [t.columns for t in _tables(record(sample))]
    assert table.kind == "table" and table.rows == []
    assert len(table.cells) == want["rows"]
    assert [row[0] for row in table.cells] == want["first_column"]
    assert [fold(row[1]) for row in table.cells] == [fold(c) for c in want["second_column"]]


# --------------------------------------------------------------------------------------------
# One document in three forms: the Word file, its PDF and the portal page
# --------------------------------------------------------------------------------------------


def _projection(doc: Document) -> dict[str, object]:
    """What a reader compares between two forms of one document."""
    signer = doc.signer
    return {
        "id": doc.id,
        "kind": doc.kind,
        "doc_type": doc.doc_type,
        "doc_number": doc.doc_number,
        "issued_date": _iso(doc.issued_date),
        "province": doc.province.name if doc.province else None,
        "issuer": fold(doc.issuer.name or doc.issuer.raw) if doc.issuer else None,
        "subject": fold(doc.subject),
        "signer": (signer.name, fold(signer.position)) if signer else None,
        "legal_basis": [(b.doc_type, b.doc_number, _iso(b.date)) for b in doc.legal_basis],
        "recipients": [fold(r) for r in doc.recipients],
        "sections": _paths(doc.sections),
        "parts": [_paths(p.sections) for p in _parts(doc)],
        "task_rows": [(r.group, r.stt, [fold(a.raw) for a in r.lead]) for r in _task_rows(doc)],
    }


@pytest.mark.parametrize(
    "other", ["samples/gia-lai-356-qd-ubnd-2026.pdf", PORTAL], ids=["pdf", "portal page"]
)
def test_other_forms_give_the_record_of_the_word_file(other: str) -> None:
    word = _projection(record("samples/gia-lai-356-qd-ubnd-2026.docx"))
    got = _projection(record(other))
    assert {k: v for k, v in got.items() if v != word[k]} == {}


def test_portal_chrome_stays_out_of_the_record() -> None:
    doc = record(PORTAL)
    texts = [doc.title or "", doc.subject or "", *doc.recipients, doc.closing or ""]
    for section in walk_sections([*doc.sections, *(s for p in _parts(doc) for s in p.sections)]):
        texts += [section.title, section.text]
    texts += [row.content for row in _task_rows(doc)]
    found = sorted({chrome for chrome in PORTAL_CHROME for text in texts if chrome in text})
    assert found == []
