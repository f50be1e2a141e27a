"""extract/ocr.py and ocr_tables.py: scanned PDFs read by tesseract, on the image-only sample."""

from __future__ import annotations

import io
import itertools
from collections.abc import Iterator
from functools import cache

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz import fuzz

from tests.conftest import EXPECTED, ROOT, SAMPLES, cleared
from vnplan.errors import ConversionError
from vnplan.evaluate import load_expected, score_records, summary
from vnplan.extract.readers import ocr
from vnplan.extract.readers.layout import Layout, Line
from vnplan.extract.readers.ocr import (
    parse_tsv,
    read_numeral,
    repair_group_numerals,
    repair_ocr_diacritics,
    repair_ocr_lines,
    signature_region,
)
from vnplan.extract.readers.ocr_images import (
    black_ink,
    bmp,
    has_colour,
    prepare_page,
    render_dpi,
    render_page,
)
from vnplan.extract.readers.ocr_tables import find_grid, skew_angle
from vnplan.extract.readers.pdf import read_pdf_layout
from vnplan.extract.readers.pdf_geometry import PageText, TableBlock
from vnplan.schema import Document

SCAN = SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf"
HEADER = ("STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian thực hiện",
          "Ghi chú")


def scan_pages(*indexes: int) -> bytes:
    """An image-only PDF of some pages of the scan (0-based)."""
    source = pdfium.PdfDocument(SCAN)
    target = pdfium.PdfDocument.new()
    target.import_pages(source, list(indexes))
    buffer = io.BytesIO()
    target.save(buffer)
    return buffer.getvalue()


@cache
def two_pages() -> Layout:
    return read_pdf_layout(scan_pages(0, 12))


@pytest.fixture
def full_scan(sample_records: dict[str, Document]) -> Document:
    """The scan as `vnplan convert samples` records it (OCR'd once a test run)."""
    return sample_records[str(SCAN.relative_to(ROOT))]


@pytest.fixture
def no_tesseract_cache() -> Iterator[None]:
    yield from cleared(ocr.tesseract_command)


def test_scanned_pages_are_read_by_ocr_with_their_page_numbers() -> None:
    layout = two_pages()
    assert layout.ocr and layout.pages == 2
    assert {line.page for line in layout.lines} == {1, 2}
    header = ["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: 122/KH-UBND",
              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
              "Lào Cai, ngày 30 tháng 3 năm 2022"]  # left column, then right column
    got = [line.text for line in layout.lines[:6]]
    assert all(fuzz.ratio(a, b) >= 85 for a, b in zip(got, header, strict=True)), got
    messages = {note.code: note.message for note in layout.notes}
    assert messages["ocr"].startswith("2 page(s) without a text layer read by OCR")


def test_a_scanned_table_is_read_cell_by_cell() -> None:
    rows = [line.cells for line in two_pages().lines if line.cells is not None]
    assert rows[0] == HEADER
    assert [cells[0] for cells in rows[1:]] == ["", "2", "IV", "1", "2", "4", "5", "6"]
    group = rows[3]
    assert group[1].startswith("Đẩy mạnh quảng bá về hình ảnh của địa phương")
    assert group[2:] == ("", "", "", "")
    assert rows[2][2:5] == ("Sở Ngoại vụ", "Các cơ quan, đơn vị có liên quan", "Năm 2022")


