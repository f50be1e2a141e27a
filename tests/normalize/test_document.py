"""normalize_document on a Document built from real rows of the Lào Cai appendix (KH 122/KH-UBND),
with the agency cells split the way the extractor splits them (on ";" only)."""

from __future__ import annotations

import pytest

from vnplan import schema
from vnplan.normalize import normalize_document, unmatched_agencies

GROUP_V = (
    "Bảo vệ, phổ biến “Nghị lễ và trò chơi kéo co của người Tày, Giای”, “Thực hành Then của "
    "người Tày, Nùng, Thái” đã được UNESCO ghi danh vào các danh mục Di sản văn hóa phi vật thể "
    "đại diện cho nhân loại"
)


def refs(*raws: str) -> list[schema.AgencyRef]:
    return [schema.AgencyRef(raw=r) for r in raws]


def row(
    stt: str, content: str, lead: list[str], coordinating: list[str], **kw: str
) -> schema.AppendixRow:
    return schema.AppendixRow(
        stt=stt, content=content, lead=refs(*lead), coordinating=refs(*coordinating), **kw
    )


def source(name: str) -> schema.Source:
    return schema.Source(uri=f"samples/{name}", format="txt", sha256="0" * 64)


def lao_cai_plan() -> schema.Document:
    rows = [
        row(
            "1",
            "Tăng cường nhận thức về vai trò của ngoại giao văn hóa trong công tác đối ngoại và sự "
            "phát triển, hội nhập quốc tế của tỉnh Lào Cai",
            [],
            [
                "Ban Tuyên giáo Tỉnh ủy",
                "Sở Ngoại vụ",
                "Sở Văn hóa, Thể thao và Du lịch và các cơ quan, đơn vị, địa phương liên quan",
            ],
            group="I",
        ),
        row(
            "4",
            "Tăng cường phối hợp với các kênh truyền hình đối ngoại như VTV4, VTC10 và các kênh "
            "đối ngoại Trung ương để đẩy mạnh quảng bá về thông tin hình ảnh của tỉnh Lào Cai tới "
            "người Việt Nam ở nước ngoài và bạn bè thế giới",
            ["Sở Thông tin, truyền thông"],
            ["Sở Ngoại vụ", "sở Văn hóa, Thể thao và Du lịch", "UBND các huyện, thành phố"],
            group="I",
        ),
        row(
            "1",
            "Xây dựng và tổ chức triển khai thực hiện Kế hoạch Bảo vệ, phổ biến “Nghị lễ và trò "
            "chơi kéo co của người Tày, Giای”, “Thực hành Then của người Tày, Nùng, Thái” đã được "
            "UNESCO ghi danh vào các danh mục Di sản văn hóa phi vật thể đại diện cho nhân loại.",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Ngoại vụ và các cơ quan, đơn vị có liên quan"],
            group="V",
            group_title=GROUP_V,
        ),
        row(
            "2",
            "Tăng cường hợp tác, hội nhập quốc tế về văn hóa nhằm đưa tinh hoa văn hóa của tỉnh "
            "Lào Cai ra thế giới",
            ["Sở Văn hóa, Thể thao và Du lịch"],
            ["Sở Ngoại vụ, Sở Văn hóa và các đơn vị có liên quan"],
            group="V",
            group_title=GROUP_V,
        ),
        row(
            "3",
            "Bố trí cán bộ phụ trách về công tác đối ngoại của cơ quan, đơn vị. Xây dựng cơ chế "
            "phối hợp chặt chẽ trong triển khai công tác đối ngoại giữa sở Ngoại vụ với các cơ "
            "quan đơn vị trong tỉnh; giữa sở Ngoại vụ và các cơ quan của Trung ương",
            ["Sở Ngoại vụ", "Các cơ quan, đơn vị, địa phương trên địa bàn tỉnh"],
            ["Các Bộ, Ban, Ngành TW"],
            group="VI",
        ),
    ]
    sections = [
        schema.Section(
            number="II",
            path=["II"],
            title="MỤC TIÊU",
            role="objectives",
            children=[
                schema.Section(
                    number="1",
                    path=["II", "1"],
                    title="Thúc đẩy và làm sâu sắc hơn nữa mối quan hệ giữa tỉnh Lào Cai với các "
                    "địa phương, đối tác truyền thống như",
                    text="Tỉnh Vân Nam (Trung Quốc), vùng Nouvelle Aquitane (Pháp); tiếp tục mở "
                    "rộng có hiệu quả quan hệ hữu nghị hợp tác giữa Lào Cai với các nước trong "
                    "khu vực ASEAN, Nhật Bản, Hàn Quốc.",
                    role="objectives",
                )
            ],
        ),
        schema.Section(
            number="V",
            path=["V"],
            title="TỔ CHỨC THỰC HIỆN",
            role="implementation",
            children=[
                schema.Section(
                    number="1",
                    path=["V", "1"],
                    title="Sở Ngoại vụ",
                    role="implementation",
                    text="Là đầu mối, phối hợp với các cơ quan liên quan tham mưu cho UBND "
                    "tỉnh tổ chức thực hiện Kế hoạch.",
                ),
                schema.Section(
                    number="2",
                    path=["V", "2"],
                    title="Sở Thông tin và Truyền thông",
                    role="implementation",
                    text="Hướng dẫn, chỉ đạo các cơ quan báo chí, tuyên truyền trên địa bàn tỉnh.",
                ),
            ],
        ),
    ]
    return schema.Document(
        id="lao-cai-122",
        kind="plan",
        source=source("lao-cai-122-kh-ubnd-2022.txt"),
        title="Kế hoạch hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa "
        "bàn tỉnh Lào Cai",
        place="Lào Cai",
        issuer=schema.AgencyRef(raw="Ủy ban nhân dân tỉnh Lào Cai"),
        sections=sections,
        appendices=[schema.Appendix(title="PHỤ LỤC", columns=["STT", "Nội dung"], rows=rows)],
        assignments=[
            schema.Assignment(agency=schema.AgencyRef(raw="Sở Ngoại vụ"), section_path=["V", "1"]),
            schema.Assignment(
                agency=schema.AgencyRef(raw="Sở Thông tin và Truyền thông"), section_path=["V", "2"]
            ),
        ],
        recipients=["Văn phòng Chính phủ", "Bộ Ngoại giao", "TT: TU, HĐND, UBND tỉnh"],
        extractor_version="test",
    )


