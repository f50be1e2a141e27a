"""extract/docx_input.py: Word files → lines → records, on the samples and small built files."""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from samples.docx_kit import cell_paragraph, new_document
from samples.docx_kit import paragraph as kit_paragraph
from tests.conftest import SAMPLES, converted, expected_facts
from vnplan.errors import ConversionError
from vnplan.extract.readers import docx as docx_input
from vnplan.extract.readers.docx import read_doc_layout, read_docx_layout
from vnplan.extract.readers.layout import Layout
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Document

LAO_CAI = "lao-cai-122-kh-ubnd-2022"
LANG_SON = "lang-son-227-kh-ubnd-2021"


@cache
def layout(stem: str) -> Layout:
    return read_docx_layout((SAMPLES / f"{stem}.docx").read_bytes())


@cache
def record(stem: str) -> Document:
    return converted(f"samples/{stem}.docx", ConvertOptions(normalize=False))


def built(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("stem", [LAO_CAI, LANG_SON])
def test_sections_match_the_expected_facts(stem: str) -> None:
    facts = expected_facts(stem)
    got = [("/".join(s.path), s.title, s.role, s.page) for s in record(stem).iter_sections()]
    assert got == [("/".join(s["path"]), s["title"], s["role"], None) for s in facts["sections"]]


def test_appendix_rows_match_the_expected_facts() -> None:
    facts = expected_facts(LAO_CAI)["appendix_rows"]
    rows = record(LAO_CAI).appendices[0].rows
    assert [(r.group, r.stt) for r in rows] == [(f["group"], f["stt"]) for f in facts]
    for row, fact in zip(rows, facts, strict=True):
        assert row.content.startswith(fact["content_start"])
        assert [a.raw for a in row.lead] == fact["lead"]
        assert row.pages == []
    assert record(LAO_CAI).source.pages is None


def test_header_and_signature_tables_are_layout_not_rows() -> None:
    lines = layout(LAO_CAI).lines
    assert [line.text for line in lines[:6]] == [
        "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 122/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày 30 tháng 3 năm 2022"]
    start = next(i for i, line in enumerate(lines) if line.text == "Nơi nhận:")
    assert lines[start + 9].text == "TM. ỦY BAN NHÂN DÂN"
    rows = [line for line in lines if line.cells is not None]
    assert rows[0].cells == ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp",
                             "Thời gian thực hiện", "Ghi chú")
    assert all(line.page is None for line in lines)


def test_merged_group_cells_are_given_once() -> None:
    rows = [line.cells for line in layout(LAO_CAI).lines if line.cells]
    group = next(cells for cells in rows if cells[0] == "II")
    assert group[1].startswith("Gắn kết ngoại giao văn hóa") and group[2:] == ("", "", "", "")


