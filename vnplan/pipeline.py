"""One document from bytes to a validated record: read → extract → normalize → align.

`convert()` is the whole pipeline for one input; the CLI, the batch runner and the job runner
are thin shells around it, and `ConvertOptions` is everything they can tell it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from vnplan.errors import ConversionError
from vnplan.extract.document import extract_document, sha256_hex
from vnplan.extract.readers import read_layout
from vnplan.extract.readers.layout import Layout, Line
from vnplan.extract.readers.pdf_glyphs import syllables
from vnplan.formats import BY_NAME, sniff
from vnplan.idle import meanwhile
from vnplan.schema import Document, Source
from vnplan.sidecar import Sidecar, sidecar
from vnplan.text.fold import slug
from vnplan.text.letters import vietnamese_share

MAX_BYTES = 200 * 2**20  # inputs larger than this are refused, not read
TEXT_FORMATS = frozenset({"txt", "html"})  # read whole: text, lines and tokens in memory at once
# What a text must have to be a document, measured on its first MEASURED_CHARS characters:
MIN_SYLLABLE_LETTERS = 20  # letters in Vietnamese syllables: about five words, a short sentence
MIN_LETTERS_TO_JUDGE = 20  # fewer letters than this cannot tell a language
MIN_VIETNAMESE_SHARE = 0.03  # of its letters only Vietnamese writes (ă, ơ, ư, ế …): 25-40 %
# a sidecar segmenting align's texts (`_segmenter`) is forked for a document with at least this
# much text (about eight pages): a shorter one is extracted and normalized in less time than
# the sidecar takes to load the segmenter's models (README, Speed)
MIN_SIDECAR_CHARS = 20_000
MEASURED_CHARS = 40_000  # the text is judged on its start: a long one costs no more
_WORD = re.compile(r"[^\W\d_]+")
_STAGES_TEXT = "Sở Văn hóa, Thể thao và Du lịch bảo vệ di sản văn hóa Vịnh Hạ Long với Nhật Bản"

__all__ = [
    "MAX_BYTES",
    "ConversionError",
    "ConvertOptions",
    "check_text",
    "convert",
    "document_id",
]


@dataclass(frozen=True)
class ConvertOptions:
    """How one document is converted, on every path (a file, a URL, an attachment, a cluster).

    `max_pages` / `max_bytes` refuse inputs over those sizes with a clear error, and
    `max_text_bytes` text inputs (txt, html) over that size: they are read whole, and their
    text, lines and tokens take many times their size in memory. `ocr_text=True` says the
    text came from OCR (a scanned source sets it by itself), which licenses the OCR repairs
    that rest on the phrase alone; `normalize=False` stops after extraction.
    `page_processes` is how many processes may read a long PDF's pages at once (forked for
    it: 1, the default, reads in this process only); above 1, a long document's word
    segmentation for align also runs in a forked sidecar (`_segmenter`). The batch runner
    gives a document the cores no other worker is using. Forking needs a process with no
    other thread running.
    """

    max_pages: int | None = None
    max_bytes: int = MAX_BYTES
    ocr_text: bool | None = None
    normalize: bool = True
    max_text_bytes: int = MAX_BYTES
    page_processes: int = 1

    def __post_init__(self) -> None:
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError("ConvertOptions.max_pages must be at least 1")
        if self.max_bytes < 1 or self.max_text_bytes < 1:
            raise ValueError("ConvertOptions.max_bytes and max_text_bytes must be positive")
        if self.page_processes < 1:
            raise ValueError("ConvertOptions.page_processes must be at least 1")


def convert(
    source: str | Path | bytes,
    options: ConvertOptions | None = None,
    *,
    uri: str | None = None,
    fetched_at: dt.datetime | None = None,
    found_on: str | None = None,
    final_url: str | None = None,
) -> Document:
    """Convert one document (a path, or its bytes) into a validated schema 1.1 record.

    Every failure is a `ConversionError` whose `code` is the one `vnplan convert` writes to
    errors.jsonl and whose message starts with the input's name; a bug in a reader is one too
    (`internal_error`), with the original exception as its cause.

    >>> doc = convert("samples/lang-son-227-kh-ubnd-2021.txt")
    >>> doc.doc_number, doc.issued_date.isoformat()
    ('227/KH-UBND', '2021-11-18')
    """
    options = options or ConvertOptions()
    name = uri or ("<bytes>" if isinstance(source, bytes) else str(source))
    try:
        return _convert(source, name, options, fetched_at, found_on, final_url)
    except ConversionError as exc:
        if str(exc).startswith(name):
            raise
        raise ConversionError(exc.code, f"{name}: {exc}") from exc
    except MemoryError as exc:
        raise ConversionError("out_of_memory", f"{name}: the input exhausted the memory") from exc
    except Exception as exc:  # a reader's bug: still the one exception, its cause kept
        raise ConversionError("internal_error", f"{name}: {type(exc).__name__}: {exc}") from exc


def _convert(
    source: str | Path | bytes,
    name: str,
    options: ConvertOptions,
    fetched_at: dt.datetime | None,
    found_on: str | None,
    final_url: str | None,
) -> Document:
    data = source if isinstance(source, bytes) else _read_file(Path(source), options.max_bytes)
    if len(data) > options.max_bytes:
        raise ConversionError("too_large", f"{name}: {len(data)} bytes is over the limit")
    if not data.strip():
        raise ConversionError("empty", f"{name}: the file is empty")
    fmt = sniff(data)
    if fmt in TEXT_FORMATS and len(data) > options.max_text_bytes:
        raise ConversionError(
            "too_large",
            f"{name}: {len(data)} bytes of {fmt} is over the {options.max_text_bytes} limit for"
            " text inputs",
        )
    if fmt == "pdf" and options.max_pages is not None:
        _check_page_count(data, name, options.max_pages)
    spare = options.page_processes > 1  # cores this document may use beside this process
    # with spare cores, the segmenter's models load in a sidecar (`_segmenter`), not here
    with meanwhile(partial(_load_stages, segmenter=not spare)) if options.normalize else (
            contextlib.nullcontext()):
        layout = read_layout(data, fmt, name, options.page_processes)
    if fmt == "html" and not any(line.text.strip() for line in layout.lines):
        raise ConversionError(
            "no_article", f"{name}: the page has no article text, only menus, links or a footer"
        )
    if text := _layout_text(layout).strip():  # no text at all: `empty`, from extraction
        check_text(text, name)
    record_format = BY_NAME[fmt].record_format
    assert record_format is not None  # a format without a reader was refused above
    src = Source(
        uri=name,
        format=record_format,
        sha256=sha256_hex(data),
        pages=layout.pages,
        ocr=layout.ocr,
        fetched_at=fetched_at,
        found_on=found_on,
        final_url=final_url,
    )
    with _segmenter(options.normalize and spare and len(text) >= MIN_SIDECAR_CHARS) as segmenter:
        doc = extract_document(layout, src)
        if options.normalize:
            doc = _normalize(doc, options.ocr_text, segmenter)
    doc.id = document_id(doc)
    return Document.model_validate(doc.model_dump())


def document_id(doc: Document) -> str:
    """Stable id, minted from the normalized fields: province + number + date when known, else
    kind + a hash of the source (so two forms of one document get one id)."""
    if doc.province and doc.doc_number and doc.issued_date:
        return f"{slug(doc.province.name)}-{slug(doc.doc_number)}-{doc.issued_date.isoformat()}"
    return f"{doc.kind}-{doc.source.sha256[:16]}"


def check_text(text: str, name: str = "<text>") -> None:
    """Refuse a text that is not Vietnamese (`not_vietnamese`: almost none of its letters are
    ones only Vietnamese writes) or too short to be a document (`too_short`: fewer than
    MIN_SYLLABLE_LETTERS letters in words that are Vietnamese syllables).

    >>> check_text("Sở Ngoại vụ chủ trì, phối hợp với các cơ quan liên quan")
    >>> check_text("This is a short English note about nothing.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    vnplan.errors.ConversionError: <text>: the text is not Vietnamese (0.0% of its letters are ...
    >>> check_text("Kế hoạch")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    vnplan.errors.ConversionError: <text>: too little text for a document (7 letters in ...
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text[:MEASURED_CHARS]).lower())
    letters = "".join(words)
    if len(letters) >= MIN_LETTERS_TO_JUDGE:
        share = vietnamese_share(letters)
        if share < MIN_VIETNAMESE_SHARE:
            raise ConversionError("not_vietnamese", (
                f"{name}: the text is not Vietnamese ({share:.1%} of its letters are letters"
                " only Vietnamese writes)"))
    known = syllables()
    in_syllables = sum(len(word) for word in words if word in known)
    if in_syllables < MIN_SYLLABLE_LETTERS:
        raise ConversionError("too_short", (
            f"{name}: too little text for a document ({in_syllables} letters in Vietnamese"
            f" words, at least {MIN_SYLLABLE_LETTERS})"))


