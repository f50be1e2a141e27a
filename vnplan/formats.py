"""The input formats vnplan reads: one table, used by every stage that needs to know them.

A format is told from the bytes (`sniff`), never from the name; the table gives its file
suffixes, media types, the reader that turns it into lines, what a record calls it, and whether a
page's links to it are followed as attachments. Adding a format is one row here and one reader.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from typing import Literal

FormatName = Literal["pdf", "docx", "doc", "html", "txt", "bin"]
RecordFormat = Literal["pdf", "docx", "html", "txt"]  # Source.format of a record


@dataclass(frozen=True)
class Format:
    """One input format. `reader` is "module:function" (imported only when a file needs it)."""

    name: FormatName
    suffixes: tuple[str, ...]
    media_type: str
    reader: str | None
    record_format: RecordFormat | None
    attachment: bool = False  # links to it on a fetched page are followed


FORMATS: tuple[Format, ...] = (
    Format("docx", (".docx",), "application/vnd.openxmlformats-officedocument."
           "wordprocessingml.document", "vnplan.extract.readers.docx:read_docx_layout", "docx",
           attachment=True),
    Format("doc", (".doc",), "application/msword", "vnplan.extract.readers.docx:read_doc_layout",
           "docx", attachment=True),
    Format("pdf", (".pdf",), "application/pdf", "vnplan.extract.readers.pdf:read_pdf_layout",
           "pdf", attachment=True),
    Format("html", (".html", ".htm"), "text/html", "vnplan.extract.readers.html:read_html_layout",
           "html"),
    Format("txt", (".txt",), "text/plain", "vnplan.extract.readers.txt:read_txt_layout", "txt"),
    Format("bin", (".bin",), "application/octet-stream", None, None),
)
BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
INPUT_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if f.reader for s in f.suffixes)
ATTACHMENT_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if f.attachment for s in f.suffixes)
RECORD_FORMAT_ORDER: tuple[RecordFormat, ...] = tuple(
    dict.fromkeys(f.record_format for f in FORMATS if f.record_format)
)
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DOCX_PART = "word/document.xml"
_HTML_OPENERS = (b"<!doctype html", b"<html", b"<head", b"<body")
_HTML_MARKERS = (
    *_HTML_OPENERS, b"<title", b"<meta", b"<script", b"<style", b"<div", b"<table", b"<p>",
    b"<p ", b"<h1", b"<a ", b"<br", b"<iframe",
)
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def sniff(content: bytes) -> FormatName:
    """The format the bytes are, whatever they were called.

    >>> sniff(b"%PDF-1.7 ..."), sniff(b"<!DOCTYPE html><p>x"), sniff("Kế hoạch".encode())
    ('pdf', 'html', 'txt')
    """
    pdf_at = content.find(_PDF_MAGIC, 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and b"<" not in content[:pdf_at]):
        return "pdf"
    if content.startswith(_ZIP_MAGIC):
        return "docx" if _is_docx(content) else "bin"
    if content.startswith(_OLE_MAGIC):
        return "doc"
    head = _text_head(content)
    if head is None:
        return "bin"
    if any(marker in head[:512] for marker in _HTML_OPENERS):
        return "html"
    is_xml = head.startswith(b"<?xml")  # XHTML carries <html>; an RSS feed's <title> is not HTML
    if head.startswith(b"<") and not is_xml and any(m in head for m in _HTML_MARKERS):
        return "html"
    return "txt"


def sniff_served(content: bytes, media_type: str | None) -> FormatName:
    """`sniff`, except that text a server calls HTML is HTML (a bare fragment)."""
    sniffed = sniff(content)
    if sniffed == "txt" and media_type in HTML_MEDIA_TYPES and b"<" in content[:4096]:
        return "html"
    return sniffed


def has_input_suffix(name: str) -> bool:
    """Whether a file name ends in a suffix of a format vnplan reads."""
    return name.lower().endswith(INPUT_SUFFIXES)


def _is_docx(content: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return _DOCX_PART in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        # A truncated zip still names its parts in the local file headers.
        return _DOCX_PART.encode() in content


def _text_head(content: bytes) -> bytes | None:
    """The first KiB as lower-case ASCII-ish bytes, or None if it looks binary."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            raw = content[len(bom) : len(bom) + 2048]
            text = raw.decode(codec, errors="ignore")
            return text.lstrip().lower().encode("utf-8", errors="ignore")[:1024]
    head = content[:4096]
    if b"\x00" in head:
        return None
    return head.lstrip()[:1024].lower()
