"""extract/sections.py: the section tree — normative units at their depth, plan numbering in
the order a document uses it, quoted text kept out of the tree."""

from __future__ import annotations

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.sections import build_sections
from vnplan.schema import Section


def tree(*lines: str, bold: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], str]]:
    sections, _ = build_sections([Paragraph(text=t, bold=t in bold) for t in lines])
    out: list[tuple[tuple[str, ...], str]] = []

    def walk(nodes: list[Section]) -> None:
        for node in nodes:
            out.append((tuple(node.path), node.title))
            walk(node.children)

    walk(sections)
    return out


def test_chapters_articles_clauses_and_points() -> None:
    got = tree("Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
               "Quyết định này quy định về Quỹ.", "Điều 2. Đối tượng áp dụng",
               "1. Người lao động.", "a) Người lao động đi làm việc ở nước ngoài.",
               "2. Doanh nghiệp.", "Chương II", "THÀNH LẬP QUỸ", "Điều 3. Thành lập Quỹ")
    assert got == [
        (("Chương I",), "QUY ĐỊNH CHUNG"),
        (("Chương I", "Điều 1"), "Phạm vi điều chỉnh"),
        (("Chương I", "Điều 2"), "Đối tượng áp dụng"),
        (("Chương I", "Điều 2", "1"), "Người lao động"),
        (("Chương I", "Điều 2", "1", "a"), "Người lao động đi làm việc ở nước ngoài"),
        (("Chương I", "Điều 2", "2"), "Doanh nghiệp"),
        (("Chương II",), "THÀNH LẬP QUỸ"),
        (("Chương II", "Điều 3"), "Thành lập Quỹ"),
    ]


def test_a_plan_and_its_paren_items() -> None:
    got = tree("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "1.1. Triển khai có hiệu quả.",
               "(1) Tiếp tục phối hợp.", "a) Tăng cường thông tin.", "II. NHIỆM VỤ")
    assert [p for p, _ in got] == [("I",), ("I", "1"), ("I", "1", "1.1"),
                                   ("I", "1", "1.1", "(1)"), ("I", "1", "1.1", "(1)", "a"),
                                   ("II",)]


def test_quoted_amendments_make_no_sections() -> None:
    got = tree("Điều 1. Sửa đổi, bổ sung một số điều của Luật Giá",
               "1. Sửa đổi khoản 1 Điều 70 như sau:",
               "“1. Việc thanh tra trong lĩnh vực giá thực hiện theo quy định.”.",
               "2. Bổ sung Điều 73a như sau:", "“Điều 73a. Trách nhiệm",
               "1. Bộ Tài chính chủ trì.", "2. Các bộ phối hợp.”.",
               "3. Bãi bỏ khoản 13 Điều 14.", "Điều 2. Hiệu lực thi hành")
    assert [p for p, _ in got] == [("Điều 1",), ("Điều 1", "1"), ("Điều 1", "2"),
                                   ("Điều 1", "3"), ("Điều 2",)]


def test_parts_of_a_report() -> None:
    got = tree("Phần thứ nhất", "KẾT QUẢ THỰC HIỆN", "I. CÔNG TÁC CHỈ ĐẠO", "1. Ban hành văn bản.",
               "Phần thứ hai", "NHIỆM VỤ NĂM 2026", "I. NHIỆM VỤ TRỌNG TÂM")
    assert got == [
        (("Phần thứ nhất",), "KẾT QUẢ THỰC HIỆN"),
        (("Phần thứ nhất", "I"), "CÔNG TÁC CHỈ ĐẠO"),
        (("Phần thứ nhất", "I", "1"), "Ban hành văn bản"),
        (("Phần thứ hai",), "NHIỆM VỤ NĂM 2026"),
        (("Phần thứ hai", "I"), "NHIỆM VỤ TRỌNG TÂM"),
    ]


def test_a_submission_grouped_under_capital_letters() -> None:
    """As lam-dong-snv-ttr-93 prints it: "A." and "B." over "I." over "1."; a letter printed
    twice ("B." again for what should be "C.") is kept as printed."""
    got = tree("A. SỰ CẦN THIẾT VÀ CƠ SỞ PHÁP LÝ", "- Tại Nghị quyết số 202/2025/QH15.",
               "B. HIỆN TRẠNG TỔ CHỨC CÁC HỘI", "I. TỈNH BÌNH THUẬN (trước sắp xếp)",
               "1. Liên minh Hợp tác xã tỉnh Bình Thuận;", "B. PHƯƠNG ÁN HỢP NHẤT CÁC HỘI",
               "1. Cho phép hợp nhất Liên minh Hợp tác xã tỉnh Lâm Đồng.")
    assert [p for p, _ in got] == [("A",), ("B",), ("B", "I"), ("B", "I", "1"), ("B",),
                                   ("B", "1")]
    assert got[0][1] == "SỰ CẦN THIẾT VÀ CƠ SỞ PHÁP LÝ"


