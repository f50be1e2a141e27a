"""The signature column of a scanned page read again where the page's first reading garbles it.

Nghị định 30/2020 (Phụ lục I) prints the end of a document in two columns: "Nơi nhận:" and its
items on the left; on the right, starting on the row of "Nơi nhận:" or a few rows above it, the
authority line (TM., KT., TL., TUQ., Q.), the position, the signature with the seal, the name.
A red seal stamped over the position or the name, or a signature stroke through them, makes
tesseract misread them, or drop them (or the whole column) from its page reading. That column
is then read again on its own, as one column of lines (`--psm 4`), with coloured ink faded or
lifted to paper, and only its lines printed as the standard prints an authority and a position
(in capitals: an authority mark and Vietnamese words, or a few Vietnamese words) or a name
read with confidence join the page's words: the rest of such a reading is the seal and the
strokes read as letters. Which of them is the position is the signature grammar's business
(`vnplan.extract.signature`), later.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import Field, replace
from typing import Any, ClassVar, Protocol, TypeVar

from PIL import Image, ImageOps

from vnplan.extract.readers.anchors import skeleton
from vnplan.extract.readers.ocr_images import bmp
from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.text.letters import capitals_share
from vnplan.text.names import name_shaped, rank_tails, split_rank
from vnplan.text.ocr_tones import repair_tone_confusions
from vnplan.text.signing import ACTING, MARKS, SLASHED, marks

COLUMN_FROM = 0.4  # the signature column never starts left of this share of the page width
COLUMN_UNTIL = 0.7  # ... nor right of this one (the recipients then fill the page)
ROWS_ABOVE = 5  # the signature may start this many line heights above "Nơi nhận:"
MARGIN = 12  # pixels of white around the column read again
RUN_GAP = 1.6  # line heights: a wider gap in a tesseract line parts two columns (1.8 em)
SIGNATURE_LINES = 20_000  # added to the tesseract block numbers of the lines read again
NAME_CONF = 80.0  # a name read again is taken only when tesseract is this sure of each word
POSITION_WORDS = 5  # a position line holds at most this many words ("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC")
_RECIPIENTS_WORD = re.compile(r"^nh[a-z]{1,2}n\s*[:;.]?$")
_AUTHORITY_MARK = re.compile(rf"^(?:{marks(MARKS, SLASHED, ACTING)})\s*[./]\s*")
_ABBREVIATION = re.compile(r"^[A-ZĐ]{2,5}$")  # "UBND", "LHPN", "ĐTTP"

LineBoxes = dict[tuple[int, int, int], tuple[int, int]]


class _Word(Protocol):
    """A word as the OCR reader parses tesseract's TSV (a dataclass: `ocr._Word`)."""

    __dataclass_fields__: ClassVar[dict[str, Field[Any]]]

    @property
    def text(self) -> str: ...
    @property
    def left(self) -> int: ...
    @property
    def top(self) -> int: ...
    @property
    def right(self) -> int: ...
    @property
    def bottom(self) -> int: ...
    @property
    def line(self) -> tuple[int, int, int]: ...
    @property
    def conf(self) -> float: ...


W = TypeVar("W", bound=_Word)


