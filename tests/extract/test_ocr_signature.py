"""The signature column of a scanned page read again when the page's reading lost it."""

from __future__ import annotations

import io
import math
from functools import cache

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw, ImageFont

from tests.conftest import SAMPLES
from tests.extract.test_ocr import _tsv
from vnplan.extract.readers import ocr
from vnplan.extract.readers.ocr import parse_tsv
from vnplan.extract.readers.ocr_images import ScanPage, bmp, lifted_ink
from vnplan.extract.readers.ocr_signature import (
    MARGIN,
    SIGNATURE_LINES,
    lost_column,
    name_words,
    recipient_words,
    with_signature_lines,
)
from vnplan.extract.readers.pdf import read_pdf_layout
from vnplan.extract.signature import find_signatures

SCAN = SAMPLES / "lao-cai-122-kh-ubnd-2022-scan.pdf"
END_PAGE = 9  # 0-based: "Nơi nhận:" beside "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Trịnh Xuân Trường"
SEAL_RED = (220, 40, 50)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _seal(size: tuple[int, int], centre: tuple[float, float], radius: float) -> Image.Image:
    """A round red seal as an office stamps it: two rings, the body's name around the
    edge, a star in the middle (white where there is no ink)."""
    layer = Image.new("RGB", size, (255, 255, 255))
    draw = ImageDraw.Draw(layer)
    x, y = centre
    for share, width in ((1.0, 10), (0.72, 5)):
        r = radius * share
        draw.ellipse((x - r, y - r, x + r, y + r), outline=SEAL_RED, width=width)
    font = ImageFont.truetype(FONT, int(radius * 0.16))
    ring = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI * "
    for k, letter in enumerate(ring):
        angle = math.pi * (0.9 + 1.6 * k / len(ring))
        draw.text((x + 0.86 * radius * math.cos(angle), y + 0.86 * radius * math.sin(angle)),
                  letter, fill=SEAL_RED, font=font, anchor="mm")
    star = [(x + 0.4 * radius * math.cos(-math.pi / 2 + k * 4 * math.pi / 5),
             y + 0.4 * radius * math.sin(-math.pi / 2 + k * 4 * math.pi / 5)) for k in range(5)]
    draw.polygon(star, fill=SEAL_RED)
    return layer


@cache
def sealed_end_page() -> bytes:
    """The sample scan's last page of the plan with a red seal stamped over the authority
    and the position (ink over ink: the darker of the two wins), as an image-only PDF."""
    image = _end_page()
    return _stamped(image, (0.68 * image.width, 0.225 * image.height))


def _end_page() -> Image.Image:
    image: Image.Image = pdfium.PdfDocument(SCAN)[END_PAGE].render(scale=200 / 72).to_pil()
    return image.convert("RGB")


def _stamped(image: Image.Image, centre: tuple[float, float]) -> bytes:
    """`image` with a red seal stamped at `centre` (ink over ink: the darker of the two
    wins), as an image-only PDF."""
    seal = _seal(image.size, centre, 0.085 * image.width)
    inked = np.asarray(image).astype(np.uint16) * np.asarray(seal) // 255
    buffer = io.BytesIO()
    Image.fromarray(inked.astype(np.uint8)).save(buffer, "PDF", resolution=200.0)
    return buffer.getvalue()


@cache
def sealed_name_page(rows_down: int) -> bytes:
    """The sample scan's last page of the plan with the red seal stamped over the signer's
    name, the signature block moved `rows_down` rows of the recipients' list lower (beside a
    recipient rather than beside "Nơi nhận:"), as an image-only PDF."""
    image = _end_page()
    box = (int(0.55 * image.width), int(0.175 * image.height), image.width,
           int(0.27 * image.height))
    block = image.crop(box)
    image.paste((255, 255, 255), box)
    image.paste(block, (box[0], box[1] + 38 * rows_down))  # a row of the list: 38 px
    return _stamped(image, (0.66 * image.width, (0.30 + 0.01 * rows_down) * image.height))


@pytest.mark.parametrize("rows_down", [0, 1])
def test_a_name_under_a_red_seal_is_read_again_beside_the_recipients(rows_down: int) -> None:
    """The seal over "Trịnh Xuân Trường" garbles the page's reading of it; the column read
    again gives it back, and a warning says which lines come from that reading. Moved a row
    down, tesseract reads the signature into the recipients' lines: the column still starts
    right of the recipients."""
    layout = read_pdf_layout(sealed_name_page(rows_down))
    lines = [line.text for line in layout.lines]
    lines = lines[next(i for i, t in enumerate(lines) if t.startswith("Nơi nhận")):]
    assert lines[-3:] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trịnh Xuân Trường"]
    assert "- Lưu: VT, VX1, TH3, NC1." in lines
    [note] = [n for n in layout.notes if n.code == "signature_reread"]
    assert note.message.endswith("TM. ỦY BAN NHÂN DÂN; CHỦ TỊCH; Trịnh Xuân Trường")


def _end_lines() -> list[str]:
    lines = [line.text for line in read_pdf_layout(sealed_end_page()).lines]
    return lines[next(i for i, t in enumerate(lines) if t.startswith("Nơi nhận")):]


