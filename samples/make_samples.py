"""Build the sample documents: realistic DOCX, PDF and scanned PDF forms of the seed texts, and
administrative documents in the layouts of Nghị định 30/2020/NĐ-CP written in ``sources/``.

The seed texts in this folder are what the text path of ``vnplan`` reads: the OCR text of
Lào Cai plan 122/KH-UBND (30/3/2022) and the legal-portal text of Lạng Sơn plan 227/KH-UBND
(18/11/2021). To exercise the DOCX, born-digital PDF and scanned-PDF paths on the same content,
this script rebuilds the official documents they came from, laid out the way Vietnamese
administrative documents are (Nghị định 30/2020/NĐ-CP: A4, Liberation Serif 14 pt, two-column
header, signature block, landscape appendix table), then:

* converts each DOCX to PDF with LibreOffice (headless, throw-away profile), and
* rasterises the Lào Cai PDF at 200 dpi, adds noise and a slight skew and saves it as an
  image-only PDF (no text layer), as a stand-in for a scanned original.

The documents in ``sources/*.toml`` (a decision issuing a regulation, an official letter, a
report, a draft submission, a decision issuing a plan) are laid out by ``admin_docs.py`` and,
where a source asks for it, published as a portal page by ``portal_page.py``.

Outputs (next to this file)::

    lao-cai-122-kh-ubnd-2022.docx / .pdf / -scan.pdf
    lang-son-227-kh-ubnd-2021.docx / .pdf
    <slug>.docx / <slug>.pdf / web/<slug>.html   for each source, as its ``forms`` say

Run ``python samples/make_samples.py`` (``--only seeds`` or ``--only SLUG …`` for a part; add
``--verify`` to print font, text-extraction, page-break and OCR checks of the seed forms).
Outputs are rebuilt from scratch on every run; the DOCX files, the portal pages and the scan are
byte-stable, and the LibreOffice PDFs get fixed dates and IDs (LibreOffice's font subsets are
not always byte-identical between runs, so a rebuilt PDF may differ in its embedded fonts).
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from admin_docs import Source, build_admin_docx, load_sources
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm
from docx.table import _Cell
from docx_kit import (
    FIXED_TIME,
    TABLE_PT,
    borderless_table,
    cell_paragraph,
    mark_header_row,
    new_document,
    normalise_zip,
    paragraph,
    rule,
    set_widths,
    setup_portrait,
)
from pdf_kit import convert_to_pdf, find_soffice
from PIL import Image, ImageFilter
from portal_page import build_portal_page

HERE = Path(__file__).resolve().parent
LAO_CAI = "lao-cai-122-kh-ubnd-2022"
LANG_SON = "lang-son-227-kh-ubnd-2021"
SEEDS = "seeds"  # --only name of the two plans rebuilt from seed texts (and the scan)

SCAN_DPI = 200
SCAN_NOISE_SIGMA = 6.0
SCAN_SKEW_DEG = (0.6, -0.4)
SCAN_BLUR_PX = 0.6  # scanner optics: slightly soft glyph edges
SCAN_JPEG_QUALITY = 20  # keeps 15 pages under 3 MB; tesseract still reads it cleanly
SCAN_SEED = 20220330

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
APPENDIX_HEADER = [
    "STT",
    "Nội dung",
    "Cơ quan chủ trì",
    "Cơ quan phối hợp",
    "Thời gian thực hiện",
    "Ghi chú",
]
APPENDIX_WIDTHS_CM = [1.2, 10.5, 4.5, 5.0, 2.5, 2.0]  # 25.7 cm = A4 landscape less 2 x 2 cm
LIST_ITEM = re.compile(r"^[a-zđ]\) ")
TERMINAL = (".", ";", ":", "!", "?", "…", "/.")

# Corrections of OCR damage that the original printed document did not have (see the brief in
# the module docstring): group-title typo and the fragment of item I.3 after a page break.
GROUP_TITLE_FIXES = {"Cản kết ": "Gắn kết "}
FRAGMENT_FIXES = {" cờ ": " ở ", "ban bè": "bạn bè"}


# --------------------------------------------------------------------------------------------
# Parsed content
# --------------------------------------------------------------------------------------------


@dataclass
class Para:
    """One body paragraph; ``kind`` is ``heading``, ``subheading``, ``item`` or ``text``."""

    text: str
    kind: str = "text"


@dataclass
class Row:
    """One appendix row: a group row (roman numeral + merged title) or a data row."""

    cells: list[list[str]]  # each cell is a list of paragraphs
    group: bool = False


@dataclass
class Plan:
    """Everything needed to lay out one plan."""

    slug: str
    agency_parent: str
    agency: str
    number: str
    place_date: str
    title: list[str]
    body: list[Para]
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)  # [position..., signer name]
    appendix_caption: list[str] = field(default_factory=list)
    appendix: list[Row] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Seed text parsing
# --------------------------------------------------------------------------------------------


def read_seed(slug: str) -> str:
    """Read the committed seed text for ``slug``."""
    path = HERE / f"{slug}.txt"
    if not path.is_file():
        sys.exit(f"error: seed text {path} is missing")
    return path.read_text(encoding="utf-8")


def blocks_of(text: str) -> list[str]:
    """Split text into blocks separated by blank (or whitespace-only) lines."""
    return [b.strip("\n") for b in re.split(r"\n[ \t\u00a0]*\n", text) if b.strip()]


def is_upper_line(line: str) -> bool:
    """True if every letter of ``line`` is upper case (title lines)."""
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def join_page_breaks(blocks: Iterable[str], fix_hoa: bool) -> list[str]:
    """Rejoin paragraphs that a page break split in the middle of a sentence."""
    out: list[str] = []
    for block in blocks:
        text = " ".join(block.split("\n")) if "\t" not in block else block
        prev = out[-1] if out else ""
        starts_inside = text[0].islower() or text[0] == "("
        if prev and not prev.endswith(TERMINAL) and starts_inside and not LIST_ITEM.match(text):
            if fix_hoa and prev.endswith(" văn") and re.match(r"hoa\b", text):
                text = "hóa" + text[3:]
            out[-1] = f"{prev} {text}"
        else:
            out.append(text)
    return out


def classify(text: str) -> Para:
    """Decide how a body paragraph is typeset, repairing lost numbering dots."""
    if re.match(r"^[IVX]+ ", text) and is_upper_line(text):
        text = re.sub(r"^([IVX]+) ", r"\1. ", text)  # "III CÁC" -> "III. CÁC"
    text = re.sub(r"^(\d+\.\d+) ", r"\1. ", text)  # "2.1 Gắn" -> "2.1. Gắn"
    ends_open = not text.endswith(TERMINAL)
    if re.match(r"^[IVX]+\. ", text) and is_upper_line(text):
        return Para(text, "heading")
    if re.match(r"^\d+(\.\d+)*\. ", text) and ends_open:
        return Para(text, "heading2")
    if re.match(r"^[a-zđ]\) ", text) and ends_open:
        return Para(text, "subheading")
    if text.startswith("(") and text.endswith(")"):
        return Para(text, "note")
    return Para(text, "text")


def clean_markup(text: str) -> str:
    """Drop the OCR ``*[Signature]*`` artefacts (markdown emphasis is handled when typeset)."""
    return re.sub(r"\s*\*\[Signature\]\*", "", text).strip()


def parse_lao_cai(text: str) -> Plan:
    """Parse the Lào Cai OCR seed (header lost in scanning, appendix as tab-separated lines)."""
    main, _, appendix = text.partition("\nPHỤ LỤC")
    blocks = blocks_of(main)
    place_date = blocks.pop(0)
    title = blocks.pop(0).split("\n")
    recipients_at = next(i for i, b in enumerate(blocks) if re.match(r"N[oơ]i nhận:", b))
    body = [classify(clean_markup(p)) for p in join_page_breaks(blocks[:recipients_at], True)]
    recipients = [clean_markup(line) for line in blocks[recipients_at + 1].split("\n")]
    position = [line.strip("*") for line in blocks[recipients_at + 2].split("\n")]
    signer = blocks[recipients_at + 3]
    caption, table_lines = parse_appendix_caption("PHỤ LỤC" + appendix)
    return Plan(
        slug=LAO_CAI,
        agency_parent="ỦY BAN NHÂN DÂN",
        agency="TỈNH LÀO CAI",
        number="Số: 122/KH-UBND",  # lost in scanning; the original had it
        place_date=place_date,
        title=title,
        body=body,
        recipients=recipients,
        signature=[*position, signer],
        appendix_caption=caption,
        appendix=parse_appendix_rows(table_lines),
    )


def parse_appendix_caption(text: str) -> tuple[list[str], list[str]]:
    """Split the appendix into its caption lines and the table lines (header row dropped)."""
    lines = text.split("\n")
    table_at = next(i for i, line in enumerate(lines) if line.startswith("STT\t"))
    caption = [line for line in lines[:table_at] if line.strip()]
    caption = [re.sub(r"số: (\d+) /", r"số: \1/", line) for line in caption]
    return caption, lines[table_at + 1 :]


def group_row(numeral: str, title: str) -> Row:
    """A group row: roman numeral in STT, title merged across the other columns."""
    for wrong, right in GROUP_TITLE_FIXES.items():
        title = title.replace(wrong, right)
    return Row([[numeral], [title], [""], [""], [""], [""]], group=True)


def fix_shifted_columns(cells: list[str]) -> list[str]:
    """Drop a duplicated agency cell that pushed the later columns one place right."""
    if len(cells) == 6 and cells[5]:
        for i in (2, 3):
            if cells[i] and cells[i] == cells[i + 1]:
                return cells[: i + 1] + cells[i + 2 :] + [""]
    return cells


def parse_appendix_rows(lines: Sequence[str]) -> list[Row]:
    """Reconstruct the original appendix table from the seed's tab-separated lines."""
    rows: list[Row] = []
    groups_seen = 1  # the table's group I has no row of its own in the seed
    after_break = False
    for line in lines:
        if not line.strip():
            after_break = True
            continue
        cells = [c.strip() for c in line.split("\t")]
        rest_empty = not any(cells[1:]) or (len(cells) > 1 and not any(cells[2:]))
        head = re.match(r"^([IVX]+)(?:\s+(.+))?$", cells[0])
        if head and rest_empty:
            title = head.group(2) or cells[1]
            groups_seen = ROMAN.index(head.group(1)) + 1
            rows.append(group_row(head.group(1), title))
        elif cells[0] and not cells[0].isdigit() and not any(cells[1:]):
            groups_seen += 1  # an unnumbered group title: the numeral was lost in scanning
            rows.append(group_row(ROMAN[groups_seen - 1], cells[0]))
        elif not cells[0] and len(cells) > 1 and not cells[1]:
            pass  # stray scanning artefact (agency cells without a task)
        elif not cells[0]:
            add_continuation(rows[-1], cells[1], after_break)
        else:
            cells = fix_shifted_columns(cells)
            cells += [""] * (6 - len(cells))
            rows.append(Row([[c] for c in cells[:6]]))
        after_break = False
    return rows


