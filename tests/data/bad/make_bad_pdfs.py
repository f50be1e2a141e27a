"""Build the small PDFs the extractor tests use for bad and defective input.

Run ``python tests/data/bad/make_bad_pdfs.py`` to (re)write them next to this file; the
encrypted ones need ``qpdf``. The tests import the builders from here and also read the files.

* ``glyph-split.pdf``: a real instance of the glyph-fallback defect. It is written by hand
  (no font file needed): Latin-1 letters are set in Courier, and from its first Vietnamese
  letter on each word is set in a second font, a Type 3 font whose glyphs are plain boxes with a
  ToUnicode map, as its own text run placed a third of an em further on, which is what a PDF
  made with a font lacking Vietnamese glyphs looks like (each fallback run is a separate run
  in another font). pdfium's text layer of it reads "c ủa", "Th ể", "Vi ệt".
* ``zero-pages.pdf``: a well-formed PDF whose page tree is empty.
* ``corrupt.pdf``: a PDF header followed by garbage.
* ``truncated.pdf``: ``glyph-split.pdf`` cut at 60 % of its bytes (no cross-reference table).
* ``encrypted-user.pdf`` / ``encrypted-owner.pdf``: ``glyph-split.pdf`` encrypted with qpdf
  (AES-256) with a user password ("user") / with only an owner password (opens without one).
* ``many_pages_pdf(n)`` (not written to disk): ``n`` blank pages, for the page limit.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = 14  # points
ADVANCE = 0.6  # Courier's advance, and the Type 3 glyphs', in ems
FALLBACK_GAP = 0.33  # ems between a Courier run and the fallback run that follows it
LINES = (
    "Kế hoạch của Ủy ban nhân dân tỉnh Lào Cai",
    "Sở Văn hóa, Thể thao và Du lịch",
    "người Việt Nam ở nước ngoài",
)


def _latin1(char: str) -> bool:
    return ord(char) <= 0xFF


def _runs(line: str) -> list[tuple[str, str]]:
    """(font, text) runs: each word's Latin-1 head in F1, the rest of the word in F2."""
    runs: list[tuple[str, str]] = []
    for index, word in enumerate(line.split(" ")):
        cut = next((i for i, c in enumerate(word) if not _latin1(c)), len(word))
        head, tail = word[:cut], word[cut:]
        if index:
            head = " " + head
        if head:
            runs.append(("F1", head))
        if tail:
            runs.append(("F2", tail))
    return runs


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF file from its numbered objects (1-based), with a classic xref table."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def glyph_split_pdf() -> bytes:
    """A one-page PDF whose Vietnamese letters are fallback-font runs of their own."""
    fallback = sorted({c for line in LINES for _, text in _runs(line) if _ == "F2"
                       for c in text.strip()})
    codes = {char: index + 1 for index, char in enumerate(fallback)}
    content = bytearray(b"BT\n")
    for row, line in enumerate(LINES):
        x, y = 72.0, 760.0 - row * 2 * SIZE
        for font, text in _runs(line):
            if font == "F1":
                encoded = text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
                encoded = encoded.replace(b")", b"\\)")
            else:
                x += FALLBACK_GAP * SIZE
                encoded = b"".join(b"\\%03o" % codes[c] for c in text)
            content += b"/%s %d Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj\n" % (
                font.encode(), SIZE, x, y, encoded)
            x += len(text) * ADVANCE * SIZE
    content += b"ET\n"
    width = int(ADVANCE * 1000)
    glyph = b"%d 0 60 0 540 700 d1 60 0 480 700 re f" % width
    names = b" ".join(b"/g%d" % code for code in codes.values())
    procs = b" ".join(b"/g%d 8 0 R" % code for code in codes.values())
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <01> <FF> endcodespacerange\n"
        f"{len(codes)} beginbfchar\n"
        + "".join(f"<{code:02X}> <{ord(char):04X}>\n" for char, code in codes.items())
        + "endbfchar\nendcmap CMapName currentdict /CMap defineresource pop end end\n"
    ).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        _stream(bytes(content)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 600 700] "
        b"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 7 0 R "
        b"/Encoding << /Type /Encoding /Differences [1 %s] >> /FirstChar 1 /LastChar %d "
        b"/Widths [%s] /ToUnicode 9 0 R /Resources << >> >>"
        % (names, len(codes), b" ".join(b"%d" % width for _ in codes)),
        b"<< %s >>" % procs,
        _stream(glyph),
        _stream(cmap),
    ]
    return _pdf(objects)


def zero_pages_pdf() -> bytes:
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def corrupt_pdf() -> bytes:
    return b"%PDF-1.7\n" + bytes((i * 37 + 11) % 256 for i in range(2048))


def truncated_pdf() -> bytes:
    data = glyph_split_pdf()
    return data[: int(len(data) * 0.6)]


def many_pages_pdf(count: int) -> bytes:
    """`count` blank A4 pages (written with pypdfium2)."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument.new()
    try:
        for _ in range(count):
            doc.new_page(595, 842).close()
        buffer = io.BytesIO()
        doc.save(buffer)
    finally:
        doc.close()
    return buffer.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    """`glyph_split_pdf()` encrypted by qpdf (AES-256); "" for an owner password only."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        sys.exit("qpdf is needed to build the encrypted PDFs (apt-get install qpdf)")
    with tempfile.TemporaryDirectory() as tmp:
        plain, locked = Path(tmp, "plain.pdf"), Path(tmp, "locked.pdf")
        plain.write_bytes(glyph_split_pdf())
        subprocess.run([qpdf, "--encrypt", user_password, "owner-secret", "256", "--",
                        str(plain), str(locked)], check=True)
        return locked.read_bytes()


def main() -> int:
    files = {
        "glyph-split.pdf": glyph_split_pdf(),
        "zero-pages.pdf": zero_pages_pdf(),
        "corrupt.pdf": corrupt_pdf(),
        "truncated.pdf": truncated_pdf(),
        "encrypted-user.pdf": encrypted_pdf("user"),
        "encrypted-owner.pdf": encrypted_pdf(""),
    }
    for name, data in files.items():
        (HERE / name).write_bytes(data)
        print(f"wrote {name} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