@pytest.fixture(scope="module")
def normalized() -> schema.Document:
    return normalize_document(lao_cai_plan())


def ids(agency_refs: list[schema.AgencyRef]) -> list[str | None]:
    return [r.id for r in agency_refs]


def test_returns_a_new_document(normalized: schema.Document) -> None:
    original = lao_cai_plan()
    normalize_document(original)
    assert original == lao_cai_plan()
    assert normalized is not original


def test_province(normalized: schema.Document) -> None:
    assert normalized.province == schema.Province(name="Lào Cai", code="10", name_2025="Lào Cai")


def test_cells_resplit_and_resolved(normalized: schema.Document) -> None:
    rows = normalized.appendices[0].rows
    assert [r.raw for r in rows[0].coordinating] == [
        "Ban Tuyên giáo Tỉnh ủy",
        "Sở Ngoại vụ",
        "Sở Văn hóa, Thể thao và Du lịch",
        "các cơ quan, đơn vị, địa phương liên quan",
    ]
    assert ids(rows[0].coordinating) == [
        "ban-tuyen-giao-tinh-uy",
        "so-ngoai-vu",
        "so-vhttdl",
        "co-quan-don-vi-lien-quan",
    ]
    assert ids(rows[1].lead) == ["so-tttt"]
    assert rows[1].lead[0].raw == "Sở Thông tin, truyền thông"  # raw kept as written
    assert ids(rows[1].coordinating) == ["so-ngoai-vu", "so-vhttdl", "ubnd-cap-huyen"]
    assert ids(rows[3].coordinating) == ["so-ngoai-vu", "so-vhttdl", "co-quan-don-vi-lien-quan"]
    assert ids(rows[4].lead) == ["so-ngoai-vu", "co-quan-don-vi-tinh"]
    assert ids(rows[4].coordinating) == ["bo-ban-nganh-trung-uong"]
    assert rows[1].coordinating[2].level == "group"
    assert rows[1].lead[0].province == "Lào Cai"
    assert rows[1].lead[0].successor_ids == ["so-khcn", "so-vhttdl"]