def add_continuation(row: Row, text: str, after_break: bool) -> None:
    """Add a continuation line to the task cell: a new paragraph, or the rest of a split one."""
    paragraphs = row.cells[1]
    if after_break and not paragraphs[-1].endswith(TERMINAL):
        for wrong, right in FRAGMENT_FIXES.items():
            text = f" {text} ".replace(wrong, right).strip()
        paragraphs[-1] = f"{paragraphs[-1]} {text}"
    else:
        paragraphs.append(text)


def parse_lang_son(text: str) -> Plan:
    """Parse the Lạng Sơn portal seed (metadata header skipped, text cut off at "[...]")."""
    start = text.index("ỦY BAN NHÂN DÂN")
    blocks = blocks_of(text[start:])
    left = blocks.pop(0).split("\n")
    blocks.pop(0)  # national title and motto: fixed text
    number = blocks.pop(0)
    place_date = blocks.pop(0)
    title: list[str] = []
    while blocks and is_upper_line(blocks[0]):
        title.append(blocks.pop(0))
    body = [classify(p) for p in join_page_breaks(blocks, False)]
    return Plan(
        slug=LANG_SON,
        agency_parent=left[0],
        agency=left[1],
        number=number,
        place_date=place_date,
        title=title,
        body=body,
    )


