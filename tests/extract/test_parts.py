"""extract/parts.py: the documents a document attaches, each with its own header and tree —
a decision's Quy định headed as an appendix, the draft a submission (Tờ trình) carries."""

from __future__ import annotations

from vnplan.extract.administrative import read_administrative
from vnplan.extract.paragraphs import Paragraph
from vnplan.schema import Document, Source

SIGNED = ["Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
          "Nguyễn Văn An"]


def record(*texts: str) -> Document:
    doc = Document(id="pending", kind="document", extractor_version="test",
                   source=Source(uri="test.txt", format="txt", sha256="0" * 64))
    read_administrative([Paragraph(text=t) for t in texts], doc)
    return doc


def submission(*attached: str) -> Document:
    return record(
        "CÔNG AN TỈNH LÂM ĐỒNG", "Số: 519/TTr-CAT-PC06", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Lâm Đồng, ngày 24 tháng 11 năm 2025", "TỜ TRÌNH",
        "Đề nghị ban hành Quyết định thành lập Ban Chỉ đạo về dữ liệu tỉnh",
        "Kính gửi: Chủ tịch UBND tỉnh.", "1. Sự cần thiết", "Công an tỉnh đã gửi dự thảo.",
        "Công an tỉnh kính trình Chủ tịch UBND tỉnh xem xét, ký ban hành./.",
        *SIGNED, *attached)


def test_a_letter_a_submission_attaches_is_a_part_though_it_prints_no_type_line() -> None:
    doc = submission("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: /UBND-NC",
                     "V/v chuẩn bị nội dung làm việc với C04 - Bộ Công an", "Kính gửi:",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Lâm Đồng, ngày tháng 3 năm 2026", "- Các sở, ban, ngành tỉnh.",
                     "I. NỘI DUNG LÀM VIỆC", "1. Công tác tham mưu", "II. THÀNH PHẦN")
    [part] = doc.parts
    assert part.doc_type == "Công văn"
    assert [s.path for s in part.sections] == [["I"], ["II"]]
    assert doc.closing == "Công an tỉnh kính trình Chủ tịch UBND tỉnh xem xét, ký ban hành./."


def test_a_draft_after_the_appendix_of_a_submission_is_a_part() -> None:
    """The boxed "DỰ THẢO" reads "_ DỰTHẢO |" from a scan; its "QUYÉT ĐỊNH" lost a mark."""
    doc = submission("PHỤ LỤC TIẾP THU, GIẢI TRÌNH Ý KIẾN GÓP Ý", "ỦY BAN NHÂN DÂN",
                     "TỈNH LÂM ĐỒNG", "Số: /QĐ-UBND", "_ DỰTHẢO |",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Lâm Đồng, ngày tháng 11 năm 2025", "QUYÉT ĐỊNH",
                     "Thành lập Ban Chỉ đạo về dữ liệu tỉnh Lâm Đồng",
                     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Căn cứ Luật Tổ chức chính quyền "
                     "địa phương ngày 16 tháng 6 năm 2025;", "QUYẾT ĐỊNH:",
                     "Điều 1. Thành lập Ban Chỉ đạo", "Điều 2. Hiệu lực thi hành")
    [part] = doc.parts
    assert part.doc_type == "Quyết định"
    assert [s.path for s in part.sections] == [["Điều 1"], ["Điều 2"]]


