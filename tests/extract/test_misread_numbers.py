"""extract/misread_numbers.py: numbers OCR misread at the start of a scanned paragraph, read
back from the numbering around them — and only on scanned paragraphs, only where the numbering
says which. The paragraphs are tesseract's output on scanned documents, as it read them."""

from __future__ import annotations

import pytest

from vnplan.extract.misread_numbers import is_first, predecessor, read_opening
from vnplan.extract.numbering import Marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.sections import build_sections
from vnplan.schema import Section, Warning

Tree = list[tuple[tuple[str, ...], str]]


def tree(*lines: str, ocr: bool = True) -> tuple[Tree, list[Warning]]:
    sections, warnings = build_sections([Paragraph(text=t, ocr=ocr) for t in lines])
    out: Tree = []

    def walk(nodes: list[Section]) -> None:
        for node in nodes:
            out.append((tuple(node.path), node.title))
            walk(node.children)

    walk(sections)
    return out, warnings


SCANNED = [
    pytest.param(  # a resolution: "Điều :1." and "Điều 3/Hiệu lực"
        ("Điều :1. Thống nhất đổi tên Quỹ.", "Điều 2. Tổ chức thực hiện",
         "Giao Giám đốc Quỹ chịu trách nhiệm:", "Điều 3/Hiệu lực thi hành -",
         "Nghị quyết này có hiệu lực kể từ ngày ký."),
        [(("Điều 1",), "Thống nhất đổi tên Quỹ"), (("Điều 2",), "Tổ chức thực hiện"),
         (("Điều 3",), "Hiệu lực thi hành -")], id="article-colon-slash"),
    pytest.param(  # an official letter: "2," for "2."
        ("1. Về công bố mục đích sử dụng hóa chất", "Đối với trường hợp tổ chức.",
         "2, Về khái niệm hàm lượng, nồng độ", "Luật Hóa chất không giải thích.",
         "3. Quy định về miễn trừ"),
        [(("1",), "Về công bố mục đích sử dụng hóa chất"),
         (("2",), "Về khái niệm hàm lượng, nồng độ"), (("3",), "Quy định về miễn trừ")],
        id="comma-for-dot"),
    pytest.param(  # "H." for "II." in mixed case, after "I." and its items
        ("I. Dự kiến mục tiêu, nhiệm vụ:", "1. Các Bộ dự kiến mục tiêu.",
         "2. Bộ Quốc phòng dự kiến mục tiêu.", "H. Đề xuất nhu cầu dự toán:",
         "Các Bộ đề xuất nhu cầu."),
        [(("I",), "Dự kiến mục tiêu, nhiệm vụ"), (("I", "1"), "Các Bộ dự kiến mục tiêu"),
         (("I", "2"), "Bộ Quốc phòng dự kiến mục tiêu"), (("II",), "Đề xuất nhu cầu dự toán")],
        id="roman-H"),
    pytest.param(  # a plan: "5." read as "=", between "4." and "6."; bullets stay text
        ("II. NỘI DUNG", "4. Tăng cường ứng dụng công nghệ thông tin.",
         "= Tiếp tục thực hiện việc kiện toàn Tổ Công tác.",
         "6. Tăng cường cán bộ có trình độ.", "' Bảo đảm hoàn thành mục tiêu.",
         "7. Báo cáo kết quả công tác."),
        [(("II",), "NỘI DUNG"), (("II", "4"), "Tăng cường ứng dụng công nghệ thông tin"),
         (("II", "5"), "Tiếp tục thực hiện việc kiện toàn Tổ Công tác"),
         (("II", "6"), "Tăng cường cán bộ có trình độ"),
         (("II", "7"), "Báo cáo kết quả công tác")], id="symbol-in-a-gap"),
    pytest.param(  # a penalty decision: "2.1." lost, "- 3.2.", "Ạ." for "4.", "-¡" for "a)"
        ("Điều 1.", "2. Đã thực hiện hành vi vi phạm hành chính:",
         "— “1l, Không lưu giữ đầy đủ hồ sơ huấn luyện.", "Cụ thể: Công ty không lưu giữ.",
         "2.2. Hoạt động hóa chất mà không báo cáo.", "3. Quy định tại:",
         "3.1. Hành vi vi phạm hành chính thứ nhất:", "Không lưu giữ đầy đủ hồ sơ.",
         "- 3.2. Hành vi vi phạm hành chính thứ hai:", "17/2022/NĐ- CE:",
         "Ạ. Các tình tiết tăng nặng: Không áp dụng.", "5. Các tình tiết giảm nhẹ: Không.",
         "6. Bị áp dụng hình thức xử phạt như sau:", "-¡ Hình thức xử phạt chính:",
         "- Hành vi vi phạm thứ nhất: Phạt tiền.", "_— Hành vi vi phạm thứ hai: Phạt tiền.",
         "b) Hình thức xử phạt bổ sung: Không."),
        [(("Điều 1",), ""), (("Điều 1", "2"), "Đã thực hiện hành vi vi phạm hành chính"),
         (("Điều 1", "2", "2.1"), "Không lưu giữ đầy đủ hồ sơ huấn luyện"),
         (("Điều 1", "2", "2.2"), "Hoạt động hóa chất mà không báo cáo"),
         (("Điều 1", "3"), "Quy định tại"),
         (("Điều 1", "3", "3.1"), "Hành vi vi phạm hành chính thứ nhất"),
         (("Điều 1", "3", "3.2"), "Hành vi vi phạm hành chính thứ hai"),
         (("Điều 1", "4"), "Các tình tiết tăng nặng"),
         (("Điều 1", "5"), "Các tình tiết giảm nhẹ"),
         (("Điều 1", "6"), "Bị áp dụng hình thức xử phạt như sau"),
         (("Điều 1", "6", "a"), "Hình thức xử phạt chính"),
         (("Điều 1", "6", "b"), "Hình thức xử phạt bổ sung")], id="decision-items"),
]


