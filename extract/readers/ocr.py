"""Scanned PDF pages → positioned text, with tesseract's Vietnamese model (`-l vie`).

Why the tesseract command line through `subprocess`, and not pytesseract or ocrmypdf: ocrmypdf
(only a baseline of bench/speed.py) would rewrite the whole PDF (plus its own dependencies) only
for us to read the text layer back; pytesseract is a thin wrapper around the same command that
passes no environment of its own and would encode every image again. Calling the command
directly lets us (1) hand each page image over uncompressed and read TSV (word boxes) from stdout,
(2) set OMP_THREAD_LIMIT=1, which makes tesseract 5 several times faster on small machines (its
OpenMP threads otherwise spin against each other) while pages run in parallel, one process per
core, and (3) OCR all the cells of a table page in one process (a list of images, `--psm 6`), so
the model loads once per page instead of once per cell. Nothing is cached: page and cell images
live in a temporary directory for the duration of one call.

Pages are rendered, deskewed and their ruled table (if any) cut into cells by `ocr_images`
(with `ocr_tables`); the rest of the page is read with `--psm 3`. Coordinates are turned into
points so `pdf_layout` treats scanned and born-digital pages alike. tesseract 5 at 300 dpi
with one thread takes about 1.5 s a page here (the "~5.7 s" of its default threading).
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import unicodedata
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import pypdfium2 as pdfium
from rapidfuzz.distance import Levenshtein

from vnplan.cores import usable_cores
from vnplan.errors import ConversionError
from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.readers.layout import Line
from vnplan.extract.readers.ocr_images import ScanPage, prepare_page
from vnplan.extract.readers.ocr_signature import (
    MARGIN,
    SIGNATURE_LINES,
    column_image,
    lost_column,
    recipient_words,
    recipients_heads,
    with_signature_lines,
    words_by_line,
)
from vnplan.extract.readers.pdf_geometry import PageText, Segment, TableBlock
from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.idle import while_waiting
from vnplan.schema import Warning
from vnplan.text.letters import capitals_share
from vnplan.text.numerals import roman_value, to_roman
from vnplan.text.ocr_tones import load_word_index, repair_tone_confusions

LANGUAGE = "vie"
PAGE_TIMEOUT = 300  # seconds for tesseract on one page (or one page's cells)
COLUMN_GAP_EM = 1.8  # as in pdf_text: a wider gap between two words separates columns
LINE_HEIGHT_EM = 1.1  # a tesseract line box is about this many ems tall
SIZE_STEP = 0.3  # line boxes within this share of the page's usual height: the usual size
SPECK = 0.6  # words narrower and lower than this share of a line's height are specks
LONE_CHAR_CONF = 90.0  # a segment of one character read with less confidence is noise
SIGNATURE_GAP_EM = 3.0  # the signature stands this many line heights right of "Nơi nhận:"
SAME_ROW = 0.7  # ... on its row: middles less than this many line heights apart
COLUMN_PSM = 4  # the signature column read again as one column of lines of any size
# spacing accents, bars and underscores tesseract reads from a box's edge or a speck at either
# end of a line ("ˆ DỰ THẢO |", "- Như trên; _", "Lưu: VT, CNHC. 2⁄")
_EDGE_JUNK = re.compile(r"^(?:[ˆ˜`´¨¸|¦‹›°_]+\s+)+|(?:\s+\d?[ˆ˜`´¨¸|¦‹›°_⁄]+)+$")
_T = TypeVar("_T")
_HEADING_START = re.compile(r"^(?P<n>[IVXLHTlJ1|!]{1,5})(?:\s*[.,:]\s*|\s+)(?P<rest>\S.*)$")


@cache
def tesseract_command() -> str | None:
    """The tesseract executable, if it is installed with the Vietnamese model."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True,
                                timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    languages = {line.strip() for line in (listed.stdout + listed.stderr).splitlines()}
    return exe if LANGUAGE in languages else None


def _env() -> dict[str, str]:
    return {**os.environ, "OMP_THREAD_LIMIT": "1"}


@dataclass(frozen=True)
class _Word:
    text: str
    left: int
    top: int
    right: int
    bottom: int
    line: tuple[int, int, int]  # tesseract's (block, paragraph, line)
    conf: float = 100.0


