"""Readers: the bytes of one format → a `Layout` (lines in reading order, with provenance).

Each reader imports only the text stage and the schema; which reader reads which bytes is the
formats table's business (`vnplan.formats`). `read_layout` runs the reader and then decodes text
typed in a legacy font encoding, whatever the format carried it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import replace
from typing import cast

from vnplan.errors import ConversionError
from vnplan.extract.readers.layout import Layout
from vnplan.formats import BY_NAME
from vnplan.schema import Warning
from vnplan.text.legacy import convert_legacy, detect_legacy_encoding

LEGACY_SAMPLE_LINES = 400  # lines looked at to tell a legacy font encoding


def read_layout(data: bytes, fmt: str, name: str) -> Layout:
    """The lines of `data` read as format `fmt` (`name` is for messages only)."""
    return decode_legacy_text(reader_of(fmt, name)(data))


def reader_of(fmt: str, name: str) -> Callable[[bytes], Layout]:
    """The reader of one format, imported only when a file needs it."""
    spec = BY_NAME[fmt].reader if fmt in BY_NAME else None
    if spec is None:
        raise ConversionError("unsupported_format", f"{name}: {fmt} files are not supported")
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