def _layout_text(layout: Layout) -> str:
    """The text a document is judged on: a web page's article when it has one, else its lines
    (the longer of the two when both are there: a portal page's own text may be the lines)."""
    texts = [_start(lines) for lines in (layout.article, layout.lines) if lines]
    return max(texts, key=len, default="")


def _start(lines: list[Line]) -> str:
    """The first MEASURED_CHARS characters of the lines' text, joined by spaces."""
    taken, size = [], 0
    for line in lines:
        if size >= MEASURED_CHARS:
            break
        taken.append(line.text)
        size += len(line.text) + 1
    return " ".join(taken)


def _read_file(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise ConversionError("not_found", f"{path}: no such file")
    if not path.is_file():
        raise ConversionError("not_found", f"{path}: not a file")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ConversionError(
                "too_large", f"{path}: {size} bytes is over the {max_bytes} limit"
            )
        return path.read_bytes()
    except OSError as exc:
        raise ConversionError("unreadable", f"{path}: {exc.strerror or exc}") from None


def _check_page_count(data: bytes, name: str, max_pages: int) -> None:
    """Refuse a PDF over the page limit before reading any page (a damaged or encrypted PDF is
    left for the PDF reader to report)."""
    import pypdfium2 as pdfium

    try:
        pages = len(pdfium.PdfDocument(data))
    except pdfium.PdfiumError:
        return
    if pages > max_pages:
        raise ConversionError(
            "too_many_pages", f"{name}: {pages} pages is over the limit of {max_pages}"
        )


def _load_stages(segmenter: bool = True) -> None:
    """Load what normalize and align load on their first call (the gazetteer and its
    indexes; the word segmenter and the pillar index unless not `segmenter`): run while the
    reader only waits — on other processes reading a long PDF's pages, on tesseract reading a
    scan's last pages (`vnplan.idle`)."""
    from vnplan.align import score_text
    from vnplan.normalize import find_agencies, find_heritage, find_partners

    find_agencies(_STAGES_TEXT)
    find_heritage(_STAGES_TEXT)
    find_partners(_STAGES_TEXT)
    if segmenter:
        score_text(_STAGES_TEXT)


Segmenter = Sidecar[list[str], dict[str, tuple[str, ...]]]


def _segmenter(wanted: bool) -> contextlib.AbstractContextManager[Segmenter | None]:
    """A sidecar that loads the word segmenter's models and segments the texts align scores
    (`tokenized`), while this process extracts and normalizes: if `wanted`, and this process
    has not loaded the models. A batch's workers have them from the start (`vnplan.preload`):
    there the sidecar would only segment, and forking a process that large costs about as much
    as it saves (measured: README, Speed)."""
    if not wanted:
        return contextlib.nullcontext()
    from vnplan.align.tokens import load_segmenter, segmenter_loaded, tokenized

    if segmenter_loaded():
        return contextlib.nullcontext()
    return sidecar(tokenized, prepare=load_segmenter)


def _normalize(doc: Document, ocr_text: bool | None,
               segmenter: Segmenter | None = None) -> Document:
    """normalize (names → canonical entities), then align (sections, rows → strategy pillars).
    A `segmenter` sidecar segments the texts align will score while this process normalizes
    (those normalizing changes, after it)."""
    from vnplan.align import align_document
    from vnplan.align.document import align_units
    from vnplan.align.tokens import tokens_given
    from vnplan.normalize import normalize_document

    units = align_units(doc) if segmenter is not None else []
    asked = segmenter is not None and bool(units) and segmenter.ask(units)
    # the pipeline owns the record it extracted: neither step needs a copy of it
    doc = normalize_document(doc, ocr_text=ocr_text, copy=False)
    tokens: dict[str, tuple[str, ...]] = {}
    if segmenter is not None:
        tokens = (segmenter.answer() if asked else None) or {}
        changed = [unit for unit in align_units(doc) if unit not in tokens]
        if changed and segmenter.ask(changed):
            tokens.update(segmenter.answer() or {})
    with tokens_given(tokens):
        return align_document(doc, copy=False)