def parse_tsv(tsv: str) -> tuple[list[_Word], dict[tuple[int, int, int], tuple[int, int]]]:
    """Words of tesseract's TSV output, and each line's (top, bottom)."""
    words: list[_Word] = []
    lines: dict[tuple[int, int, int], tuple[int, int]] = {}
    for row in tsv.splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12:
            continue
        level, block, par, line = (int(p) for p in parts[0:1] + parts[2:5])
        left, top, width, height = (int(p) for p in parts[6:10])
        key = (block, par, line)
        if level == 4:
            lines[key] = (top, top + height)
        text = parts[11].strip()
        conf = float(parts[10])
        if level == 5 and text and conf >= 0:
            words.append(_Word(unicodedata.normalize("NFC", text), left, top, left + width,
                               top + height, key, conf))
    return words, lines


def segments_of(words: list[_Word], lines: dict[tuple[int, int, int], tuple[int, int]],
                dpi: float) -> list[Segment]:
    """Words → segments in points: one per tesseract line, cut at column gaps.

    Line boxes vary with accents and descenders, so a line within `SIZE_STEP` of the page's
    usual line height gets the usual font size. Specks read as text (a segment of tiny
    "words", or one doubtful character) are dropped.
    """
    scale = 72.0 / dpi
    by_line = words_by_line(words)
    boxes = {key: lines.get(key, (min(w.top for w in ws), max(w.bottom for w in ws)))
             for key, ws in by_line.items()}
    usual = statistics.median(b - t for t, b in boxes.values()) if boxes else 0
    segments: list[Segment] = []
    for key, line_words in by_line.items():
        top, bottom = boxes[key]
        height = bottom - top if abs(bottom - top - usual) > SIZE_STEP * usual else usual
        size = height * scale / LINE_HEIGHT_EM
        runs: list[list[_Word]] = [[]]
        for word in sorted(line_words, key=lambda w: w.left):
            if runs[-1] and (word.left - runs[-1][-1].right) * scale > COLUMN_GAP_EM * size:
                runs.append([])
            runs[-1].append(word)
        segments.extend(_segment(run, top, bottom, size, scale) for run in runs
                        if run and not _is_speck(run, usual))
    return segments


def _is_speck(run: list[_Word], usual: float) -> bool:
    tiny = all(w.right - w.left < SPECK * usual and w.bottom - w.top < SPECK * usual
               for w in run)
    lone = len(run) == 1 and len(run[0].text) == 1 and not run[0].text.isdigit() and (
        run[0].conf < LONE_CHAR_CONF)
    return tiny or lone


def _segment(run: list[_Word], top: int, bottom: int, size: float, scale: float) -> Segment:
    text = " ".join(w.text for w in run)
    text = re.sub(r"^[~¬]+\s*-?\s*", "- ", text)  # a dash at a line start read as "~"
    text = _EDGE_JUNK.sub("", text)
    return Segment(text=text, x0=run[0].left * scale, top=top * scale,
                   x1=run[-1].right * scale, bottom=bottom * scale, size=round(size, 1),
                   first_word=(run[0].right - run[0].left) * scale)


def _tesseract(image: bytes, dpi: int, psm: int, output: str) -> str:
    """tesseract's `output` ("tsv", "txt") for one image (BMP). The image goes through a
    temporary file: tesseract reads stdin a byte at a time, which costs it about a tenth of
    a CPU-second on an uncompressed 300-dpi page (measured)."""
    command = tesseract_command()
    assert command is not None
    with tempfile.TemporaryDirectory(prefix="vnplan-page-") as tmp:
        path = Path(tmp, "page.bmp")
        path.write_bytes(image)
        done = subprocess.run([command, str(path), "stdout", "-l", LANGUAGE, "--psm", str(psm),
                               "--dpi", str(dpi), output], capture_output=True,
                              timeout=PAGE_TIMEOUT, check=False, env=_env())
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()[-300:]
        raise ConversionError("ocr_failed", f"tesseract failed on a scanned page: {message}")
    return done.stdout.decode("utf-8", "replace")


