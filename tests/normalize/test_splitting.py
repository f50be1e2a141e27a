"""normalize/splitting.py: a task table's cell that names an agency and then what it does."""

from __future__ import annotations

import pytest

from vnplan.normalize.splitting import agency_and_role


@pytest.mark.parametrize(
    ("cell", "want"),
    [
        ("Sở Công Thương hướng dẫn chuyên môn", ("Sở Công Thương", "hướng dẫn chuyên môn")),
        ("Sở Tài chính bố trí ngân sách", ("Sở Tài chính", "bố trí ngân sách")),
        ("Sở Công Thương thẩm định, hướng dẫn áp dụng Điều 36 Nghị định số 32/2024/NĐ-CP",
         ("Sở Công Thương", "thẩm định, hướng dẫn áp dụng Điều 36 Nghị định số 32/2024/NĐ-CP")),
        # one agency, nothing it does
        ("Sở Công Thương tỉnh Lào Cai", ("Sở Công Thương tỉnh Lào Cai", None)),
        ("UBND các xã, phường liên quan", ("UBND các xã, phường liên quan", None)),
        ("Sở Nội vụ (thẩm định)", ("Sở Nội vụ (thẩm định)", None)),
        ("Theo phân công tại Quyết định số 1441/QĐ-UBND", (
            "Theo phân công tại Quyết định số 1441/QĐ-UBND", None)),
    ],
)
def test_an_agency_and_its_role(cell: str, want: tuple[str, str | None]) -> None:
    assert agency_and_role(cell) == want
