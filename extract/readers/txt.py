"""Plain text → `Layout`.

Each non-blank line is a paragraph; a run of blank lines stands for a page break; a line with
tabs is a table row.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from vnplan.extract.readers.layout import Layout, Line
from vnplan.schema import Warning
from vnplan.text.charset import decode_text as decode_web_text
from vnplan.text.legacy import convert_legacy, detect_legacy_encoding
from vnplan.text.letters import vietnamese_share

PAGE_BREAK_BLANKS = 3  # a run of this many blank lines in exported text marks a page break


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    """Bytes windows-1252 leaves undefined (0x81, 0x8D, …) read as Latin-1, as legacy fonts do."""
    assert isinstance(error, UnicodeDecodeError)
    return chr(error.object[error.start]), error.start + 1


codecs.register_error("latin1_fallback", _latin1_fallback)


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, charset) of text bytes: the web pages' decoder (BOM, strict UTF-8, windows-1258
    or windows-1252 by their Vietnamese letters), plus the legacy font encodings (TCVN3, VNI,
    VISCII: bytes typed with ".VnTime"-style fonts, read as windows-1252) when they read as
    more Vietnamese."""
    decoded = decode_web_text(data)
    if decoded.charset.startswith("utf") or decoded.charset == "ascii":
        return decoded.text, decoded.charset
    latin = data.decode("cp1252", errors="latin1_fallback")
    legacy = detect_legacy_encoding(latin)
    if legacy:
        converted = convert_legacy(latin, legacy)
        if vietnamese_share(converted) > vietnamese_share(decoded.text):
            return converted, legacy
    return decoded.text, decoded.charset


def read_txt_layout(data: bytes) -> Layout:
    """The lines of a text file, decoded whatever its charset (a note says which when not UTF-8)."""
    text, encoding = decode_text(data)
    layout = read_text_layout(text)
    if not encoding.startswith("utf") and encoding != "ascii":
        layout.notes.append(Warning(code="text_encoding", message=f"not UTF-8: read as {encoding}"))
    return layout


def read_text_layout(text: str) -> Layout:
    """Lines of a text export; rows with tabs become table rows (and table cells on the line)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines: list[Line] = []
    cleaned = 0
    blanks = 0
    for line in text.split("\n"):
        raw, changed = strip_markup(line) if "*" in line else (line, False)
        cleaned += changed
        if not raw.strip():
            blanks += 1
            continue
        page_break = blanks >= PAGE_BREAK_BLANKS
        gap = blanks > 0
        blanks = 0
        if "\t" in raw:
            cells = tuple(cell.strip() for cell in raw.split("\t"))
            lines.append(Line(text=raw.strip(), cells=cells, break_before=page_break))
        else:
            lines.append(Line(text=raw.strip(), gap_before=gap, break_before=page_break))
    notes = (
        [
            Warning(
                code="markup_removed",
                message=f"removed OCR markup ('*[Signature]*', '**…**') on {cleaned} line(s)",
            )
        ]
        if cleaned
        else []
    )
    return Layout(lines=lines, notes=notes)


_PLACEHOLDER = re.compile(r"\s*\*?\[(?:Signature|Chữ ký|Stamp|Con dấu|Seal)\]\*?", re.IGNORECASE)
_EMPHASIS = re.compile(r"\*{1,2}(?=\S)|(?<=\S)\*{1,2}|^\*{1,2}|\*{1,2}$")


def strip_markup(text: str) -> tuple[str, bool]:
    """Remove OCR-export markup: "*[Signature]*" placeholders and "**bold**"/"*italic*" marks."""
    cleaned = _EMPHASIS.sub("", _PLACEHOLDER.sub("", text)).strip()
    return cleaned, cleaned != text.strip()
