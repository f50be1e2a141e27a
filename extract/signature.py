"""The end of an administrative document: "Nơi nhận:" and the signature (Nghị định 30/2020,
Phụ lục I, mục II.7 and II.9).

A signature block is [authority lines] + position lines + [stamp lines] + the signer's name:
"TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / (Đã ký) / Nguyễn Ngọc Phúc". Authority
marks are TM., KT., TL., TUQ., Q. and T/M.; a position is read by its grammar ([PHÓ | QUYỀN] +
a head such as CHỦ TỊCH, GIÁM ĐỐC, … TRƯỞNG), not from a closed list; a rank ("Thiếu tướng")
or a title ("TS.") before the name is kept apart. A joint document has one block per issuer.
The lines may come from table cells beside "Nơi nhận" or from two columns glued into one line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vnplan.extract.bodies import (
    position_by_letters,
    position_head,
    starts_with_head,
    vocabulary,
    written_form,
)
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import RECIPIENTS, skeleton
from vnplan.schema import Signer
from vnplan.text.fold import fold_heading
from vnplan.text.legacy import is_syllable
from vnplan.text.letters import capitals_share
from vnplan.text.names import NAME_WORDS, name_shaped, split_rank
from vnplan.text.signing import ACTING, DOTTED, MARKS, SLASHED, marks

AUTHORITY = re.compile(
    rf"^(?P<mark>{marks(MARKS, SLASHED, DOTTED, ACTING)})\s*[.:/]?\s+(?P<body>\S.*)$"
    rf"|^(?P<mark2>{marks(MARKS, SLASHED, ACTING)})\.(?P<body2>\S.*)$"
)
_AUTHORITY_INSIDE = re.compile(
    rf"(?<=\S)\s+(?=(?:{marks()})\s*\.?\s*[A-ZĐÀ-Ỹ]{{2}})|(?<=\S)\s+(?=Nơi nhận\s*:)")
_STAMP = re.compile(
    r"^[\[(]?\s*(?:đã\s+k[ýí]|đã\s+ký\s+và\s+đóng\s+dấu|ký\s*,?\s*ghi\s+rõ\s+họ\s+tên|ký\s+tên|"
    r"chữ\s+ký|signed|đóng\s+dấu|ký\s+số)\b.*$|^(?:ký\s+bởi|người\s+ký|ngày\s+ký|thời\s+gian\s+ký"
    r"|email|cơ\s+quan|chức\s+vụ)\s*:.*$",
    re.IGNORECASE,
)
_UPPER_NAME_WORD = re.compile(r"^[A-ZĐÀ-Ỹ]{1,8}$")
POSITION_WORDS_MAX = 14
POSITION_ALONE_WORDS = 3
REPRESENTATIVE = "đại diện"
GAP_LINES_MAX = 3  # stamp or noise lines allowed between a position and the name
_ITEM = re.compile(r"^\s*[-–•+*]\s*")
RECIPIENT_LINE_WORDS = 20
_FILED = re.compile(r"^Lưu\b", re.IGNORECASE)


@dataclass
class SignatureBlock:
    authority: list[str] = field(default_factory=list)
    positions: list[str] = field(default_factory=list)
    name: str | None = None
    rank: str | None = None
    start: int = 0  # index into the lines it was read from
    end: int = 0
    repairs: list[str] = field(default_factory=list)  # what was put back together, as said

    def signer(self) -> Signer:
        marks = [m for m in map(_authority, self.authority) if m]
        on_behalf = next((_sentence(body) for mark, body in marks if mark == "TM"), None)
        return Signer(
            name=self.name,
            position=_sentence(self.positions[0]) if self.positions else None,
            on_behalf_of=on_behalf,
            authority=[_mark_sentence(a) for a in self.authority],
            positions=[_sentence(p) for p in self.positions],
            rank=self.rank,
        )


def _sentence(text: str) -> str:
    """A line printed in capitals as a sentence writes it: "PHÓ CHỦ TỊCH UBND TỈNH LÂM ĐỒNG" →
    "Phó Chủ tịch UBND tỉnh Lâm Đồng" (see `bodies.written_form`)."""
    text = re.sub(r"\s+", " ", text.strip())
    return written_form(text) if _mostly_upper(text) else text


def _mark_sentence(line: str) -> str:
    found = _authority(line)
    if found is None:
        return _sentence(line)
    return f"{found[0]}. {_sentence(found[1])}"


def tail_lines(paragraphs: list[Paragraph]) -> list[str]:
    """The lines of the document's end, a table row's cells one after another, two columns
    glued into one line cut at an authority mark ("BỘ QUỐC PHÒNG KT. BỘ TRƯỞNG")."""
    out: list[str] = []
    for par in paragraphs:
        texts = [c for cell in par.cells for c in cell.split("\n")] if par.cells else [par.text]
        for text in texts:
            for piece in _AUTHORITY_INSIDE.split(text.strip()):
                if piece.strip():
                    out.append(piece.strip())
    return out


def _authority(text: str) -> tuple[str, str] | None:
    """(mark, body) of an authority line: "KT. CHỦ TỊCH" → ("KT", "CHỦ TỊCH")."""
    match = AUTHORITY.match(text.strip())
    if match is None:
        return None
    mark = (match["mark"] or match["mark2"]).replace(".", "").replace("/", "")
    body = match["body"] or match["body2"]
    return (mark, body) if _mostly_upper(body) else None


def is_authority(text: str) -> bool:
    return _authority(text) is not None


def is_position(text: str) -> bool:
    """A position line: in capitals ("PHÓ CHỦ TỊCH UBND TỈNH"), or a position alone on its
    line as a minutes' signature prints it ("Đại diện", "Thư ký")."""
    text = text.strip()
    if len(text.split()) > POSITION_WORDS_MAX or (head := position_head(text)) is None:
        return False
    return _mostly_upper(text) or (
        len(text.split()) <= POSITION_ALONE_WORDS and head == fold_heading(text))


