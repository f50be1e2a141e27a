"""Scanned pages → the images tesseract reads: rendered, deskewed, the ruled table cut out.

This is the Python side of OCR (pdfium rendering, numpy and Pillow work), kept apart from
running tesseract (`ocr`) so that the next page is prepared while tesseract reads the last one.
A page is rendered at `RENDER_DPI` (a 200-dpi scan upsampled: tesseract then reads the tone
marks of "TIÊU", "Thể" better, measured on the sample) but never past `MAX_UPSAMPLE` × the
resolution of its scanned image. The images are handed over as uncompressed BMP (`bmp`):
nothing is spent compressing 9 megapixels a page, and tesseract reads them fastest.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageChops, ImageOps

from vnplan.extract.readers.ocr_tables import CellGrid, find_grid, ink_box, is_blank, skew_angle

RENDER_DPI = 300
MAX_UPSAMPLE = 2.0  # never render past this × the resolution of the page's scanned image
MIN_RENDER_DPI = 150
CELL_MARGIN = 12  # white pixels around a cell's ink before OCR
MIN_SKEW_DEG = 0.05  # a page tilted less than this is not rotated
COLOUR_FROM = 50.0  # channel spread (0-255) above which a pixel is coloured ink, not black
COLOUR_RAMP = 40.0  # ... and fully coloured this much above it
COLOURED_SHARE = 0.0005  # a page whose pixels are this share coloured holds coloured ink
PROBE_DPI = 36  # the page is looked at this small to tell whether it holds coloured ink
# a page image (its ruled table cut out) with no pixel darker than this holds nothing to read
# and is not read: on the corpus's scans and the sample, every page with text holds ink of 61
# or darker, the sample's pages filled by a table keep only paper of 223 or lighter beside it
# (tesseract reads nothing there, for 0.4 CPU-s a page)
TEXT_INK = 200
# deskewing by a few degrees at most: nearest neighbour (0.02 CPU-s a 300-dpi page) and
# bilinear (0.13) would be cheaper than bicubic (0.24), but on the corpus's scans tesseract
# then reads worse: as the mean of five runs (as measured and turned ±0.01°, ±0.02°:
# bench/real.py --turned), recipients 0.79 bilinear and 0.85 nearest against bicubic's
# 0.95, signer positions 0.65 and 0.58 against 0.72. Turning a 200-ppi scan at its own pixels
# and enlarging it after (half the turning's CPU: 0.08 CPU-s a page against 0.17, both on a
# faster day) read recipients 0.80-0.89. OpenCV's
# bicubic (0.07) is another kernel than Pillow's, and over five runs each its scan scores were
# not shown to be as good (README, Speed).
ROTATE_RESAMPLE = Image.Resampling.BICUBIC


@dataclass(frozen=True)
class ScanPage:
    """One page made ready for tesseract."""

    number: int  # 1-based
    dpi: int
    width: float  # page size in points
    height: float
    angle: float  # the skew it was straightened by (degrees)
    # BMP: the page, with its ruled table (if any) blanked out; None where that leaves only
    # paper (`TEXT_INK`), as on a page filled by its table
    text_image: bytes | None
    grid: CellGrid | None  # the ruled table
    cells: tuple[tuple[tuple[int, int], bytes], ...] = ()  # (row, column) and BMP of each cell
    # BMP, not straightened: the page with its coloured ink faded out, if it has some
    faded: bytes | None = None
    lifted: bytes | None = None  # BMP: ... with it lifted to paper (`lifted_ink`), not straightened

    def faded_page(self) -> bytes | None:
        """The page with its coloured ink faded out (`black_ink`), straightened only now: it is
        read only where the page has a signature block, and most pages have none."""
        return self._straightened(self.faded)

    def signature_page(self) -> bytes | None:
        """The page to read a signature column from again: with its coloured ink lifted to
        paper if it has some, straightened only now (few pages need it), else as it is read."""
        return self._straightened(self.lifted) or self.text_image

    def _straightened(self, image: bytes | None) -> bytes | None:
        if image is None or abs(self.angle) < MIN_SKEW_DEG:
            return image
        with Image.open(io.BytesIO(image)) as page:
            return bmp(page.rotate(-self.angle, resample=ROTATE_RESAMPLE, fillcolor=255))


def render_dpi(page: pdfium.PdfPage) -> int:
    """`RENDER_DPI`, but never more than `MAX_UPSAMPLE` × the resolution of the page's largest
    image: a low-resolution scan on an oversized page is not blown up into pixels that hold
    nothing the scan had (tesseract's time grows with the pixels)."""
    area, ppi = 0.0, 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3):
        x0, y0, x1, y1 = obj.get_bounds()
        pixels, _ = obj.get_px_size()
        if (x1 - x0) * (y1 - y0) > area and pixels:
            area, ppi = (x1 - x0) * (y1 - y0), pixels / ((x1 - x0) / 72.0)
    if ppi <= 0.0:
        return RENDER_DPI
    return int(min(RENDER_DPI, max(MIN_RENDER_DPI, MAX_UPSAMPLE * ppi)))


