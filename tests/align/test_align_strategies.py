"""A strategy's pillars are linked only to documents that implement it (align/document.py)."""

from __future__ import annotations

from vnplan.align import align_document, implemented, load_catalogs
from vnplan.schema import Appendix, AppendixRow, Document, LegalBasis, Part, Section, Source

CULTURE = {p.id for p in load_catalogs()[0].pillars}
REFORM = {p.id for p in load_catalogs()[1].pillars}


def plan(title: str, cites: list[str], objectives: list[str], rows: list[str]) -> Document:
    return Document(
        id="plan", kind="plan", extractor_version="test",
        source=Source(uri="plan.docx", format="docx", sha256="0" * 64),
        title=title,
        legal_basis=[LegalBasis(raw=f"Văn bản số {n}", doc_number=n) for n in cites],
        sections=[
            Section(number=str(i), path=[str(i)], title=t, role="objectives")
            for i, t in enumerate(objectives, 1)
        ],
        appendices=[Appendix(title="PHỤ LỤC", columns=["STT", "Nhiệm vụ"],
                             rows=[AppendixRow(stt=str(i), content=c)
                                   for i, c in enumerate(rows, 1)])],
    )


def linked(doc: Document) -> set[str]:
    aligned = align_document(doc)
    ids = {m.id for s in aligned.iter_sections() for m in s.pillars}
    return ids | {m.id for a in aligned.appendices for r in a.rows for m in r.pillars}


MINERALS = plan(
    "Kế hoạch quản lý khoáng sản năm 2026",
    ["54/2024/QH15"],
    ["Quảng bá hình ảnh, giá trị văn hóa và hợp tác với các đối tác quốc tế về khoáng sản",
     "Bảo vệ di sản, tài nguyên khoáng sản chưa khai thác"],
    ["Tuyên truyền, phổ biến pháp luật về khoáng sản trên báo chí, truyền hình"],
)


def test_a_minerals_plan_gets_no_pillar_of_any_strategy() -> None:
    assert implemented(MINERALS) == ()
    assert linked(MINERALS) == set()


def test_a_plan_citing_resolution_76_links_to_the_reform_areas_only() -> None:
    doc = plan(
        "Kế hoạch năm 2026",
        ["76/NQ-CP"],
        ["Cải cách thủ tục hành chính", "Cải cách chế độ công vụ"],
        ["Tổ chức tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa",
         "Xây dựng và tổ chức thực hiện kế hoạch chuyển đổi số của tỉnh"],
    )
    ids = linked(doc)
    assert {"procedures", "civil_service", "digital_government"} <= ids
    assert not ids & CULTURE


def test_a_plan_about_cultural_diplomacy_links_without_citing() -> None:
    doc = plan(
        "Kế hoạch triển khai công tác ngoại giao văn hóa năm 2026",
        [],
        ["Bảo vệ, phát huy các di sản văn hóa đã được UNESCO ghi danh"],
        [],
    )
    assert linked(doc) == {"heritage"}


def test_a_decision_issuing_a_reform_plan_links_the_plan_s_items() -> None:
    """A Quyết định whose own Điều say only "ban hành kèm theo": the Kế hoạch it issues is
    about administrative reform, and its objectives and task rows carry the links."""
    issued = plan("", [], ["Cải cách thủ tục hành chính"],
                  ["Tổ chức tiếp nhận, giải quyết hồ sơ thủ tục hành chính theo cơ chế một cửa"])
    decision = Document(
        id="decision", kind="document", extractor_version="test", source=issued.source,
        title="Quyết định ban hành Kế hoạch năm 2026",
        sections=[Section(number="Điều 1", path=["Điều 1"], title="Điều 1", role="objectives",
                          text="Ban hành kèm theo Quyết định này Kế hoạch.")],
        parts=[Part(doc_type="Kế hoạch", title="Kế hoạch cải cách hành chính năm 2026",
                    sections=issued.sections, appendices=issued.appendices)],
    )
    assert [c.id for c in implemented(decision)] == ["administrative-reform"]
    aligned = align_document(decision)
    part = aligned.parts[0]
    assert {m.id for m in part.sections[0].pillars} & REFORM
    assert {m.id for m in part.appendices[0].rows[0].pillars} & REFORM
    assert implemented(decision.model_copy(update={"parts": []})) == ()