def test_issuer_and_assignments(normalized: schema.Document) -> None:
    assert normalized.issuer is not None
    assert (normalized.issuer.id, normalized.issuer.province) == ("ubnd-tinh", "Lào Cai")
    assert [a.agency.id for a in normalized.assignments] == ["so-ngoai-vu", "so-tttt"]


def test_split_warnings(normalized: schema.Document) -> None:
    split = [w for w in normalized.warnings if w.code == "agency_split"]
    assert split[0] == schema.Warning(
        code="agency_split",
        message="Sở Văn hóa, Thể thao và Du lịch và các cơ quan, đơn vị, địa phương liên quan → "
        "Sở Văn hóa, Thể thao và Du lịch | các cơ quan, đơn vị, địa phương liên quan",
        where="appendices[0].rows[0].coordinating[2]",
    )
    assert [w.where for w in split] == [
        "appendices[0].rows[0].coordinating[2]",
        "appendices[0].rows[2].coordinating[0]",
        "appendices[0].rows[3].coordinating[0]",
    ]


def test_ocr_repairs(normalized: schema.Document) -> None:
    rows = normalized.appendices[0].rows
    assert "“Nghi lễ và trò chơi kéo co của người Tày, Giáy”" in rows[2].content
    assert "Giای" not in rows[2].content
    assert rows[2].group_title is not None and "Giáy" in rows[2].group_title
    repaired = {(w.message, w.where) for w in normalized.warnings if w.code == "ocr_repaired"}
    assert ("Giای → Giáy", "appendices[0].rows[2].content") in repaired
    assert ("Nghị → Nghi", "appendices[0].rows[2].content") in repaired
    assert ("Giای → Giáy", "appendices[0].rows[3].group_title") in repaired


def test_entities(normalized: schema.Document) -> None:
    agencies = {m.id: m for m in normalized.entities.agencies}
    assert set(agencies) == {
        "so-ngoai-vu",
        "so-vhttdl",
        "so-tttt",
        "ban-tuyen-giao-tinh-uy",
        "co-quan-don-vi-lien-quan",
        "ubnd-cap-huyen",
        "co-quan-don-vi-tinh",
        "bo-ban-nganh-trung-uong",
        "ubnd-tinh",
        "vtv4",
        "vtc10",
        "co-quan-bao-chi-trung-uong",
        "co-quan-bao-chi-tinh",
        "van-phong-chinh-phu",
        "bo-ngoai-giao",
        "tinh-uy",
        "hdnd-tinh",
    }
    counts = [m.count for m in normalized.entities.agencies]
    assert counts == sorted(counts, reverse=True)
    assert normalized.entities.agencies[0].id == "so-ngoai-vu"
    # five table cells, twice in row VI.3's content, the title of section V.1 (its assignment
    # is not counted a second time)
    assert agencies["so-ngoai-vu"].count == 8
    assert [h.id for h in normalized.entities.heritage] == ["ich-01080", "ich-01379"]
    # the group title repeated on both group-V rows counts once
    assert normalized.entities.heritage[0].count == 2
    assert {p.name for p in normalized.entities.partners} == {
        "tỉnh Vân Nam",
        "Trung Quốc",
        "vùng Nouvelle-Aquitaine",
        "Pháp",
        "ASEAN",
        "Nhật Bản",
        "Hàn Quốc",
        "UNESCO",
    }


def test_idempotent(normalized: schema.Document) -> None:
    again = normalize_document(normalized)
    assert again.entities == normalized.entities
    assert again.warnings == normalized.warnings
    assert again.appendices == normalized.appendices