# --------------------------------------------------------------------------------------------
# Layout
# --------------------------------------------------------------------------------------------


def add_header(doc: DocxDocument, plan: Plan) -> None:
    """Agency (left) and national title (right), with rules, number and place-date."""
    left_w, right_w = 6.0, 10.0
    table = borderless_table(doc, [left_w, right_w])
    left, right = table.rows[0].cells
    cell_paragraph(left, plan.agency_parent, size=13)
    cell_paragraph(left, plan.agency, bold=True, size=13)
    rule(left, left_w, 2.0)
    cell_paragraph(left, plan.number, size=13, before=2)
    cell_paragraph(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, size=12)
    cell_paragraph(right, "Độc lập - Tự do - Hạnh phúc", bold=True, size=13)
    rule(right, right_w, 5.6)
    cell_paragraph(right, plan.place_date, italic=True, size=13, before=2)


def add_title(doc: DocxDocument, plan: Plan) -> None:
    """Bold centred title lines followed by a short rule."""
    for i, line in enumerate(plan.title):
        paragraph(doc, line, bold=True, before=18 if i == 0 else 0)
    rule(doc, 16.0, 4.0)


def add_body(doc: DocxDocument, body: Sequence[Para]) -> None:
    """Justified body paragraphs with a first-line indent; headings bold."""
    for para in body:
        par = paragraph(
            doc,
            para.text,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            bold=para.kind in ("heading", "heading2"),
            italic=para.kind in ("subheading", "note"),
            before=6,
            indent=Cm(1.0),
        )
        if para.kind != "text":
            par.paragraph_format.keep_with_next = True


