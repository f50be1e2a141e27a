"""extract/cells.py: the agency cells of task tables, on cells as real tables print them."""

from __future__ import annotations

import pytest

from vnplan.extract.cells import read_roles, split_cell


@pytest.mark.parametrize(("cell", "bodies"), [
    ("Sở Tư pháp; UBND các xã, phường, đặc khu", ["Sở Tư pháp", "UBND các xã, phường, đặc khu"]),
    ("Văn phòng UBND tỉnh; Sở Tư pháp; Sở Tài chính.", ["Văn phòng UBND tỉnh", "Sở Tư pháp",
                                                        "Sở Tài chính"]),
    ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Ngoại vụ\nSở Công Thương", ["Sở Ngoại vụ", "Sở Công Thương"]),
    ("", []),
])
def test_a_cell_lists_bodies_apart_with_semicolons_or_lines(cell: str, bodies: list[str]) -> None:
    assert split_cell(cell) == bodies


def test_a_cell_that_labels_the_roles_gives_lead_and_coordinating() -> None:
    """A "Cơ quan phụ trách" cell of a report on industrial clusters (Lào Cai, 2026)."""
    roles = read_roles("Chủ trì: Liên danh Đông Đô - Bắc Giang số 9 (CĐT). Phối hợp: UBND phường "
                       "Văn Phú, UBND xã Yên Bình (GPMB); Sở Nông nghiệp và Môi trường (chồng "
                       "lấn); Ban QLDA ĐTXD số 1 tỉnh (đường trục chính).")
    assert roles.labelled
    assert roles.lead == ["Liên danh Đông Đô - Bắc Giang số 9"]
    assert roles.coordinating == ["UBND phường Văn Phú, UBND xã Yên Bình",
                                  "Sở Nông nghiệp và Môi trường", "Ban QLDA ĐTXD số 1 tỉnh"]


def test_bodies_after_the_lead_without_a_label_coordinate() -> None:
    roles = read_roles("Chủ trì: UBND phường Lào Cai (thực hiện Đề án); Sở Công Thương; phối hợp "
                       "cơ quan quản lý dự án đường sắt tốc độ cao.")
    assert roles.lead == ["UBND phường Lào Cai"]
    assert roles.coordinating == ["Sở Công Thương",
                                  "cơ quan quản lý dự án đường sắt tốc độ cao"]


def test_a_note_naming_a_body_is_kept_and_an_unlabelled_cell_is_all_leads() -> None:
    roles = read_roles("Chủ trì: Văn phòng UBND tỉnh (Trung tâm Thông tin)")
    assert roles.lead == ["Văn phòng UBND tỉnh (Trung tâm Thông tin)"]
    plain = read_roles("Sở Nội vụ phối hợp: Sở Tư pháp")  # "phối hợp" inside a sentence
    assert not plain.labelled and plain.lead == ["Sở Nội vụ phối hợp: Sở Tư pháp"]
    assert read_roles("Sở Nội vụ; Sở Tư pháp").lead == ["Sở Nội vụ", "Sở Tư pháp"]