def news(main_text: str, *, title: str, about: str | None = None) -> schema.Document:
    return schema.Document(
        id="news",
        kind="news",
        source=source("news.txt"),
        title=title,
        article=schema.Article(main_text=main_text, about=schema.PlanRef(province=about)),
        extractor_version="test",
    )


def test_news_province_and_repairs() -> None:
    doc = news(
        "UBND TP Cần Thơ vừa ban hành kế hoạch thực hiện công tác ngoại giao văn hóa năm 2024. "
        "Liên hoan Đờn ca Tài tử Quốc gia; xây dựng hồ sơ trình UNESSCO. Ngày hội Pháp ngữ khu "
        "vực ÐBSCL.",
        title="Ngoại giao văn hóa góp phần quảng bá hình ảnh đất và người Cần Thơ",
    )
    out = normalize_document(doc)
    assert out.province == schema.Province(name="Cần Thơ", code="92", name_2025="Cần Thơ")
    assert out.article is not None
    assert "UNESCO" in out.article.main_text and "ĐBSCL" in out.article.main_text
    codes = {(w.code, w.where) for w in out.warnings}
    assert ("ocr_repaired", "article.main_text") in codes
    assert ("lookalike_fixed", "article.main_text") in codes
    assert [a.id for a in out.entities.agencies] == ["ubnd-tinh"]
    assert out.entities.agencies[0].province == "Cần Thơ"
    assert [h.id for h in out.entities.heritage] == ["ich-00733"]
    assert [p.name for p in out.entities.partners] == ["UNESCO"]


def test_news_province_from_the_article() -> None:
    doc = news(
        "Ngày 28/4/2022, Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch số 173/KH-UBND.",
        title="Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá đến năm 2030 trên địa bàn tỉnh",
        about="Thừa Thiên Huế",
    )
    out = normalize_document(doc)
    assert out.province == schema.Province(name="Thừa Thiên Huế", code="46", name_2025="Huế")


def test_province_canonicalised() -> None:
    doc = lao_cai_plan().model_copy(update={"province": schema.Province(name="TỈNH LÀO CAI")})
    out = normalize_document(doc)
    assert out.province == schema.Province(name="Lào Cai", code="10", name_2025="Lào Cai")
    assert (
        schema.Warning(
            code="province_canonicalised", message="TỈNH LÀO CAI → Lào Cai", where="province"
        )
        in out.warnings
    )


def test_unmatched_agencies() -> None:
    doc = news(
        "Trung tâm Phát triển quỹ đất tỉnh phối hợp với Sở Ngoại vụ; "
        "Trung tâm Phát triển quỹ đất tỉnh chủ trì.",
        title="Lào Cai",
    )
    assert unmatched_agencies([doc, lao_cai_plan()]) == [
        ("Trung tâm Phát triển quỹ đất tỉnh", 2)
    ]


def born_digital(text: str) -> schema.Document:
    return schema.Document(
        id="plan", kind="plan", extractor_version="test",
        source=schema.Source(uri="samples/plan.pdf", format="pdf", sha256="0" * 64, ocr=False),
        title="Kế hoạch",
        sections=[schema.Section(number="1", path=["1"], title="Nhiệm vụ", text=text)],
    )


OCR_ONLY = (
    "Tuyên truyền, phô biến Kế hoạch; Sở Văn hóa, Thế thao và Du lịch tổ chức “Thực hành "
    "Thên của người Tày, Nùng, Thái”."
)


def test_born_digital_text_comes_out_unchanged_by_ocr_repairs() -> None:
    out = normalize_document(born_digital(OCR_ONLY))
    assert out.sections[0].text == OCR_ONLY
    assert not [w for w in out.warnings if w.code == "ocr_repaired"]


def test_the_same_text_from_ocr_is_repaired() -> None:
    out = normalize_document(born_digital(OCR_ONLY), ocr_text=True)
    assert "phổ biến" in out.sections[0].text and "Thể thao" in out.sections[0].text
    assert "“Thực hành Then của người Tày, Nùng, Thái”" in out.sections[0].text


