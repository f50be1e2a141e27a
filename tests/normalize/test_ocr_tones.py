"""normalize/ocr_tones.py: hook/acute/tilde confusions repaired where the dictionary is the
evidence, and only there."""

from __future__ import annotations

import pytest

from vnplan.normalize.ocr_tones import (
    compound_words,
    dictionary_compounds,
    repair_tone_confusions,
    tone_variants,
    word_list_path,
)

REPAIRED = [
    ("Sở Văn hóa, Thế thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),  # from the scan
    ("Xây dựng kế hoạch và tố chức tập huấn", "Xây dựng kế hoạch và tổ chức tập huấn"),
    ("Đấy mạnh số hóa trong công tác", "Đẩy mạnh số hóa trong công tác"),
    ("Chủ trọng kết hợp yếu tố văn hóa", "Chú trọng kết hợp yếu tố văn hóa"),  # seed 001 OCR typo
]
UNTOUCHED = [
    "trên địa bàn tỉnh Lào Cai",  # "bàn tỉnh" is no word, but "bàn" belongs to "địa bàn"
    "cụ thể là: phát huy vai trò",
    "quảng bá thế mạnh của tỉnh",
    "hiệu quả quan hệ hợp tác",
    "phi vật thể đại diện cho nhân loại",
    "Tăng cường nhận thức vê vai trò",  # one syllable: no two-syllable evidence
]


@pytest.mark.parametrize(("read", "meant"), REPAIRED)
def test_repairs_with_a_warning(read: str, meant: str) -> None:
    text, warnings = repair_tone_confusions(read)
    assert text == meant
    assert len(warnings) == 1 and warnings[0].code == "ocr_repaired"


@pytest.mark.parametrize("text", UNTOUCHED)
def test_correct_text_is_left_alone(text: str) -> None:
    assert repair_tone_confusions(text) == (text, [])


def test_variants_swap_only_the_confused_marks() -> None:
    assert set(tone_variants("thể")) == {"thế", "thễ"}
    assert tone_variants("tố") == ["tổ"]
    assert tone_variants("hóa") == ["hỏa"]
    assert tone_variants("về") == []


def test_the_committed_compound_words_are_the_word_lists() -> None:
    source = word_list_path()
    assert source is not None, "underthesea (a dependency) ships the word list"
    assert compound_words() == dictionary_compounds(source.read_text("utf-8").splitlines())
    assert {"thể thao", "tổ chức", "đẩy mạnh", "địa bàn"} <= compound_words()
    assert all(len(w.split(" ")) == 2 for w in compound_words())