def add_signature(doc: DocxDocument, plan: Plan) -> None:
    """Recipients (left, 11 pt) beside the signature block (right)."""
    table = borderless_table(doc, [8.0, 8.0])
    left, right = table.rows[0].cells
    left_align = WD_ALIGN_PARAGRAPH.LEFT
    cell_paragraph(left, "Nơi nhận:", align=left_align, bold=True, italic=True, size=12, before=12)
    for line in plan.recipients:
        cell_paragraph(left, line, align=left_align, size=11)
    *position, signer = plan.signature
    for i, line in enumerate(position):
        cell_paragraph(right, line, bold=True, before=12 if i == 0 else 0)
    for _ in range(4):
        cell_paragraph(right, "")
    cell_paragraph(right, signer, bold=True)


def fill_row_cells(cells: Sequence[_Cell], row: Row) -> None:
    """Typeset one appendix row (group rows are merged and bold)."""
    aligns = [
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.JUSTIFY,
        WD_ALIGN_PARAGRAPH.LEFT,
        WD_ALIGN_PARAGRAPH.LEFT,
        WD_ALIGN_PARAGRAPH.CENTER,
        WD_ALIGN_PARAGRAPH.LEFT,
    ]
    if row.group:
        title_cell = cells[1].merge(cells[5])
        cell_paragraph(cells[0], row.cells[0][0], bold=True, size=TABLE_PT, before=2, after=2)
        align = WD_ALIGN_PARAGRAPH.LEFT
        cell_paragraph(
            title_cell, row.cells[1][0], align=align, bold=True, size=TABLE_PT, before=2, after=2
        )
        return
    for cell, texts, align in zip(cells, row.cells, aligns, strict=True):
        for text in texts:
            cell_paragraph(cell, text, align=align, size=TABLE_PT, before=2, after=2)