def test_a_long_chapter_title_in_bold_capitals_is_its_title() -> None:
    title = " ".join(["LẬP, THẨM ĐỊNH, QUYẾT ĐỊNH CHỦ TRƯƠNG ĐẦU TƯ CHƯƠNG TRÌNH, DỰ ÁN"] * 5)
    got = tree("Chương II", title, "Điều 12. Thẩm quyền quyết định chủ trương đầu tư",
               bold=("Chương II", title))
    assert got == [(("Chương II",), title),
                   (("Chương II", "Điều 12"), "Thẩm quyền quyết định chủ trương đầu tư")]


def test_points_run_together_in_one_paragraph_are_read_one_by_one() -> None:
    """Regression (Quyết định 51/2025/QĐ-TTg, Phụ lục II): "c) …; d) …; đ) …" in one
    paragraph are three points; a "; e)" out of sequence opens none."""
    sections, warnings = build_sections([Paragraph(text=t) for t in (
        "3. Đạt các tiêu chí xã nông thôn mới hiện đại:",
        "c) Bảo đảm an sinh xã hội; nâng cao chất lượng nguồn nhân lực; d) Môi trường sống "
        "an toàn; đ) Cảnh quan sáng - xanh - sạch - đẹp, an toàn;",
        "g) Có ít nhất 2 trong các nội dung a), b) hoặc e) sau; e) không được tách ra.")])
    assert [(s.path, s.title) for s in sections[0].children] == [
        (["3", "c"], "Bảo đảm an sinh xã hội; nâng cao chất lượng nguồn nhân lực"),
        (["3", "d"], "Môi trường sống an toàn"),
        (["3", "đ"], "Cảnh quan sáng - xanh - sạch - đẹp, an toàn"),
        (["3", "g"], "Có ít nhất 2 trong các nội dung a), b) hoặc e) sau; e) không được tách ra")]
    assert [w.code for w in warnings] == ["points_split"]


def test_point_l_printed_as_a_one_after_point_k() -> None:
    """Regression (Nghị quyết liên tịch 102/2025): "k) …" then "1) Đơn vị trực thuộc …" is
    point l), not a new khoản 1 under it."""
    sections, warnings = build_sections([Paragraph(text=t) for t in (
        "1. Thành phần dự hội nghị:", "k) Trường hợp người đứng đầu vắng mặt;",
        "1) Đơn vị trực thuộc được xác định theo quy chế;",
        "2. Trình tự, thủ tục tổ chức hội nghị:")])
    assert [s.path for s in sections] == [["1"], ["2"]]
    assert [s.path for s in sections[0].children] == [["1", "k"], ["1", "l"]]
    assert [w.code for w in warnings] == ["numbering_repaired"]


def test_capital_letters_open_units_only_from_a() -> None:
    """Regression (Hướng dẫn 36-HD/VPTW): the example signature "Q. CHÁNH VĂN PHÒNG" and a
    "C. …" with no "A." before it are lines of the unit above, not units."""
    got = tree("1. Thể thức chữ ký", "c) Ký thay:", "Q. CHÁNH VĂN PHÒNG",
               "C. PHẦN GHI CHÚ CUỐI", "2. Nơi nhận")
    assert [p for p, _ in got] == [("1",), ("1", "c"), ("2",)]


def test_a_quotation_closed_inside_its_paragraph_quotes_nothing_after_it() -> None:
    got = tree("1. Cơ sở pháp lý", "2. Tình hình thực hiện",
               "“… Nghị định số 126/2024/NĐ-CP của Chính phủ về quản lý hội; …”, tại khoản 2"
               " Điều 32 quy định thành phần hồ sơ còn có “d) Dự thảo điều lệ hội.”. Do đó,"
               " Sở Tư pháp tiếp nhận hồ sơ.",
               "3. Đề xuất của Sở Tư pháp", "3.1. Đối với phương án nhân sự", "a) Ban Chủ nhiệm",
               "“Điều 5. Trụ sở", "1. Trụ sở đặt tại tỉnh.”", "3.2. Về con dấu")
    assert [p for p, _ in got] == [("1",), ("2",), ("3",), ("3", "3.1"), ("3", "3.1", "a"),
                                   ("3", "3.2")]
