"""One document from bytes to a validated record: read → extract → normalize → align.

`convert()` is the whole pipeline for one input; the CLI, the batch runner and the job runner
are thin shells around it, and `ConvertOptions` is everything they can tell it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from vnplan.errors import ConversionError
from vnplan.extract.document import extract_document, sha256_hex
from vnplan.extract.readers import read_layout
from vnplan.formats import BY_NAME, sniff
from vnplan.schema import Document, Source
from vnplan.text.fold import slug

MAX_BYTES = 200 * 2**20  # inputs larger than this are refused, not read
TEXT_FORMATS = frozenset({"txt", "html"})  # read whole: text, lines and tokens in memory at once

__all__ = ["MAX_BYTES", "ConversionError", "ConvertOptions", "convert", "document_id"]


@dataclass(frozen=True)
class ConvertOptions:
    """How one document is converted, on every path (a file, a URL, an attachment, a cluster).

    `max_pages` / `max_bytes` refuse inputs over those sizes with a clear error, and
    `max_text_bytes` text inputs (txt, html) over that size: they are read whole, and their
    text, lines and tokens take many times their size in memory. `ocr_text=True` says the
    text came from OCR (a scanned source sets it by itself), which licenses the OCR repairs
    that rest on the phrase alone; `normalize=False` stops after extraction.
    """

    max_pages: int | None = None
    max_bytes: int = MAX_BYTES
    ocr_text: bool | None = None
    normalize: bool = True
    max_text_bytes: int = MAX_BYTES

    def __post_init__(self) -> None:
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError("ConvertOptions.max_pages must be at least 1")
        if self.max_bytes < 1 or self.max_text_bytes < 1:
            raise ValueError("ConvertOptions.max_bytes and max_text_bytes must be positive")


def convert(
    source: str | Path | bytes,
    options: ConvertOptions | None = None,
    *,
    uri: str | None = None,
    fetched_at: dt.datetime | None = None,
    found_on: str | None = None,
    final_url: str | None = None,
) -> Document:
    """Convert one document (a path, or its bytes) into a validated schema v1 record.

    >>> doc = convert("samples/lang-son-227-kh-ubnd-2021.txt")
    >>> doc.doc_number, doc.issued_date.isoformat()
    ('227/KH-UBND', '2021-11-18')
    """
    options = options or ConvertOptions()
    if isinstance(source, bytes):
        data, name = source, uri or "<bytes>"
    else:
        name = uri or str(source)
        data = _read_file(Path(source), options.max_bytes)
    if len(data) > options.max_bytes:
        raise ConversionError("too_large", f"{name}: {len(data)} bytes is over the limit")
    if not data.strip():
        raise ConversionError("empty", f"{name}: the file is empty")
    fmt = sniff(data)
    if fmt in TEXT_FORMATS and len(data) > options.max_text_bytes:
        raise ConversionError(
            "too_large",
            f"{name}: {len(data)} bytes of {fmt} is over the {options.max_text_bytes} limit for"
            " text inputs",
        )
    if fmt == "pdf" and options.max_pages is not None:
        _check_page_count(data, name, options.max_pages)
    layout = read_layout(data, fmt, name)
    if fmt == "html" and not any(line.text.strip() for line in layout.lines):
        raise ConversionError(
            "no_article", f"{name}: the page has no article text, only menus, links or a footer"
        )
    record_format = BY_NAME[fmt].record_format
    assert record_format is not None  # a format without a reader was refused above
    src = Source(
        uri=name,
        format=record_format,
        sha256=sha256_hex(data),
        pages=layout.pages,
        ocr=layout.ocr,
        fetched_at=fetched_at,
        found_on=found_on,
        final_url=final_url,
    )
    doc = extract_document(layout, src)
    if options.normalize:
        doc = _normalize(doc, options.ocr_text)
    doc.id = document_id(doc)
    return Document.model_validate(doc.model_dump())


def document_id(doc: Document) -> str:
    """Stable id, minted from the normalized fields: province + number + date when known, else
    kind + a hash of the source (so two forms of one document get one id)."""
    if doc.province and doc.doc_number and doc.issued_date:
        return f"{slug(doc.province.name)}-{slug(doc.doc_number)}-{doc.issued_date.isoformat()}"
    return f"{doc.kind}-{doc.source.sha256[:16]}"


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
