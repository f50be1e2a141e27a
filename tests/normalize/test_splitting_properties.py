"""Property tests for the normalizer: agency splitting and folding never raise, and keep
their invariants on any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vnplan.normalize import fold, resolve_agency, split_agency_list

PARTS = st.sampled_from(
    [
        "Sở Ngoại vụ",
        "sở Văn hóa, Thể thao và Du lịch",
        "Sở Thông tin, truyền thông",
        "UBND các huyện, thị xã thành phố",
        "Các Bộ, Ban, Ngành TW",
        "Ban Tuyên giáo Tỉnh ủy",
        "các cơ quan, đơn vị có liên quan",
        "Sở Công thương",
        "Đài Phát thanh và Truyền hình tỉnh",
    ]
)
SEPARATORS = st.sampled_from(["; ", ", ", " và ", ";", "\n"])
noise = st.text(st.sampled_from(list("aăâđêôơưáạ ,;.-()ỦSở và")), max_size=80)


@given(st.lists(st.tuples(PARTS, SEPARATORS), min_size=1, max_size=6))
@settings(max_examples=200)
def test_split_keeps_every_agency_and_invents_none(pairs: list[tuple[str, str]]) -> None:
    text = "".join(part + sep for part, sep in pairs[:-1]) + pairs[-1][0]
    items = split_agency_list(text)
    assert all(item and item in text for item in items)
    assert [p for p, _ in pairs if p.casefold() not in " | ".join(items).casefold()] == []


@given(noise)
def test_split_and_resolve_never_raise(text: str) -> None:
    for item in split_agency_list(text):
        assert item.strip() == item and item
        assert resolve_agency(item).raw == item


@given(noise)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
