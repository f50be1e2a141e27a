"""extract/tables.py: where tables begin and end, and their column names."""

from __future__ import annotations

from dataclasses import replace

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.tables import read_tables


def _row(*cells: str, starts: bool = False) -> Paragraph:
    return Paragraph(text=" | ".join(cells), cells=cells, starts_table=starts)


def _tables(paragraphs: list[Paragraph]) -> list[tuple[list[str], list[list[str]]]]:
    found, _ = read_tables(paragraphs, 0, len(paragraphs), [])
    return [(table.columns, table.cells) for _, table in found]


def test_a_header_over_three_rows_under_spanning_parents_is_joined() -> None:
    """As Phụ lục 4 of Nghị quyết 95/2025/UBTVQH15 prints it: "Trong đó:" over "Cơ quan tham
    gia thẩm tra" over "01 Cơ quan | Tổng (07 cơ quan)"; the blank cells are the spans."""
    paragraphs = [
        Paragraph(text="PHỤ LỤC 4", bold=True),
        _row("STT", "Loại văn bản", "Tổng", "Trong đó:", "", "", starts=True),
        _row("", "", "", "Cơ quan chủ trì thẩm tra", "Cơ quan tham gia thẩm tra", ""),
        _row("", "", "", "", "01 Cơ quan", "Tổng (07 cơ quan)"),
        _row("1", "Bộ luật mới", "4.200", "1.058", "124", "868"),
    ]
    assert _tables(paragraphs) == [(
        ["STT", "Loại văn bản", "Tổng", "Trong đó: - Cơ quan chủ trì thẩm tra",
         "Trong đó: - Cơ quan tham gia thẩm tra - 01 Cơ quan",
         "Trong đó: - Cơ quan tham gia thẩm tra - Tổng (07 cơ quan)"],
        [["1", "Bộ luật mới", "4.200", "1.058", "124", "868"]])]


def test_long_labels_under_a_spanning_parent_are_a_header_row() -> None:
    paragraphs = [
        _row("STT", "Nội dung nhiệm vụ, hoạt động", "Định mức (triệu đồng)", "", starts=True),
        _row("", "", "Luật sửa đổi, bổ sung một số điều của bộ luật (phải thực hiện quy trình "
             "xây dựng chính sách)", "Nghị quyết của Quốc hội"),
        _row("1", "Xây dựng Báo cáo thẩm tra", "122", "57"),
    ]
    assert _tables(paragraphs)[0][0] == [
        "STT", "Nội dung nhiệm vụ, hoạt động",
        "Định mức (triệu đồng) - Luật sửa đổi, bổ sung một số điều của bộ luật (phải thực hiện "
        "quy trình xây dựng chính sách)", "Định mức (triệu đồng) - Nghị quyết của Quốc hội"]


def test_a_data_row_under_a_spanning_header_is_data() -> None:
    paragraphs = [
        _row("STT", "Nội dung", "Kinh phí", "", starts=True),
        _row("1", "Tập huấn", "120", "80"),
    ]
    assert _tables(paragraphs) == [(["STT", "Nội dung", "Kinh phí", ""],
                                    [["1", "Tập huấn", "120", "80"]])]


def test_an_index_of_model_forms_has_no_header() -> None:
    """"Mẫu số 01 | Tờ trình …" is the first item of the list, not its column names."""
    paragraphs = [
        _row("Mẫu số 01", "Tờ trình quyết định chủ trương đầu tư", starts=True),
        _row("Mẫu số 02", "Báo cáo nghiên cứu tiền khả thi"),
    ]
    assert _tables(paragraphs) == [([], [["Mẫu số 01", "Tờ trình quyết định chủ trương đầu tư"],
                                          ["Mẫu số 02", "Báo cáo nghiên cứu tiền khả thi"]])]


def test_rows_with_no_table_start_run_on_as_one_table() -> None:
    """A PDF marks no table starts: its table split by a page break is one table."""
    paragraphs = [_row("TT", "Đơn vị", "Ghi chú"), _row("1", "Sở Ngoại vụ", ""),
                  _row("2", "Sở Tư pháp", "")]
    assert _tables(paragraphs) == [(["TT", "Đơn vị", "Ghi chú"],
                                    [["1", "Sở Ngoại vụ", ""], ["2", "Sở Tư pháp", ""]])]


def test_a_word_header_with_cells_merged_down_is_read_over_two_rows() -> None:
    """Regression (lam-dong-bc-dia-ban-ma-tuy-2025.doc): Word gives a cell merged down in each
    row it covers, so the second header row repeats the long label of the first."""
    label = ("Tiêu chí xác định địa bàn cấp tỉnh trọng điểm phức tạp về ma tuý (Điều 5 Quyết "
             "định 28/2025/QĐ-TTg)")
    paragraphs = [
        _row(label, "Số liệu đánh giá của địa phương", "Đánh giá", "", starts=True),
        _row(label, "Số liệu đánh giá của địa phương", "Đạt", "Không đạt"),
        _row("Có từ 5 điểm tổ chức sử dụng trái phép chất ma túy", "00", "", "X"),
    ]
    assert _tables(paragraphs) == [(
        [label, "Số liệu đánh giá của địa phương", "Đánh giá - Đạt", "Đánh giá - Không đạt"],
        [["Có từ 5 điểm tổ chức sử dụng trái phép chất ma túy", "00", "", "X"]])]


def test_column_names_with_notes_in_parentheses_are_a_header() -> None:
    """Regression (national-nq-24-2026-nq-cp.docx): a form's column names carry notes in
    parentheses; without them each is a short label, so the row is the header."""
    header = ("Ngày bắt đầu hành nghề", "Thông báo hành nghề của Bộ Tài chính (số, ngày tháng năm)",
              "Thông báo chấm dứt hành nghề của Bộ Tài chính (số, ngày tháng năm) (nếu có)",
              "Số tháng là thẩm định viên về giá")
    paragraphs = [_row(*header, starts=True), _row("Năm........", "", "", ""),
                  _row(".....", ".....", ".....", ".....")]
    assert _tables(paragraphs) == [(list(header), [["Năm........", "", "", ""],
                                                   [".....", ".....", ".....", "....."]])]


def test_a_table_opening_a_page_without_a_header_takes_no_title_from_the_page_before() -> None:
    """Lâm Đồng's Tờ trình 409/TTr-CAT scan: the list's last rows stand on a page before its
    title (the pages scanned out of order), under the decision's signature, as OCR read them:
    the misread position above is no title, and "¡0" (for "10") opens a row, not a header."""
    rows = [_row("¡0", "Nguyễn Văn Thanh", "Phó Trưởng Phòng", "Công an tỉnh",
                 "Thành viên Hội đồng"),
            _row("11", "Lê Thanh Sơn", "Phó Trưởng Phòng", "Công an tỉnh",
                 "Thành viên Hội đồng")]
    paragraphs = [Paragraph(text="CHLƯ TỊCH"), Paragraph(text="Hồ Văn Mười"),
                  replace(rows[0], break_before=True), rows[1]]
    found, _ = read_tables(paragraphs, 0, len(paragraphs), [])
    table = found[0][1]
    assert (table.title, table.columns, len(table.cells)) == ("", [], 2)
    assert _tables(rows) == [([], [list(r.cells or ()) for r in rows])]  # no header either way
