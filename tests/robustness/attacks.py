"""Hostile inputs, built from nothing or from the samples: bombs, heavy pages, looping page
trees, XXE and zip-slip Word files, pathological text. The tests and `bench/attacks.py` use them.

Each builder returns the bytes (or writes a file) so a test can serve it over HTTP or put it in
an input folder; nothing here is committed as a binary.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
LANG_SON_TXT = SAMPLES / "lang-son-227-kh-ubnd-2021.txt"
LANG_SON_DOCX = SAMPLES / "lang-son-227-kh-ubnd-2021.docx"
LAO_CAI_PDF = SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf"  # 15 pages
SCAN_PDF = SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf"  # 15 scanned pages: slow to OCR
MiB = 2**20


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF of `objects` (1 0 obj is the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _stream(entries: bytes, data: bytes) -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


_CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
_ONE_PAGE = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def pdf_bomb(text_mib: int = 160) -> bytes:
    """A ~1 KB PDF whose one page's content stream, flate-compressed twice, inflates to
    `text_mib` MiB of text-drawing operators."""
    line = b"BT /F1 12 Tf 72 720 Td (Ke hoach) Tj ET\n"
    raw = line * (text_mib * MiB // len(line))
    twice = zlib.compress(zlib.compress(raw, 9), 9)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
        b" /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
    )
    content = _stream(b"/Filter [/FlateDecode /FlateDecode]", twice)
    return pdf_file([_CATALOG, _ONE_PAGE, page, content, _FONT])


def heavy_page_pdf() -> bytes:
    """A ~2 KB PDF of one 200 × 200-inch page (the largest PDF allows) that is only an image:
    read as a scan, it is rendered at 300 dpi — a 60 000 × 60 000 pixel bitmap."""
    image = zlib.compress(b"\xff" * (1000 * 1000), 9)
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400]"
        b" /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>"
    )
    content = _stream(b"", b"q 14400 0 0 14400 0 0 cm /Im1 Do Q")
    xobject = _stream(
        b"/Type /XObject /Subtype /Image /Width 1000 /Height 1000 /ColorSpace /DeviceGray"
        b" /BitsPerComponent 8 /Filter /FlateDecode",
        image,
    )
    return pdf_file([_CATALOG, _ONE_PAGE, page, content, xobject])


def page_tree_loop_pdf() -> bytes:
    """A PDF whose page tree contains itself (Pages → Kids → the same Pages)."""
    pages = b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
    return pdf_file([_CATALOG, pages, page, _stream(b"", b"")])


def _docx_with(document_xml: bytes | None = None, extra: dict[str, bytes] | None = None) -> bytes:
    """The Lạng Sơn sample .docx with its document.xml replaced and parts added."""
    out = io.BytesIO()
    with zipfile.ZipFile(LANG_SON_DOCX) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED
    ) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml" and document_xml is not None:
                data = document_xml
            target.writestr(info.filename, data)
        for name, data in (extra or {}).items():
            target.writestr(name, data)
    return out.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_bomb(xml_mib: int = 120) -> bytes:
    """A ~1 MB .docx whose document.xml inflates to `xml_mib` MiB of one-letter paragraphs
    (millions of elements once parsed)."""
    paragraph = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    out = io.BytesIO()
    with zipfile.ZipFile(LANG_SON_DOCX) as source, zipfile.ZipFile(
        out, "w", zipfile.ZIP_DEFLATED, compresslevel=9
    ) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info.filename))
        with target.open("word/document.xml", "w") as xml:
            xml.write(b'<?xml version="1.0" encoding="UTF-8"?><w:document %s><w:body>' % _W)
            block = paragraph * (MiB // len(paragraph))
            for _ in range(xml_mib):
                xml.write(block)
            xml.write(b"</w:body></w:document>")
    return out.getvalue()


def xxe_docx(secret: Path) -> bytes:
    """A .docx whose document.xml declares an external entity naming `secret` and uses it."""
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://%s">]>'
        b"<w:document %s><w:body><w:p><w:r><w:t>K\xe1\xba\xbf ho\xe1\xba\xa1ch &xxe;</w:t>"
        b"</w:r></w:p></w:body></w:document>" % (str(secret).encode(), _W)
    )
    return _docx_with(xml)


def zip_slip_docx() -> bytes:
    """The sample .docx with parts named ../../escaped.txt and /tmp/absolute.txt."""
    return _docx_with(extra={"../../escaped.txt": b"escaped", "/tmp/absolute.txt": b"absolute"})


def no_space_run(total: int = MiB) -> bytes:
    """A plan heading, then `total` bytes of "1.1.1.…" with no space: the tokenizer's worst case."""
    return "KẾ HOẠCH\nThực hiện chiến lược ngoại giao văn hóa\n".encode() + b"1." * (total // 2)


def spaced_numbers(total: int = MiB) -> bytes:
    """A plan heading, then `total` bytes of "1. 1. 1. …"."""
    return "KẾ HOẠCH\nThực hiện chiến lược ngoại giao văn hóa\n".encode() + b"1. " * (total // 3)


def big_html(total: int = 3 * MiB) -> bytes:
    """A news page whose article is `total` bytes of Vietnamese paragraphs."""
    text = LANG_SON_TXT.read_text("utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    body = (paragraphs * (total // len(paragraphs.encode()) + 1)).encode()[:total]
    return (
        b"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Tin</title></head><body>"
        b"<article><h1>K\xe1\xba\xbf ho\xe1\xba\xa1ch</h1>%s</article></body></html>" % body
    )
