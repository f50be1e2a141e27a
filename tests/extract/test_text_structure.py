"""extract/paragraphs.py, sections.py, header.py, news.py on text cut from the seeds."""

from __future__ import annotations

from vnplan.extract.news import is_caption, split_news
from vnplan.extract.paragraphs import Paragraph, build_paragraphs
from vnplan.extract.readers.layout import Line
from vnplan.extract.readers.txt import read_text_layout, strip_markup
from vnplan.extract.sections import build_sections, role_of_heading


def pars(*texts: str) -> list[Paragraph]:
    return [Paragraph(text=t) for t in texts]


def test_paragraph_split_by_page_break_is_rejoined_with_warning() -> None:
    layout = read_text_layout(
        "các sự kiện chính trị, kinh tế, văn\n\nhoa, thể thao, du lịch của tỉnh.\n\n"
        "2.2. Đảm bảo tính toàn diện\n\n(Trung Quốc). Kết hợp chặt chẽ"
    )
    paragraphs, warnings = build_paragraphs(layout.lines)
    assert [p.text for p in paragraphs] == [
        "các sự kiện chính trị, kinh tế, văn hoa, thể thao, du lịch của tỉnh.",
        "2.2. Đảm bảo tính toàn diện (Trung Quốc). Kết hợp chặt chẽ",
    ]
    assert [w.code for w in warnings] == ["paragraph_rejoined", "paragraph_rejoined"]


def test_numbered_items_and_bullets_are_never_joined() -> None:
    lines = [Line(text="1. Mục đích"), Line(text="- Triển khai"), Line(text="a) Đối với")]
    paragraphs, _ = build_paragraphs(lines)
    assert len(paragraphs) == 3


def test_the_recipients_never_carry_on_the_last_article() -> None:
    """OCR of a scanned decision: a speck after the last article's "./." and "Nơi nhận:" with
    its "N" lost, which reads as a sentence going on in small letters."""
    lines = [Line(text="5. Gửi cho Văn phòng Cục Hóa chất để biết và phối hợp thực hiện./. %",
                  page=3),
             Line(text="ơi nhận:", page=3), Line(text="- Như Điều 3;", page=3)]
    paragraphs, _ = build_paragraphs(lines)
    assert [p.text for p in paragraphs] == [line.text for line in lines]


def test_pdf_wrapped_lines_join_and_hyphen_free() -> None:
    lines = [
        Line(text="Thực hiện Quyết định", page=1),
        Line(text="số 2013/QĐ-TTg", page=1, starts_paragraph=False),
    ]
    paragraphs, warnings = build_paragraphs(lines)
    assert [p.text for p in paragraphs] == ["Thực hiện Quyết định số 2013/QĐ-TTg"]
    assert warnings == []


def test_section_tree_roman_arabic_decimal_letter() -> None:
    sections, _ = build_sections(
        pars(
            "II. NỘI DUNG KẾ HOẠCH",
            "1. Mục tiêu",
            "- Tiếp tục đẩy mạnh",
            "2. Nhiệm vụ",
            "2.1. Đến năm 2025",
            "a) Đối với công tác quảng bá",
            "- Tăng cường",
            "b) Áp dụng khoa học",
            "III. TỔ CHỨC THỰC HIỆN",
            "1. Sở Ngoại vụ",
            "Chủ trì, phối hợp.",
        )
    )
    flat = []
    stack = list(reversed(sections))
    while stack:
        node = stack.pop()
        flat.append(("/".join(node.path), node.role, node.text))
        stack.extend(reversed(node.children))
    assert flat == [
        ("II", "tasks", ""),
        ("II/1", "objectives", "- Tiếp tục đẩy mạnh"),
        ("II/2", "tasks", ""),
        ("II/2/2.1", "tasks", ""),
        ("II/2/2.1/a", "tasks", "- Tăng cường"),
        ("II/2/2.1/b", "tasks", ""),
        ("III", "implementation", ""),
        ("III/1", "implementation", "Chủ trì, phối hợp."),
    ]