def with_text(text: str, **fields: object) -> schema.Document:
    return schema.Document(
        id="doc", kind="document", source=source("doc.docx"), extractor_version="test",
        province=schema.Province(name="Lâm Đồng"), sections=[schema.Section(
            number="1", path=["1"], title="Tổ chức thực hiện", text=text)],
        **fields,  # type: ignore[arg-type]
    )


def test_local_units_in_a_column_of_units_name_their_people_s_committees() -> None:
    # Phụ lục I of a Lâm Đồng inspection plan: "STT | Đơn vị được kiểm tra | Thời gian kiểm tra"
    table = schema.Appendix(title="Phụ lục I", columns=["STT", "Đơn vị được kiểm tra", "Thời gian"],
                     rows=[schema.AppendixRow(stt="1", content="Sở Xây dựng"),
                           schema.AppendixRow(stt="2", content="Phường Bắc Gia Nghĩa"),
                           schema.AppendixRow(stt="3", content="Xã Bảo Lâm 2")])
    agencies = normalize_document(with_text("", appendices=[table])).entities.agencies
    local = [(m.id, m.level, m.place) for m in agencies if m.level in {"ward", "commune"}]
    assert local == [("ubnd-xa", "ward", "Bắc Gia Nghĩa"), ("ubnd-xa", "commune", "Bảo Lâm 2")]


def test_a_list_of_places_in_the_text_names_no_bodies() -> None:
    out = normalize_document(with_text("Xã Hồng Thái; Xã Đắk Wil; Xã Trường Xuân; Xã Nhân Cơ"))
    assert out.entities.agencies == []


def test_a_cut_name_stands_for_the_fuller_name_the_document_gives() -> None:
    doc = with_text(
        "Thường trực Hội đồng Dân tộc, các Ủy ban của Quốc hội phối hợp chặt chẽ với Thường trực "
        "Ủy ban Pháp luật và Tư pháp trong quá trình cho ý kiến.",
        legal_basis=[
            schema.LegalBasis(
                raw="Tờ trình số 1049/TTr-UBPLTP15 ngày 24/9/2025 của Thường trực Ủy ban Pháp luật"
            )
        ],
    )
    names = [(m.name or m.raw, m.count) for m in normalize_document(doc).entities.agencies
             if "Pháp luật" in m.raw]
    assert names == [("Thường trực Ủy ban Pháp luật và Tư pháp", 2)]


def test_companies_are_no_public_bodies() -> None:
    doc = with_text("Cụm công nghiệp Châu Quế (xã Châu Quế, 75 ha; Công ty Cổ phần Thịnh Vượng "
                    "Long); UBND xã Châu Quế xác nhận quy hoạch.")
    assert [(m.name, m.place) for m in normalize_document(doc).entities.agencies] == [
        ("Ủy ban nhân dân xã Châu Quế", "Châu Quế")
    ]


def decision_issuing_a_plan() -> schema.Document:
    """Gia Lai's Quyết định 356/QĐ-UBND as extracted: its own Điều 1–3, then the Kế hoạch it
    issues with its own IV. TỔ CHỨC THỰC HIỆN and PHỤ LỤC (rows 2.1 and 1.2 as printed)."""
    table = schema.Appendix(title="PHỤ LỤC", columns=[
        "STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"], rows=[
        row("1.2", "Xây dựng kho dữ liệu dùng chung", ["Sở Khoa học và Công nghệ"],
            ["Văn phòng Ủy ban nhân dân tỉnh"]),
        row("2.1", "Phát triển thương mại điện tử", ["Sở Công Thương"],
            ["Sở Khoa học và Công nghệ, Hiệp hội Doanh nghiệp tỉnh"]),
    ])
    implementation = schema.Section(number="IV", path=["IV"], title="TỔ CHỨC THỰC HIỆN",
                             role="implementation", children=[
        schema.Section(number="1", path=["IV", "1"], title="Sở Khoa học và Công nghệ",
                role="implementation", text="Chủ trì, theo dõi, đôn đốc thực hiện Kế hoạch."),
        schema.Section(number="2", path=["IV", "2"], title="Sở Tài chính", role="implementation",
                text="Tham mưu bố trí kinh phí thực hiện Kế hoạch."),
    ])
    return schema.Document(
        id="gia-lai", kind="document", source=source("decision.docx"), extractor_version="test",
        issuer=schema.AgencyRef(raw="ỦY BAN NHÂN DÂN TỈNH GIA LAI"),
        sections=[schema.Section(number="Điều 1", path=["Điều 1"], title="Điều 1",
                          text="Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số.")],
        parts=[schema.Part(doc_type="Kế hoạch", sections=[implementation], appendices=[table])],
    )