def test_the_position_under_a_red_seal_is_read_again_beside_the_recipients() -> None:
    lines = _end_lines()
    assert lines[-2:] == ["CHỦ TỊCH", "Trịnh Xuân Trường"]
    [block] = find_signatures(lines[-3:])  # "TM. ỦY BAN NHÂN DÂN", its "." read as ":"
    assert block.signer().authority == ["TM. Ủy ban nhân dân"]
    assert "- Bộ Ngoại giao;" in lines  # the recipients stay as the page's reading has them


def test_the_page_reading_alone_loses_the_sealed_position(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """What the column's second reading is for: without it, tesseract's reading of the page
    keeps the name and drops both lines under the seal."""
    monkeypatch.setattr(ocr, "lost_column", lambda *_: None)
    text = " / ".join(_end_lines())
    assert "Trịnh Xuân Trường" in text
    assert "TỊCH" not in text and "TM." not in text


PAGE = _tsv(
    ("quyết", 200, 1900, 150, (1, 1, 1)), ("định", 360, 1900, 120, (1, 1, 1)),
    ("này", 490, 1900, 1700, (1, 1, 1)),  # the body's last full line, across the page
    ("thi", 200, 1950, 60, (1, 1, 2)), ("hành./.", 270, 1950, 160, (1, 1, 2)),
    ("Nơi", 200, 2000, 80, (2, 1, 1)), ("nhận:", 290, 2000, 110, (2, 1, 1)),
    ("-", 200, 2050, 20, (2, 1, 2)), ("Như", 230, 2050, 80, (2, 1, 2)),
    ("Điều", 320, 2050, 90, (2, 1, 2)), ("3;", 420, 2050, 900, (2, 1, 2)),
    ("-", 200, 2100, 20, (2, 1, 3)), ("Lưu:", 230, 2100, 90, (2, 1, 3)),
    ("VT.", 330, 2100, 70, (2, 1, 3)),
    ("Nguyễn", 1500, 2400, 160, (3, 1, 1)), ("Thanh", 1670, 2400, 130, (3, 1, 1)),
    ("Việt", 1810, 2400, 100, (3, 1, 1)))
WIDTH = 2480


def test_the_lost_column_starts_right_of_the_recipients_under_the_body() -> None:
    words, _ = parse_tsv(PAGE)
    left, top = lost_column(words, WIDTH)  # type: ignore[misc]
    assert left == 1320 + MARGIN  # right of the longest recipient line, not into it
    assert top == 1940  # under the body's last line that reaches into the column
    assert lost_column(words[:2] + words[5:], WIDTH) == (1332, 2000 - 5 * 40)  # at most 5 rows
    assert lost_column(words[7:], WIDTH) is None  # no "Nơi nhận:", no signature column


def test_only_what_reads_as_an_authority_a_position_or_a_name_joins_the_page() -> None:
    """A second reading of the column: the seal's ring and the signature's stroke read as
    letters, the position misread in its tones, the name (which the page's reading may have
    lost)."""
    words, lines = parse_tsv(PAGE)
    column = _tsv(
        (".", 20, 40, 10, (1, 1, 1)), ("TM.HỘI", 60, 40, 200, (1, 1, 1)),
        ("ĐỒNG", 270, 40, 150, (1, 1, 1)), ("QUẢN", 430, 40, 150, (1, 1, 1)),
        ("LÝ", 590, 40, 60, (1, 1, 1)),
        ("ˆGIÁM", 100, 100, 170, (1, 1, 2)), ("ĐÓC", 280, 100, 120, (1, 1, 2)),
        ("Z/(RỜ/", 90, 180, 200, (1, 1, 3)), ("N", 300, 180, 30, (1, 1, 3)),
        ("›", 340, 180, 20, (1, 1, 3)),
        ("Nguyễn", 190, 460, 160, (2, 1, 1)), ("Thanh", 360, 460, 130, (2, 1, 1)),
        ("Việt", 500, 460, 100, (2, 1, 1)))
    merged, boxes = with_signature_lines(words, lines, (1332, 1940), parse_tsv(column))
    again = [w for w in merged if w.line[0] > SIGNATURE_LINES]
    assert [w.text for w in again] == ["TM.HỘI", "ĐỒNG", "QUẢN", "LÝ", "GIÁM", "ĐÓC"]
    assert (again[0].left, again[0].top) == (1332 - MARGIN + 60, 1940 - MARGIN + 40)
    assert [w.text for w in merged].count("Nguyễn") == 1  # the page's own reading of it
    assert len(merged) == len(words) + len(again)
    assert set(boxes) >= set(lines)
    # where the page's reading lost the name, the column's reading of it is taken
    merged, _ = with_signature_lines(words[:-3], lines, (1332, 1940), parse_tsv(column))
    again = [w for w in merged if w.line[0] > SIGNATURE_LINES]
    assert [w.text for w in again][-3:] == ["Nguyễn", "Thanh", "Việt"]
    assert {w.line for w in again} == {(SIGNATURE_LINES + 1, 1, 1), (SIGNATURE_LINES + 1, 1, 2),
                                       (SIGNATURE_LINES + 2, 1, 1)}  # two blocks, apart
    # the specks a seal leaves in the page's reading of the column go
    speck = parse_tsv(_tsv(("\\", 1600, 1960, 10, (9, 1, 1)), ("-", 200, 1960, 20, (9, 1, 1))))[0]
    merged, _ = with_signature_lines(words + speck, lines, (1332, 1940), parse_tsv(column))
    assert "\\" not in [w.text for w in merged] and "-" in [w.text for w in merged]


def _line(*words: tuple[str, float]) -> list[ocr._Word]:
    return [ocr._Word(text, 100 * k, 0, 100 * k + 90, 40, (1, 1, 1), conf)
            for k, (text, conf) in enumerate(words)]


@pytest.mark.parametrize(("line", "name"), [
    (_line(("Đại", 97), ("tá", 97), ("Nguyễn", 97), ("Tường", 97), ("Vũ", 97)),
     "Đại tá Nguyễn Tường Vũ"),
    # the rank's first word under the seal: the rank is unknown, the name is read
    (_line(("Thiếu", 15), ("tướng", 97), ("Ngô", 97), ("Thanh", 97), ("Bình", 97)),
     "Ngô Thanh Bình"),
    # a doubted word may be a word of the name misread: no name rather than a wrong one
    (_line(("Phùng", 87), ("Đất", 14), ("Ngọc", 88)), ""),
    (_line(("truyền", 60), ("Tường", 97), ("Vũ", 97)), ""),
    (_line(("VướN", 0), ("tướng", 97), ("Nguyễn", 97), ("Văn", 97), ("Long", 97)),
     "Nguyễn Văn Long"),
    (_line(("PHÓ", 97), ("GIÁM", 97), ("ĐỐC", 97)), ""),  # a position is no name
])
def test_a_name_read_again_is_taken_only_when_each_word_is_read_with_confidence(
        line: list[ocr._Word], name: str) -> None:
    assert " ".join(w.text for w in name_words(line)) == name


def test_the_recipients_reach_ends_at_a_column_gap_inside_a_tesseract_line() -> None:
    """tesseract often reads the position into a recipient's line ("- Như Điều 3;   PHÓ GIÁM
    ĐỐC"): the column then still starts right of the recipients, not right of the position."""
    words, _ = parse_tsv(PAGE)
    glued, _ = parse_tsv(_tsv(("PHÓ", 1480, 2050, 120, (2, 1, 2)),
                              ("GIÁM", 1620, 2050, 160, (2, 1, 2)),
                              ("ĐỐC", 1800, 2050, 130, (2, 1, 2))))
    recipients = recipient_words(words + glued, 6)  # 6: the "nhận:" of "Nơi nhận:"
    assert words[7:11] == [w for w in recipients if w.line == (2, 1, 2)]  # "- Như Điều 3;"
    assert not set(glued) & set(recipients)
    assert lost_column(words + glued, WIDTH) == (1320 + MARGIN, 1940)


def test_coloured_ink_is_lifted_to_paper_by_the_brightest_channel() -> None:
    """The red seal and a blue signature turn light; black and grey stay."""
    colours = [(200, 30, 40), (40, 60, 200), (10, 10, 10), (128, 128, 128), (250, 248, 240)]
    image = Image.new("RGB", (len(colours), 1))
    image.putdata(colours)
    assert np.asarray(lifted_ink(image)).ravel().tolist() == [200, 200, 10, 128, 250]


def test_the_lifted_page_is_straightened_only_when_read() -> None:
    page = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(page).rectangle((20, 45, 180, 55), fill=0)  # a level rule
    plain, lifted = bmp(Image.new("L", (200, 100), 255)), bmp(page)
    scan = ScanPage(1, 300, 48.0, 24.0, 0.0, plain, None, lifted=lifted)
    assert scan.signature_page() == lifted
    assert ScanPage(1, 300, 48.0, 24.0, 3.0, plain, None).signature_page() == plain
    tilted = ScanPage(1, 300, 48.0, 24.0, 3.0, plain, None, lifted=lifted).signature_page()
    with Image.open(io.BytesIO(tilted)) as straightened:
        ink = np.argwhere(np.asarray(straightened) < 128)
    assert straightened.size == (200, 100)
    assert ink[:, 0].max() - ink[:, 0].min() > 15  # the rule turned by 3° over 160 px


def test_the_faded_page_is_straightened_only_when_read() -> None:
    page = Image.new("L", (200, 100), 255)
    ImageDraw.Draw(page).rectangle((20, 45, 180, 55), fill=0)
    plain, faded = bmp(Image.new("L", (200, 100), 255)), bmp(page)
    assert ScanPage(1, 300, 48.0, 24.0, 3.0, plain, None).faded_page() is None
    assert ScanPage(1, 300, 48.0, 24.0, 0.0, plain, None, faded=faded).faded_page() == faded
    tilted = ScanPage(1, 300, 48.0, 24.0, 3.0, plain, None, faded=faded).faded_page()
    assert tilted == bmp(page.rotate(-3.0, resample=Image.Resampling.BICUBIC, fillcolor=255))
