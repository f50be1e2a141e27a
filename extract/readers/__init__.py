"""Readers: the bytes of one format → a `Layout` (lines in reading order, with provenance).

Each reader imports only the text stage and the schema; which reader reads which bytes is the
formats table's business (`vnplan.formats`). `read_layout` runs the reader and then decodes text
typed in a legacy font encoding, whatever the format carried it.
"""

from __future__ import annotations

import importlib
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from vnplan.errors import ConversionError
from vnplan.extract.readers.layout import Layout, Line
from vnplan.formats import BY_NAME, FORMATS
from vnplan.schema import Warning
from vnplan.text.legacy import convert_legacy, detect_legacy_encoding
from vnplan.text.lookalikes import fix_lookalikes

LEGACY_SAMPLE_LINES = 400  # lines looked at to tell a legacy font encoding


def read_layout(data: bytes, fmt: str, name: str, page_processes: int = 1) -> Layout:
    """The lines of `data` read as format `fmt` (`name` is for messages only); a long PDF's
    pages by up to `page_processes` processes."""
    reader = reader_of(fmt, name)
    if fmt == "pdf":  # the one reader that may read its pages in several processes
        paged = cast(Callable[[bytes, int], Layout], reader)
        layout = paged(data, page_processes)
    else:
        layout = reader(data)
    return repair_letters(decode_legacy_text(layout))


def repair_letters(layout: Layout) -> Layout:
    """Look-alike letters repaired in every line (U+01A3 "ƣ" some fonts give for "ư",
    Cyrillic letters in an OCR'd number …), one warning per kind of repair."""
    changed: Counter[tuple[str, str]] = Counter()

    def fix(text: str) -> str:
        fixed = fix_lookalikes(text)
        if fixed != text:
            changed.update((a, b) for a, b in zip(text, fixed, strict=True) if a != b)
        return fixed

    lines = [_fixed_line(line, fix) for line in layout.lines]
    if not changed:
        return layout
    notes = [
        Warning(code="lookalike_fixed",
                message=f"{old} → {new} (U+{ord(old):04X} → U+{ord(new):04X}) ×{n}")
        for (old, new), n in sorted(changed.items())
    ]
    return replace(layout, lines=lines, notes=[*layout.notes, *notes])


def _fixed_line(line: Line, fix: Callable[[str], str]) -> Line:
    text = fix(line.text)
    cells = tuple(fix(c) for c in line.cells) if line.cells else None
    if text == line.text and cells == line.cells:
        return line  # most lines: nothing to repair, no copy
    return replace(line, text=text, cells=cells)


def reader_of(fmt: str, name: str) -> Callable[[bytes], Layout]:
    """The reader of one format, imported only when a file needs it."""
    spec = BY_NAME[fmt].reader if fmt in BY_NAME else None
    if spec is None:
        readable = ", ".join(f.name.upper() for f in FORMATS if f.reader)
        raise ConversionError("unsupported_format", f"{name}: its bytes are in no format vnplan "
                              f"reads ({readable}), whatever its name says")
    module, _, function = spec.partition(":")
    return cast(Callable[[bytes], Layout], getattr(importlib.import_module(module), function))


def decode_legacy_text(layout: Layout) -> Layout:
    """Text typed in a legacy Vietnamese encoding (TCVN3/ABC ".VnTime" fonts, VNI, VISCII) and
    read as Latin letters → Unicode, before extraction reads its structure."""
    sample = "\n".join(line.text for line in layout.lines[:LEGACY_SAMPLE_LINES])
    encoding = detect_legacy_encoding(sample)
    if encoding is None:
        return layout
    lines = [
        replace(
            line,
            text=convert_legacy(line.text, encoding),
            cells=tuple(convert_legacy(c, encoding) for c in line.cells) if line.cells else None,
        )
        for line in layout.lines
    ]
    note = Warning(
        code="legacy_encoding",
        message=f"text was in the legacy {encoding} encoding: converted to Unicode",
    )
    return replace(layout, lines=lines, notes=[*layout.notes, note])