def test_the_documents_a_decision_issues_are_read_like_its_own_text() -> None:
    out = normalize_document(decision_issuing_a_plan())
    rows = out.parts[0].appendices[0].rows
    assert [(r.id, r.name) for r in rows[1].lead] == [
        ("so-cong-thuong", "Sở Công Thương tỉnh Gia Lai")]
    assert [r.raw for r in rows[1].coordinating] == [
        "Sở Khoa học và Công nghệ", "Hiệp hội Doanh nghiệp tỉnh"]  # split as the main body's
    assert [(a.agency.id, a.section_path) for a in out.assignments] == [
        ("so-khcn", ["IV", "1"]), ("so-tai-chinh", ["IV", "2"])]
    counted = {m.id or m.raw: m.count for m in out.entities.agencies}
    assert counted["so-cong-thuong"] == 1 and counted["Hiệp hội Doanh nghiệp tỉnh"] == 1
    assert counted["so-khcn"] == 3  # lead of 1.2, coordinating 2.1, the title of IV.1
    assert counted["ubnd-tinh"] == 1  # the issuer
    again = normalize_document(out)
    assert again.assignments == out.assignments  # not added twice


@pytest.mark.parametrize(("issuer", "province"), [
    ("CÔNG TY CP ĐẦU TƯ XÂY DỰNG HẠ TẦNG VÀ GIAO THÔNG", None),  # sits in Hà Nội, of no province
    ("CÔNG TY ĐIỆN LỰC LÀO CAI", "Lào Cai"),  # its name says which
    ("SỞ CÔNG THƯƠNG", "Hà Nội"),  # a local body: the place line's
])
def test_a_companys_place_line_is_no_province(issuer: str, province: str | None) -> None:
    """A company's decision printed "Hà Nội, ngày 08 tháng 5 năm 2026" (Quyết định 89/2026/
    QĐ-CT of a construction company in the corpus): where it sits, not whose it is."""
    doc = schema.Document(id="pending", kind="document", source=source("company.pdf"),
                   extractor_version="test", doc_type="Quyết định", place="Hà Nội",
                   issuer=schema.AgencyRef(raw=issuer))
    out = normalize_document(doc)
    assert (out.province.name if out.province else None) == province


def test_every_body_of_the_header_is_resolved() -> None:
    """The issuer, the body above it ("UBND TỈNH NINH BÌNH / SỞ KHOA HỌC VÀ CÔNG NGHỆ") and a
    joint document's other issuers are each matched to the gazetteer."""
    doc = schema.Document(id="pending", kind="document", source=source("bc.pdf"),
                          extractor_version="test", doc_type="Báo cáo",
                          issuer=schema.AgencyRef(raw="SỞ KHOA HỌC VÀ CÔNG NGHỆ"),
                          issuer_parent=schema.AgencyRef(raw="UBND TỈNH NINH BÌNH"),
                          co_issuers=[schema.AgencyRef(raw="SỞ NỘI VỤ")])
    out = normalize_document(doc)
    assert out.issuer_parent is not None
    assert (out.issuer_parent.id, out.issuer_parent.name) == (
        "ubnd-tinh", "Ủy ban nhân dân tỉnh Ninh Bình")
    assert [(r.id, r.province) for r in out.co_issuers] == [("so-noi-vu", "Ninh Bình")]
    assert out.issuer is not None and out.issuer.province == "Ninh Bình"


