"""extract/pdf*.py: born-digital PDFs → lines → records, on the LibreOffice samples."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

from tests.conftest import EXPECTED, SAMPLES, converted, expected_facts
from vnplan.evaluate import load_expected, score_records, summary
from vnplan.extract.readers import pdf_text
from vnplan.extract.readers.layout import Layout
from vnplan.extract.readers.pdf import read_pdf_layout
from vnplan.extract.readers.pdf_geometry import PageText, Segment
from vnplan.extract.readers.pdf_glyphs import (
    SOFT_SPACE,
    dictionary_syllables,
    rejoin_glyph_splits,
    syllables,
)
from vnplan.extract.readers.pdf_layout import layout_lines
from vnplan.pipeline import ConvertOptions
from vnplan.schema import Document
from vnplan.text.underthesea_files import word_list

LAO_CAI = "lao-cai-122-kh-ubnd-2022"
LANG_SON = "lang-son-227-kh-ubnd-2021"
BAD = Path(__file__).resolve().parent.parent / "data" / "bad"


@cache
def layout(stem: str) -> Layout:
    return read_pdf_layout((SAMPLES / f"{stem}.pdf").read_bytes())


@cache
def record(name: str) -> Document:
    return converted(f"samples/{name}", ConvertOptions(normalize=False))


def texts(stem: str) -> list[str]:
    return [line.text for line in layout(stem).lines]


def score(stem: str, name: str) -> tuple[dict[str, dict[str, float]], list[str]]:
    facts = next(e for e in load_expected(EXPECTED) if Path(e["sample"]).stem == stem)
    facts["samples"] = [f"samples/{name}"]
    result, _ = score_records([facts], {f"samples/{name}": converted(f"samples/{name}")})
    return summary(result), result.misses


@pytest.mark.parametrize("stem", [LAO_CAI, LANG_SON])
def test_sections_match_the_expected_facts(stem: str) -> None:
    facts = expected_facts(stem)
    doc = record(f"{stem}.pdf")
    got = [("/".join(s.path), s.title, s.role) for s in doc.iter_sections()]
    assert got == [("/".join(s["path"]), s["title"], s["role"]) for s in facts["sections"]]
    assert all(s.page is not None and 1 <= s.page <= layout(stem).pages for s in
               doc.iter_sections())


def test_appendix_rows_match_the_expected_facts_with_their_pages() -> None:
    facts = expected_facts(LAO_CAI)["appendix_rows"]
    rows = record(f"{LAO_CAI}.pdf").appendices[0].rows
    assert [(r.group, r.stt) for r in rows] == [(f["group"], f["stt"]) for f in facts]
    for row, fact in zip(rows, facts, strict=True):
        assert row.content.startswith(fact["content_start"])
        assert [a.raw for a in row.lead] == fact["lead"]
        assert (row.timeline.raw if row.timeline else None) == (
            fact["timeline"]["raw"] if fact["timeline"] else None)
        assert row.pages and all(11 <= p <= 15 for p in row.pages)


def test_rows_broken_across_pages_are_joined_and_carry_both_pages() -> None:
    doc = record(f"{LAO_CAI}.pdf")
    rows = {(r.group, r.stt): r for r in doc.appendices[0].rows}
    assert rows[("III", "1")].pages == [12, 13]
    assert rows[("IV", "6")].pages == [13, 14]
    assert rows[("V", "2")].pages == [14, 15]
    assert rows[("III", "1")].content.endswith("với quê hương, đất nước")
    joined = [w.message for w in doc.warnings if w.code == "row_joined"]
    assert len(joined) == 3 and all("across a page break" in m for m in joined)


def test_scores_equal_the_text_path_on_every_field() -> None:
    table, misses = score(LAO_CAI, f"{LAO_CAI}.pdf")
    for name in ("section_paths", "section_titles", "section_roles", "row_keys", "row.lead",
                 "row.content_start", "row.timeline", "row.group_title", "recipients",
                 "doc_number", "issued_date", "title", "signer.name"):
        assert table[name]["lenient_f1"] == 1.0, (name, misses)


def test_header_block_is_read_as_two_columns_left_first() -> None:
    lines = texts(LAO_CAI)
    assert lines[:6] == ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 122/KH-UBND",
                         "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                         "Lào Cai, ngày 30 tháng 3 năm 2022"]


def test_recipients_column_comes_before_the_signature_column() -> None:
    lines = texts(LAO_CAI)
    start = lines.index("Nơi nhận:")
    assert lines[start + 1 : start + 3] == ["- Văn phòng Chính phủ;", "- Bộ Ngoại giao;"]
    assert lines[start + 9 : start + 12] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                                             "Trịnh Xuân Trường"]


def test_wrapped_lines_continue_their_paragraph_and_items_start_new_ones() -> None:
    lines = layout(LAO_CAI).lines
    at = next(i for i, line in enumerate(lines) if line.text.startswith("1.1. Triển khai"))
    assert [line.starts_paragraph for line in lines[at : at + 4]] == [True, False, False, True]
    assert lines[at + 3].text.startswith("1.2.")


def test_a_paragraph_cut_by_a_page_break_is_rejoined_with_a_warning() -> None:
    doc = record(f"{LAO_CAI}.pdf")
    section = next(s for s in doc.iter_sections() if s.path == ["III", "5", "5.1"])
    assert section.title.endswith("Thực hành Then của người Tày, Nùng, Thái” đã được UNESCO "
                                  "ghi danh vào các danh mục Di sản văn hóa phi vật thể đại "
                                  "diện cho nhân loại")
    assert any(w.code == "paragraph_rejoined" and w.where == "page 6" for w in doc.warnings)


def test_font_facts_and_centring_are_read() -> None:
    by_text = {line.text: line for line in layout(LAO_CAI).lines}
    title = by_text["KẾ HOẠCH HÀNH ĐỘNG"]
    assert title.bold and title.centered and title.size == 14.0
    assert by_text["Lào Cai, ngày 30 tháng 3 năm 2022"].italic
    heading = by_text["I. MỤC ĐÍCH, YÊU CẦU"]
    assert heading.bold and not heading.centered


def test_table_rows_are_lines_in_reading_order_with_page_breaks() -> None:
    lines = layout(LAO_CAI).lines
    rows = [line for line in lines if line.cells is not None]
    first = lines.index(rows[0])
    assert lines[first - 1].text.startswith("(Kèm theo Kế hoạch số: 122/KH-UBND")
    assert rows[0].cells == ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp",
                             "Thời gian thực hiện", "Ghi chú")
    group = next(r for r in rows if r.cells and r.cells[0] == "II")
    assert group.cells is not None and group.cells[2:] == ("", "", "", "")
    assert {r.page for r in rows if r.break_before} == {12, 13, 14, 15}
    continued = next(r for r in rows if r.page == 13 and r.cells and r.cells[0] == "")
    assert continued.break_before  # the row right after the repeated header


def test_pdf_and_docx_give_the_same_record() -> None:
    for stem in (LAO_CAI, LANG_SON):
        pdf = _comparable(record(f"{stem}.pdf").model_dump(mode="json"))
        word = _comparable(record(f"{stem}.docx").model_dump(mode="json"))
        if stem == LAO_CAI:  # Arabic letters in one title come out in visual order from PDF
            for dump in (pdf, word):
                dump["appendices"][0]["rows"] = [r for r in dump["appendices"][0]["rows"]
                                                 if r["group"] != "V"]
                dump["assignments"] = dump["sections"] = None
        assert pdf == word


def _comparable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _comparable(v) for k, v in value.items()
                if k not in ("source", "pages", "page", "warnings", "id")}
    if isinstance(value, list):
        return [_comparable(v) for v in value]
    return value


def test_glyph_fallback_splits_are_rejoined_in_a_real_pdf() -> None:
    data = (BAD / "glyph-split.pdf").read_bytes()
    raw = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "c ủa" in raw and "Th ể" in raw and "Vi ệt" in raw and "ho ạch" in raw
    got = read_pdf_layout(data)
    assert [line.text for line in got.lines] == [
        "Kế hoạch của Ủy ban nhân dân tỉnh Lào Cai",
        "Sở Văn hóa, Thể thao và Du lịch",
        "người Việt Nam ở nước ngoài",
    ]
    assert [note.code for note in got.notes] == ["glyph_split_rejoined"]


@pytest.mark.parametrize(
    ("text", "expected", "joins"),
    [
        ("Chiến lược c ủa tỉnh", "Chiến lược của tỉnh", 1),
        ("Sở Văn hóa, Th ể thao", "Sở Văn hóa, Thể thao", 1),
        ("người Vi ệ t Nam", "người Việt Nam", 2),
        ("(c ủa)", "(của)", 1),
        ("là ở Hà Nội", "là ở Hà Nội", 0),
        ("Sở Y tế", "Sở Y tế", 0),
        ("ho ạch", "ho ạch", 0),  # both are syllables: no join without the PDF's evidence
        (f"ho{SOFT_SPACE}ạch", "hoạch", 1),  # ... a font change at the space
        (f"dân{SOFT_SPACE}ở", "dân ở", 0),
    ],
)
def test_rejoin_glyph_splits(text: str, expected: str, joins: int) -> None:
    assert rejoin_glyph_splits(text) == (expected, joins)


def test_rejoin_changes_nothing_in_correct_vietnamese() -> None:
    for path in SAMPLES.glob("*.txt"):
        for line in path.read_text("utf-8").splitlines():
            assert rejoin_glyph_splits(line)[1] == 0, line


def _seg(text: str, x0: float, top: float, x1: float, size: float = 12.0) -> Segment:
    return Segment(text=text, x0=x0, top=top, x1=x1, bottom=top + size * 1.1, size=size,
                   first_word=min(x1 - x0, 40.0))


def test_the_committed_syllable_list_is_the_dictionarys() -> None:
    source = word_list()
    assert source is not None, "underthesea (a dependency) ships the word list"
    assert syllables() == dictionary_syllables(source.read_text("utf-8").splitlines())
    assert {"của", "thể", "việt", "nghiêng"} <= syllables()
    # letters only: a token found in the set as it stands needs no punctuation stripped
    assert all(s.isalpha() for s in syllables())


def test_page_numbers_and_running_heads_are_dropped() -> None:
    pages = [
        PageText(number=n, width=595, height=842, segments=(
            _seg("Công báo tỉnh Lào Cai", 200, 20, 400),
            _seg(f"Nội dung trang {n} của kế hoạch.", 85, 300, 400),
            _seg(str(n), 290, 800, 300),
        ))
        for n in range(1, 5)
    ]
    lines, notes = layout_lines(pages)
    assert [line.text for line in lines] == [f"Nội dung trang {n} của kế hoạch." for n in
                                             range(1, 5)]
    assert [line.page for line in lines] == [1, 2, 3, 4]
    assert ("running_text_removed", "removed 8 page number(s) and running head/footer "
            "line(s)") in [(note.code, note.message) for note in notes]


def test_a_number_that_is_not_the_page_number_is_kept() -> None:
    pages = [PageText(number=n, width=595, height=842, segments=(
        _seg("Văn bản", 85, 300, 200), _seg(year, 290, 800, 320)))
        for n, year in ((1, "2030"), (2, "2025"))]
    lines, _ = layout_lines(pages)
    assert [line.text for line in lines] == ["Văn bản", "2030", "Văn bản", "2025"]


def test_two_columns_need_two_rows_with_text_on_both_sides() -> None:
    one_row = PageText(number=1, width=595, height=842, segments=(
        _seg("Họ và tên:", 85, 100, 160), _seg("Nguyễn Văn A", 300, 100, 400),
        _seg("Địa chỉ", 85, 114, 140)))
    assert [line.text for line in layout_lines([one_row])[0]] == [
        "Họ và tên: Nguyễn Văn A", "Địa chỉ"]
    two_rows = PageText(number=1, width=595, height=842, segments=(
        _seg("SỞ NGOẠI VỤ", 100, 100, 200), _seg("CỘNG HÒA", 330, 100, 450),
        _seg("Số: 12/KH", 110, 114, 190), _seg("Độc lập", 350, 114, 430)))
    assert [line.text for line in layout_lines([two_rows])[0]] == [
        "SỞ NGOẠI VỤ", "Số: 12/KH", "CỘNG HÒA", "Độc lập"]


def test_a_scans_recipients_and_one_line_signature_are_two_columns() -> None:
    """Nơi nhận | signature (Nghị định 30/2020, Phụ lục I): with a one-line position and the
    signing space between it and the name, a scanned page still reads as two columns."""
    segments = (
        _seg("Nơi nhận:", 85, 600, 150), _seg("GIÁM ĐỐC", 390, 600, 470),
        _seg("- Như trên;", 85, 614, 150), _seg("- Lưu: VT.", 85, 627, 145),
        _seg("Nguyễn Văn Bình", 370, 700, 490))
    scanned = PageText(number=1, width=595, height=842, segments=segments, scanned=True)
    assert [line.text for line in layout_lines([scanned])[0]] == [
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "GIÁM ĐỐC", "Nguyễn Văn Bình"]
    born_digital = PageText(number=1, width=595, height=842, segments=segments)
    assert layout_lines([born_digital])[0][0].text == "Nơi nhận: GIÁM ĐỐC"


def test_a_scans_signature_may_start_a_row_under_noi_nhan() -> None:
    """The position printed beside the first recipient, not beside "Nơi nhận:" (Quyết định
    89/QĐ-TKBVTC of Lào Cai in the corpus): still two columns, recipients first."""
    segments = (
        _seg("Nơi nhận:", 85, 600, 150),
        _seg("- Như Điều 3;", 85, 614, 160), _seg("TỔNG GIÁM ĐỐC", 380, 614, 480),
        _seg("- Lưu: VT.", 85, 627, 145), _seg("Nguyễn Thanh Việt", 370, 700, 490))
    scanned = PageText(number=1, width=595, height=842, segments=segments, scanned=True)
    assert [line.text for line in layout_lines([scanned])[0]] == [
        "Nơi nhận:", "- Như Điều 3;", "- Lưu: VT.", "TỔNG GIÁM ĐỐC", "Nguyễn Thanh Việt"]


def test_the_character_path_reads_the_same_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages are read per text object when safe; the per-character path must agree."""
    data = (SAMPLES / f"{LAO_CAI}.pdf").read_bytes()
    fast = [(line.text, line.cells, line.page, line.starts_paragraph)
            for line in read_pdf_layout(data).lines]
    monkeypatch.setattr(pdf_text, "read_pieces", lambda *args: None)
    slow = [(line.text, line.cells, line.page, line.starts_paragraph)
            for line in read_pdf_layout(data).lines]
    assert slow == fast


def test_scanned_lines_boxed_too_tall_stay_one_under_the_other() -> None:
    """tesseract on a scanned decision boxed "Điều 1. …" 22 pt tall, reaching into the next
    line's box: on a scan two lines that lie over each other across the page are two rows,
    in their order (read as one row, the second line came first: "ủy và … Điều 1. Thành lập")."""
    segments = (
        Segment("Điều 1. Thành lập Hội đồng cấp tỉnh xét duyệt", 129.0, 527.4, 548.6, 549.7,
                11.0),
        Segment("túy và đề nghị xét duyệt địa bàn cấp tỉnh", 106.2, 536.0, 549.0, 560.2, 11.0),
        Segment("đồng xét duyệt), gồm 13 thành viên.", 101.2, 555.5, 492.5, 576.4, 11.0))
    lines = [line.text for line in layout_lines([PageText(
        number=1, width=595, height=842, segments=segments, scanned=True)])[0]]
    assert lines[0].startswith("Điều 1. Thành lập")
    assert lines[1].startswith("túy và đề nghị")