def position_text(line: str) -> str:
    """A position line without what a seal or a signature stroke leaves after it: in a line
    printed in capitals, a word with small letters that is no Vietnamese syllable ("PHÓ CỤC
    TRƯỞNG xh CƯ" → "PHÓ CỤC TRƯỞNG") ends the position."""
    line = line.strip()
    if not _mostly_upper(line):
        return line
    words = line.split()
    for k, word in enumerate(words):
        letters = "".join(c for c in word if c.isalpha())
        if k and letters and not letters.isupper() and not is_syllable(letters):
            kept = " ".join(words[:k])
            return kept if position_head(kept) is not None else line
    return line


def _position_of(block: SignatureBlock, line: str) -> str:
    kept = position_text(line)
    if kept != line.strip():
        block.repairs.append(f"'{line.strip()[len(kept):].strip()}' after '{kept}' dropped")
    return kept


def _bare_prefix(line: str) -> str | None:
    """A position's prefix alone on its line ("PHÓ", "QUYỀN"; "PHO" when OCR lost the mark),
    as printed in capitals: OCR sets it apart when a signature stroke crosses the line (under
    "KT. GIÁM ĐỐC" the position is "PHÓ GIÁM ĐỐC", Nghị định 30/2020, Phụ lục I, mục II.7)."""
    text = line.strip().rstrip(".:")
    if not text.isupper() or " " in text:
        return None
    bare = skeleton(text)
    return next((p.upper() for p in vocabulary().position_prefixes
                 if " " not in p and "." not in p and skeleton(p) == bare), None)


def _spelled_position(block: SignatureBlock, line: str) -> str | None:
    """A position in capitals whose marks OCR misread ("TÔNG GIẢM ĐỌC" → "TỔNG GIÁM ĐỐC":
    `bodies.position_by_letters`), the repair said."""
    text = " ".join(line.split())
    known = position_by_letters(text) if _mostly_upper(text) else None
    if known is None:
        return None
    block.repairs.append(f"'{text}' read as '{known.upper()}' (the same letters, its marks "
                         "misread)")
    return known.upper()


def _representative_of(block: SignatureBlock, line: str) -> bool:
    """"Đại diện" / "Sở Công Thương": whom the signer represents, on the line under it."""
    return bool(block.positions) and fold_heading(block.positions[-1]) == REPRESENTATIVE and (
        starts_with_head(line) and len(line.split()) <= POSITION_WORDS_MAX)


def is_name(text: str, *, after_position: bool = False) -> bool:
    """A person's name as a signature prints it ("Nguyễn Ngọc Phúc", "Thiếu tướng Lê Văn A";
    in capitals only right under the position)."""
    _, name = split_rank(text.strip().strip("*").strip())
    words = name.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or any(c.isdigit() for c in name):
        return False
    if name_shaped(name):
        return position_head(name) is None
    return after_position and all(_UPPER_NAME_WORD.match(w) for w in words) and not (
        is_position(name))


def _mostly_upper(text: str) -> bool:
    return capitals_share(text) >= 0.8


def find_signatures(lines: list[str], start: int = 0) -> list[SignatureBlock]:
    """Every signature block in `lines` from `start`, in order."""
    blocks: list[SignatureBlock] = []
    i = start
    while i < len(lines):
        block = _block_at(lines, i)
        if block is None:
            i += 1
            continue
        blocks.append(block)
        i = max(block.end, i + 1)
    return blocks