def render_page(doc: pdfium.PdfDocument, index: int, strip_text: bool,
                colour: bool = False) -> tuple[Image.Image, int, float, float]:
    """(greyscale image, dpi, width, height in points) of one page, drawn without its
    annotations (a signing tool's stamp is no part of the document's text) and, for
    `strip_text`, without its text objects (a text layer laid over the scanned image);
    `colour` keeps its colours."""
    page = doc[index]
    try:
        if strip_text:
            _remove_text_objects(page)
        width, height = page.get_size()
        dpi = render_dpi(page)
        image = page.render(scale=dpi / 72.0, grayscale=not colour, draw_annots=False,
                            may_draw_forms=False).to_pil()
        image = image if colour else image.convert("L")
    finally:
        page.close()
    return image, dpi, width, height


def black_ink(image: Image.Image) -> Image.Image:
    """The greyscale page with coloured ink faded to paper: the red seal stamped over a
    signature and a blue signature are no part of the typed name, and tesseract misreads
    the black letters they overlap. A pixel whose channels differ by more than `COLOUR_FROM`
    is coloured, fully so from `COLOUR_FROM + COLOUR_RAMP`; black and grey stay. Only the
    coloured pixels are computed (the channels' spread from Pillow's own maximum and minimum):
    the same pixels as the whole page's arithmetic, for a tenth of its CPU time."""
    rgb = image if image.mode == "RGB" else image.convert("RGB")
    grey = np.array(rgb.convert("L"))
    red, green, blue = rgb.split()
    spread = np.asarray(ImageChops.subtract(
        ImageChops.lighter(ImageChops.lighter(red, green), blue),
        ImageChops.darker(ImageChops.darker(red, green), blue)))
    coloured = spread > COLOUR_FROM
    colour = np.clip((spread[coloured].astype(np.float32) - COLOUR_FROM) / COLOUR_RAMP, 0.0, 1.0)
    lum = grey[coloured].astype(np.float32)
    grey[coloured] = np.round(lum + (255.0 - lum) * colour).astype(np.uint8)
    return Image.fromarray(grey, mode="L")


def lifted_ink(image: Image.Image) -> Image.Image:
    """The page as its brightest channel: coloured ink, red or blue, turns light as a whole,
    black and grey stay. Read alone, a signature column under a red seal reads better from it
    than from `black_ink`'s page, whose fading leaves the seal's pale edges (measured on the
    corpus's scans)."""
    red, green, blue = (image if image.mode == "RGB" else image.convert("RGB")).split()
    return ImageChops.lighter(ImageChops.lighter(red, green), blue)  # numpy's max: 20× slower