def words_by_line(words: Sequence[W]) -> dict[tuple[int, int, int], list[W]]:
    """The words of each tesseract line (block, paragraph, line), in reading order."""
    by_line: dict[tuple[int, int, int], list[W]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    return by_line


def recipients_heads(words: Sequence[_Word]) -> list[int]:
    """Indexes of the "nhận:" of each "Nơi nhận:" (as OCR reads it: "nhộn:", "nhận;")."""
    return [i for i, word in enumerate(words) if i and _RECIPIENTS_WORD.match(
        skeleton(word.text)) and skeleton(words[i - 1].text).endswith("oi")
        and words[i - 1].line == word.line]


def recipient_words(words: Sequence[W], head: int) -> list[W]:
    """The words of the recipients' lines around the "nhận:" at `words[head]`: the lines
    starting at the margin of "Nơi nhận:", each up to its first gap wider than `RUN_GAP` line
    heights. Beyond such a gap stands the signature column, which tesseract often reads into
    the same line ("- Sở Nội vụ;  PHÓ GIÁM ĐỐC")."""
    height = words[head].bottom - words[head].top
    margin = words[head - 1].left + 2 * height
    out: list[W] = []
    for line_words in words_by_line(words).values():
        run = sorted(line_words, key=lambda w: w.left)
        if run[0].left > margin:
            continue
        gaps = [k for k in range(1, len(run)) if run[k].left - run[k - 1].right
                > RUN_GAP * height]
        out.extend(run[: gaps[0] if gaps else len(run)])
    return out


def lost_column(words: Sequence[_Word], width: int) -> tuple[int, int] | None:
    """(left, top) in pixels of the signature column beside the page's last "Nơi nhận:", for
    a page whose reading has nothing right of it: left of the column the recipients' lines
    (those starting at the margin of "Nơi nhận:"); above it the last line of the body that
    reaches into it, at most `ROWS_ABOVE` line heights up. None without "Nơi nhận:" or when
    the recipients leave no column."""
    heads = recipients_heads(words)
    if not heads:
        return None
    word = words[heads[-1]]
    height = word.bottom - word.top
    reach = max((w.right for w in recipient_words(words, heads[-1])
                 if w.top >= word.top - height and w.left < width // 2), default=word.right)
    left = max(reach + MARGIN, int(COLUMN_FROM * width))
    if left > COLUMN_UNTIL * width:
        return None
    ceiling = word.top - ROWS_ABOVE * height
    across = [w.bottom for w in words if ceiling < w.bottom <= word.top and w.left < left < w.right]
    return left, max([ceiling, *across])


def column_image(page: bytes, column: tuple[int, int]) -> bytes:
    """The page image (BMP) from `column`'s (left, top) to its right and bottom edges."""
    with Image.open(io.BytesIO(page)) as image:
        return bmp(ImageOps.expand(image.crop((*column, image.width, image.height)), MARGIN,
                                   255))


def with_signature_lines(
    words: list[W], lines: LineBoxes, column: tuple[int, int], read: tuple[list[W], LineBoxes],
) -> tuple[list[W], LineBoxes]:
    """The page's words with the lines of the column's reading (`read`, from `column_image`)
    that read as an authority, a position or a signer's name (`name_words`), in place of what
    the page's reading left where they stand."""
    column_words, column_lines = read
    dx, dy = column[0] - MARGIN, column[1] - MARGIN
    kept = [w for w in words if any(map(_letter, w.text))
            or w.left < column[0] or w.top < column[1]]  # no specks of the seal left behind
    out_lines = dict(lines)
    for key, line_words in words_by_line(column_words).items():
        line_words = _without_leading_marks(line_words)
        signs = bool(line_words) and _signs(" ".join(w.text for w in line_words))
        moved = [replace(w, left=w.left + dx, right=w.right + dx, top=w.top + dy,
                         bottom=w.bottom + dy, line=(SIGNATURE_LINES + key[0], *key[1:]))
                 for w in (line_words if signs else name_words(line_words))]
        if not moved:
            continue
        x0, x1 = min(w.left for w in moved), max(w.right for w in moved)
        y0, y1 = min(w.top for w in moved), max(w.bottom for w in moved)
        under = [w for w in kept if x0 <= (w.left + w.right) / 2 <= x1
                 and y0 <= (w.top + w.bottom) / 2 <= y1]
        if not signs and _a_name(under):
            continue  # the page's own reading of the name is kept, with its rank
        kept = [w for w in kept if w not in under]
        kept.extend(moved)
        if key in column_lines:
            top, bottom = column_lines[key]
            out_lines[(SIGNATURE_LINES + key[0], *key[1:])] = (top + dy, bottom + dy)
    return kept, out_lines


def name_words(line: list[W]) -> list[W]:
    """The words of a signer's name in a line of the column's reading, each read with at
    least `NAME_CONF` ("Đại tá Nguyễn Tường Vũ"), or none. Words tesseract doubts before the
    name are taken for the rank's first word under the seal when the rank's last word follows
    them ("Thiếu"? "tướng Ngô Thanh Bình" → "Ngô Thanh Bình", the rank unknown); any other
    doubted word may be a word of the name misread ("Phùng Đất? Ngọc", "truyền Tường Vũ" for
    "Nguyễn Tường Vũ"), and the line is no name."""
    doubted = next((k for k, w in enumerate(line) if w.conf >= NAME_CONF), len(line))
    rest = line[doubted:]
    if doubted and rest and rest[0].text.lower() in rank_tails():
        rest = rest[1:]
    elif doubted:
        return []
    sure = all(w.conf >= NAME_CONF for w in rest)
    return rest if rest and sure and _a_name(rest) else []


def _a_name(words: Sequence[_Word]) -> bool:
    """Do the words read as a person's name, a rank before it or not (`vnplan.text.names`)?"""
    return name_shaped(split_rank(" ".join(w.text for w in words))[1])


def _without_leading_marks(words: list[W]) -> list[W]:
    """A line without the specks a seal's edge leaves before its first letter (". TM.HỘI",
    "“GIÁM ĐỐC")."""
    out = list(words)
    while out and not any(map(_letter, out[0].text)):
        out.pop(0)
    if out:
        text = out[0].text
        out[0] = replace(out[0], text=text[next(k for k, c in enumerate(text) if _letter(c)):])
    return out


def _letter(char: str) -> bool:
    """A letter or a digit of a word; a spacing accent ("ˆ", a modifier letter) is none."""
    return char.isdigit() or unicodedata.category(char) in {"Lu", "Ll"}


def _signs(text: str) -> bool:
    """Is a line printed as a signature's authority or position line (Nghị định 30/2020, Phụ
    lục I: in capitals), its tones repaired as the page's lines will be: an authority mark
    ("TM.", "KT.") and words, or at most `POSITION_WORDS` words; every word Vietnamese or an
    abbreviation, one at least Vietnamese? What a seal or a stroke leaves is not."""
    known = syllables()
    repaired, _ = repair_tone_confusions(text, known)
    body = _AUTHORITY_MARK.sub("", repaired)
    words = [w.strip(".,:;") for w in body.split()]
    if not words or capitals_share(body) < 0.8:
        return False
    vietnamese = [w.lower() in known for w in words]
    if not any(vietnamese) or not all(v or _ABBREVIATION.match(w)
                                      for v, w in zip(vietnamese, words, strict=True)):
        return False
    return body != repaired or len(words) <= POSITION_WORDS