@pytest.mark.parametrize(("lines", "expected"), SCANNED)
def test_misread_numbers_on_scans_are_read_from_the_numbering(
        lines: tuple[str, ...], expected: Tree) -> None:
    got, warnings = tree(*lines)
    assert got == expected
    repaired = [w for w in warnings if w.code == "numbering_repaired"]
    assert repaired and all("misread by OCR" in w.message for w in repaired)


@pytest.mark.parametrize(("lines", "expected"), SCANNED)
def test_born_digital_text_is_read_as_printed(lines: tuple[str, ...], expected: Tree) -> None:
    got, warnings = tree(*lines, ocr=False)
    assert len(got) < len(expected)
    assert not any(w.code == "numbering_repaired" for w in warnings)


def test_a_misread_number_the_numbering_does_not_ask_for_stays_text() -> None:
    """A stray digit with lower-case text after it, a bullet read as a symbol where no number
    is missing, and a number that is not the next one stay in the unit above."""
    got, _ = tree("1. Về xây dựng xã không ma tuý", "2 hiện các nội dung có liên quan.",
                  "2. Về cơ sở cai nghiện ma tuý", "? Báo cáo số 34/BC-CAT ngày 15/7/2025.",
                  "3. Về kinh phí", "7, Không phải mục bảy.", "4. Đề nghị")
    assert [path for path, _ in got] == [("1",), ("2",), ("3",), ("4",)]


def test_speck_quotation_marks_on_scans_are_dropped() -> None:
    """Quotation marks touching no word (specks) would open a quotation no section closes; a
    pair typed with spaces inside pairs up and stays."""
    sections, warnings = build_sections([
        Paragraph(text="1. Giao cho ông Nhỡn để chấp hành.", ocr=True),
        Paragraph(text="_—“ Hành vi vi phạm thứ hai: Phạt tiền.", ocr=True),
        Paragraph(text="Công ty phải chấp hành ” ' quyết định xử phạt này.", ocr=True),
        Paragraph(text="Theo “ Từ điển Tiếng Việt ” thì gia dụng là đồ dùng.", ocr=True),
    ])
    assert sections[0].text.split("\n") == [
        "_— Hành vi vi phạm thứ hai: Phạt tiền.", "Công ty phải chấp hành quyết định xử phạt này.",
        "Theo “ Từ điển Tiếng Việt ” thì gia dụng là đồ dùng."]
    assert any(w.code == "ocr_repaired" and "3 quotation mark(s)" in w.message
               for w in warnings)


def test_read_opening() -> None:
    opening = read_opening("Điều 3/Hiệu lực thi hành")
    assert opening is not None and opening.own == Marker("article", "Điều 3", "Hiệu lực thi hành")
    opening = read_opening("— “1l, Không lưu giữ")
    assert opening is not None and opening.rest == "Không lưu giữ"
    assert read_opening("- Thực hiện các thủ tục") is None  # a bullet
    assert read_opening("Thực hiện Kết luận số 132") is None  # a sentence


def test_predecessor_and_first_numbers() -> None:
    assert predecessor(Marker("decimal", "3.2", "")) == "3.1"
    assert predecessor(Marker("decimal", "3.1", "")) is None
    assert is_first(Marker("decimal", "2.1", ""), Marker("arabic", "2", ""))
    assert not is_first(Marker("decimal", "2.1", ""), Marker("arabic", "3", ""))
    assert is_first(Marker("letter", "a", ""), None)
