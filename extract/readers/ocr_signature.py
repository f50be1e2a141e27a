"""The signature column of a scanned page read again when the page's first reading lost it.

Nghị định 30/2020 (Phụ lục I) prints the end of a document in two columns: "Nơi nhận:" and its
items on the left; on the right, starting on the row of "Nơi nhận:" or a few rows above it, the
authority line (TM., KT., TL., TUQ., Q.), the position, the signature with the seal, the name.
A red seal stamped over the position, or a signature stroke through it, often makes tesseract
drop the position (or the whole column) from its page reading, so nothing stands right of
"Nơi nhận:". That column is then read again on its own (`--psm 6`) with coloured ink lifted to
paper, and only its lines printed as the standard prints an authority and a position (in
capitals: an authority mark and Vietnamese words, or a few Vietnamese words) join the page's
words: the rest of such a reading is the seal and the strokes read as letters, and the name
the page's reading already has. Which of them is the position is the signature grammar's
business (`vnplan.extract.signature`), later.
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
from vnplan.text.ocr_tones import repair_tone_confusions

COLUMN_FROM = 0.4  # the signature column never starts left of this share of the page width
COLUMN_UNTIL = 0.7  # ... nor right of this one (the recipients then fill the page)
ROWS_ABOVE = 5  # the signature may start this many line heights above "Nơi nhận:"
MARGIN = 12  # pixels of white around the column read again
SIGNATURE_LINES = 20_000  # the tesseract block number given to the lines read again
POSITION_WORDS = 5  # a position line holds at most this many words ("PHÓ TỔ TRƯỞNG THƯỜNG TRỰC")
_RECIPIENTS_WORD = re.compile(r"^nh[a-z]{1,2}n\s*[:;.]?$")
_AUTHORITY_MARK = re.compile(r"^(?:TM|T/M|KT|K/T|TL|T/L|TUQ|Q)\s*[./]\s*")
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


W = TypeVar("W", bound=_Word)


def recipients_heads(words: Sequence[_Word]) -> list[int]:
    """Indexes of the "nhận:" of each "Nơi nhận:" (as OCR reads it: "nhộn:", "nhận;")."""
    return [i for i, word in enumerate(words) if i and _RECIPIENTS_WORD.match(
        skeleton(word.text)) and skeleton(words[i - 1].text).endswith("oi")
        and words[i - 1].line == word.line]


def line_starts(words: Sequence[_Word]) -> dict[tuple[int, int, int], int]:
    """Where each tesseract line starts (its leftmost word's left edge)."""
    starts: dict[tuple[int, int, int], int] = {}
    for w in words:
        starts[w.line] = min(starts.get(w.line, w.left), w.left)
    return starts


def lost_column(words: Sequence[_Word], width: int) -> tuple[int, int] | None:
    """(left, top) in pixels of the signature column beside the page's last "Nơi nhận:", for
    a page whose reading has nothing right of it: left of the column the recipients' lines
    (those starting at the margin of "Nơi nhận:"); above it the last line of the body that
    reaches into it, at most `ROWS_ABOVE` line heights up. None without "Nơi nhận:" or when
    the recipients leave no column."""
    heads = recipients_heads(words)
    if not heads:
        return None
    word, first = words[heads[-1]], words[heads[-1] - 1]
    height = word.bottom - word.top
    starts = line_starts(words)
    margin = first.left + 2 * height
    reach = max((w.right for w in words if w.top >= word.top - height and w.left < width // 2
                 and starts[w.line] <= margin), default=word.right)
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
    that read as an authority or a position, in place of what the page's reading left where
    they stand."""
    column_words, column_lines = read
    by_line: dict[tuple[int, int, int], list[W]] = {}
    for w in column_words:
        by_line.setdefault(w.line, []).append(w)
    dx, dy = column[0] - MARGIN, column[1] - MARGIN
    kept, out_lines = list(words), dict(lines)
    for key, line_words in by_line.items():
        line_words = _without_leading_marks(line_words)
        if not line_words or not _signs(" ".join(w.text for w in line_words)):
            continue
        moved = [replace(w, left=w.left + dx, right=w.right + dx, top=w.top + dy,
                         bottom=w.bottom + dy, line=(SIGNATURE_LINES, *key[1:]))
                 for w in line_words]
        x0, x1 = min(w.left for w in moved), max(w.right for w in moved)
        y0, y1 = min(w.top for w in moved), max(w.bottom for w in moved)
        kept = [w for w in kept if not (x0 <= (w.left + w.right) / 2 <= x1
                                        and y0 <= (w.top + w.bottom) / 2 <= y1)]
        kept.extend(moved)
        if key in column_lines:
            top, bottom = column_lines[key]
            out_lines[(SIGNATURE_LINES, *key[1:])] = (top + dy, bottom + dy)
    return kept, out_lines


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