def test_a_page_filled_by_its_table_is_read_cell_by_cell_only(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Page 13 of the scan is all table: beside it only paper is left, which is not read;
    page 11 has the appendix's title above its table, which is."""
    doc = pdfium.PdfDocument(SCAN)
    filled, titled = prepare_page(doc, 12, False), prepare_page(doc, 10, False)
    assert filled.grid is not None and len(filled.cells) >= 30 and filled.text_image is None
    assert titled.grid is not None and titled.text_image is not None

    def no_reading(*args: object) -> str:
        raise AssertionError("tesseract run on a page image of paper only")

    monkeypatch.setattr(ocr, "_tesseract", no_reading)
    assert ocr.read_scan_text(filled) == ((), ())


def test_the_full_scan_has_the_born_digital_section_tree(
    full_scan: Document, sample_records: dict[str, Document]
) -> None:
    scan = full_scan
    born = sample_records["samples/lao-cai-122-kh-ubnd-2022.pdf"]
    facts = {"kind": "plan", "samples": ["scan"], "appendix_rows": [], "sections": [
        {"path": s.path, "title": s.title, "role": s.role} for s in born.iter_sections()]}
    table = summary(score_records([facts], {"scan": scan})[0])
    assert table["section_paths"]["lenient_f1"] >= 0.9
    assert table["section_roles"]["lenient_f1"] >= 0.9
    assert scan.source.ocr and scan.source.pages == 15
    assert all(s.page is not None for s in scan.iter_sections())


def test_the_full_scan_issuer_has_the_marks_its_text_prints(full_scan: Document) -> None:
    """The header prints "ỦY BAN NHÂN DÂN TỈNH LÀO CAI" (tesseract reads its "TỈNH" as
    "TÍNH"); the text prints "Ủy ban nhân dân tỉnh Lào Cai"."""
    assert full_scan.issuer is not None
    assert full_scan.issuer.raw == "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"


def test_the_full_scan_appendix_rows_against_the_expected_facts(full_scan: Document) -> None:
    facts = next(e for e in load_expected(EXPECTED) if "lao-cai-122" in e["sample"]
                 and e["kind"] == "plan")
    facts["samples"] = ["scan"]
    table = summary(score_records([facts], {"scan": full_scan})[0])
    assert table["row_keys"]["lenient_f1"] >= 0.95
    assert table["row.timeline"]["lenient_f1"] >= 0.9
    assert table["row.content_start"]["lenient_f1"] >= 0.7
    assert table["row.lead"]["lenient_f1"] >= 0.7
    rows = full_scan.appendices[0].rows
    assert all(row.pages and all(11 <= p <= 15 for p in row.pages) for row in rows)


def test_without_tesseract_a_scan_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, no_tesseract_cache: None
) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(ConversionError) as error:
        read_pdf_layout(scan_pages(0))
    assert error.value.code == "needs_ocr"
    assert "install tesseract-ocr and tesseract-ocr-vie" in str(error.value)


def test_without_the_vietnamese_model_a_scan_is_a_clear_error(
    monkeypatch: pytest.MonkeyPatch, no_tesseract_cache: None
) -> None:
    monkeypatch.setattr(ocr, "LANGUAGE", "xyz")
    with pytest.raises(ConversionError) as error:
        read_pdf_layout(scan_pages(0))
    assert error.value.code == "needs_ocr"


@pytest.mark.parametrize(
    ("token", "numeral"),
    [("I", "I"), ("L", "I"), ("l", "I"), ("1", "I"), ("|", "I"), ("H", "II"), ("IL", "II"),
     ("HI", "III"), ("IH", "III"), ("VỊ", "VI"), ("Ì", "I"), ("IV", "IV"), ("Má", None),
     ("", None)],
)
def test_read_numeral(token: str, numeral: str | None) -> None:
    assert read_numeral(token) == numeral


