"""One document from bytes to a validated record: read → extract → normalize.

`convert()` is the whole pipeline for one input; the CLI and the batch runner are thin shells
around it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Literal

from vnplan.extract.document import ExtractionError, extract_document, sha256_hex
from vnplan.extract.layout import Layout
from vnplan.extract.text_input import decode_text, read_text_layout
from vnplan.schema import Document, Source

Format = Literal["pdf", "docx", "html", "txt"]
MAX_BYTES = 200 * 2**20  # inputs larger than this are refused, not read


class ConversionError(ExtractionError):
    """An input that gives no record: `code` is stable, the message is for people."""


def sniff_format(data: bytes, name: str = "") -> str:
    """The format the bytes are, whatever the name says: pdf, docx, doc, html or txt."""
    head = data[:2048].lstrip()
    lower = head[:1024].lower()
    if data.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if b"word/" in data[:65536] or name.lower().endswith(".docx") else "zip"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    if (
        lower.startswith((b"<!doctype html", b"<html", b"<?xml"))
        or b"<body" in lower
        or (b"<div" in lower and b"</" in lower)
    ):
        return "html"
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "txt"


def read_layout(data: bytes, fmt: str, name: str) -> Layout:
    """The format reader for `fmt`: bytes → lines in reading order, legacy encodings decoded."""
    return decode_legacy_text(_read_format(data, fmt, name))


def decode_legacy_text(layout: Layout) -> Layout:
    """Text typed in a legacy Vietnamese encoding (TCVN3/ABC ".VnTime" fonts, VNI, VISCII) and
    read as Latin letters → Unicode, before extraction reads its structure."""
    from vnplan.normalize import convert_legacy, detect_legacy_encoding

    sample = "\n".join(line.text for line in layout.lines[:400])
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
    note = ("legacy_encoding", f"text was in the legacy {encoding} encoding: converted to Unicode")
    return replace(layout, lines=lines, notes=[*layout.notes, note])


def _read_format(data: bytes, fmt: str, name: str) -> Layout:
    reader = _reader(fmt)
    if reader is None:
        raise ConversionError("unsupported_format", f"{name}: {fmt} files are not supported")
    return reader(data)


def _reader(fmt: str) -> Callable[[bytes], Layout] | None:
    """The reader of one format; the heavier ones are imported only when a file needs them."""
    if fmt == "txt":
        return _read_txt
    if fmt == "pdf":
        from vnplan.extract.pdf import read_pdf_layout

        return read_pdf_layout
    if fmt in ("docx", "doc"):
        from vnplan.extract.docx_input import read_doc_layout, read_docx_layout

        return read_docx_layout if fmt == "docx" else read_doc_layout
    if fmt == "html":
        from vnplan.extract.html_input import read_html_layout

        return read_html_layout
    return None


def _read_txt(data: bytes) -> Layout:
    text, encoding = decode_text(data)
    layout = read_text_layout(text)
    if not encoding.startswith("utf") and encoding != "ascii":
        layout.notes.append(("text_encoding", f"not UTF-8: read as {encoding}"))
    return layout


def convert(
    source: str | Path | bytes,
    *,
    uri: str | None = None,
    fetched_at: dt.datetime | None = None,
    found_on: str | None = None,
    normalize: bool = True,
    ocr_text: bool | None = None,
    max_pages: int | None = None,
    max_bytes: int = MAX_BYTES,
) -> Document:
    """Convert one document (a path, or its bytes) into a validated schema v1 record.

    `ocr_text=True` says the text came from OCR (a scanned source sets it by itself), which
    licenses the OCR repairs that rest on the phrase alone; `max_pages` / `max_bytes` refuse
    inputs over those sizes with a clear error.

    >>> doc = convert("samples/lang-son-227-kh-ubnd-2021.txt")
    >>> doc.doc_number, doc.issued_date.isoformat()
    ('227/KH-UBND', '2021-11-18')
    """
    if isinstance(source, bytes):
        data, name = source, uri or "<bytes>"
    else:
        path = Path(source)
        name = uri or str(source)
        data = _read_file(path, max_bytes)
    if len(data) > max_bytes:
        raise ConversionError("too_large", f"{name}: {len(data)} bytes is over the limit")
    if not data.strip():
        raise ConversionError("empty", f"{name}: the file is empty")
    fmt = sniff_format(data, name)
    if fmt == "pdf" and max_pages is not None:
        _check_page_count(data, name, max_pages)
    layout = read_layout(data, fmt, name)
    if fmt == "html" and not any(line.text.strip() for line in layout.lines):
        raise ConversionError(
            "no_article", f"{name}: the page has no article text, only menus, links or a footer"
        )
    record_format: Format = "docx" if fmt == "doc" else fmt  # type: ignore[assignment]
    src = Source(
        uri=name,
        format=record_format,
        sha256=sha256_hex(data),
        pages=layout.pages,
        ocr=layout.ocr,
        fetched_at=fetched_at,
        found_on=found_on,
    )
    doc = extract_document(layout, src)
    if normalize:
        doc = _normalize(doc, ocr_text)
    return Document.model_validate(doc.model_dump())


def _read_file(path: Path, max_bytes: int) -> bytes:
    if not path.is_file():
        raise ConversionError("not_found", f"{path}: no such file")
    size = path.stat().st_size
    if size > max_bytes:
        raise ConversionError("too_large", f"{path}: {size} bytes is over the {max_bytes} limit")
    return path.read_bytes()


def _check_page_count(data: bytes, name: str, max_pages: int) -> None:
    """Refuse a PDF over the page limit before reading any page (a damaged or encrypted PDF is
    left for the PDF reader to report)."""
    import pypdfium2 as pdfium

    try:
        pages = len(pdfium.PdfDocument(data))
    except pdfium.PdfiumError:
        return
    if pages > max_pages:
        raise ConversionError(
            "too_many_pages", f"{name}: {pages} pages is over the limit of {max_pages}"
        )


def _normalize(doc: Document, ocr_text: bool | None) -> Document:
    """normalize (names → canonical entities), then align (sections, rows → strategy pillars)."""
    from vnplan.align import align_document
    from vnplan.normalize import normalize_document

    return align_document(normalize_document(doc, ocr_text=ocr_text))