def ocr_cells(images: Sequence[bytes], dpi: int) -> list[str]:
    """Text of each cell image (BMP), read by one tesseract process (`--psm 6`)."""
    if not images:
        return []
    command = tesseract_command()
    assert command is not None
    with tempfile.TemporaryDirectory(prefix="vnplan-cells-") as tmp:
        paths = []
        for index, image in enumerate(images):
            path = Path(tmp, f"cell{index:04d}.bmp")
            path.write_bytes(image)
            paths.append(str(path))
        listing = Path(tmp, "cells.txt")
        listing.write_text("\n".join(paths) + "\n", "utf-8")
        done = subprocess.run([command, str(listing), "stdout", "-l", LANGUAGE, "--psm", "6",
                               "--dpi", str(dpi)], capture_output=True,
                              timeout=PAGE_TIMEOUT, check=False, env=_env())
    texts = done.stdout.decode("utf-8", "replace").split("\f")
    if len(texts) < len(images):
        return [_tesseract(image, dpi, 6, "txt") for image in images]
    return [unicodedata.normalize("NFC", " ".join(t.split())) for t in texts[: len(images)]]


def read_scan_table(scan: ScanPage) -> tuple[TableBlock, ...]:
    """The page's ruled table, cell by cell (none when the page has no grid)."""
    if scan.grid is None:
        return ()
    where = [position for position, _ in scan.cells]
    texts = dict(zip(where, ocr_cells([image for _, image in scan.cells], scan.dpi),
                     strict=True))
    rows = [tuple(texts.get((r, c), "") for c in range(len(row)))
            for r, row in enumerate(scan.grid.rows)]
    top = scan.grid.bbox[1] * 72.0 / scan.dpi
    return (TableBlock(top=top, rows=tuple(row for row in rows if any(row))),)


def read_scan_text(scan: ScanPage) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """The page's text outside its table, the signature column read again without the seal:
    beside "Nơi nhận:" on the page with its coloured ink faded out (the red seal over the
    position and the name makes tesseract's reading of them noise), or where the page's
    reading left nothing right of "Nơi nhận:" (`lost_column`) with that ink lifted to paper.
    The lines of that reading taken into the page's come second. A page with nothing but paper
    beside its table (no `text_image`) is not read."""
    if scan.text_image is None:
        return (), ()
    words, lines = parse_tsv(_tesseract(scan.text_image, scan.dpi, 3, "tsv"))
    column = signature_region(words, scan.dpi)
    page = scan.faded_page() if column is not None else None
    if column is None:
        column, page = lost_column(words, round(scan.width * scan.dpi / 72.0)), (
            scan.signature_page())
    if column is not None and page is not None:
        read = parse_tsv(_tesseract(column_image(page, column), scan.dpi, COLUMN_PSM, "tsv"))
        words, lines = with_signature_lines(words, lines, column, read)
    taken = words_by_line([w for w in words if w.line[0] >= SIGNATURE_LINES])
    return tuple(segments_of(words, lines, scan.dpi)), tuple(
        " ".join(w.text for w in line) for line in taken.values())


class _Reading:
    """The pages handed to the worker threads: each page's table cells and the rest of its
    text are two tasks. Adding a page waits while `ahead` tasks wait for a thread, so the
    threads never run dry while the next page is prepared; a page's images are dropped with
    its tasks."""

    def __init__(self, pool: ThreadPoolExecutor, ahead: int) -> None:
        self._pool = pool
        self._waiting = threading.Semaphore(ahead)
        self._read: list[tuple[tuple[int, float, float], Future[tuple[TableBlock, ...]],
                               Future[tuple[tuple[Segment, ...], tuple[str, ...]]]]] = []

    def add(self, scan: ScanPage) -> None:
        for _, read_tables, read_text in self._read:  # a failed page fails the document now
            for task in (read_tables, read_text):
                if task.done() and task.exception() is not None:
                    task.result()
        tables: Future[tuple[TableBlock, ...]] = Future()
        if scan.grid is None:
            tables.set_result(())
        else:
            tables = self._submit(read_scan_table, scan)
        segments = self._submit(read_scan_text, scan)
        self._read.append(((scan.number, scan.width, scan.height), tables, segments))

    def _submit(self, read: Callable[[ScanPage], _T], scan: ScanPage) -> Future[_T]:
        self._waiting.acquire()

        def started() -> _T:
            self._waiting.release()
            return read(scan)

        return self._pool.submit(started)

    def pages(self) -> list[PageText]:
        """The pages read, in the order they were added."""
        return [PageText(number=number, width=width, height=height,
                         segments=text.result()[0], tables=tables.result(), scanned=True)
                for (number, width, height), tables, text in self._read]

    def signature_lines(self) -> list[tuple[int, tuple[str, ...]]]:
        """(page number, lines) of the signature column read again, page by page."""
        return [(number, text.result()[1]) for (number, _, _), _, text in self._read
                if text.result()[1]]


