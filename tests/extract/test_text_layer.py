"""extract/readers/text_layer.py: pages whose text layer is not their text are read by OCR.

The PDFs are built here from the samples: the first page of the scanned sample with a signing
stamp or a scanner's garbled OCR layer laid over it, and the first page of a born-digital
sample whose font's ToUnicode map is shifted (as a broken producer writes it).
"""

from __future__ import annotations

import ctypes
import io
import re
import shutil
import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from rapidfuzz import fuzz

from tests.conftest import SAMPLES
from vnplan.extract.readers import ocr
from vnplan.extract.readers.layout import Layout
from vnplan.extract.readers.pdf import read_pdf_layout
from vnplan.extract.readers.pdf_geometry import PageText, Segment
from vnplan.extract.readers.text_layer import (
    OcrReason,
    is_stamp_line,
    ocr_reason,
    syllable_share,
)

SCAN = SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf"
STAMP = ("SAO Y; CONG AN TINH LAM DONG; 19/03/2026; 08:40:00; +07:00",
         "Email: congantinhlamdong@lgsp.bca")
GARBLED = ("UY BAN NHAN DAN ceNG HoA xA ngI cnu Ncnie vlpr NAM DQc lfp - Tg do - Hgnh Phtic "
           "S6: l22/KH-UBND Ldo Cai, ngdy 30 thdng 3 ndm 2022 KE HOACH Thgc hiQn Chi6n lugc "
           "ngo4i giao vdn h6a d6n ndm 2030 cria UBND tinh Ldo Cai; Cdn cri Quy€t dinh s6 "
           "2013/QD-TTg ngdy 30/11/2021 cira Thu tu6ng Chinh phri")
VIETNAMESE = ("Thực hiện Quyết định số 2013/QĐ-TTg ngày 30/11/2021 của Thủ tướng Chính phủ "
              "phê duyệt Chiến lược Ngoại giao văn hóa đến năm 2030, Ủy ban nhân dân tỉnh Lào "
              "Cai ban hành Kế hoạch thực hiện như sau")
ENGLISH = ("The provincial people's committee issues this plan to carry out the strategy for "
           "cultural diplomacy until 2030, with the tasks listed in the appendix below")


@pytest.fixture(autouse=True)
def _forget_tesseract() -> Iterator[None]:
    """The tesseract lookup is cached per process: leave no cached answer to later tests
    (one of them hides tesseract from the PATH)."""
    yield
    ocr.tesseract_command.cache_clear()


def page_of(*lines: str, width: float = 595.0, height: float = 842.0,
            line_width: float = 450.0) -> PageText:
    segments = tuple(Segment(text=t, x0=70.0, top=80.0 + 16 * i, x1=70.0 + line_width,
                             bottom=92.0 + 16 * i, size=12.0) for i, t in enumerate(lines))
    return PageText(number=1, width=width, height=height, segments=segments)


@pytest.mark.parametrize(("line", "stamp"), [
    ("SAO Y; CÔNG AN TỈNH LÂM ĐỒNG; 19/03/2026; 08:40:00; +07:00", True),
    ("Ký bởi: CÔNG AN TỈNH LÂM ĐỒNG", True),
    ("Email: congantinhlamdong@lgsp.bca", True),
    ("Cơ quan: BỘ CÔNG AN", True),
    ("Thời gian ký: 11.06.2026 09:12:45 +07:00", True),
    ("Kính gửi: Sở Nội vụ tỉnh Lâm Đồng", False),
    ("Lào Cai, ngày 30 tháng 3 năm 2022", False),
    ("Hội nghị bắt đầu lúc 08:00 ngày 19/03/2026", False),
])
def test_signing_stamp_lines(line: str, stamp: bool) -> None:
    assert is_stamp_line(line) is stamp


def test_syllable_share_tells_vietnamese_from_garbled_and_english() -> None:
    assert syllable_share(VIETNAMESE)[0] >= 0.9
    assert syllable_share(GARBLED)[0] < 0.5
    assert syllable_share(ENGLISH)[0] < 0.5
    assert syllable_share("2022 - 30/3")[1] == 0


@pytest.mark.parametrize(("lines", "cover", "reason"), [
    ((), 1.0, OcrReason.NO_TEXT),
    (STAMP, 1.0, OcrReason.STAMP_ONLY),
    ((GARBLED,), 1.0, OcrReason.GARBLED),
    ((VIETNAMESE,) * 20, 1.0, None),  # a scanner's OCR layer that reads well is kept
    ((VIETNAMESE,), 1.0, OcrReason.SPARSE),  # one line over a whole scanned page
    ((VIETNAMESE,) * 20, 0.0, None),
    ((ENGLISH,) * 5, 0.0, None),  # not Vietnamese, but not a broken font: refused later
    (("7ӌ1+ L¿O CAI &Ӝ1* HO¿ XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM 6Ӣ C‘NG 7+ѬѪ1* ĈӝF OұS 7ӵ do",
      "V/v NӃ KRҥFK NLӇP tra cÙng t·c QJKLӋP thu ho‡n th‡nh cÙng trÏnh x‚y GӵQJ kho FKӭD "
      "YұW OLӋX Qә cÙng"), 0.0, OcrReason.BROKEN_FONT),
    (("1",), 0.0, None),  # a page number alone on a born-digital page
])
def test_ocr_reason(lines: tuple[str, ...], cover: float, reason: OcrReason | None) -> None:
    assert ocr_reason(page_of(*lines), lambda: cover) is reason


