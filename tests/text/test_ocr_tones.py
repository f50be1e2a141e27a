"""text/ocr_tones.py: diacritics misread by OCR repaired where the dictionary is the
evidence, and only there."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT
from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.schema import Document, Warning
from vnplan.text.ocr_tones import (
    compound_words,
    dictionary_compounds,
    mark_distance,
    place_compounds,
    repair_lone_syllables,
    repair_tone_confusions,
    syllable_counts,
)
from vnplan.text.underthesea_files import word_list

REPAIRED = [
    ("Sở Văn hóa, Thế thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),  # from the scan
    ("Xây dựng kế hoạch và tố chức tập huấn", "Xây dựng kế hoạch và tổ chức tập huấn"),
    ("Đấy mạnh số hóa trong công tác", "Đẩy mạnh số hóa trong công tác"),
    ("Chủ trọng kết hợp yếu tố văn hóa", "Chú trọng kết hợp yếu tố văn hóa"),  # seed 001 OCR typo
    # tesseract on the corpus scans: a lost tone, a letter's mark in capitals, stacked capitals
    ("các bên phôi hợp", "các bên phối hợp"),
    ("công tác kiêm soát", "công tác kiểm soát"),
    ("ĐÈ XUẤT", "ĐỀ XUẤT"),
    ("PHÓ GIÁM ĐÓC", "PHÓ GIÁM ĐỐC"),
    ("TÓ CHỨC THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"),
    ("nhập khâu hóa chất", "nhập khẩu hóa chất"),
    ("Hội nghị công bồ xã", "Hội nghị công bố xã"),  # a grave for an acute
    ("Phôi hợp các lực lượng", "Phối hợp các lực lượng"),  # a lost tone where the line opens
    ("Thiêu tướng Trương Minh Đương", "Thiếu tướng Trương Minh Đương"),
    ("CÔNG AN TINH LÂM ĐÔNG", "CÔNG AN TINH LÂM ĐỒNG"),  # a province name (the reference's)
]
WITH_SYLLABLES = [  # a letter's mark, where the syllable as read is none
    ("Quyét định này", "Quyết định này"),
    ("hội đồng xét đuyệt", "hội đồng xét duyệt"),
]
UNTOUCHED = [
    "trên địa bàn tỉnh Lào Cai",  # "bàn tỉnh" is no word, but "bàn" belongs to "địa bàn"
    "cụ thể là: phát huy vai trò",
    "quảng bá thế mạnh của tỉnh",
    "hiệu quả quan hệ hợp tác",
    "phi vật thể đại diện cho nhân loại",
    "Tăng cường nhận thức vê vai trò",  # one syllable: no two-syllable evidence
    "Sở Văn hoá, Thể thao",  # the list writes "văn hóa": the tone's place is no error
    "Thiếu tướng Trương Minh Đương",  # a name: capitalised syllables in mixed case
    # syllables that are Vietnamese as read, beside a word one mark away (the sample scan)
    "đã được các kỳ Đại hội", "nhiệm vụ của mình", "cơ hội tốt để người dân",
    "định kỳ hằng năm", "tỉnh Lào Cai đã",
]


@pytest.mark.parametrize(("read", "meant"), REPAIRED)
def test_repairs_with_a_warning(read: str, meant: str) -> None:
    text, warnings = repair_tone_confusions(read)
    assert text == meant
    assert len(warnings) == 1 and warnings[0].code == "ocr_repaired"


@pytest.mark.parametrize(("read", "meant"), WITH_SYLLABLES)
def test_a_syllable_that_is_none_is_repaired_by_any_one_mark(read: str, meant: str) -> None:
    assert repair_tone_confusions(read)[0] == read  # without the syllables, no evidence
    text, warnings = repair_tone_confusions(read, syllables())
    assert text == meant and len(warnings) == 1


@pytest.mark.parametrize("text", UNTOUCHED)
def test_correct_text_is_left_alone(text: str) -> None:
    assert repair_tone_confusions(text) == (text, [])
    assert repair_tone_confusions(text, syllables()) == (text, [])


def test_marks_count_the_tone_and_each_letter_mark() -> None:
    assert mark_distance("thể", "thế") == 1
    assert mark_distance("Quyét", "quyết") == 1
    assert mark_distance("TÓ", "tổ") == 2
    assert mark_distance("đuyệt", "duyệt") == 1
    assert mark_distance("hoá", "hóa") == 0  # the tone's place is not a mark
    assert mark_distance("tổ", "tốt") is None  # other letters


def test_a_province_name_in_a_header_gets_its_tone_back() -> None:
    """OCR of the scanned issuer line "CÔNG AN TỈNH LÂM ĐỒNG" (a province name is no entry of
    the word list; the province reference gives it)."""
    text, _ = repair_tone_confusions("CÔNG AN TỈNH LÂM ĐÔNG")
    assert text == "CÔNG AN TỈNH LÂM ĐỒNG"
    assert repair_tone_confusions("ông Lâm Đông")[0] == "ông Lâm Đông"  # a person's name stays


def test_the_fewest_marks_win_and_each_syllable_is_repaired_once() -> None:
    text, warnings = repair_tone_confusions("TÔNG GIÁM ĐÓC")  # not "TỐNG GIAM" (two marks)
    assert text == "TÔNG GIÁM ĐỐC"
    assert [w.message for w in warnings] == ["GIÁM ĐÓC → GIÁM ĐỐC"]


def test_the_committed_compound_words_are_the_word_lists() -> None:
    source = word_list()
    assert source is not None, "underthesea (a dependency) ships the word list"
    provinces = json.loads((ROOT / "normalize" / "data" / "provinces.json").read_text("utf-8"))
    assert compound_words() == (
        dictionary_compounds(source.read_text("utf-8").splitlines()) | place_compounds(provinces))
    assert {"lâm đồng", "lào cai", "đắk nông"} <= place_compounds(provinces)
    assert {"thể thao", "tổ chức", "đẩy mạnh", "địa bàn"} <= compound_words()
    assert all(len(w.split(" ")) == 2 for w in compound_words())


def test_a_syllable_that_is_none_takes_the_tone_its_document_prints() -> None:
    seen = syllable_counts(["các buổi làm việc", "phòng, chống ma túy; phòng chống tội phạm"])
    text, warnings = repair_lone_syllables("Đối với buối làm việc, buỗi họp; phòng, chỗng",
                                           syllables(), seen)
    assert text == "Đối với buổi làm việc, buổi họp; phòng, chống"
    assert [w.message for w in warnings] == ["buối → buổi", "buỗi → buổi", "chỗng → chống"]


@pytest.mark.parametrize("text", [
    "đào tạo nghẻ",  # "nghề" is printed nowhere else in the document: no evidence
    "thủy điện Ngòi Nhù",  # a capital: a name no syllable list holds
    "nẼnẽ n ..ẽ",  # one letter: a speck as often as a word
])
def test_a_syllable_without_evidence_is_left_alone(text: str) -> None:
    seen = syllable_counts(["nhú", "e", text])
    assert repair_lone_syllables(text, syllables(), seen) == (text, [])


def test_the_sample_scans_misread_tones_are_repaired_from_the_document(
        sample_records: dict[str, Document]) -> None:
    """tesseract reads "ghi danh" as "ghỉ danh" in three group rows of the sample scan's
    appendix; the scan prints "ghi" elsewhere, and the born-digital plan says "ghi danh"."""
    scan = sample_records["samples/lao-cai-122-kh-ubnd-2022-scan.pdf"]
    born = sample_records["samples/lao-cai-122-kh-ubnd-2022.pdf"]
    titles = {row.group_title for row in scan.appendices[0].rows if row.group_title}
    unesco = [t for t in titles if "UNESCO" in t]
    assert unesco and all("UNESCO ghi danh" in t for t in unesco)
    assert any("UNESCO ghi danh" in s.title for s in born.iter_sections())
    repaired = [w for w in scan.warnings if w.message == "ghỉ → ghi"]
    assert repaired and all(w.where and w.where.startswith("appendices[0].rows[")
                            for w in repaired)


def test_a_word_the_document_prints_is_evidence_for_any_two_marks() -> None:
    """tesseract on scanned decisions: "thị hành" (a speck read as a dot below), "thắm quyền"
    (the stacked marks of "ẩ" read as "ắ"), where the same document prints the word."""
    printed = syllable_counts(["chịu trách nhiệm thi hành", "có thẩm quyền cấp phép",
                               "thị hành", "thắm quyền"])
    assert repair_tone_confusions("Hiệu lực thị hành")[0] == "Hiệu lực thị hành"
    assert repair_tone_confusions("Hiệu lực thị hành", printed=printed)[0] == (
        "Hiệu lực thi hành")
    assert repair_tone_confusions("Về thắm quyền cấp", printed=printed)[0] == (
        "Về thẩm quyền cấp")


def test_a_syllable_the_document_prints_more_often_is_read_as_printed() -> None:
    """"tại khoản" is no word of the list, "tài khoản" is one and the document prints it; but
    it prints "tại" more often than "tài": "quy định tại khoản 3" stays."""
    printed = syllable_counts(["nộp vào tài khoản số 7111", "quy định tại khoản 3 Điều 11",
                               "tại Kho bạc", "tại Quyết định"])
    text = "quy định tại khoản 3 Điều 11"
    assert repair_tone_confusions(text, printed=printed) == (text, [])


def test_a_run_the_document_prints_twice_is_the_evidence_for_a_confused_mark() -> None:
    """tesseract on scanned decisions and letters: "đối tên" (an acute for a hook above),
    "phòng, chồng ma túy" (a grave for an acute), "liên quan đên" (a lost tone) — runs no word
    list holds, which the same document prints right elsewhere."""
    printed = syllable_counts([
        "Nghị quyết về việc đổi tên Quỹ; Quỹ được đổi tên thành",
        "công tác chống ma túy; Ban chỉ đạo chống ma túy",
        "hoạt động liên quan đến ma túy; các chất liên quan đến ma túy",
        "về việc đối tên Quỹ", "phòng, chồng ma túy", "liên quan đên ma túy năm 2026",
    ])
    assert repair_tone_confusions("về việc đối tên Quỹ", printed=printed) == (
        "về việc đổi tên Quỹ", [Warning(code="ocr_repaired", message="đối tên → đổi tên")])
    assert repair_tone_confusions("phòng, chồng ma túy", printed=printed)[0] == (
        "phòng, chống ma túy")
    assert repair_tone_confusions("liên quan đên ma túy năm 2026", printed=printed)[0] == (
        "liên quan đến ma túy năm 2026")
    assert repair_tone_confusions("về việc đối tên Quỹ")[0] == "về việc đối tên Quỹ"


@pytest.mark.parametrize("text", [
    "tỷ đồng để thực hiện",  # a hook read as a grave is no confusion OCR makes: "để" stays
    "về việc đối tên Quỹ",  # the document prints "đổi tên" once only: no evidence
    "Quỹ đối tên",  # the document prints the run as read twice: it is its own
])
def test_a_run_without_the_evidence_of_the_document_is_left_alone(text: str) -> None:
    printed = syllable_counts(["đề thực", "đề thực", "đổi tên", "Quỹ đối tên", text])
    assert repair_tone_confusions(text, printed=printed) == (text, [])