def has_colour(doc: pdfium.PdfDocument, index: int) -> bool:
    """Does the page hold coloured ink (a seal, a stamp), more than a scanner's colour noise?
    A page drawn only from greyscale images holds none; any other is looked at small, its
    pixels counted from where `black_ink` starts fading them: drawn this small, a pale seal's
    thin ring mixes with the paper and is seldom fully coloured."""
    page = doc[index]
    try:
        if _grey_images_only(page):
            return False
        small = np.asarray(page.render(scale=PROBE_DPI / 72.0, draw_annots=False,
                                       may_draw_forms=False).to_pil().convert("RGB"))
    finally:
        page.close()
    spread = small.max(axis=2).astype(np.int16) - small.min(axis=2)
    return float((spread >= COLOUR_FROM).mean()) >= COLOURED_SHARE


def _grey_images_only(page: pdfium.PdfPage) -> bool:
    """Is every object of the page (inside form XObjects too) an image in a grey colour space?"""
    images = 0
    for obj in page.get_objects(max_depth=3):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_FORM:
            continue
        if obj.type != pdfium_c.FPDF_PAGEOBJ_IMAGE or obj.get_metadata().colorspace not in (
                pdfium_c.FPDF_COLORSPACE_DEVICEGRAY, pdfium_c.FPDF_COLORSPACE_CALGRAY):
            return False
        images += 1
    return images > 0


def prepare_page(doc: pdfium.PdfDocument, index: int, strip_text: bool) -> ScanPage:
    """Render, straighten and cut one page (0-based) into the images tesseract reads: the
    page as it is (none when only paper is left beside its table), its table's cells, and the
    page with its coloured ink faded out if it has some (`black_ink`)."""
    image, dpi, width, height = render_page(doc, index, strip_text)
    coloured = render_page(doc, index, strip_text, colour=True)[0] if has_colour(
        doc, index) else None
    faded = black_ink(coloured) if coloured is not None else None
    lifted = lifted_ink(coloured) if coloured is not None else None
    angle = skew_angle(np.asarray(image))
    if abs(angle) >= MIN_SKEW_DEG:
        image = image.rotate(-angle, resample=ROTATE_RESAMPLE, fillcolor=255)
    gray = np.asarray(image)
    grid = find_grid(gray)
    text_image = image
    cells: list[tuple[tuple[int, int], bytes]] = []
    if grid is not None:
        text_image = image.copy()
        x0, top, x1, bottom = grid.bbox
        text_image.paste(255, (x0 - 4, top - 4, x1 + 5, bottom + 5))
        for r, row in enumerate(grid.rows):
            for c, box in enumerate(row):
                if box is not None and not is_blank(gray, box):
                    crop = ImageOps.expand(image.crop(ink_box(gray, box)), CELL_MARGIN, 255)
                    cells.append(((r, c), bmp(crop)))
    text = bmp(text_image) if int(np.asarray(text_image).min()) < TEXT_INK else None
    return ScanPage(index + 1, dpi, width, height, angle, text, grid, tuple(cells),
                    bmp(faded) if faded is not None else None,
                    bmp(lifted) if lifted is not None else None)


def bmp(image: Image.Image) -> bytes:
    """A greyscale image as an uncompressed BMP: written in a few milliseconds, where PNG took
    0.13 CPU-s a 300-dpi page, and read by tesseract (leptonica) faster than PNG or PGM."""
    buffer = io.BytesIO()
    image.save(buffer, format="BMP")
    return buffer.getvalue()


def _remove_text_objects(page: pdfium.PdfPage) -> None:
    """Remove the page's text objects, also those inside form XObjects (where a flattened
    signature field's stamp lives); images and drawings stay."""
    for i in reversed(range(pdfium_c.FPDFPage_CountObjects(page.raw))):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _remove_form_text(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFPage_RemoveObject(page.raw, obj):
            pdfium_c.FPDFPageObj_Destroy(obj)


def _remove_form_text(form: ctypes.c_void_p) -> None:
    for i in reversed(range(pdfium_c.FPDFFormObj_CountObjects(form))):
        obj = pdfium_c.FPDFFormObj_GetObject(form, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            _remove_form_text(obj)
        elif kind == pdfium_c.FPDF_PAGEOBJ_TEXT and pdfium_c.FPDFFormObj_RemoveObject(form, obj):
            pdfium_c.FPDFPageObj_Destroy(obj)
