"""align/scoring.py: TF-IDF cosine against the pillars, cut by the data file's settings."""

from __future__ import annotations

import pytest

from vnplan.align import match_text, score_text
from vnplan.align.pillars import Cutoffs
from vnplan.align.scoring import rank, select
from vnplan.align.tokens import display_term, tokenize
from vnplan.schema import PillarMatch


@pytest.mark.parametrize(
    ("text", "pillar"),
    [
        ("Thúc đẩy và làm sâu sắc hơn nữa mối quan hệ với các đối tác truyền thống", "partners"),
        ("Hội nhập sâu rộng trong các lĩnh vực văn hóa tại các tổ chức, diễn đàn", "integration"),
        ("Quảng bá các giá trị văn hóa, hình ảnh đất nước, con người", "promotion"),
        ("Vận động, đa dạng hóa và bảo tồn, phát huy các di sản thế giới", "heritage"),
        ("Tiếp thu tinh hoa văn hóa nhân loại", "absorption"),
        ("Tăng cường cơ chế phối hợp, thực hiện", "coordination"),
        ("Tăng cường nguồn lực", "resources"),
        ("Tăng cường công tác thông tin, tuyên truyền", "information"),
        ("Gắn kết ngoại giao văn hóa với ngoại giao chính trị, ngoại giao kinh tế", "linkage"),
    ],
)
def test_the_strategys_own_phrases_find_their_pillar(text: str, pillar: str) -> None:
    """Huế's and Cần Thơ's summaries of the strategy, clause by clause."""
    assert match_text(text)[0].id == pillar


def test_scores_are_rounded_ranked_and_explained() -> None:
    text = "Bảo vệ, phổ biến các di sản văn hóa đã được UNESCO ghi danh"
    matches = score_text(text)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
    assert all(m.score == round(m.score, 4) and 0 < m.score <= 1 for m in matches)
    words = {display_term(t) for t in tokenize(text)}
    assert all(set(m.terms) <= words for m in matches)
    assert {"di sản", "unesco"} <= set(matches[0].terms)
    assert score_text(text) == matches  # the same text, the same numbers


def test_text_without_pillar_words_matches_nothing() -> None:
    assert score_text("") == []
    assert match_text("Trên đây là kế hoạch của Ủy ban nhân dân tỉnh.") == []


def test_cutoffs_keep_strong_matches_only() -> None:
    matches = rank(
        [
            PillarMatch(id=i, score=s)
            for i, s in [("heritage", 0.2), ("partners", 0.5), ("promotion", 0.45)]
        ]
    )
    assert [m.id for m in matches] == ["partners", "promotion", "heritage"]
    assert [m.id for m in select(matches, Cutoffs(0.1, 0.6, 3))] == ["partners", "promotion"]
    assert [m.id for m in select(matches, Cutoffs(0.1, 0.1, 1))] == ["partners"]
    assert select(matches, Cutoffs(0.6, 0.1, 3)) == []
