"""extract/signature.py: signature blocks and "Nơi nhận" in the layouts documents use."""

from __future__ import annotations

import pytest

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.signature import (
    find_signatures,
    is_name,
    read_recipients,
    tail_lines,
)


def signer_of(*lines: str) -> tuple[object, ...]:
    [block] = find_signatures(list(lines))
    s = block.signer()
    return s.name, s.position, s.on_behalf_of, s.authority, s.positions, s.rank


@pytest.mark.parametrize("mark", ["TM.", "T/M.", "T.M", "KT.", "K/T.", "TL.", "T/L", "TUQ.", "Q."])
def test_every_authority_mark_opens_the_chain(mark: str) -> None:
    """The marks of Nghị định 30/2020, Phụ lục I, as printed (TM., KT., TL., TUQ., Q.), with a
    slash, and as OCR reads the slash (T.M)."""
    name, position, _, authority, _, _ = signer_of(f"{mark} CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                                                   "Nguyễn Ngọc Phúc")
    assert (name, position) == ("Nguyễn Ngọc Phúc", "Phó Chủ tịch")
    assert authority is not None and len(authority) == 1
    assert authority[0].endswith("Chủ tịch")


def test_a_chain_of_authority() -> None:
    assert signer_of("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Ngọc Phúc") == (
        "Nguyễn Ngọc Phúc", "Phó Chủ tịch", "Ủy ban nhân dân",
        ["TM. Ủy ban nhân dân", "KT. Chủ tịch"], ["Phó Chủ tịch"], None)


def test_two_positions_a_stamp_and_a_rank() -> None:
    assert signer_of("TM. BAN CHỈ ĐẠO", "PHÓ TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND TỈNH", "(Đã ký)",
                     "Thiếu tướng Nguyễn Văn Long") == (
        "Nguyễn Văn Long", "Phó Trưởng ban", "Ban Chỉ đạo", ["TM. Ban Chỉ đạo"],
        ["Phó Trưởng ban", "Phó Chủ tịch UBND tỉnh"], "Thiếu tướng")


def test_a_rank_half_covered_by_the_seal() -> None:
    """OCR of a scanned letter's signature: the seal over "Thiếu" leaves a dash run and
    "tướng" before the name (national-c04 in the corpus)."""
    assert signer_of("CỤC TRƯỞNG", "—— tướng Ngô Thanh Bình") == (
        "Ngô Thanh Bình", "Cục trưởng", None, [], ["Cục trưởng"], None)
    assert not is_name("—— Ngô Thanh Bình làm việc tại")  # no rank left: the line as it is


@pytest.mark.parametrize(
    "lines",
    [("CHỦ TỊCH QUỐC HỘI", "Trần Thanh Mẫn"), ("THỦ TƯỚNG", "Phạm Minh Chính"),
     ("K/T TRƯỞNG BAN", "PHÓ CHÁNH VĂN PHÒNG", "Bùi Văn Thạch"), ("CỤC TRƯỞNG", "Ngô Thanh Bình")],
)
def test_positions_beyond_a_closed_list(lines: tuple[str, ...]) -> None:
    assert signer_of(*lines)[0] == lines[-1]


def test_joint_signature_blocks_and_columns_glued_into_lines() -> None:
    lines = tail_lines([Paragraph(text=t) for t in (
        "BỘ QUỐC PHÒNG KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Nguyễn Văn Gấu",
        "KT. BỘ TRƯỞNG BỘ CÔNG AN", "THỨ TRƯỞNG", "Thượng tướng Nguyễn Văn Long")])
    assert [b.name for b in find_signatures(lines)] == ["Nguyễn Văn Gấu", "Nguyễn Văn Long"]


def test_a_signature_in_the_cell_beside_noi_nhan() -> None:
    row = ("Nơi nhận:\n- Như Điều 3;\n- Phó CT UBND tỉnh (Đ/c Hải);\n- Lưu: VT, NC.",
           "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Hồng Hải")
    lines = tail_lines([Paragraph(text=" | ".join(row), cells=row)])
    [block] = find_signatures(lines)
    assert (block.name, block.positions) == ("Nguyễn Hồng Hải", ["PHÓ CHỦ TỊCH"])
    assert read_recipients(lines, 0)[0] == [
        "Như Điều 3", "Phó CT UBND tỉnh (Đ/c Hải)", "Lưu: VT, NC"]


def test_recipients_broken_over_lines_and_two_on_one_line() -> None:
    lines = ["Nơi nhận:", "- Công báo; Cổng thông tin điện tử Chính phủ;",
             "Cổng thông tin điện tử Bộ Công Thương;", "- Bộ Quốc phòng; - Bộ Công an;",
             "- Lưu: VT, PC.", "BỘ TRƯỞNG"]
    items, end = read_recipients(lines, 0)
    assert items == ["Công báo; Cổng thông tin điện tử Chính phủ; Cổng thông tin điện tử Bộ Công "
                     "Thương", "Bộ Quốc phòng", "Bộ Công an", "Lưu: VT, PC"]
    assert end == 5


def test_a_name_and_noi_nhan_glued() -> None:
    assert tail_lines([Paragraph(text="Trần Hải Quân Nơi nhận:")]) == ["Trần Hải Quân", "Nơi nhận:"]


@pytest.mark.parametrize(
    ("text", "name"),
    [("Nguyễn Ngọc Phúc", True), ("Đỗ Văn Chung", True), ("Hoàng Chí Hiền", True),
     ("Sở Nội vụ", False), ("Phó Giám đốc", False), ("Lưu: VT, NC.", False),
     ("Ngày 30/8/2025", False)],
)
def test_names(text: str, name: bool) -> None:
    assert is_name(text) is name


def test_no_signature_in_body_text() -> None:
    assert find_signatures(["Giám đốc các sở, ban, ngành tổ chức thực hiện.",
                            "Sở Nội vụ tổng hợp, báo cáo."]) == []


def test_minutes_signed_by_representatives() -> None:
    """A Biên bản: "Đại diện" over the body each signer represents, in ordinary case."""
    lines = ["Đại diện", "Sở Công Thương", "Nguyễn Đình Chiến", "Đại diện", "Sở Xây dựng",
             "Trần Đức Tình"]
    assert [(b.name, b.signer().position) for b in find_signatures(lines)] == [
        ("Nguyễn Đình Chiến", "Đại diện Sở Công Thương"),
        ("Trần Đức Tình", "Đại diện Sở Xây dựng")]


def test_a_stamp_spelt_with_i() -> None:
    assert signer_of("TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI", "CHỦ TỊCH", "( đã kí)",
                     "Trần Thanh Mẫn")[:2] == ("Trần Thanh Mẫn", "Chủ tịch")


def test_recipients_beside_a_joint_signature() -> None:
    """Hướng dẫn liên ngành 24: a stamp's letters and a signer's name printed between the
    items; an abbreviation the last item goes on with is kept."""
    lines = ["Nơi nhận:", "- Bộ Y tế;", "- Bộ Công thương; Bộ Tài chính;", "TOA", "Lê Tiến",
             "- Lưu: VT,", "KTTH (2)."]
    assert read_recipients(lines, 0)[0] == [
        "Bộ Y tế", "Bộ Công thương; Bộ Tài chính", "Lưu: VT, KTTH (2)"]


def test_a_deputys_prefix_set_apart_by_the_signature_stroke() -> None:
    """OCR of "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC" with the signature across the second line: "PHÓ"
    comes out on a line of its own, after or before the rest (Tờ trình 519/TTr-CAT-PC06 of
    Lâm Đồng in the corpus), or without its mark ("PHO", a PDF whose text layer was OCR'd)."""
    assert signer_of("KT. GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ", "Nguyễn Văn An")[:2] == (
        "Nguyễn Văn An", "Phó Giám đốc")
    assert signer_of("KT. GIÁM ĐỐC", "GIÁM ĐỐC", "PHO", "S", "Văn Thuân")[:2] == (
        "Văn Thuân", "Phó Giám đốc")
    assert signer_of("KT. CHỦ TỊCH", "PHÓ", "CHỦ TỊCH", "Nguyễn Văn An")[:2] == (
        "Nguyễn Văn An", "Phó Chủ tịch")
    assert signer_of("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "PHÓ", "Nguyễn Văn An")[1] == "Phó Giám đốc"


def test_what_the_seal_leaves_after_a_position_in_capitals() -> None:
    """OCR of "PHÓ CỤC TRƯỞNG" under the seal of the Cục Hóa chất ("X.H.C.N" of its ring read
    as "xh CƯ"; Công văn 813/HC-CNHC in the corpus)."""
    assert signer_of("KT. CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG xh CƯ", "Phạm Huy Nam Sơn")[:2] == (
        "Phạm Huy Nam Sơn", "Phó Cục trưởng")
    assert signer_of("PHÓ CHỦ TỊCH UBND TỈNH", "Nguyễn Văn An")[1] == "Phó Chủ tịch UBND tỉnh"


def test_the_body_line_under_a_position_before_the_name() -> None:
    """OCR of a plan signed by a deputy head of a police department: the seal damages the
    position and the line naming the department under it; the name with its rank follows
    (Kế hoạch 996/KH-TCTLNTW-C04 in the corpus)."""
    name, position, *_, rank = signer_of(
        "PHÓ CỤC TRƯỞNG", "CUỤC CẢNH SÁT VE MA TÚY ï“.a....", "Đại tá Bùi Duy Hưng")
    assert (name, position, rank) == ("Bùi Duy Hưng", "Phó Cục trưởng", "Đại tá")


def test_a_position_misread_in_its_marks_is_read_by_its_letters() -> None:
    """OCR of "TỔNG GIÁM ĐỐC" under a company's seal ("TÔNG GIẢM ĐỌC"; Quyết định
    89/QĐ-TKBVTC of Lào Cai in the corpus): the same letters as one position only."""
    [block] = find_signatures(["TÔNG GIẢM ĐỌC", "Nguyễn Thanh Việt"])
    assert (block.name, block.signer().position) == ("Nguyễn Thanh Việt", "Tổng Giám đốc")
    assert block.repairs == ["'TÔNG GIẢM ĐỌC' read as 'TỔNG GIÁM ĐỐC' (the same letters, its "
                             "marks misread)"]
    # "THƯ TRƯỜNG" has the letters of both Thứ trưởng and Thủ trưởng: no position is made up
    assert find_signatures(["THƯ TRƯỜNG", "Nguyễn Văn Long"]) == []


def test_a_second_position_printed_under_the_signing_space() -> None:
    """A deputy head of a task force who also heads a police department signs with both
    titles: the first over the signature, the second under it, over the name (Kế hoạch
    996/KH-TCTLNTW-C04 in the corpus; "JN" is what the signature's stroke leaves)."""
    name, position, _, authority, _, rank = signer_of(
        "KT. TỔ TRƯỞNG", "PHÓ TỔ TRƯỞNG THƯỜNG TRỰC", "JN", "PHÓ CỤC TRƯỞNG",
        "CỤC CẢNH SÁT ĐTTP VỀ MA TÚY", "Đại tá Bùi Duy Hưng")
    assert (name, position, authority, rank) == (
        "Bùi Duy Hưng", "Phó Tổ trưởng Thường trực", ["KT. Tổ trưởng"], "Đại tá")
    # without a name under it, a position after the signing space opens the next block
    blocks = find_signatures(["GIÁM ĐỐC", "(Đã ký)", "CHỦ TỊCH", "(Đã ký)"])
    assert [b.positions for b in blocks] == [["GIÁM ĐỐC"], ["CHỦ TỊCH"]]
