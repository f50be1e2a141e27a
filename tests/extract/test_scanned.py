"""extract/scanned.py: a number or a day written by hand on a scan is never given as printed."""

from __future__ import annotations

import pytest

from vnplan.extract.scanned import flag_handwritten, illegible_serial
from vnplan.schema import Document, Signer, Source, Warning


def _scan(number: str | None, *warnings: Warning, signer: str | None = "Trương Minh Đương",
          ) -> Document:
    return Document(id="pending", kind="document", doc_number=number, extractor_version="test",
                    source=Source(uri="scan.pdf", format="pdf", sha256="0" * 64, ocr=True),
                    signer=Signer(name=signer) if signer else None, warnings=list(warnings))


@pytest.mark.parametrize(("number", "illegible"), [
    ("298/TTr-CAT-PC04", False), ("66.3/2025/NQ-CP", False), ("60-NQ/TW", False),
    ("©Ó/TTr-CAT-PC04", True), ("33#/C04-P6", True), ("R08/TTr-CAT(PC04)", True),
    ("0I/NQ-HĐQL", True), ("x¿-/TTr-CAT-PC04", True), ("#6`KH-TCTLNTW-C04", True),
])
def test_a_serial_that_is_no_number_is_illegible(number: str, illegible: bool) -> None:
    assert illegible_serial(number) is illegible


def test_an_ocr_garbled_number_becomes_null_with_its_symbol_in_a_warning() -> None:
    doc = _scan("33#/C04-P6")
    flag_handwritten(doc)
    assert doc.doc_number is None
    assert [(w.code, w.where) for w in doc.warnings] == [("number_illegible", "doc_number")]
    assert "'/C04-P6'" in doc.warnings[0].message


def test_a_symbol_with_characters_no_symbol_has_is_kept_and_flagged() -> None:
    doc = _scan("03/BCĐX-CATŒC04)")
    flag_handwritten(doc)
    assert doc.doc_number == "03/BCĐX-CATŒC04)"
    assert [w.code for w in doc.warnings] == ["number_suspect"]


def test_a_signed_scans_blank_number_and_day_are_handwritten_not_blank() -> None:
    blank = Warning(code="number_blank", where="doc_number", message="the number is left "
                    "blank ('Số: /TTr-CAT-PC04'): a document prepared for signature")
    day = Warning(code="date_blank", where="issued_date",
                  message="the day is left blank ('ngày tháng 3 năm 2026')")
    doc = _scan(None, blank, day)
    flag_handwritten(doc)
    assert [w.code for w in doc.warnings] == ["number_illegible", "date_illegible"]
    assert "tháng 3 năm 2026" in doc.warnings[1].message
    draft = _scan(None, blank, day, signer=None)  # not signed: a draft, blank as the header says
    flag_handwritten(draft)
    assert [w.code for w in draft.warnings] == ["number_blank", "date_blank"]
