"""align/tokens.py: underthesea word tokens, folded; underthesea loaded only when used."""

from __future__ import annotations

import subprocess
import sys

from vnplan.align.tokens import content_tokens, display_term, fold_token, tokenize


def test_words_are_joined_lowercased_and_tone_folded() -> None:
    assert tokenize("Tiếp thu tinh hoa văn hoá của nhân loại") == (
        "tiếp_thu",
        "tinh_hoa",
        "văn_hóa",
        "của",
        "nhân_loại",
    )
    assert tokenize("Hội nhập quốc tế") == tokenize("HỘI NHẬP QUỐC TẾ".lower())


def test_old_tone_placement_is_folded_only_on_open_syllables() -> None:
    assert fold_token("hoá") == fold_token("hóa") == "hóa"
    assert fold_token("Thuỷ") == "thủy"
    assert fold_token("loại") == "loại"  # "oại" is already the one spelling
    assert fold_token("quý") == "quý"


def test_punctuation_numbers_and_stopwords_are_dropped() -> None:
    assert tokenize("1. ; – 2030 (…)") == ()
    assert content_tokens("các hoạt động của UNESCO", {"các", "của", "hoạt_động"}) == ["unesco"]
    assert display_term("hội_nhập") == "hội nhập"
    assert tokenize("") == ()


def test_importing_the_stage_does_not_load_underthesea() -> None:
    code = "import sys, vnplan.align; print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
