"""extract/appendix.py: physical rows → task rows, on rows cut from the Lào Cai seed."""

from __future__ import annotations

from vnplan.extract.appendix import parse_appendix
from vnplan.extract.columns import column_fields
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.tables import read_tables

HEADER = (
    "STT",
    "Nội dung",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
    "Ghi chú",
)


def row(*cells: str, page: int | None = None, break_before: bool = False) -> Paragraph:
    return Paragraph(text=" | ".join(cells), cells=cells, page=page, break_before=break_before)


def parse(*rows: Paragraph, titles: list[str] | None = None):  # type: ignore[no-untyped-def]
    return parse_appendix("PHỤ LỤC", None, [row(*HEADER), *rows], titles or [])


def test_header_fields() -> None:
    assert is_header_row(HEADER)
    assert column_fields(HEADER) == ["stt", "content", "lead", "coordinating", "timeline", "note"]


def test_repeated_header_and_column_number_rows_dropped() -> None:
    appendix, _ = parse(
        row("II", "Gắn kết ngoại giao văn hóa", "", "", "", ""),
        row("1", "Xây dựng Đề án", "Sở Ngoại vụ", "", "Hàng năm", "", page=1),
        row(*HEADER, page=2, break_before=True),
        row("(1)", "(2)", "(3)", "(4)", "(5)", "(6)", page=2),
        row("2", "Tham mưu", "Sở Ngoại vụ", "", "Năm 2022", "", page=2),
    )
    assert [(r.group, r.stt, r.pages) for r in appendix.rows] == [
        ("II", "1", [1]),
        ("II", "2", [2]),
    ]


def test_row_broken_by_page_break_is_joined_with_its_pages() -> None:
    appendix, warnings = parse(
        row("II", "Nhóm", "", "", "", ""),
        row(
            "3",
            "Thường xuyên khai thác … cộng đồng người Việt",
            "Sở TT&TT",
            "",
            "Hàng năm",
            "",
            page=11,
        ),
        row("", "Nam ở nước ngoài và bạn bè quốc tế.", "", "", "", "", page=12, break_before=True),
    )
    [joined] = appendix.rows
    assert joined.content.endswith("người Việt Nam ở nước ngoài và bạn bè quốc tế.")
    assert joined.pages == [11, 12]
    assert any(w.code == "row_joined" and "page break" in w.message for w in warnings)


def test_glued_numeral_and_single_word_ocr_repair_from_section_heading() -> None:
    heading = "Gắn kết ngoại giao văn hóa với địa phương, người dân"
    appendix, warnings = parse(
        row("III Cản kết ngoại giao văn hóa với địa phương, người dân", "", "", "", ""),
        row("1", "Phối hợp", "Sở Ngoại vụ", "", "Hàng năm"),
        titles=[heading],
    )
    assert (appendix.rows[0].group, appendix.rows[0].group_title) == ("III", heading)
    assert {"cell_split", "ocr_repaired"} <= {w.code for w in warnings}


def test_warnings_point_at_the_row_they_concern() -> None:
    """A group row's repairs are on the group's first row, a shifted row's on that row, a
    continued row's on the row it continues; never on the task above."""
    _, warnings = parse(
        row("II", "Nhóm hai", "", "", "", ""),
        row("1", "Việc một", "Sở Ngoại vụ", "", "Hàng năm", ""),
        row("III Nhóm ba", "", "", "", ""),
        row("1", "Việc hai", "Sở Ngoại vụ", "", "Năm 2022", ""),
        row("2", "Việc ba", "Sở Tư pháp", "Các Bộ TW", "Các Bộ TW", "Thường xuyên", ""),
        row("", "và các địa phương.", "", "", "", "", page=2, break_before=True),
        row("Nhóm bốn", "", "", "", ""),
        row("1", "Việc bốn", "Sở Nội vụ", "", "Năm 2023", ""),
    )
    where = {w.code: w.where for w in warnings}
    assert where["cell_split"] == "appendices[0].rows[1]"  # III/1
    assert where["duplicate_cell_dropped"] == "appendices[0].rows[2]"  # III/2
    assert where["row_joined"] == "appendices[0].rows[2]"
    assert where["group_numeral_inferred"] == "appendices[0].rows[3]"  # IV/1


def test_two_differing_words_are_not_repaired() -> None:
    appendix, _ = parse(
        row("IV", "Bảo vệ, phổ biến Nghị lễ", "", "", "", ""),
        row("1", "X", "Sở A", "", "", ""),
        titles=["Bảo vệ, phô biến Nghi lễ"],
    )
    assert appendix.rows[0].group_title == "Bảo vệ, phổ biến Nghị lễ"


def test_group_without_numeral_takes_the_next_numeral() -> None:
    appendix, warnings = parse(
        row("IV", "Đẩy mạnh quảng bá.", "", "", "", ""),
        row("9", "Xây dựng ấn phẩm.", "Sở VHTTDL", "", "Hàng năm", ""),
        row("Bảo vệ, phổ biến di sản", "", "", "", ""),
        row("1", "Xây dựng kế hoạch", "Sở VHTTDL", "", "Năm 2022", ""),
    )
    assert [(r.group, r.group_title) for r in appendix.rows] == [
        ("IV", "Đẩy mạnh quảng bá"),
        ("V", "Bảo vệ, phổ biến di sản"),
    ]
    assert any(w.code == "group_numeral_inferred" for w in warnings)