def _block_at(lines: list[str], i: int) -> SignatureBlock | None:
    block = SignatureBlock(start=i)
    j = i
    while j < len(lines) and is_authority(lines[j]):
        block.authority.append(lines[j])
        j += 1
    while j < len(lines) and not is_authority(lines[j]):
        if is_position(lines[j]):
            block.positions.append(_position_of(block, lines[j]))
        elif spelled := _spelled_position(block, lines[j]):
            block.positions.append(spelled)
        elif (prefix := _bare_prefix(lines[j])) and j + 1 < len(lines) and (
                is_position(lines[j + 1]) and not block.positions):
            block.positions.append(f"{prefix} {_position_of(block, lines[j + 1])}")
            block.repairs.append(f"'{lines[j].strip()}' set apart, read with '{lines[j + 1]}'")
            j += 1
        elif prefix and block.positions and _bare_prefix(block.positions[-1].split()[0]) is None:
            block.repairs.append(f"'{lines[j].strip()}' set apart, read with "
                                 f"'{block.positions[-1]}'")
            block.positions[-1] = f"{prefix} {block.positions[-1]}"
        else:
            break
        j += 1
    if j < len(lines) and _representative_of(block, lines[j]):
        block.positions[-1] = f"{block.positions[-1].strip()} {lines[j].strip()}"
        j += 1
    if not block.positions and not block.authority:
        return None
    if block.authority and not block.positions:  # "TM. ỦY BAN NHÂN DÂN" then "CHỦ TỊCH" …
        return None if j >= len(lines) or not is_name(lines[j]) else _named(block, lines, j)
    gap = 0
    while j < len(lines) and gap <= GAP_LINES_MAX:
        line = lines[j]
        if is_name(line, after_position=gap == 0):
            return _named(block, lines, j)
        if gap and is_position(line) and _name_follows(lines, j, GAP_LINES_MAX - gap):
            gap += 1  # a second position under the signing space, over the name: let through
            j += 1
            continue
        if is_authority(line) or is_position(line) or RECIPIENTS.match(skeleton(line)) or (
                _ITEM.match(line)):
            break
        if not _signing_space(line):
            break
        gap += 1
        j += 1
    block.end = j
    return block if block.authority or _strong_position(block) else None


def _name_follows(lines: list[str], j: int, room: int) -> bool:
    """Is the signer's name within `room` lines after `lines[j]`, with only what the signing
    space leaves before it (stamp, noise, the body in capitals)? Then a position line at `j`
    is printed under the signature ("KT. TỔ TRƯỞNG / PHÓ TỔ TRƯỞNG THƯỜNG TRỰC / (signature)
    / PHÓ CỤC TRƯỞNG / CỤC CẢNH SÁT ĐTTP VỀ MA TÚY / Đại tá Bùi Duy Hưng"), not a second block."""
    for line in lines[j + 1 : j + 1 + room]:
        if is_name(line):
            return True
        if not _signing_space(line):
            return False
    return False


def _signing_space(line: str) -> bool:
    """What the signing space between a position and the name leaves: a stamp's words, the
    seal's and the signature's noise, the body in capitals."""
    return bool(_STAMP.match(line)) or _noise(line) or _body_line(line)


def _named(block: SignatureBlock, lines: list[str], j: int) -> SignatureBlock:
    block.rank, name = split_rank(lines[j].strip().strip("*").strip())
    block.name = re.sub(r"\s+", " ", name)
    block.end = j + 1
    return block


def _strong_position(block: SignatureBlock) -> bool:
    return any(len(p.split()) <= 6 for p in block.positions)


def _body_line(line: str) -> bool:
    """A line in capitals between the position and the name: the body the position belongs
    to ("PHÓ CỤC TRƯỞNG / CỤC CẢNH SÁT ĐTTP VỀ MA TÚY"), often damaged by the seal on it."""
    return _mostly_upper(line) and len(line.split()) <= POSITION_WORDS_MAX


def _noise(line: str) -> bool:
    """What a scan's stamp or signature leaves in the text layer: a few letters, no words."""
    letters = [c for c in line if c.isalpha()]
    return len(line.strip()) <= 4 or len(letters) < 0.5 * len(line.strip())


def read_recipients(lines: list[str], start: int) -> tuple[list[str], int]:
    """The items under "Nơi nhận:" at `lines[start]` and the index after them."""
    head = RECIPIENTS.match(skeleton(lines[start]))
    assert head is not None
    items: list[str] = []
    rest = lines[start][head.end() :].strip()
    if rest:
        items.extend(_split_items(rest))
    i = start + 1
    while i < len(lines):
        line = lines[i]
        named = is_name(line) and not _ITEM.match(line)
        if named and i + 1 < len(lines) and _ITEM.match(lines[i + 1]):
            i += 1  # a signer's name printed beside the list, the items going on under it
            continue
        if is_authority(line) or is_position(line) or named:
            break
        if items and _FILED.match(_clean(items[-1])) and items[-1].rstrip().endswith("."):
            break  # "- Lưu: VT, …." is the last item (Nghị định 30/2020, Phụ lục I)
        closed = bool(items) and items[-1].rstrip().endswith((";", "."))
        if closed and _noise(line) and not _ITEM.match(line):
            i += 1  # what a stamp leaves between two items
            continue
        if _ITEM.match(line):
            items.extend(_split_items(line))
        elif items and len(line.split()) <= RECIPIENT_LINE_WORDS:  # an item broken over lines
            items[-1] = f"{items[-1]} {line.strip()}"
        else:
            break
        i += 1
    return [c for c in (_clean(item) for item in items) if c], i


def _split_items(text: str) -> list[str]:
    """One line may hold two items ("- Bộ Quốc phòng; - Bộ Công an;")."""
    return [p for p in re.split(r"(?<=;)\s+(?=[-–•+]\s)", text.strip()) if p.strip()]


def _clean(item: str) -> str:
    return _ITEM.sub("", item).strip().rstrip(";.,:").strip()