def test_a_model_form_among_the_appendices_is_not_a_part() -> None:
    doc = submission("PHỤ LỤC", "MẪU GIẤY ĐỀ NGHỊ", "TÊN CƠ QUAN", "Số: …/…",
                     "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "GIẤY ĐỀ NGHỊ", "Kính gửi: ……")
    assert doc.parts == []


def test_an_appendix_headed_quy_dinh_is_the_document_it_names() -> None:
    """Quyết định 51/2025/QĐ-TTg issues its Quy định as "PHỤ LỤC II / QUY ĐỊNH KHUNG …"."""
    doc = record("THỦ TƯỚNG CHÍNH PHỦ", "Số: 51/2025/QĐ-TTg",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Hà Nội, ngày 29 tháng 12 năm 2025", "QUYẾT ĐỊNH", "Ban hành Bộ tiêu chí",
                 "QUYẾT ĐỊNH:", "Điều 1. Phạm vi điều chỉnh", "THỦ TƯỚNG", "Trần Văn B",
                 "PHỤ LỤC II", "QUY ĐỊNH KHUNG THÍ ĐIỂM XÂY DỰNG",
                 "XÃ NÔNG THÔN MỚI HIỆN ĐẠI GIAI ĐOẠN 2026 - 2030",
                 "(Kèm theo Quyết định số 51/2025/QĐ-TTg ngày 29 tháng 12 năm 2025)",
                 "1. Là xã đạt chuẩn nông thôn mới.", "2. Thu nhập bình quân.")
    [part] = doc.parts
    assert part.doc_type == "Quy định" and part.caption is not None
    assert [s.path for s in part.sections] == [["1"], ["2"]]


def _decision(*body: str) -> list[str]:
    return ["THỦ TƯỚNG CHÍNH PHỦ", "Số: 51/2025/QĐ-TTg", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 29 tháng 12 năm 2025", "QUYẾT ĐỊNH",
            "Ban hành Bộ tiêu chí", "QUYẾT ĐỊNH:", *body, "THỦ TƯỚNG", "Trần Văn B"]


def test_an_appendix_the_decision_lists_by_its_title_is_a_part() -> None:
    """Quyết định 51/2025/QĐ-TTg lists "a) Bộ tiêu chí … (Phụ lục I);": that appendix, a
    table under its title, is one of the documents it issues."""
    texts = _decision(
        "Điều 1. Phạm vi điều chỉnh",
        "1. Quyết định này quy định Bộ tiêu chí quốc gia về nông thôn mới, gồm:",
        "a) Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2026 - 2030 (Phụ lục I);",
        "Điều 2. Hiệu lực thi hành")
    paragraphs = [Paragraph(text=t) for t in texts] + [
        Paragraph(text="PHỤ LỤC I"),
        Paragraph(text="BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026 - 2030"),
        Paragraph(text="(Kèm theo Quyết định số 51/2025/QĐ-TTg ngày 29 tháng 12 năm 2025)"),
        Paragraph(text="TT | Tên tiêu chí | Nội dung tiêu chí",
                  cells=("TT", "Tên tiêu chí", "Nội dung tiêu chí"), starts_table=True),
        Paragraph(text="1 | Quy hoạch | Có quy hoạch chung xã",
                  cells=("1", "Quy hoạch", "Có quy hoạch chung xã"))]
    doc = Document(id="pending", kind="document", extractor_version="test",
                   source=Source(uri="test.html", format="html", sha256="0" * 64))
    read_administrative(paragraphs, doc)
    [part] = doc.parts
    assert part.doc_type == "Phụ lục" and part.sections == []
    assert part.title == "PHỤ LỤC I BỘ TIÊU CHÍ QUỐC GIA VỀ XÃ NÔNG THÔN MỚI GIAI ĐOẠN 2026 - 2030"
    [table] = part.appendices
    assert table.columns == ["TT", "Tên tiêu chí", "Nội dung tiêu chí"] and table.in_appendix
    assert table.cells == [["1", "Quy hoạch", "Có quy hoạch chung xã"]]


def test_an_appendix_the_body_gives_as_a_model_is_not_a_part() -> None:
    """Nghị định 242/2025/NĐ-CP: "lập báo cáo kết thúc theo mẫu tại Phụ lục VI"; the Phụ lục
    VI headed "BÁO CÁO KẾT THÚC …" is that model, not a report the decree issues."""
    doc = record(*_decision(
        "Điều 1. Báo cáo kết thúc",
        "Chủ dự án lập báo cáo kết thúc theo mẫu tại Phụ lục VI kèm theo Nghị định này.",
        "Điều 2. Hiệu lực thi hành"),
        "PHỤ LỤC VI", "BÁO CÁO KẾT THÚC CHƯƠNG TRÌNH, DỰ ÁN",
        "(Kèm theo Nghị định số 242/2025/NĐ-CP ngày 10 tháng 9 năm 2025 của Chính phủ)",
        "I. THÔNG TIN CƠ BẢN VỀ CHƯƠNG TRÌNH, DỰ ÁN", "1. Tên chương trình, dự án")
    assert doc.parts == []