def signature_region(words: list[_Word], dpi: int) -> tuple[int, int] | None:
    """(left, top) in pixels of the signature beside "Nơi nhận:" (Nghị định 30/2020, Phụ lục
    I: the recipients on the left; the authority, position, signature, seal and name on the
    right, the name often wider than the position above it): from the words right of
    "Nơi nhận:" across a column gap, never reaching into the recipients' lines; None when the
    page has no such block."""
    for i in recipients_heads(words):
        word = words[i]
        height = word.bottom - word.top
        middle = (word.top + word.bottom) / 2
        right = [w for w in words if w.left > word.right + SIGNATURE_GAP_EM * height
                 and abs((w.top + w.bottom) / 2 - middle) < SAME_ROW * height]
        if not right:
            continue
        top = min(w.top for w in right) - height // 2
        first_right = min(r.left for r in right)
        reach = max((w.right for w in recipient_words(words, i) if w.top >= top
                     and w.left < first_right), default=word.right)
        return max(reach + MARGIN, first_right - dpi), max(top, 0)
    return None


def ocr_processes(pages: int) -> int:
    """How many tesseract processes run at once: one per core."""
    return max(1, min(pages, usable_cores()))


def ocr_pdf_pages(
    doc: pdfium.PdfDocument, indexes: Sequence[int], without_text: Collection[int] = (),
    replaced: bool = False,
) -> tuple[list[PageText], list[Warning]]:
    """OCR the given pages (0-based) of an open PDF; raise "needs_ocr" without tesseract.
    Pages in `without_text` are rendered without their text objects (`render_page`);
    `replaced` says some of the pages had a text layer that is replaced by the OCR.

    Pages are prepared here, one at a time (rendering, deskewing, cutting out the table:
    `ocr_images`; pdfium is not thread-safe), and worker threads run tesseract on them: a
    page's table cells and the rest of its text are two tasks, so a table page is read by
    both processes at once rather than keeping one busy while the other waits for the next
    page. The next page is prepared as long as fewer than `workers` tasks wait for a process
    (`_Reading`): a process that finishes always finds one waiting, and only the images of
    the pages being read or waiting are held."""
    if tesseract_command() is None:
        raise ConversionError("needs_ocr", f"{len(indexes)} page(s): the PDF has no text layer "
                              "(scanned); install tesseract-ocr and tesseract-ocr-vie to read it")
    workers = ocr_processes(len(indexes))
    angles: list[float] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        reading = _Reading(pool, workers)
        for index in indexes:
            scan = prepare_page(doc, index, index in without_text)
            angles.append(scan.angle)
            reading.add(scan)
        load_word_index()  # for `repair_ocr_diacritics`, while the last pages are read
        while_waiting()  # and what the stages after reading load (`vnplan.idle`)
        pages = reading.pages()
        signature_lines = reading.signature_lines()
    pages, fixes = repair_group_numerals(pages)
    notes = [Warning(
        code="ocr",
        message=f"{len(indexes)} page(s) {'' if replaced else 'without a text layer '}"
              f"read by OCR (tesseract, {LANGUAGE}); text may contain recognition errors")]
    if fixes:
        notes.append(Warning(
            code="ocr_numeral_repaired",
            message=f"{len(fixes)} table group numeral(s) misread by "
                      f"OCR repaired: {', '.join(fixes[:6])}"))
    notes.extend(Warning(
        code="signature_reread", where="signer",
        message=f"page {number}: the signature column read again on its own (a seal or a "
                f"signature over it garbles the page's reading); taken from that reading: "
                f"{'; '.join(taken)}")
        for number, taken in signature_lines)
    tilted = sum(1 for a in angles if abs(a) >= 0.05)
    if tilted:
        notes.append(Warning(
            code="deskewed",
            message=f"{tilted} scanned page(s) straightened (up to "
                      f"{max(abs(a) for a in angles):.2f}°) before OCR"))
    return pages, notes


def read_numeral(token: str) -> str | None:
    """A roman numeral as OCR misreads it ("L", "1", "|", "H" for "II", "VỊ") → "I", "II"…"""
    plain = "".join(c for c in unicodedata.normalize("NFD", token) if not unicodedata.combining(c))
    plain = re.sub(r"[^A-Za-z0-9|!]", "", plain)
    numeral = plain.replace("H", "II").upper()
    for wrong in "1|!TJ":
        numeral = numeral.replace(wrong, "I")
    numeral = numeral.replace("L", "I")  # no plan has fifty top-level parts
    return numeral if numeral and roman_value(numeral) else None