def test_a_cell_merged_down_is_given_in_every_row_it_covers() -> None:
    """A task printed once over two rows (its STT and content merged down), each row with its
    own lead: both rows carry the task; a cell merged across columns is still given once."""
    document = docx.Document()
    table = document.add_table(rows=4, cols=4)
    table.style = document.styles["Table Grid"]
    for row, texts in zip(table.rows, (("STT", "Nhiệm vụ", "Chủ trì", "Phối hợp"),
                                       ("I", "Cải cách thể chế", "", ""),
                                       ("2", "Tham mưu ban hành Kế hoạch", "Sở Nội vụ", ""),
                                       ("", "", "Các cơ quan", "")), strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.cell(1, 1).merge(table.cell(1, 3))
    table.cell(2, 0).merge(table.cell(3, 0))
    table.cell(2, 1).merge(table.cell(3, 1))
    got = read_docx_layout(built(document))
    rows = [line.cells for line in got.lines if line.cells]
    assert rows[1:] == [("I", "Cải cách thể chế", "", ""),
                        ("2", "Tham mưu ban hành Kế hoạch", "Sở Nội vụ", ""),
                        ("2", "Tham mưu ban hành Kế hoạch", "Các cơ quan", "")]
    assert [line.text for line in got.lines if line.cells][-1] == " |  | Các cơ quan | "
    [note] = got.notes
    assert note.code == "merged_cells_spread" and note.message.startswith("2 table cell(s)")


def test_a_row_of_cells_merged_down_only_is_no_row() -> None:
    """A header printed over two rows ("STT" and "Đơn vị" merged down, the second row empty):
    the second row has no text of its own and gives no line, and nothing was spread."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=2)
    table.style = document.styles["Table Grid"]
    for row, texts in zip(table.rows, (("STT", "Đơn vị"), ("", ""), ("1", "Xã Lạc Dương")),
                          strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 1).merge(table.cell(1, 1))
    got = read_docx_layout(built(document))
    assert [line.cells for line in got.lines if line.cells] == [("STT", "Đơn vị"),
                                                                ("1", "Xã Lạc Dương")]
    assert got.notes == []


def test_formatting_is_read_from_runs_and_styles() -> None:
    by_text = {line.text: line for line in layout(LAO_CAI).lines}
    assert by_text["KẾ HOẠCH HÀNH ĐỘNG"].bold and by_text["KẾ HOẠCH HÀNH ĐỘNG"].centered
    assert by_text["Lào Cai, ngày 30 tháng 3 năm 2022"].italic
    assert by_text["I. MỤC ĐÍCH, YÊU CẦU"].bold and not by_text["I. MỤC ĐÍCH, YÊU CẦU"].centered
    assert by_text["Nơi nhận:"].size == 12.0


def _roman_numbering(document: docx.document.Document) -> str:
    """Add a list definition "I." / "1." to the document; return its numId."""
    numbering = document.part.numbering_part.element
    numbering.append(parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="%2."/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90">'
                               '<w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _numbered(document: docx.document.Document, text: str, num_id: str, level: int) -> None:
    paragraph = document.add_paragraph(text)
    paragraph._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
        "</w:numPr>"))


def test_word_list_numbering_is_rendered() -> None:
    document = docx.Document()
    num_id = _roman_numbering(document)
    _numbered(document, "MỤC ĐÍCH, YÊU CẦU", num_id, 0)
    _numbered(document, "Mục đích", num_id, 1)
    _numbered(document, "Yêu cầu", num_id, 1)
    _numbered(document, "NHIỆM VỤ", num_id, 0)
    _numbered(document, "Tuyên truyền", num_id, 1)
    document.add_paragraph("Việc một", style="List Bullet")
    got = read_docx_layout(built(document))
    assert [line.text for line in got.lines] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NHIỆM VỤ", "1. Tuyên truyền",
        "- Việc một"]
    assert [note.code for note in got.notes] == ["numbering_rendered"]


def test_numbering_that_cannot_be_rendered_is_reported() -> None:
    document = docx.Document()
    _numbered(document, "MỤC ĐÍCH", "77", 0)  # a list id with no definition
    document.part.numbering_part.element.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="404"/></w:num>'))
    got = read_docx_layout(built(document))
    assert [line.text for line in got.lines] == ["MỤC ĐÍCH"]
    assert [note.code for note in got.notes] == ["numbering_unrendered"]


def test_a_bordered_two_column_table_is_data() -> None:
    document = docx.Document()
    document.add_paragraph("Danh sách")
    table = document.add_table(rows=2, cols=2)
    table.style = document.styles["Table Grid"]
    for row, (a, b) in zip(table.rows, (("TT", "Đơn vị"), ("1", "Sở Ngoại vụ")), strict=True):
        row.cells[0].text, row.cells[1].text = a, b
    paragraph = document.add_paragraph("Kết thúc")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    lines = read_docx_layout(built(document)).lines
    assert [(line.text, line.cells) for line in lines] == [
        ("Danh sách", None), ("TT | Đơn vị", ("TT", "Đơn vị")),
        ("1 | Sở Ngoại vụ", ("1", "Sở Ngoại vụ")), ("Kết thúc", None)]
    assert lines[-1].centered


def test_a_damaged_docx_is_a_clear_error() -> None:
    data = (SAMPLES / f"{LANG_SON}.docx").read_bytes()
    with pytest.raises(ConversionError) as error:
        read_docx_layout(data[: len(data) // 2])
    assert error.value.code == "corrupt_docx"


def test_legacy_doc_without_libreoffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(docx_input.shutil, "which", lambda name: None)
    with pytest.raises(ConversionError) as error:
        read_doc_layout(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    assert error.value.code == "needs_libreoffice"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_legacy_doc_is_converted_with_libreoffice(tmp_path: Path) -> None:
    profile = (tmp_path / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(SAMPLES / f"{LANG_SON}.docx")], check=True, capture_output=True,
                   timeout=180)
    doc = convert((tmp_path / f"{LANG_SON}.doc").read_bytes(), ConvertOptions(normalize=False),
                  uri=f"{LANG_SON}.doc")
    assert doc.source.format == "docx"
    assert [w.code for w in doc.warnings][:1] == ["converted_from_doc"]
    assert [s.path for s in doc.iter_sections()] == [
        s.path for s in record(LANG_SON).iter_sections()]
    assert doc.doc_number == "227/KH-UBND"


def _with_tables(
    before: tuple[str, ...],
    tables: tuple[tuple[tuple[str, ...], ...], ...],
    after: str,
    between: str | None = None,
) -> docx.document.Document:
    """A Word document: paragraphs, gridded tables (one tuple of cell texts a row), each
    followed by a `between` paragraph if given, then one paragraph."""
    document = docx.Document()
    for text in before:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = document.styles["Table Grid"]
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = text
        if between is not None:
            document.add_paragraph(between)
    document.add_paragraph(after)
    return document


def test_two_word_tables_one_after_the_other_stay_two() -> None:
    """Two tables with only an empty paragraph between them are two tables, not one."""
    document = _with_tables(
        ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "Số: 12/TB-UBND", "THÔNG BÁO",
         "Về các đơn vị tham gia", "1. Các đơn vị và các xã tham gia như sau:"),
        ((("TT", "Đơn vị", "Ghi chú"), ("1", "Sở Ngoại vụ", "")),
         (("TT", "Xã", "Ghi chú"), ("1", "Xã Tả Phìn", ""))),
        "2. Các đơn vị báo cáo kết quả trước ngày 30 tháng 6 năm 2026.",
        between="",
    )
    lines = read_docx_layout(built(document)).lines
    assert [line.starts_table for line in lines if line.cells] == [True, False, True, False]
    doc = convert(built(document), ConvertOptions(normalize=False), uri="list.docx")
    assert [(table.columns, table.cells) for table in doc.appendices] == [
        (["TT", "Đơn vị", "Ghi chú"], [["1", "Sở Ngoại vụ", ""]]),
        (["TT", "Xã", "Ghi chú"], [["1", "Xã Tả Phìn", ""]])]


def test_a_table_split_in_two_repeating_its_header_is_one_table() -> None:
    """Regression (lam-dong-bc-cchc-quy-i-2026): Word splits a long table in two at a page and
    the second half opens with the same header rows; it is one table, its header read once."""
    header = ("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu")
    document = _with_tables(
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
         "Độc lập - Tự do - Hạnh phúc", "Số: 98/BC-UBND", "BÁO CÁO",
         "Kết quả cải cách hành chính quý I năm 2026", "1. Các chỉ tiêu thống kê:"),
        ((header, ("1", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "12")),
         (header, ("2", "Số cuộc kiểm tra đã thực hiện", "Cuộc", "3"))),
        "2. Các đơn vị tiếp tục thực hiện các nhiệm vụ trong quý II.",
    )
    doc = convert(built(document), ConvertOptions(normalize=False), uri="bc.docx")
    assert [(table.columns, table.cells) for table in doc.appendices] == [
        (list(header), [["1", "Số văn bản chỉ đạo đã ban hành", "Văn bản", "12"],
                        ["2", "Số cuộc kiểm tra đã thực hiện", "Cuộc", "3"]])]
    assert [w.code for w in doc.warnings if w.code == "table_continued"] == ["table_continued"]


def _task_table_with_shared_cells() -> bytes:
    """A plan's task table, typeset with the samples' Word kit, where one cell is merged over
    "Chủ trì" and "Phối hợp" (w:gridSpan) and another is merged over both columns and down
    two rows (w:gridSpan and w:vMerge)."""
    document = new_document()
    for text in ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 15/KH-UBND", "KẾ HOẠCH",
                 "Cải cách hành chính năm 2026", "Nhiệm vụ cụ thể như sau:"):
        kit_paragraph(document, text)
    table = document.add_table(rows=6, cols=6)
    table.style = document.styles["Table Grid"]
    rows = (("STT", "Nhiệm vụ", "Sản phẩm", "Thời gian hoàn thành", "Chủ trì", "Phối hợp"),
            ("I", "Cải cách thủ tục hành chính", "", "", "", ""),
            ("1", "Tiếp tục triển khai Quyết định số 1441/QĐ-UBND", "Báo cáo", "Năm 2026",
             "Theo phân công tại Quyết định số 1441/QĐ-UBND", ""),
            ("2", "Rà soát thủ tục hành chính nội bộ", "Danh mục", "Quý II/2026", "Sở Nội vụ",
             "Các sở, ban, ngành"),
            ("3", "Kiểm tra công tác văn thư", "Kết luận", "Quý III/2026", "Sở Tư pháp", ""),
            ("4", "Kiểm tra công tác lưu trữ", "Kết luận", "Quý IV/2026", "", ""))
    for row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            if text:
                cell_paragraph(cell, text, size=12)
    table.cell(1, 1).merge(table.cell(1, 5))
    table.cell(2, 4).merge(table.cell(2, 5))
    table.cell(4, 4).merge(table.cell(5, 5))
    return built(document)


def test_a_cell_merged_across_columns_says_which_columns_it_covers() -> None:
    rows = [line for line in read_docx_layout(_task_table_with_shared_cells()).lines
            if line.cells]
    assert [(row.cells[4:], row.spans) for row in rows[2:]] == [
        (("Theo phân công tại Quyết định số 1441/QĐ-UBND", ""), (1, 1, 1, 1, 2, 0)),
        (("Sở Nội vụ", "Các sở, ban, ngành"), None),
        (("Sở Tư pháp", ""), (1, 1, 1, 1, 2, 0)),
        (("Sở Tư pháp", ""), (1, 1, 1, 1, 2, 0))]
    assert rows[1].spans == (1, 5, 0, 0, 0, 0)


def _task_page_with_shared_cells() -> bytes:
    """The same plan as a portal prints it: the merged cells as colspan and rowspan."""
    rows = (
        "<tr><th>STT</th><th>Nhiệm vụ</th><th>Sản phẩm</th><th>Thời gian hoàn thành</th>"
        "<th>Chủ trì</th><th>Phối hợp</th></tr>"
        "<tr><td>I</td><td colspan='5'>Cải cách thủ tục hành chính</td></tr>"
        "<tr><td>1</td><td>Tiếp tục triển khai Quyết định số 1441/QĐ-UBND</td><td>Báo cáo</td>"
        "<td>Năm 2026</td><td colspan='2'>Theo phân công tại Quyết định số 1441/QĐ-UBND</td></tr>"
        "<tr><td>2</td><td>Rà soát thủ tục hành chính nội bộ</td><td>Danh mục</td>"
        "<td>Quý II/2026</td><td>Sở Nội vụ</td><td>Các sở, ban, ngành</td></tr>"
        "<tr><td>3</td><td>Kiểm tra công tác văn thư</td><td>Kết luận</td><td>Quý III/2026</td>"
        "<td colspan='2' rowspan='2'>Sở Tư pháp</td></tr>"
        "<tr><td>4</td><td>Kiểm tra công tác lưu trữ</td><td>Kết luận</td><td>Quý IV/2026</td></tr>"
    )
    head = "".join(f"<p>{text}</p>" for text in (
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 15/KH-UBND", "KẾ HOẠCH",
        "Cải cách hành chính năm 2026", "Nhiệm vụ cụ thể như sau:"))
    return f"<html><body>{head}<table border='1'>{rows}</table></body></html>".encode()


@pytest.mark.parametrize(("build", "uri"), [(_task_table_with_shared_cells, "kh.docx"),
                                            (_task_page_with_shared_cells, "kh.html")])
def test_a_cell_merged_over_the_lead_and_coordinating_columns_is_both(
        build: Callable[[], bytes], uri: str) -> None:
    """The lead and coordinating columns share one cell: the bodies it names lead and
    coordinate; a group's title merged across the row stays the group's title. A Word file
    and a portal's page of the same table give the same rows."""
    doc = convert(build(), ConvertOptions(normalize=False), uri=uri)
    [table] = doc.appendices
    got = [(r.group, r.group_title, r.stt, [a.raw for a in r.lead],
            [a.raw for a in r.coordinating]) for r in table.rows]
    group = ("I", "Cải cách thủ tục hành chính")
    assert got == [
        (*group, "1", ["Theo phân công tại Quyết định số 1441/QĐ-UBND"],
         ["Theo phân công tại Quyết định số 1441/QĐ-UBND"]),
        (*group, "2", ["Sở Nội vụ"], ["Các sở, ban, ngành"]),
        (*group, "3", ["Sở Tư pháp"], ["Sở Tư pháp"]),
        (*group, "4", ["Sở Tư pháp"], ["Sở Tư pháp"])]
    shared = [w.where for w in doc.warnings if w.code == "merged_cell_shared"]
    assert shared == ["appendices[0].rows[0]", "appendices[0].rows[2]", "appendices[0].rows[3]"]
