"""extract/header.py: headers as the readers deliver them — a Word header table read column by
column, a PDF's columns glued into one line or read row by row, a letter's "V/v" and "Kính
gửi" in the left column before the motto."""

from __future__ import annotations

import datetime as dt

from vnplan.extract.header import read_header
from vnplan.extract.paragraphs import Paragraph


def pars(*lines: str) -> list[Paragraph]:
    return [Paragraph(text=line) for line in lines]


def test_a_provincial_plan_prepared_for_signature() -> None:
    header = read_header(pars(
        "ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số:      /KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày      tháng 12 năm 2025",
        "KẾ HOẠCH", "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng "
        "thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
        "I. MỤC TIÊU, NHIỆM VỤ",
    ))
    assert header.issuers == ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"] and header.parents == []
    assert (header.number, header.number_printed) == (None, "/KH-UBND")
    assert (header.place, header.issued, header.date_blank) == ("Lâm Đồng", None, True)
    assert (header.doc_type, header.subject) == (
        "Kế hoạch", "Cải cách hành chính nhà nước năm 2026 tỉnh Lâm Đồng")
    assert header.end == 8
    assert [w.code for w in header.warnings] == ["number_blank", "date_blank"]


def test_a_department_letter_with_kinh_gui_before_the_motto() -> None:
    header = read_header(pars(
        "UBND TỈNH LÂM ĐỒNG", "TRUNG TÂM XÚC TIẾN ĐẦU TƯ", "THƯƠNG MẠI VÀ DU LỊCH",
        "Số: 644 /TTXT-ĐTDN",
        "V/v báo cáo tình hình cải thiện môi trường đầu tư, nâng cao chỉ số PCI và",
        "DDCI tỉnh Lâm Đồng", "Kính gửi:",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 06 tháng 11 năm 2025",
        "- Ủy ban nhân dân tỉnh;", "- Sở Nội vụ.",
        "Thực hiện Công văn số 2701/SNV-CCHC&VTLT ngày 05/11/2025 của Sở Nội vụ về việc báo "
        "cáo tình hình cải thiện môi trường đầu tư, Trung tâm báo cáo như sau:",
    ))
    assert header.parents == ["UBND TỈNH LÂM ĐỒNG"]
    assert header.issuers == ["TRUNG TÂM XÚC TIẾN ĐẦU TƯ THƯƠNG MẠI VÀ DU LỊCH"]
    assert header.number == "644/TTXT-ĐTDN"
    assert header.issued == dt.date(2025, 11, 6)
    assert header.subject == (
        "báo cáo tình hình cải thiện môi trường đầu tư, nâng cao chỉ số PCI và DDCI tỉnh Lâm Đồng")
    assert header.addressees == ["Ủy ban nhân dân tỉnh", "Sở Nội vụ"]
    assert header.doc_type is None and header.end == 12


def test_a_decision_with_glued_columns_and_its_authority_line() -> None:
    header = read_header(pars(
        "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "___________",
        "Số: 2319/QĐ-TTg", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 20 tháng 10 năm 2025",
        "QUYẾT ĐỊNH", "Thành lập Ban Chỉ đạo quốc gia về dữ liệu", "____________",
        "THỦ TƯỚNG CHÍNH PHỦ",
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    ))
    assert header.issuers == ["THỦ TƯỚNG CHÍNH PHỦ"]
    assert (header.number, header.issued, header.place) == (
        "2319/QĐ-TTg", dt.date(2025, 10, 20), "Hà Nội")
    assert (header.doc_type, header.subject, header.authority) == (
        "Quyết định", "Thành lập Ban Chỉ đạo quốc gia về dữ liệu", "THỦ TƯỚNG CHÍNH PHỦ")


