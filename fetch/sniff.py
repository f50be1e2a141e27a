"""What a body is, told from its bytes; the server's Content-Type only breaks a text tie."""

from __future__ import annotations

import io
import zipfile

from .document import Format

MEDIA_TYPES: dict[Format, str] = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "html": "text/html",
    "txt": "text/plain",
    "bin": "application/octet-stream",
}
HTML_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_DOCX_PART = "word/document.xml"
_HTML_MARKERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<title",
    b"<meta",
    b"<script",
    b"<style",
    b"<div",
    b"<table",
    b"<p>",
    b"<p ",
    b"<h1",
    b"<a ",
    b"<br",
    b"<iframe",
)
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def sniff_format(content: bytes) -> Format:
    """The format the bytes are, whatever they were called: pdf, docx, doc, html, txt or bin."""
    pdf_at = content.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and b"<" not in content[:pdf_at]):
        return "pdf"
    if content.startswith(_ZIP_MAGIC):
        return "docx" if _is_docx(content) else "bin"
    if content.startswith(_OLE_MAGIC):
        return "doc"
    head = _text_head(content)
    if head is None:
        return "bin"
    if any(marker in head[:512] for marker in _HTML_MARKERS[:4]):
        return "html"
    is_xml = head.startswith(b"<?xml")  # XHTML carries <html>; an RSS feed's <title> is not HTML
    if head.startswith(b"<") and not is_xml and any(m in head for m in _HTML_MARKERS):
        return "html"
    return "txt"


def decide_format(content: bytes, header_media_type: str | None) -> Format:
    """`sniff_format`, except that text the server calls HTML is HTML (a bare fragment)."""
    sniffed = sniff_format(content)
    if sniffed == "txt" and header_media_type in HTML_MEDIA_TYPES and b"<" in content[:4096]:
        return "html"
    return sniffed


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header value, lower-cased; None where absent."""
    if not value:
        return None, None
    raw_media, _, params = value.partition(";")
    media = raw_media.strip().lower() or None
    charset: str | None = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").strip().lower() or None
    return media, charset


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
