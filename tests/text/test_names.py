"""text/names.py: a signer's name and the rank before it."""

from __future__ import annotations

import pytest

from vnplan.text.names import name_shaped, split_rank


def test_ranks_are_not_part_of_the_name() -> None:
    assert split_rank("Thiếu tướng Trương Minh Đương") == ("Thiếu tướng", "Trương Minh Đương")
    assert split_rank("Nguyễn Văn An") == (None, "Nguyễn Văn An")
    assert split_rank("—— tướng Ngô Thanh Bình") == (None, "Ngô Thanh Bình")


@pytest.mark.parametrize(("name", "shaped"), [
    ("Nguyễn Ngọc Phúc", True), ("Hồ Văn Mười", True), ("Mười", False),
    ("Tường Vũ truyền", False), ("PHÓ GIÁM ĐỐC", False), ("Nguyễn Văn 2", False),
])
def test_the_words_of_a_name(name: str, shaped: bool) -> None:
    assert name_shaped(name) == shaped
