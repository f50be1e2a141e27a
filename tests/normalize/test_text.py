"""fold() keys, fix_text() repairs, list-edge cleaning — strings from the sample documents."""

from __future__ import annotations

import unicodedata

import pytest

from vnplan.normalize import fix_text, fold
from vnplan.normalize.text import clean_edges, key_of

FOLD_CASES = [
    # old/new tone-mark placement
    ("Ngoại giao văn hoá", "ngoại giao văn hóa"),
    ("Thuỷ", "thủy"),
    ("khoẻ", "khỏe"),
    ("Hoà Bình", "hòa bình"),
    ("Uỷ ban nhân dân", "ủy ban nhân dân"),
    ("ỦY BAN NHÂN DÂN", "ủy ban nhân dân"),
    # look-alike: U+00D0 (Latin capital eth) in the Cần Thơ news
    ("Ngày hội Pháp ngữ khu vực ÐBSCL", "ngày hội pháp ngữ khu vực đbscl"),
    # spacing around punctuation
    ("Lào Cai , ngày 30 tháng 3", "lào cai, ngày 30 tháng 3"),
    ("  Sở   Ngoại vụ ", "sở ngoại vụ"),
    ("Thừa Thiên - Huế", "thừa thiên-huế"),
    ("Cộng đồng Văn hóa – Xã hội ASEAN", "cộng đồng văn hóa-xã hội asean"),
    ("(Trung Quốc )", "(trung quốc)"),
]


@pytest.mark.parametrize(("text", "expected"), FOLD_CASES)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Thừa Thiên - Huế", "Thừa Thiên-Huế"),
        ("Chiến lược Ngoại giao văn hoá", "Chiến lược ngoại giao văn hóa"),
        (
            unicodedata.normalize("NFD", "Sở Văn hóa, Thể thao và Du lịch"),
            "sở văn hóa, thể thao và du lịch",
        ),
        ("ÐBSCL", "ĐBSCL"),
        ("TP. Cần Thơ", "TP.  Cần  Thơ"),
    ],
)
def test_fold_equal(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keys_ignore_punctuation() -> None:
    assert key_of("Sở Thông tin, truyền thông") == key_of("Sở Thông tin Truyền thông")
    assert key_of("vùng Nouvelle – Aquitane") == ("vùng", "nouvelle", "aquitane")


FIX_CASES = [
    (
        "Ngày hội Pháp ngữ khu vực ÐBSCL năm 2023.",
        "Ngày hội Pháp ngữ khu vực ĐBSCL năm 2023.",
        ["lookalike_fixed"],
    ),
    (unicodedata.normalize("NFD", "Lào Cai"), "Lào Cai", ["unicode_normalized"]),
    ("L\u0430o Cai", "Lao Cai", ["lookalike_fixed"]),  # Cyrillic а inside a Latin word
    ("Sở Ngoại\u200b vụ", "Sở Ngoại vụ", ["invisible_removed"]),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai", []),
    ("Москва", "Москва", []),  # a Cyrillic word is left alone
]


@pytest.mark.parametrize(("text", "expected", "codes"), FIX_CASES)
def test_fix_text(text: str, expected: str, codes: list[str]) -> None:
    fixed, warnings = fix_text(text)
    assert fixed == expected
    assert [w.code for w in warnings] == codes


def test_fix_text_names_the_code_points() -> None:
    _, warnings = fix_text("ÐBSCL và ÐBSH")
    assert warnings[0].message == "Ð → Đ (U+00D0 → U+0110) ×2"


def test_fold_keeps_text_normalize_away_from_spacing() -> None:
    # underthesea's text_normalize would write "Lào Cai , ngày"; fold only normalises words.
    assert fold("Lào Cai, ngày 30/3/2022") == "lào cai, ngày 30/3/2022"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" và các cơ quan, đơn vị có liên quan.", "các cơ quan, đơn vị có liên quan"),
        ("Sở Ngoại vụ;", "Sở Ngoại vụ"),
        ("- UBND các huyện, thị xã, thành phố;", "UBND các huyện, thị xã, thành phố"),
        ("Sở Văn hóa, Thể thao và Du lịch và", "Sở Văn hóa, Thể thao và Du lịch"),
    ],
)
def test_clean_edges(text: str, expected: str) -> None:
    assert clean_edges(text) == expected


@pytest.mark.parametrize("word", ["qũ", "Qủ", "gĩ"])
def test_a_marked_onset_alone_is_no_syllable_and_folds_as_written(word: str) -> None:
    # found by tests/extract/test_properties.py: a table cell "qũ" made folding raise
    assert fold(word) == word.casefold()