def add_appendix(doc: DocxDocument, plan: Plan) -> None:
    """A landscape section with the caption and one bordered, page-spanning table."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21.0)
    sec.top_margin = sec.bottom_margin = Cm(2.0)
    sec.left_margin = sec.right_margin = Cm(2.0)
    *bold_lines, note = plan.appendix_caption
    for line in bold_lines:
        paragraph(doc, line, bold=True, size=13)
    paragraph(doc, note, italic=True, size=13, after=10)
    table = doc.add_table(rows=1 + len(plan.appendix), cols=len(APPENDIX_HEADER))
    table.style = doc.styles["Table Grid"]
    set_widths(table, APPENDIX_WIDTHS_CM)
    for cell, text in zip(table.rows[0].cells, APPENDIX_HEADER, strict=True):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell_paragraph(cell, text, bold=True, size=TABLE_PT, before=3, after=3)
    mark_header_row(table)
    for tr, row in zip(table.rows[1:], plan.appendix, strict=True):
        fill_row_cells(tr.cells, row)


def build_docx(plan: Plan) -> bytes:
    """Lay out a whole plan and return the DOCX bytes (zip entries with fixed dates)."""
    doc = new_document()
    setup_portrait(doc)
    add_header(doc, plan)
    add_title(doc, plan)
    add_body(doc, plan.body)
    if plan.signature:
        add_signature(doc, plan)
    if plan.appendix:
        add_appendix(doc, plan)
    buf = io.BytesIO()
    doc.save(buf)
    return normalise_zip(buf.getvalue())



# --------------------------------------------------------------------------------------------
# PDF conversion and scan simulation
# --------------------------------------------------------------------------------------------


def scan_page(page: pdfium.PdfPage, index: int, rng: np.random.Generator) -> Image.Image:
    """Render one page like a 200 dpi greyscale scan: skewed, a little soft, noisy."""
    bitmap = page.render(scale=SCAN_DPI / 72, grayscale=True)
    image = bitmap.to_pil().convert("L")
    angle = SCAN_SKEW_DEG[index % len(SCAN_SKEW_DEG)]
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(SCAN_BLUR_PX))
    pixels = np.asarray(image, dtype=np.float32)
    pixels += rng.normal(0.0, SCAN_NOISE_SIGMA, size=pixels.shape).astype(np.float32)
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8), mode="L")


def make_scan(pdf_path: Path, out_path: Path) -> int:
    """Write an image-only PDF (JPEG pages, no text layer); return the page count."""
    rng = np.random.Generator(np.random.PCG64(SCAN_SEED))
    doc = pdfium.PdfDocument(pdf_path)
    try:
        pages = [scan_page(doc[i], i, rng) for i in range(len(doc))]
    finally:
        doc.close()
    first, *rest = pages
    first.save(
        out_path,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=float(SCAN_DPI),
        quality=SCAN_JPEG_QUALITY,
        optimize=True,
        title="Kế hoạch 122/KH-UBND (bản scan)",
        producer="vnplan samples",
        creator="vnplan samples",
        creationDate=FIXED_TIME.utctimetuple(),
        modDate=FIXED_TIME.utctimetuple(),
    )
    return len(pages)


# --------------------------------------------------------------------------------------------
# Verification (--verify)
# --------------------------------------------------------------------------------------------


def squash(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    return " ".join(text.split())


def page_texts(pdf_path: Path) -> list[tuple[str, bool]]:
    """(text, is_landscape) for every page, via pdfium."""
    doc = pdfium.PdfDocument(pdf_path)
    try:
        out = []
        for page in doc:
            width, height = page.get_size()
            out.append((page.get_textpage().get_text_range(), width > height))
        return out
    finally:
        doc.close()


def first_page_with(snippet: str, pages: Sequence[tuple[int, str]], start: int) -> int:
    """Number of the first page at or after ``start`` whose text contains ``snippet`` (0: none)."""
    return next((num for num, text in pages if num >= start and snippet in text), 0)


def broken_rows(plan: Plan, pdf_path: Path) -> list[str]:
    """Appendix rows that start on one landscape page and end on a later one."""
    pages = [(i + 1, squash(t)) for i, (t, land) in enumerate(page_texts(pdf_path)) if land]
    found = []
    group = "I"  # the seed has no row for group I
    cursor = pages[0][0]
    for row in plan.appendix:
        if row.group:
            group = row.cells[0][0]
        cells = [squash(" ".join(c)).split() for c in row.cells[1:] if any(c)]
        start = first_page_with(" ".join(cells[0][:5]), pages, cursor)
        if not start:
            continue
        ends = [first_page_with(" ".join(words[-5:]), pages, start) for words in cells]
        cursor, last = start, max(ends)
        if last > start:
            label = group if row.group else f"{group}.{row.cells[0][0]}"
            found.append(f"{label} (p.{start}-{last}): {' '.join(cells[0][:8])} ...")
    return found


def missing_words(source: str, extracted: str) -> list[str]:
    """Words of the source text that never appear as whole words in the extracted text."""
    seen = set(re.findall(r"\w+", extracted))
    return sorted({w for w in re.findall(r"\w+", source) if w not in seen})


def run_verification(plans: Sequence[Plan], scan_path: Path) -> None:
    """Print the font, extraction, page-break and OCR checks."""
    probes = ["Ủy ban", "của", "Thể thao", "Lào Cai", "Lạng Sơn", "hóa"]
    for plan in plans:
        pdf_path = HERE / f"{plan.slug}.pdf"
        print(f"== {pdf_path.name}")
        if shutil.which("pdffonts"):
            fonts = subprocess.run(["pdffonts", str(pdf_path)], capture_output=True, text=True)
            print(fonts.stdout.rstrip())
        texts = page_texts(pdf_path)
        landscape = sum(1 for _, land in texts if land)
        print(f"pages: {len(texts) - landscape} portrait + {landscape} landscape")
        full = squash(" ".join(t for t, _ in texts))
        source = squash(" ".join(p.text for p in plan.body))
        for probe in probes:
            print(f"  {probe!r}: pdf {full.count(probe)} / body paragraphs {source.count(probe)}")
        missing = missing_words(source, full)
        print(f"  body words missing from the PDF text: {len(missing)} {missing[:10]}")
        if plan.appendix:
            print("appendix rows broken across pages:")
            for line in broken_rows(plan, pdf_path):
                print(f"  {line}")
    verify_scan(scan_path)


def verify_scan(scan_path: Path) -> None:
    """Check the scan has no text layer and that tesseract reads page 1."""
    print(f"== {scan_path.name}")
    texts = page_texts(scan_path)
    print(f"pages: {len(texts)}, characters in text layer: {sum(len(t) for t, _ in texts)}")
    if not shutil.which("tesseract"):
        print("tesseract not found: OCR check skipped")
        return
    doc = pdfium.PdfDocument(scan_path)
    try:
        image = doc[0].render(scale=SCAN_DPI / 72).to_pil()
    finally:
        doc.close()
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as tmp:
        png = Path(tmp, "page1.png")
        image.save(png)
        ocr = subprocess.run(
            ["tesseract", str(png), "-", "-l", "vie"], capture_output=True, text=True
        )
    lines = [line for line in ocr.stdout.splitlines() if line.strip()]
    print("tesseract page 1 (first lines):")
    for line in lines[:12]:
        print(f"  {line}")


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def build_admin_documents(sources: Sequence[Source]) -> None:
    """Write each source's forms: .docx, .pdf (via LibreOffice; from a throw-away .docx when
    the .docx is not one of its forms) and its portal page."""
    with tempfile.TemporaryDirectory(prefix="vnplan-admin-") as tmp:
        docx_paths, pdf_paths, stamps = [], [], []
        for source in sources:
            folder = HERE if "docx" in source.forms else Path(tmp)
            path = folder / f"{source.slug}.docx"
            path.write_bytes(build_admin_docx(source))
            if "docx" in source.forms:
                print(f"wrote {path.name}")
            if "pdf" in source.forms:
                docx_paths.append(path)
                pdf_paths.append(HERE / f"{source.slug}.pdf")
                stamps.append(source.created)
            if "html" in source.forms:
                page = HERE / source.portal["file"]
                page.write_text(build_portal_page(source), encoding="utf-8")
                print(f"wrote {page.relative_to(HERE)}")
        if docx_paths:
            for pdf in convert_to_pdf(docx_paths, pdf_paths, stamps):
                print(f"wrote {pdf.name}")


def main(argv: Sequence[str] | None = None) -> int:
    sources = load_sources()
    names = [SEEDS, *(s.slug for s in sources)]
    parser = argparse.ArgumentParser(
        description=(
            "Rebuild the sample documents: the Lào Cai 122/KH-UBND and Lạng Sơn 227/KH-UBND "
            "plans (DOCX, PDF via LibreOffice, and a simulated scan of the Lào Cai PDF) from the "
            "seed texts, and the administrative documents written in samples/sources/ (DOCX, "
            "PDF, portal page)."
        )
    )
    parser.add_argument(
        "--only",
        nargs="+",
        choices=names,
        metavar="NAME",
        help=f"build only these ({', '.join(names)}); default: all",
    )
    parser.add_argument(
        "--verify",
        action="store_true",
        help="print pdffonts output, text-extraction probes, appendix rows that break across "
        "pages, and a tesseract read of the scan's first page",
    )
    parser.add_argument("--no-scan", action="store_true", help="skip the simulated scan (faster)")
    args = parser.parse_args(argv)
    chosen = set(args.only or names)

    find_soffice()
    if SEEDS in chosen:
        build_seed_documents(scan=not args.no_scan, verify=args.verify)
    build_admin_documents([s for s in sources if s.slug in chosen])
    return 0


def build_seed_documents(*, scan: bool, verify: bool) -> None:
    """The two plans rebuilt from their seed texts, and the scan of the Lào Cai PDF."""
    plans = [parse_lao_cai(read_seed(LAO_CAI)), parse_lang_son(read_seed(LANG_SON))]
    docx_paths = []
    for plan in plans:
        path = HERE / f"{plan.slug}.docx"
        path.write_bytes(build_docx(plan))
        docx_paths.append(path)
    for pdf in convert_to_pdf(docx_paths):
        print(f"wrote {pdf.with_suffix('.docx').name}, {pdf.name}")
    scan_path = HERE / f"{LAO_CAI}-scan.pdf"
    if scan:
        count = make_scan(HERE / f"{LAO_CAI}.pdf", scan_path)
        print(f"wrote {scan_path.name} ({count} pages)")
    if verify:
        run_verification(plans, scan_path)


if __name__ == "__main__":
    raise SystemExit(main())