def test_heading_numerals_misread_by_ocr_are_repaired() -> None:
    lines = [Line(text=t, page=1) for t in (
        "L MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. MỤC TIÊU", "II. CÁC NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV KINH PHÍ THỰC HIỆN", "Lào Cai là tỉnh biên giới")]
    fixed, notes = repair_ocr_lines(lines, {1})
    assert [line.text for line in fixed] == [
        "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "II. MỤC TIÊU", "III. CÁC NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV. KINH PHÍ THỰC HIỆN", "Lào Cai là tỉnh biên giới"]
    assert notes[0].code == "ocr_numeral_repaired"
    untouched, none = repair_ocr_lines(lines, {2})  # only OCR'd pages are repaired
    assert untouched == lines and none == []


def test_diacritics_misread_by_ocr_are_repaired_on_ocr_pages_only() -> None:
    lines = [Line(text="các bên phôi hợp kiêm soát", page=1), Line(text="GIÁM ĐÓC", page=2),
             Line(text="Quyét định | ĐÈ XUẤT", page=1, cells=("Quyét định", "ĐÈ XUẤT"))]
    fixed, notes = repair_ocr_diacritics(lines, {1})
    assert [line.text for line in fixed] == [
        "các bên phối hợp kiểm soát", "GIÁM ĐÓC", "Quyết định | ĐỀ XUẤT"]
    assert fixed[2].cells == ("Quyết định", "ĐỀ XUẤT")
    assert [note.code for note in notes] == ["ocr_repaired"]
    assert notes[0].message.startswith("4 word(s) misread by OCR repaired")


def test_coloured_ink_is_faded_to_paper() -> None:
    """The red seal over a signature, a blue signature go; black and grey stay."""
    colours = [(200, 30, 40), (150, 20, 20), (40, 60, 200), (10, 10, 10), (128, 128, 128),
               (250, 248, 240)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    assert np.asarray(black_ink(image)).ravel().tolist() == [255, 255, 255, 10, 128, 248]


def test_fading_computes_the_coloured_pixels_as_the_whole_page_would() -> None:
    """Every pixel of a page of all kinds of colour, scanner noise to a full red, as the
    formula gives it for each pixel: the luma, lifted to paper by the channels' spread."""
    rng = np.random.default_rng(7)
    pixels = rng.integers(0, 256, size=(64, 96, 3), dtype=np.uint8)
    pixels[:32] = np.clip(pixels[:32] // 8 + 100, 0, 255)  # near grey: spreads under 50
    image = Image.fromarray(pixels, mode="RGB")
    lum = np.asarray(image.convert("L")).astype(np.float32)
    spread = pixels.max(axis=2).astype(np.float32) - pixels.min(axis=2)
    colour = np.clip((spread - 50.0) / 40.0, 0.0, 1.0)
    expected = np.round(lum + (255.0 - lum) * colour).astype(np.uint8)
    faded = np.asarray(black_ink(image))
    assert (spread > 50).any() and (spread <= 50).any()
    assert np.array_equal(faded, expected)


def _page_of(image: Image.Image, red_box: bool = False) -> pdfium.PdfDocument:
    """A one-page PDF of `image` as a scanner writes it (Pillow: a grey image in DeviceGray),
    with a red rectangle drawn over it if `red_box`."""
    scanned = io.BytesIO()
    image.save(scanned, format="PDF", resolution=72.0)
    doc = pdfium.PdfDocument(scanned.getvalue())
    if red_box:
        page = doc[0]
        box = pdfium_c.FPDFPageObj_CreateNewRect(20, 20, 60, 60)
        pdfium_c.FPDFPageObj_SetFillColor(box, 220, 20, 20, 255)
        pdfium_c.FPDFPath_SetDrawMode(box, pdfium_c.FPDF_FILLMODE_WINDING, False)
        pdfium_c.FPDFPage_InsertObject(page.raw, box)
        page.gen_content()
    buffer = io.BytesIO()
    doc.save(buffer)
    return pdfium.PdfDocument(buffer.getvalue())


def test_coloured_ink_is_found_on_a_page_and_not_on_a_greyscale_scan() -> None:
    grey = Image.new("L", (100, 100), 230)
    stamp = Image.new("RGB", (100, 100), (250, 250, 250))
    stamp.paste((200, 30, 40), (30, 30, 70, 70))  # a red seal in a colour scan
    assert [has_colour(_page_of(image), 0) for image in (grey, grey.convert("RGB"), stamp)] == [
        False, False, True]
    assert has_colour(_page_of(grey, red_box=True), 0)  # a grey scan under a red drawing
    assert not any(has_colour(pdfium.PdfDocument(SCAN), i) for i in range(3))


def _tsv(*words: tuple[str, int, int, int, tuple[int, int, int]]) -> str:
    """tesseract TSV of words (text, left, top, width, (block, paragraph, line)), 40 px high."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth"
            "\theight\tconf\ttext"]
    rows += [f"5\t1\t{b}\t{p}\t{ln}\t1\t{x}\t{y}\t{w}\t40\t95\t{text}"
             for text, x, y, w, (b, p, ln) in words]
    return "\n".join(rows)


def test_the_signature_region_stands_right_of_the_recipients() -> None:
    words, _ = parse_tsv(_tsv(
        ("Nơi", 200, 2000, 80, (1, 1, 1)), ("nhận:", 290, 2000, 110, (1, 1, 1)),
        ("GIÁM", 1500, 2000, 150, (1, 1, 1)), ("ĐỐC", 1660, 2000, 120, (1, 1, 1)),
        ("-", 200, 2050, 20, (1, 1, 2)), ("Như", 230, 2050, 80, (1, 1, 2)),
        ("kính", 320, 2050, 90, (1, 1, 2)), ("gửi;", 420, 2050, 90, (1, 1, 2)),
        ("-", 200, 2100, 20, (1, 1, 3)), ("Lưu:", 230, 2100, 90, (1, 1, 3)),
        ("VT,", 330, 2100, 70, (1, 1, 3)), ("PC04.", 410, 2100, 900, (1, 1, 3))))
    left, top = signature_region(words, 300)  # type: ignore[misc]
    assert left == 1310 + 12  # right of the longest recipient line, not into it
    assert top == 2000 - 20
    short, _ = signature_region(words[:-1], 300)  # type: ignore[misc]
    assert short == 1500 - 300  # else an inch left of the position: a name is wider
    assert signature_region(words[2:], 300) is None  # no "Nơi nhận:", no signature block


def test_group_numerals_of_scanned_tables_follow_their_sequence() -> None:
    def page(number: int, *rows: tuple[str, ...]) -> PageText:
        return PageText(number=number, width=842, height=595, segments=(),
                        tables=(TableBlock(top=50, rows=(HEADER, *rows)),))

    pages = [page(1, ("1", "Việc", "Sở", "", "Hàng năm", ""), ("H", "Nhóm hai", "", "", "", "")),
             page(2, ("HN(", "Nhóm ba", "", "", "", ""), ("1", "Việc", "Sở", "", "", ""),
                  ("IV", "Nhóm bốn", "", "", "", ""))]
    fixed, fixes = repair_group_numerals(pages)
    numerals = [row[0] for p in fixed for t in p.tables for row in t.rows]
    assert numerals == ["STT", "1", "II", "STT", "III", "1", "IV"]
    assert fixes == ["'H' → 'II'", "'HN(' → 'III'"]


def _lines_image(angle: float) -> Image.Image:
    image = Image.new("L", (1200, 900), 255)
    draw = ImageDraw.Draw(image)
    for y in range(100, 800, 40):
        draw.rectangle((100, y, 1100, y + 12), fill=0)
    return image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)


def test_page_images_are_handed_over_uncompressed_with_every_pixel() -> None:
    image = _lines_image(0.6)
    data = bmp(image)
    assert data.startswith(b"BM") and len(data) >= 1200 * 900
    with Image.open(io.BytesIO(data)) as read:
        assert read.mode == "L" and read.tobytes() == image.tobytes()


@pytest.mark.parametrize("angle", [0.0, 0.6, -1.2])
def test_skew_is_measured(angle: float) -> None:
    assert skew_angle(np.asarray(_lines_image(angle))) == pytest.approx(angle, abs=0.06)


def test_a_drawn_table_gives_its_cell_grid_with_merged_cells() -> None:
    image = Image.new("L", (1600, 1000), 255)
    draw = ImageDraw.Draw(image)
    xs, ys = [100, 300, 900, 1500], [100, 250, 400, 550]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=0, width=3)
    for x in xs:
        for y0, y1 in itertools.pairwise(ys):
            if not (x == 900 and y0 == 250):  # row 2: the last two cells are merged
                draw.line((x, y0, x, y1), fill=0, width=3)
    grid = find_grid(np.asarray(image))
    assert grid is not None
    assert [[cell is not None for cell in row] for row in grid.rows] == [
        [True, True, True], [True, True, False], [True, True, True]]
    merged = grid.rows[1][1]
    assert merged is not None and merged[0] < 320 and merged[2] > 1480
    assert find_grid(np.asarray(_lines_image(0.0))) is None  # rules without columns


FAINT_ROWS = [("STT", "Họ và tên", "Đơn vị"), ("1", "Nguyễn Văn An", "Sở Tư pháp"),
              ("2", "Trần Thị Bình", "Sở Y tế"), ("3", "Lê Văn Cường", "Công an tỉnh")]


@cache
def faint_table_scan() -> bytes:
    """An A4 page scanned at 100 ppi as an image-only PDF: a list under its title, ruled as
    such a scan shows it (horizontal rules one grey pixel, column rules paler still and
    broken), the scanner's edge a dark line across the top."""
    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf", 17)
    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf", 18)
    draw.text((413, 120), "DANH SÁCH", font=bold, fill=30, anchor="mm")
    draw.text((413, 150), "Các đơn vị nhận công văn", font=font, fill=30, anchor="mm")
    xs, ys = [110, 190, 450, 720], [200, 250, 300, 350, 400]
    for y in ys:
        draw.line((xs[0], y, xs[-1], y), fill=120, width=1)
    rng = np.random.default_rng(3)
    for x in xs:
        for y in range(ys[0], ys[-1]):
            if rng.random() < 0.8:  # faded: a fifth of the rule's pixels lost
                draw.point((x, y), fill=170)
    for r, cells in enumerate(FAINT_ROWS):
        for c, text in enumerate(cells):
            draw.text(((xs[c] + xs[c + 1]) / 2, (ys[r] + ys[r + 1]) / 2), text, font=font,
                      fill=40, anchor="mm")
    draw.line((0, 3, image.width, 3), fill=150, width=2)
    buffer = io.BytesIO()
    image.filter(ImageFilter.GaussianBlur(0.4)).save(buffer, "PDF", resolution=100.0)
    return buffer.getvalue()


def test_the_faint_grid_of_a_low_resolution_scan_is_found() -> None:
    image, dpi, _, _ = render_page(pdfium.PdfDocument(faint_table_scan()), 0, False)
    grid = find_grid(np.asarray(image))
    assert grid is not None
    assert [[cell is not None for cell in row] for row in grid.rows] == [[True] * 3] * 4
    scale = dpi / 100  # the page as drawn at 100 ppi
    want = (110 * scale, 200 * scale, 720 * scale, 400 * scale)  # not the scanner's edge
    assert all(abs(got - at) <= 4 for got, at in zip(grid.bbox, want, strict=True))


def test_the_faint_table_of_a_low_resolution_scan_is_read_cell_by_cell() -> None:
    lines = read_pdf_layout(faint_table_scan()).lines
    assert [line.text for line in lines[:2]] == ["DANH SÁCH", "Các đơn vị nhận công văn"]
    assert [line.cells for line in lines[2:]] == FAINT_ROWS


def _image_pdf(size_px: tuple[int, int], ppi: float) -> pdfium.PdfDocument:
    buffer = io.BytesIO()
    Image.new("L", size_px, 255).save(buffer, "PDF", resolution=ppi)
    return pdfium.PdfDocument(buffer.getvalue())


@pytest.mark.parametrize(("size_px", "ppi", "dpi"), [
    ((1654, 2339), 200.0, 300),  # an A4 scan at 200 ppi: upsampled to 300 dpi, as measured
    ((1248, 1728), 96.0, 192),  # a 96-ppi image on a 13 × 18-inch page: 2 × its resolution
    ((680, 960), 60.0, 150),  # never below 150 dpi
])
def test_pages_are_rendered_at_most_twice_the_scans_resolution(
        size_px: tuple[int, int], ppi: float, dpi: int) -> None:
    assert render_dpi(_image_pdf(size_px, ppi)[0]) == dpi


def test_the_sample_scan_is_rendered_at_300_dpi() -> None:
    doc = pdfium.PdfDocument(SCAN)
    assert {render_dpi(doc[i]) for i in range(len(doc))} == {300}