def test_the_subject_is_repaired_with_the_title_and_counted_once() -> None:
    """The title prints the subject after the type word: a repair of one is a repair of the
    other, and the subject is no second occurrence of what the document prints."""
    doc = born_digital("Quỹ được đổi tên thành Quỹ hỗ trợ phụ nữ; đổi tên theo Điều lệ.")
    doc.title = "Nghị quyết về việc đối tên Quỹ"
    doc.subject = "về việc đối tên Quỹ"
    out = normalize_document(doc, ocr_text=True)
    assert (out.title, out.subject) == ("Nghị quyết về việc đổi tên Quỹ", "về việc đổi tên Quỹ")
    assert [w.where for w in out.warnings if w.message == "đối tên → đổi tên"] == [
        "title", "subject"]


@pytest.mark.parametrize(("read", "text", "printed"), [
    # Công văn 3980/C04-P6 as tesseract read its header; its text names the issuer four times
    ("CỤC CẢNH SÁT ĐIÊU TRA TỘI PHẠM VE MA TÚY",
     "Tỉnh phối hợp với Cục Cảnh sát điều tra tội phạm về ma tuý, Bộ Công an.",
     "CỤC CẢNH SÁT ĐIỀU TRA TỘI PHẠM VỀ MA TÚY"),
    # Quyết định 89/QĐ-CT of a company: "CP" in its header, "Cổ phần" in its text
    ("CÔNG TY CP ĐẦU TƯ XÂY DỰNG HẠ TẢNG VÀ GIAO THÔNG",
     "Chủ đầu tư: Công ty Cổ phần đầu tư Xây dựng hạ tầng và Giao thông.",
     "CÔNG TY CP ĐẦU TƯ XÂY DỰNG HẠ TẦNG VÀ GIAO THÔNG"),
])
def test_an_ocr_read_issuer_takes_the_marks_its_text_prints(read: str, text: str,
                                                            printed: str) -> None:
    doc = born_digital(text)
    doc.issuer = schema.AgencyRef(raw=read)
    out = normalize_document(doc, ocr_text=True)
    assert out.issuer is not None and out.issuer.raw == printed
    assert [w.message for w in out.warnings if w.where == "issuer"] == [
        f"{read} → {printed} (as the document's text prints it)"]
    assert normalize_document(doc).issuer.raw == read  # type: ignore[union-attr]  # born digital


def test_an_issuer_is_not_repaired_by_another_name_or_a_cp_of_the_government() -> None:
    doc = born_digital("Căn cứ Nghị định số 30/2020/NĐ-CP của Chính phủ; Cục Hải quan tỉnh.")
    doc.issuer = schema.AgencyRef(raw="CỤC HẢI QUAN THÀNH PHỐ")  # no run of the same letters
    doc.issuer_parent = schema.AgencyRef(raw="CP ĐẦU TƯ")  # "CP" after no "Công ty"
    out = normalize_document(doc, ocr_text=True)
    assert (out.issuer.raw, out.issuer_parent.raw) == (  # type: ignore[union-attr]
        "CỤC HẢI QUAN THÀNH PHỐ", "CP ĐẦU TƯ")
    assert not [w for w in out.warnings if w.where in ("issuer", "issuer_parent")]


def test_an_agency_named_in_several_rows_is_its_own_object_in_each(
    normalized: schema.Document,
) -> None:
    rows = normalized.appendices[0].rows
    named = [ref for r in rows for ref in (*r.lead, *r.coordinating) if ref.raw == "Sở Ngoại vụ"]
    assert len(named) >= 3 and {ref.id for ref in named} == {"so-ngoai-vu"}
    before = named[1].model_copy(deep=True)
    named[0].name = "changed"
    named[0].successor_ids.append("changed")
    named[0].predecessor_ids.append("changed")
    assert named[1] == before and named[2] == before  # resolved once, but nothing is shared
