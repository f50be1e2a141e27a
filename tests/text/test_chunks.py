"""vnplan/text/chunks.py: the tokenizer sees bounded pieces, and ordinary text unchanged."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from underthesea import word_tokenize

from tests.conftest import SAMPLES
from vnplan.text.chunks import MAX_PIECE, MAX_RUN, pieces, tokenize_bounded


@given(st.text(alphabet=st.sampled_from("ab1. \n\tế"), max_size=12000))
def test_pieces_give_the_text_back_and_are_bounded(text: str) -> None:
    parts = list(pieces(text))
    assert "".join(p for p, _ in parts) == text
    for piece, is_run in parts:
        assert is_run or (len(piece) <= MAX_PIECE and max(map(len, piece.split()), default=0)
                          <= MAX_RUN)


def test_ordinary_text_is_tokenized_exactly_as_before() -> None:
    lines = [
        line
        for path in sorted(SAMPLES.glob("*.txt"))
        for line in path.read_text("utf-8").splitlines()
        if line.strip()
    ]
    assert lines and all(len(line) <= MAX_PIECE for line in lines)
    assert [tokenize_bounded(line, word_tokenize) for line in lines] == [
        word_tokenize(line) for line in lines
    ]


def test_a_run_without_spaces_is_one_token_and_never_reaches_the_tokenizer() -> None:
    seen: list[str] = []

    def tokenizer(text: str) -> list[str]:
        seen.append(text)
        return text.split()

    run = "1." * 500_000
    assert tokenize_bounded(f"Kế hoạch {run} Sở Ngoại vụ", tokenizer) == [
        "Kế", "hoạch", run, "Sở", "Ngoại", "vụ"
    ]
    assert all(len(text) <= MAX_PIECE and run not in text for text in seen)


def test_a_long_spaced_text_goes_in_pieces_cut_at_sentence_ends() -> None:
    text = "Sở Ngoại vụ tổ chức thực hiện. " * 2000  # 62 000 characters
    parts = [p for p, _ in pieces(text)]
    assert len(parts) > 1 and all(p.endswith(". ") for p in parts[:-1])
    skipped = tokenize_bounded("1. " * 5000, word_tokenize, wanted=str.isalpha)
    assert skipped == []  # pieces without a wanted character are not tokenized at all