def test_the_image_cover_is_asked_only_for_a_suspect_page() -> None:
    def no_image() -> float:
        raise AssertionError("asked")

    assert ocr_reason(page_of(*(VIETNAMESE,) * 20), no_image) is None


def _add_text(doc: pdfium.PdfDocument, page: pdfium.PdfPage, lines: tuple[str, ...],
              invisible: bool, y: float) -> None:
    for i, line in enumerate(lines):
        obj = pdfium_c.FPDFPageObj_NewTextObj(doc.raw, b"Helvetica", ctypes.c_float(9.0))
        encoded = (line + "\0").encode("utf-16-le")
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(ctypes.create_string_buffer(encoded),
                                                   ctypes.POINTER(ctypes.c_ushort)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, y - 11 * i)
        if invisible:
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)
    pdfium_c.FPDFPage_GenerateContent(page.raw)


def scan_with_text(lines: tuple[str, ...], invisible: bool, y: float = 60.0) -> bytes:
    """The scan's first page with `lines` of text laid over its image, from `y` points above
    the page's bottom edge (the bottom margin by default) downwards."""
    doc = pdfium.PdfDocument.new()
    doc.import_pages(pdfium.PdfDocument(SCAN), [0])
    page = doc[0]
    _add_text(doc, page, lines, invisible, y)
    page.close()
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


@cache
def plain_scan_page() -> Layout:
    return read_pdf_layout(scan_with_text((), invisible=False))


def _same_reading(got: Layout) -> None:
    expected = [line.text for line in plain_scan_page().lines]
    texts = [line.text for line in got.lines]
    assert fuzz.ratio("\n".join(texts), "\n".join(expected)) >= 97
    assert got.ocr


def test_a_scan_whose_text_layer_is_a_signing_stamp_is_read_by_ocr_without_the_stamp() -> None:
    got = read_pdf_layout(scan_with_text(STAMP, invisible=False))
    _same_reading(got)
    assert not any("lgsp" in line.text or "08:40" in line.text for line in got.lines)
    messages = {note.code: note.message for note in got.notes}
    assert messages["text_layer_replaced"].startswith(
        "page(s) [1]: the text layer is only a signing stamp; read by OCR instead")


def test_a_scan_with_a_garbled_ocr_layer_is_read_by_ocr_again() -> None:
    got = read_pdf_layout(scan_with_text((GARBLED,) * 3, invisible=True))
    _same_reading(got)
    assert not any("Ncnie" in line.text for line in got.lines)
    assert any(note.code == "text_layer_replaced" and "does not read as Vietnamese" in
               note.message for note in got.notes)


def _shift(match: re.Match[bytes]) -> bytes:
    """A ToUnicode entry with its letters and digits moved 29 code points down (what the
    broken font maps "T" to: "7")."""
    code = int(match[2], 16)
    if 0x41 <= code <= 0x5A or 0x61 <= code <= 0x7A:
        code -= 0x1D
    return b"<%s> <%04X>" % (match[1], code)


def broken_font_pdf(folder: Path) -> bytes:
    """The first page of the Lạng Sơn PDF with its fonts' ToUnicode maps shifted: it draws
    right and its text reads "7ӌ1+"-like."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf (a CI package) rewrites the PDF's fonts")
    source = SAMPLES / "lang-son-227-kh-ubnd-2021.pdf"
    target = folder / "page.pdf"
    subprocess.run([qpdf, "--qdf", "--object-streams=disable", "--pages", str(source), "1",
                    "--", str(source), str(target)], check=True)
    data = target.read_bytes()

    def shift_block(block: re.Match[bytes]) -> bytes:
        return re.sub(rb"<([0-9A-F]{2,4})> <([0-9A-F]{4})>", _shift, block[0])

    return re.sub(rb"beginbfchar.*?endbfchar", shift_block, data, flags=re.S)


def test_a_font_that_maps_its_glyphs_wrongly_is_read_by_ocr(tmp_path: Path) -> None:
    data = broken_font_pdf(tmp_path)
    source = read_pdf_layout((SAMPLES / "lang-son-227-kh-ubnd-2021.pdf").read_bytes())
    assert syllable_share(" ".join(p.text for p in _text_layer(data)))[0] < 0.5
    got = read_pdf_layout(data)
    assert got.ocr
    assert [note.code for note in got.notes][:2] == ["text_layer_replaced", "ocr"]
    texts = [line.text for line in got.lines]
    first_page = [line.text for line in source.lines if line.page == 1]
    assert fuzz.ratio("\n".join(texts), "\n".join(first_page)) >= 90
    assert "Số: 227/KH-UBND" in texts


def _text_layer(data: bytes) -> list[Segment]:
    from vnplan.extract.readers.pdf_text import read_page_text

    page = pdfium.PdfDocument(data)[0]
    return list(read_page_text(page, 1)[0].segments)


def test_a_few_words_printed_over_a_scan_are_read_with_the_scan() -> None:
    title = "BAN SAO LUU TRU 2026 TAI KHO LUU TRU"
    got = read_pdf_layout(scan_with_text((title,), invisible=False, y=815.0))  # top margin
    assert got.ocr
    assert any(fuzz.partial_ratio(title, line.text) >= 90 for line in got.lines)
    assert any(note.code == "text_layer_replaced" and "covers little" in note.message
               for note in got.notes)