def test_shifted_row_with_duplicated_cell() -> None:
    appendix, warnings = parse(
        row("VI", "Tăng cường nguồn lực", "", "", "", ""),
        row("1", "Tập huấn", "Sở Ngoại vụ", "Sở Ngoại vụ", "Các cơ quan liên quan", "Hàng năm"),
        row("3", "Bố trí", "Sở Ngoại vụ", "Các Bộ TW", "Các Bộ TW", "Thường xuyên", ""),
    )
    first, second = appendix.rows
    assert [a.raw for a in first.lead] == ["Sở Ngoại vụ"]
    assert [a.raw for a in first.coordinating] == ["Các cơ quan liên quan"]
    assert first.timeline is not None and first.timeline.recurrence == "annual"
    assert [a.raw for a in second.coordinating] == ["Các Bộ TW"]
    assert second.timeline is not None and second.timeline.recurrence == "regular"
    assert sum(w.code == "duplicate_cell_dropped" for w in warnings) == 2


def test_rows_before_group_ii_are_group_i_and_gaps_are_reported() -> None:
    appendix, warnings = parse(
        row("1", "A", "Sở A", "", "Hàng năm", ""),
        row("2", "B", "Sở B", "", "Hàng năm", ""),
        row("II", "Nhóm hai", "", "", "", ""),
        row("1", "C", "Sở C", "", "", ""),
        row("3", "D", "Sở D", "", "", ""),
    )
    assert [(r.group, r.stt) for r in appendix.rows] == [
        ("I", "1"),
        ("I", "2"),
        ("II", "1"),
        ("II", "3"),
    ]
    assert any(w.code == "stt_gap" and "2" in w.message for w in warnings)


def test_row_without_stt_or_content_right_after_a_group_is_dropped_not_merged() -> None:
    appendix, warnings = parse(
        row("V", "Nhóm năm", "", "", "", ""),
        row("3", "Phản bác", "Sở TT&TT", "", "Hàng năm", ""),
        row("VI", "Nhóm sáu", "", "", "", ""),
        row("", "", "Sở Ngoại vụ", "Sở Ngoại vụ", "Các cơ quan", "Hàng năm"),
        row("1", "Tập huấn", "Sở Ngoại vụ", "", "Hàng năm", ""),
    )
    assert [a.raw for a in appendix.rows[0].lead] == ["Sở TT&TT"]
    assert any(w.code == "row_dropped" for w in warnings)


def test_a_header_row_opening_with_stt_is_a_header_however_long_its_cells() -> None:
    """The task table of a Government resolution (Phụ lục II of Nghị quyết 24/2026/NQ-CP):
    its second header cell runs to seventeen words."""
    header = ("STT", "CÁC LUẬT, NGHỊ ĐỊNH, QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ, THÔNG TƯ CẦN SỬA "
              "ĐỔI, BỔ SUNG", "ĐIỀU, KHOẢN, ĐIỂM CẦN SỬA ĐỔI, BỔ SUNG, BÃI BỎ",
              "CƠ QUAN CHỦ TRÌ SOẠN THẢO")
    paragraphs = [Paragraph(text="PHỤ LỤC II"), row(*header), row("I", "NGHỊ ĐỊNH", "", ""),
                  row("1.", "Nghị định số 288/2025/NĐ-CP", "Khoản 2 Điều 7", "Bộ Quốc phòng")]
    [(_, table)], _ = read_tables(paragraphs, 0, 0, [])
    assert table.kind == "task" and table.columns == list(header)
    [task] = table.rows
    assert (task.group, task.stt, [a.raw for a in task.lead]) == ("I", "1.", ["Bộ Quốc phòng"])


def test_a_lead_cell_that_labels_the_roles_fills_both_columns() -> None:
    appendix, _ = parse_appendix("PHỤ LỤC", None, [
        row("TT", "Giải pháp, kiến nghị", "Cơ quan phụ trách"),
        row("1", "Hoàn thành GPMB", "Chủ trì: Sở Công Thương (thẩm định). Phối hợp: Sở Tài chính"),
    ], [])
    [task] = appendix.rows
    assert [a.raw for a in task.lead] == ["Sở Công Thương"]
    assert [a.raw for a in task.coordinating] == ["Sở Tài chính"]


def test_columns_no_row_field_takes_are_kept_in_the_note_under_their_headers() -> None:
    header = ("STT", "Nội dung", "Tiến độ hiện tại", "Khó khăn, vướng mắc", "Cơ quan chủ trì",
              "Ghi chú")
    rows = [
        row(*header),
        row("1", "Hoàn thành giải phóng mặt bằng", "Đã kiểm đếm 152/152 hộ",
            "Thiếu quỹ đất tái định cư", "UBND xã Gia Phú", "Quý III/2026"),
        row("", "", "", "chưa có vốn đối ứng", "", ""),  # a continuation row of the same task
        row("2", "Bố trí vốn", "", "", "Sở Tài chính", ""),
    ]
    appendix, _ = parse_appendix("PHỤ LỤC", None, rows, [])
    first, second = appendix.rows
    assert first.note == (
        "Quý III/2026; Tiến độ hiện tại: Đã kiểm đếm 152/152 hộ; "
        "Khó khăn, vướng mắc: Thiếu quỹ đất tái định cư; chưa có vốn đối ứng"
    )
    assert [a.raw for a in first.lead] == ["UBND xã Gia Phú"]
    assert second.note is None