def _heading_rest(rest: str) -> bool:
    return sum(c.isalpha() for c in rest) >= 4 and capitals_share(rest) >= 0.8


def repair_ocr_lines(
    lines: list[Line], pages: set[int]
) -> tuple[list[Line], list[Warning]]:
    """Repair roman numerals misread at the start of OCR'd headings ("L MỤC ĐÍCH" → "I. MỤC
    ĐÍCH"; a second "II." after "II." → "III."), with a note listing the repairs."""
    out: list[Line] = []
    fixes: list[str] = []
    previous = 0
    for line in lines:
        match = _HEADING_START.match(line.text)
        if line.cells is not None or line.page not in pages or match is None or not (
                _heading_rest(match["rest"])):
            out.append(line)
            continue
        numeral = read_numeral(match["n"])
        value = roman_value(numeral) if numeral else None
        expected = to_roman(previous + 1)
        if previous and value != previous + 1 and Levenshtein.distance(
                numeral or match["n"], expected) <= 1:
            numeral, value = expected, previous + 1
        if numeral is None or value is None:
            out.append(line)
            continue
        previous = value
        fixed = f"{numeral}. {match['rest']}"
        if fixed != line.text:
            fixes.append(f"{line.text[:14]!r} → {fixed[:14]!r}")
            line = replace(line, text=fixed)
        out.append(line)
    notes = [Warning(
        code="ocr_numeral_repaired",
        message=f"{len(fixes)} heading numeral(s) misread by OCR "
              f"repaired: {', '.join(fixes[:6])}")] if fixes else []
    return out, notes


def repair_ocr_diacritics(
    lines: list[Line], pages: set[int]
) -> tuple[list[Line], list[Warning]]:
    """The lines of OCR'd pages (table cells too) with the diacritics tesseract got wrong
    repaired where the dictionary is the evidence ("Phôi hợp" → "Phối hợp", "GIÁM ĐÓC" →
    "GIÁM ĐỐC": `repair_tone_confusions`), before any field is read from them; one note
    lists the repairs. Lines of born-digital pages are left as they are."""
    out: list[Line] = []
    fixes: list[str] = []
    known = syllables()
    for line in lines:
        if line.page not in pages:
            out.append(line)
            continue
        cells = None
        if line.cells is not None:
            repaired = [repair_tone_confusions(cell, known) for cell in line.cells]
            cells = tuple(text for text, _ in repaired)
            fixes += [w.message for _, found in repaired for w in found]
            text = " | ".join(cells)
        else:
            text, found = repair_tone_confusions(line.text, known)
            fixes += [w.message for w in found]
        out.append(line if text == line.text else replace(line, text=text, cells=cells))
    notes = [Warning(
        code="ocr_repaired",
        message=f"{len(fixes)} word(s) misread by OCR repaired by the dictionary: "
                f"{'; '.join(fixes[:8])}{' …' if len(fixes) > 8 else ''}")] if fixes else []
    return out, notes


def repair_group_numerals(pages: list[PageText]) -> tuple[list[PageText], list[str]]:
    """Group rows of OCR'd task tables (numeral | title, the rest merged): a misread numeral
    is read leniently, else taken as the next in sequence ("H" after group I → "II")."""
    fixes: list[str] = []
    previous: int | None = None
    out: list[PageText] = []
    for page in pages:
        tables = []
        for table in page.tables:
            rows = []
            for cells in table.rows:
                first = cells[0].strip() if cells else ""
                group = len(cells) > 2 and first and not first.isdigit() and cells[1].strip() \
                    and not any(c.strip() for c in cells[2:]) and not is_header_row(cells)
                if group:
                    numeral = read_numeral(first)
                    value = roman_value(numeral) if numeral else None
                    if previous is not None and value != previous + 1:
                        numeral, value = to_roman(previous + 1), previous + 1
                    if numeral is not None and value is not None:
                        previous = value
                        if numeral != first:
                            fixes.append(f"{first!r} → {numeral!r}")
                            cells = (numeral, *cells[1:])
                rows.append(cells)
            tables.append(replace(table, rows=tuple(rows)))
        out.append(replace(page, tables=tuple(tables)))
    return out, fixes
