"""Does a PDF page's text layer read as the page? Told by measuring the text, not the file.

A scan may carry a text layer that is only a signing stamp ("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG;
19/03/2026; 08:40:00; +07:00", "Ký bởi: …", "Email: …") or a scanner's garbled OCR ("ceNG HoA
xA ngI cnu Ncnie"); a born-digital PDF may use a font whose glyphs map to the wrong letters
("7ӌ1+ L¿O CAI" for "TỈNH LÀO CAI"). Such a page is read by OCR instead. The measures:

- the share of its words that are Vietnamese syllables (the dictionary's, `pdf_glyphs`):
  ≥ 0.85 on every born-digital page of the real documents seen, ≤ 0.35 on garbled layers;
- on a page an image covers, how much of the page the text covers (a stamp line: 1 %);
- on a page without such an image, whether its letters are Vietnamese-looking at all (an
  English PDF has plain ASCII letters and is not OCR'd: it is refused as not Vietnamese later).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from enum import Enum

from vnplan.extract.readers.pdf_geometry import PageText
from vnplan.extract.readers.pdf_glyphs import rejoin_glyph_splits, syllables

MIN_TEXT_CHARS = 20  # fewer characters than this (stamps left out) over an image: a scan
MIN_SCAN_COVER = 0.5  # an image covering this share of the page makes it a scan candidate
MIN_TEXT_COVER = 0.05  # text boxes covering less of an image-covered page: not its text
MIN_SYLLABLE_SHARE = 0.5  # fewer of the words being syllables: the layer is not Vietnamese
MIN_WORDS = 20  # fewer words than this are too little evidence for the syllable share
SAMPLE_WORDS = 400  # words looked at for the share (a page's worth)
MIN_NON_ASCII_LETTERS = 0.05  # a page without an image needs this share to be OCR'd

_WORD = re.compile(r"[^\W\d_]+")
_STAMP = re.compile(
    r"^(?:ký bởi|người ký|email|e-mail|cơ quan|thời gian ký|ngày ký)\s*:"
    r"|\d{1,2}:\d{2}:\d{2}\s*;?\s*[+-]\d{2}:?\d{2}\s*$",
    re.IGNORECASE,
)


class OcrReason(Enum):
    """Why a page is read by OCR instead of its text layer."""

    NO_TEXT = "no text layer"
    STAMP_ONLY = "the text layer is only a signing stamp"
    SPARSE = "the text layer covers little of the scanned image"
    GARBLED = "the text layer does not read as Vietnamese"
    BROKEN_FONT = "the text does not read as Vietnamese (a font that maps its glyphs wrongly)"

    @property
    def over_image(self) -> bool:
        """Is the text layer laid over the scanned image, so that it is left out of the
        rendering that is OCR'd? A stamp and a scanner's OCR layer are; the few words of a
        sparse page may be the page's own (a title over a picture) and are drawn."""
        return self in (OcrReason.STAMP_ONLY, OcrReason.GARBLED)


def is_stamp_line(text: str) -> bool:
    """A line a digital-signing tool stamps onto a page (signer, e-mail, body, time).

    >>> is_stamp_line("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 19/03/2026; 08:40:00; +07:00")
    True
    >>> is_stamp_line("Ký bởi: CÔNG AN TỈNH LÂM ĐỒNG"), is_stamp_line("Kính gửi: Sở Nội vụ")
    (True, False)
    """
    return _STAMP.search(text.strip()) is not None


def syllable_share(text: str, limit: int = SAMPLE_WORDS) -> tuple[float, int]:
    """(share of the words that are Vietnamese syllables, how many words that is), from the
    first `limit` words (the rest of the text is not read)."""
    sample = [m.group() for m in itertools.islice(_WORD.finditer(text.lower()), limit)]
    if not sample:
        return 0.0, 0
    return sum(map(syllables().__contains__, sample)) / len(sample), len(sample)


def _non_ascii_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    return sum(not c.isascii() for c in letters) / len(letters) if letters else 0.0


def ocr_reason(page: PageText, image_cover: Callable[[], float]) -> OcrReason | None:
    """Why the page must be OCR'd, or None when its text layer is its text. `image_cover`
    gives the share of the page its largest image covers (asked only when needed)."""
    stamps = [is_stamp_line(s.text) for s in page.segments]
    kept = [s.text for s, stamp in zip(page.segments, stamps, strict=True) if not stamp]
    kept += ["\t".join(row) for table in page.tables for row in table.rows]
    text = "\n".join(kept)
    chars = len(text) - text.count(" ") - text.count("\n") - text.count("\t")
    share, words = syllable_share(text)
    if words >= MIN_WORDS and share < MIN_SYLLABLE_SHARE:  # a glyph split? rejoin, then judge
        share, words = syllable_share("\n".join(rejoin_glyph_splits(t)[0] for t in kept))
    garbled = words >= MIN_WORDS and share < MIN_SYLLABLE_SHARE
    area = page.width * page.height or 1.0
    text_cover = sum((s.x1 - s.x0) * (s.bottom - s.top)
                     for s, stamp in zip(page.segments, stamps, strict=True) if not stamp) / area
    suspect = chars < MIN_TEXT_CHARS or garbled or (not page.tables and text_cover < MIN_TEXT_COVER)
    if not suspect:
        return None
    if image_cover() >= MIN_SCAN_COVER:
        if chars < MIN_TEXT_CHARS:
            return OcrReason.STAMP_ONLY if any(stamps) else OcrReason.NO_TEXT
        if garbled:
            return OcrReason.GARBLED
        return OcrReason.SPARSE if text_cover < MIN_TEXT_COVER else None
    if garbled and _non_ascii_share(text) >= MIN_NON_ASCII_LETTERS:
        return OcrReason.BROKEN_FONT
    return None