def test_roles_from_heading_words_with_old_tone_marks() -> None:
    assert role_of_heading("MỤC ĐÍCH, YÊU CẦU") == "purpose"
    assert role_of_heading("KINH PHÍ THỰC HIỆN") == "budget"
    assert role_of_heading("Tổ chức thực hiện") == "implementation"
    assert role_of_heading("NHIỆM VỤ VÀ GIẢI PHÁP") == "tasks"
    assert role_of_heading("Mục tiêu") == "objectives"
    assert role_of_heading("Tăng cường nhận thức") is None


def test_markup_from_ocr_export_removed() -> None:
    assert strip_markup("**TM. ỦY BAN NHÂN DÂN") == ("TM. ỦY BAN NHÂN DÂN", True)
    assert strip_markup("- Lưu: VT, VX1. *[Signature]*") == ("- Lưu: VT, VX1.", True)
    assert strip_markup("Sở Ngoại vụ") == ("Sở Ngoại vụ", False)


def test_captions_recognised() -> None:
    assert is_caption(
        "Các hoạt động ngoại giao văn hóa ở TP Cần Thơ. Trong ảnh: Ngày hội Pháp ngữ."
    )
    assert is_caption("Chương trình liên hoan văn nghệ chào xuân qua biên giới năm 2023.")
    assert not is_caption("Chương trình gồm nhiều hoạt động. Tỉnh sẽ tổ chức lễ hội.")
    assert not is_caption("Kế hoạch đã đề ra các nhóm mục tiêu: thúc đẩy quan hệ.")


def test_news_chrome_cut_and_headline_found() -> None:
    news = split_news(
        pars(
            "Tìm kiếm tin tức",
            "Liên kết website",
            "UBND Huyện, Thị xã, Thành phố",
            "Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá đến năm 2030 trên địa bàn tỉnh",
            "Ngày cập nhật 29/04/2022",
            "Ngày 28/4/2022, Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch số "
            "173/KH-UBND thực "
            "hiện Chiến lược Ngoại giao văn hóa đến năm 2030 trên địa bàn tỉnh Thừa Thiên Huế.",
            "Nguồn: thuathienhue.gov.vn",
            "Các tin khác",
            "Truy cập tổng 694.323",
        )
    )
    assert news.headline is not None and news.headline.startswith("Kế hoạch thực hiện")
    assert news.article.main_text.startswith("Ngày 28/4/2022")
    assert "Truy cập" not in news.article.main_text
    assert news.article.publisher == "thuathienhue.gov.vn"
    assert news.article.about.doc_number == "173/KH-UBND"


def test_role_headings_with_end_punctuation_and_other_wordings() -> None:
    assert role_of_heading("Yêu cầu:") == "requirements"
    assert role_of_heading("MỤC ĐÍCH.") == "purpose"
    assert role_of_heading("CÁC NỘI DUNG TRỌNG TÂM") == "tasks"
    assert role_of_heading("PHÂN CÔNG TRÁCH NHIỆM") == "implementation"
    assert role_of_heading("NGUỒN LỰC THỰC HIỆN") == "budget"
    assert role_of_heading("QUAN ĐIỂM") is None


def test_fold_heading_moves_only_open_syllable_tone_marks() -> None:
    from vnplan.text.fold import fold_heading

    assert fold_heading("Ngoại giao văn hoá") == "ngoại giao văn hóa"
    assert fold_heading("THUỶ khoẻ Hoà") == "thủy khỏe hòa"
    assert fold_heading("loại hoạch quý") == "loại hoạch quý"


def test_the_body_under_a_centred_addressee_is_not_its_continuation() -> None:
    """OCR of a scanned letter lost the body's first word ("Về"), so its first line opens in
    lower case under "Kính gửi: Cục Hải quan" (Công văn 813/HC-CNHC in the corpus)."""
    lines = [Line(text="Kính gửi: Cục Hải quan", centered=True),
             Line(text="và các vướng mắc trong quá trình thực hiện Nghị định", centered=False,
                  gap_before=True),
             Line(text="Kính gửi: Ủy ban nhân dân các tỉnh, thành phố", centered=True),
             Line(text="trực thuộc Trung ương", centered=True, gap_before=True)]
    paragraphs, _ = build_paragraphs(lines)
    assert [p.text for p in paragraphs] == [
        "Kính gửi: Cục Hải quan", "và các vướng mắc trong quá trình thực hiện Nghị định",
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]
