"""Where entities are counted (fields.py): the parts a document issues, the cells of its plain
tables, its addressees; and the illustrations of a guide, which name nothing."""

from __future__ import annotations

from vnplan.normalize import normalize_document
from vnplan.normalize.fields import entity_texts, without_examples
from vnplan.schema import AgencyRef, Appendix, Document, Part, Section, Source


def document(**fields: object) -> Document:
    return Document(
        id="doc", kind="document", source=Source(uri="samples/doc.docx", format="docx",
                                                 sha256="0" * 64),
        extractor_version="test", **fields,  # type: ignore[arg-type]
    )


def test_parts_plain_tables_and_addressees_are_read() -> None:
    doc = document(
        parts=[Part(doc_type="Quy chế", sections=[Section(
            number="c", path=["Điều 3", "2", "c"],
            title="Thành viên Hội đồng là đại diện Bộ Quốc phòng, Bộ Công an, Bộ Tài chính")])],
        appendices=[Appendix(title="Biểu", columns=["STT", "Đơn vị"], kind="table",
                             cells=[["1", "Sở Nội vụ"], ["2", ""]])],
        addressees=[AgencyRef(raw="Cục Kỹ thuật an toàn và Môi trường công nghiệp")],
    )
    texts = entity_texts(doc)
    assert "Sở Nội vụ" in texts and "Cục Kỹ thuật an toàn và Môi trường công nghiệp" in texts
    ids = {m.id for m in normalize_document(doc).entities.agencies}
    assert {"bo-quoc-phong", "bo-cong-an", "bo-tai-chinh", "so-noi-vu"} <= ids


GUIDE = """- Văn bản của ban chấp hành đảng bộ tỉnh, thành phố ghi chung là tỉnh uỷ, thành uỷ.
Ví dụ 1:
TỈNH UỶ ĐỒNG THÁP
*
Ví dụ 2:
ĐẢNG UỶ CÔNG AN TRUNG ƯƠNG
*
- Văn bản của Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư ghi chung là Ban Chấp hành
Trung ương.
Ví dụ: Văn bản của liên cơ quan Văn phòng Tỉnh uỷ và Văn phòng Uỷ ban nhân dân tỉnh"""


def test_the_illustrations_of_a_guide_name_nothing() -> None:
    kept = without_examples(GUIDE)
    assert "ĐỒNG THÁP" not in kept and "CÔNG AN TRUNG ƯƠNG" not in kept
    assert "Văn phòng Tỉnh uỷ" not in kept
    assert "Bộ Chính trị, Ban Bí thư" in kept  # the guide's own words stay


def test_an_instance_in_running_text_is_kept() -> None:
    text = ("Ví dụ, theo từ điển Tiếng Việt (Viện Ngôn ngữ học, 2023), “hàm lượng” là lượng của "
            "một chất")
    assert without_examples(text) == text