def test_a_header_table_read_row_by_row() -> None:
    rows = [("UBND TỈNH LÀO CAI", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            ("SỞ CÔNG THƯƠNG", "", "Độc lập - Tự do - Hạnh phúc"),
            ("Số: /TTr-SCT", "", "Lào Cai, ngày tháng 3 năm 2026")]
    paragraphs = [Paragraph(text=" | ".join(r), cells=r) for r in rows] + pars(
        "TỜ TRÌNH", "Về việc phê duyệt Phương án nổ mìn", "Kính gửi: Ủy ban nhân dân tỉnh Lào Cai",
        "Căn cứ Luật Quản lý, sử dụng vũ khí, vật liệu nổ và công cụ hỗ trợ ngày 29/6/2024;")
    header = read_header(paragraphs)
    assert (header.parents, header.issuers) == (["UBND TỈNH LÀO CAI"], ["SỞ CÔNG THƯƠNG"])
    assert header.doc_type == "Tờ trình"
    assert header.subject == "Về việc phê duyệt Phương án nổ mìn"
    assert header.addressees == ["Ủy ban nhân dân tỉnh Lào Cai"]
    assert header.number is None and header.date_blank


def test_a_joint_document() -> None:
    header = read_header(pars(
        "BỘ CÔNG AN - BỘ QUỐC PHÒNG - CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "BỘ Y TẾ - BỘ CÔNG THƯƠNG", "Số: 24 /HDLN-BCA-BQP-BYT-", "BCT",
        "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 25 tháng 6 năm 2026", "HƯỚNG DẪN LIÊN NGÀNH",
        "Về việc xử lý đối với hành vi vi phạm liên quan đến N2O",
        "Căn cứ Nghị quyết số 173/2024/QH15 ngày 30/11/2024 của Quốc hội về chất vấn;",
    ))
    assert header.issuers == ["BỘ CÔNG AN", "BỘ QUỐC PHÒNG", "BỘ Y TẾ", "BỘ CÔNG THƯƠNG"]
    assert header.number == "24/HDLN-BCA-BQP-BYT-BCT"
    assert header.doc_type == "Hướng dẫn"


def test_a_draft_mark_and_an_urgency_mark() -> None:
    header = read_header(pars(
        "DỰ THẢO", "ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "KHẨN", "Số:      /QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày    tháng 6 năm 2026", "QUYẾT ĐỊNH", "Về việc chấp thuận phương án nổ mìn",
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 "
        "tháng 6 năm 2025;",
    ))
    assert header.draft and header.marks == ["DỰ THẢO", "KHẨN"]
    assert header.issuers == ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI"]
    assert header.authority == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"


def test_an_article_has_no_header() -> None:
    header = read_header(pars(
        "Lào Cai: Đẩy mạnh các hoạt động ngoại giao văn hóa năm 2023",
        "Ngày 21/02/2023, UBND tỉnh Lào Cai ban hành Kế hoạch số 51/KH-UBND về công tác ngoại "
        "giao văn hóa năm 2023 với nhiều hoạt động được triển khai trong năm.",
    ))
    assert not header.found


def test_a_number_label_whose_mark_a_damaged_font_changed() -> None:
    """Lào Cai's Sở Công Thương letter 3036/SCT-CN prints "Số:" in a font that reads "Só:"."""
    header = read_header(pars(
        "UBND TỈNH LÀO CAI", "SỞ CÔNG THƯƠNG", "Só:3036/SCT-CN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Lào Cai, ngày 20 tháng 6 năm 2026", "V/v kế hoạch kiểm tra công tác nghiệm thu"))
    assert header.number == "3036/SCT-CN"


def test_a_motto_whose_last_word_was_lost_still_parts_the_issuer_from_it() -> None:
    """Lào Cai's Phiếu trình: the motto line prints "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"."""
    header = read_header(pars(
        "UBND TỈNH LÀO CAI", "VĂN PHÒNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT",
        "Độc lập – Tự do – Hạnh phúc", "PHIẾU TRÌNH GIẢI QUYẾT CÔNG VIỆC",
        "Kính gửi: Đồng chí Phó Chủ tịch Uỷ ban nhân dân tỉnh."))
    assert (header.issuers, header.parents) == (["VĂN PHÒNG"], ["UBND TỈNH LÀO CAI"])
    assert header.doc_type == "Phiếu trình"


def test_an_appendix_sent_on_its_own_under_a_signing_stamp() -> None:
    """Lâm Đồng's Phụ lục of comments: only a digital signature's stamp above "Phụ lục", its
    title, then the table."""
    paragraphs = [*pars("Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00", "Phụ lục",
                        "TỔNG HỢP Ý KIẾN GÓP Ý ĐỐI VỚI DỰ THẢO KẾ HOẠCH"),
                  Paragraph(text="", cells=("STT", "Nội dung góp ý", "Đơn vị góp ý"))]
    paragraphs[1] = Paragraph(text="Phụ lục", bold=True)
    header = read_header(paragraphs)
    assert (header.doc_type, header.subject) == (
        "Phụ lục", "TỔNG HỢP Ý KIẾN GÓP Ý ĐỐI VỚI DỰ THẢO KẾ HOẠCH")
    assert header.number is None and header.end == 3


def _headed(issuer: str, number: str, place_date: str, *rest: str) -> list[Paragraph]:
    """A header as Nghị định 30/2020 lays it out: the issuer and its number on the left, the
    national motto and the place-date line on the right, read column by column."""
    return pars(issuer, number, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                place_date, *rest)


def test_syllables_a_text_layer_glued_are_split_with_a_warning() -> None:
    header = read_header(_headed(
        "BỘ CÔNG AN", "Số: 24/HDLN-BCA", "Hà Nội, ngày 10 tháng 3 năm 2026", "HƯỚNG DẪN LIÊN NGÀNH",
        "Về việc xửlý đối với hành vi vi phạm liên quan đến N2O",
        "Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021 và các văn bản hướng dẫn;",
    ))
    assert header.subject == "Về việc xử lý đối với hành vi vi phạm liên quan đến N2O"
    assert "glyph_gap" in [w.code for w in header.warnings]


def test_a_dashed_addressee_goes_on_over_the_lines_under_it() -> None:
    header = read_header(_headed(
        "VĂN PHÒNG CHÍNH PHỦ", "Số: 2003/CĐ-VPCP", "Hà Nội, ngày 11 tháng 3 năm 2026", "CÔNG ĐIỆN",
        "Kính gửi:",
        "- Các tổ chức chính trị - xã hội: Tổng Liên đoàn Lao động Việt Nam, Trung ương",
        "Hội Nông dân Việt Nam, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, Trung ương",
        "Hội Cựu chiến binh Việt Nam.",
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.",
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ về việc tổ chức hội nghị trực tuyến toàn "
        "quốc, Văn phòng Chính phủ trân trọng thông báo như sau:",
    ))
    assert header.addressees == [
        "Các tổ chức chính trị - xã hội: Tổng Liên đoàn Lao động Việt Nam, Trung ương Hội Nông "
        "dân Việt Nam, Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh, Trung ương Hội Cựu chiến "
        "binh Việt Nam",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"]


def test_a_scanned_letters_handwritten_day_does_not_run_into_its_subject() -> None:
    """OCR of "Hà Nội, ngày 22 tháng 4 năm 2026" with the day written by hand, on the line of
    the letter's subject (the scans of the corpus)."""
    header = read_header(pars(
        "BỘ CÔNG THƯƠNG", "CỤC HÓA CHẤT", "Số: 813/HC-CNHC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "V/v trao đổi về một số quy định trong lĩnh vực hóa chất Hà Nội, ngày °ÖÖ tháng 4 năm 2026",
        "Kính gửi: Cục Hải quan",
        "Cục Hóa chất nhận được Công văn số 13821/CHQ-GSQL ngày 16 tháng 3 năm 2026.",
    ))
    assert header.subject == "trao đổi về một số quy định trong lĩnh vực hóa chất"
    assert (header.place, header.issued) == ("Hà Nội", None)
    assert [w.code for w in header.warnings] == ["date_illegible"]
    assert "tháng 4 năm 2026" in header.warnings[0].message


def test_a_letters_subject_ends_at_the_other_columns_date_line() -> None:
    """OCR of a scanned letter read column by column: the handwritten day and the month word
    under it are no date ("ngày #Š rán Ÿ_"), and an incoming-mail stamp follows; the "V/v"
    subject stops at the date line (Công văn 3980/C04-P6 in the corpus)."""
    header = read_header(pars(
        "BỘ CÔNG AN", "CỤC CẢNH SÁT ĐIỀU TRA", "TỘI PHẠM VỀ MA TÚY", "Số: 3980/C04-P6",
        "V/v chuẩn bị tổ chức triển khai",
        "Chương trình MTQG phòng, chống ma tuý đến năm 2030",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày #Š rán Ÿ_ năm 2025", "UBND TỈNH LÂM", ". , LÁM ĐỒNG nay Số 40,",
        "Trong thời gian qua, công tác phòng, chống ma tuý tại địa bàn tỉnh Lâm Đồng đã được "
        "Tỉnh uỷ, HĐND, UBND tỉnh và các sở, ban ngành quan tâm lãnh đạo, chỉ đạo quyết liệt.",
    ))
    assert header.subject == (
        "chuẩn bị tổ chức triển khai Chương trình MTQG phòng, chống ma tuý đến năm 2030")
    assert (header.place, header.issued) == ("Hà Nội", None)
    assert [w.code for w in header.warnings] == ["date_illegible"]


def test_a_stroke_before_a_subject_line_is_no_part_of_it() -> None:
    header = read_header(_headed(
        "BỘ CÔNG AN", "Số: 5689/BCA-C04", "Hà Nội, ngày 16 tháng 12 năm 2025",
        "V/v dự kiến kế hoạch đầu tư công trung hạn", "-_ đến năm 2030",
        "Thực hiện Nghị quyết số 163/2024/QH15 ngày 27/11/2024 của Quốc hội về phê duyệt chủ "
        "trương đầu tư Chương trình mục tiêu quốc gia phòng, chống ma tuý đến năm 2030;",
    ))
    assert header.subject == "dự kiến kế hoạch đầu tư công trung hạn đến năm 2030"


def test_capitals_under_the_number_are_a_stamp_not_the_issuer() -> None:
    """OCR of a scanned plan received by a province: its incoming stamp ("UBND TỈNH LÂM ĐỒNG")
    lies under the "Số:" line; the issuer is what stands above it (Kế hoạch 996 of the Tổ Công
    tác liên ngành TW in the corpus)."""
    header = read_header(pars(
        "BỘ CÔNG AN", "TỔ CÔNG TÁC LIÊN NGÀNH TW", "Số: 996/KH-TCTLNTW-C04", "UBND TỈNH LÂM ĐỒNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 24 tháng 02 năm 2026", "KẾ HOẠCH",
        "Phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy năm 2026",
        "Thực hiện Nghị định số 105/2021/NĐ-CP ngày 04 tháng 12 năm 2021 của Chính phủ;",
    ))
    assert (header.parents, header.issuers) == (["BỘ CÔNG AN"], ["TỔ CÔNG TÁC LIÊN NGÀNH TW"])


def test_a_type_line_and_its_subject_read_as_one_line() -> None:
    """OCR of a fund's scanned resolution joins "NGHỊ QUYẾT" and the two subject lines under it
    into one long line; the body's authority follows in capitals (Nghị quyết 01/NQ-HĐQL of
    Đắk Nông in the corpus)."""
    subject = ("của Hội đồng quản lý Quỹ về việc đổi tên Quỹ cơ hội cho phụ nữ làm kinh tế tỉnh "
               "Đắk Nông thành Quỹ hỗ trợ phụ nữ phát triển tỉnh Lâm Đồng")
    header = read_header(_headed(
        "HỘI ĐỒNG QUẢN LÝ", "Số: 01/NQ-HĐQL", "Đắk Nông, ngày 10 tháng 6 năm 2025",
        f"NGHỊ QUYẾT {subject}", "HỌI ĐÔNG QUÁẢN LÝ", "QUỸ HỖ TRỢ PHỤ NỮ PHÁT TRIỂN TỈNH ĐẮK NÔNG",
        "Căn cứ Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương;",
    ))
    assert (header.doc_type, header.type_line, header.subject) == (
        "Nghị quyết", "NGHỊ QUYẾT", subject)
    body = read_header(_headed(  # a body line that opens with a type word is no type line
        "SỞ NỘI VỤ", "Số: 12/SNV-VP", "Lâm Đồng, ngày 10 tháng 6 năm 2025",
        "KẾ HOẠCH số 5 của Sở đã được triển khai đầy đủ tới các phòng, đơn vị trực thuộc Sở "
        "trong tháng này và báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 30 "
        "tháng 6 năm 2025 để tổng hợp theo quy định."))
    assert (body.type_line, body.subject) == (None, None)


def test_an_incoming_stamp_over_a_decisions_subject() -> None:
    """OCR of a scanned penalty decision received by a department: the "ĐẾN … Ngày …" and "Số
    và ký hiệu HS:" fields of its stamp (Nghị định 30/2020, Phụ lục IV) and a few marks are read
    into the subject's lines (Quyết định 26/QĐ-XPVPHC of the Cục Hóa chất in the corpus)."""
    header = read_header(_headed(
        "CỤC HÓA CHẤT", "Số: 26/QĐ-XPVPHC", "Hà Nội, ngày 08 tháng 7 năm 2026", "QUYẾT ĐỊNH",
        "ĐỀN Ngay¿0..⁄† J2, Xử phạt vi phạm hành chính", "TH uy Ằ=c..",
        "Số và ký hiệu HS:.................. CỤC TRƯỞNG CỤC HÓA CHẤT",
        "Căn cứ Luật Xử lý vi phạm hành chính 2012 (được sửa đổi, bổ sung năm 2020, 2025);",
    ))
    assert (header.subject, header.authority) == (
        "Xử phạt vi phạm hành chính", "CỤC TRƯỞNG CỤC HÓA CHẤT")
    assert [w.code for w in header.warnings] == ["header_noise_dropped"] * 3
    kept = read_header(_headed(
        "SỞ CÔNG THƯƠNG", "Số: 89/QĐ-SCT", "Lào Cai, ngày 08 tháng 5 năm 2026", "QUYẾT ĐỊNH",
        "Phê duyệt thiết kế công trình “Kho chứa vật liệu nổ công nghiệp, xã Chiềng",
        "Ken, tỉnh Lào Ca†”", "Căn cứ Luật Xây dựng số 50/2014/QH13 của Quốc hội;"))
    assert kept.subject == ("Phê duyệt thiết kế công trình “Kho chứa vật liệu nổ công nghiệp, "
                            "xã Chiềng Ken, tỉnh Lào Ca†”")  # a subject's words with a speck kept
