"""find_heritage: variants, damaged spellings and generic phrases from the sample documents."""

from __future__ import annotations

import pytest

from vnplan.normalize import find_heritage

CASES = [
    # Lào Cai plan 122/KH-UBND: OCR put Arabic letters for "áy", and "Nghị" for "Nghi"
    ("bảo vệ, phổ biến “Nghi lễ và trò chơi kéo co của người Tày, Giای”", ["ich-01080"]),
    ("Bảo vệ, phổ biến “Nghị lễ và trò chơi kéo co của người Tày, Giای”", ["ich-01080"]),
    ("“Nghi lễ và trò chơi kéo co của người Tày, Giáy”", ["ich-01080"]),
    ("“Thực hành Then của người Tày, Nùng, Thái” đã được UNESCO ghi danh", ["ich-01379"]),
    (
        "Bảo vệ, phô biến “Nghi lễ và trò chơi kéo co của người Tày, Giáy”, “Thực hành Then của "
        "người Tày, Nùng, Thái” đã được UNESCO ghi danh",
        ["ich-01080", "ich-01379"],
    ),
    # Cần Thơ 2024 news
    ("Liên hoan Đờn ca Tài tử Quốc gia", ["ich-00733"]),
    ("Nghệ thuật Đờn ca tài tử Nam Bộ", ["ich-00733"]),
    ("Đờn ca tài tử", ["ich-00733"]),
    # Huế's monuments and court music
    ("Quần thể di tích Cố đô Huế", ["whc-678"]),
    ("bảo tồn Cố đô Huế", ["whc-678"]),
    ("Nhã nhạc", ["ich-00074"]),
    ("Nhã nhạc cung đình Huế", ["ich-00074"]),
    # names that need a heritage cue in the sentence
    ("phát triển du lịch Hội An", []),
    ("Hội An được UNESCO ghi danh là di sản văn hóa thế giới", ["whc-948"]),
    (
        "thông qua hình ảnh, giá trị tư tưởng của Chủ tịch Hồ Chí Minh và các danh nhân được "
        "UNESCO vinh danh",
        ["anniv-ho-chi-minh"],
    ),
    ("học tập và làm theo tấm gương đạo đức Chủ tịch Hồ Chí Minh", []),
    # generic phrases name no designation
    ("Bảo vệ, phổ biến các di sản văn hóa đã được UNESCO ghi danh vào các danh mục", []),
    ("xây dựng hồ sơ trình UNESCO cùng kỷ niệm năm sinh/ năm mất", []),
    ("các danh nhân được UNESCO vinh danh", []),
    ("Vận động, đa dạng hóa và bảo tồn, phát huy các di sản thế giới tại tỉnh", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_heritage(text: str, expected: list[str]) -> None:
    assert [h.id for h in find_heritage(text)] == expected


def test_heritage_fields_and_counts() -> None:
    text = (
        "“Nghi lễ và trò chơi kéo co của người Tày, Giای”; Kế hoạch Bảo vệ “Nghi lễ và trò chơi "
        "kéo co của người Tày, Giáy”"
    )
    [ref] = find_heritage(text)
    assert ref.raw == "Nghi lễ và trò chơi kéo co của người Tày, Giای"  # as written
    assert ref.name_vi == "Nghi lễ và trò chơi kéo co"
    assert ref.name_en == "Tugging rituals and games"
    assert ref.category == "intangible_cultural_heritage"
    assert ref.year == 2015
    assert ref.count == 2
