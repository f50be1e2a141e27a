"""PDF bytes → `Layout`: born-digital pages read with pypdfium2, pages without text by OCR.

Text, boxes and fonts come from pdfium: per text object where that is safe (`pdf_objects`),
else per character (`pdf_text`); no pdfminer parse. Ruled tables are found with pdfplumber's
table finder on the ruling lines pdfium reads (`pdf_tables`); the page layout (columns,
running heads, paragraphs, glyph-fallback repairs) is `pdf_layout`'s; pages that are only an
image, or whose text layer does not read as the page (`text_layer`), go to tesseract (`ocr`).
The pages are read one by one (`pdf_pages`: a long document's by forked processes when the
caller gives it cores).
Bad files raise `ConversionError` with a stable code:
"encrypted", "corrupt_pdf" (a truncated file too: pdfium cannot rebuild one), "empty",
"too_many_pages" (over `MAX_PAGES`), and from `ocr` "needs_ocr" / "ocr_failed".
"""

from __future__ import annotations

import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vnplan.errors import ConversionError
from vnplan.extract.readers.layout import Layout
from vnplan.extract.readers.pdf_layout import layout_lines
from vnplan.extract.readers.pdf_pages import read_pages
from vnplan.extract.readers.text_layer import OcrReason
from vnplan.schema import Warning

MAX_PAGES = 2000  # a PDF with more pages than this is refused ("too_many_pages")
_PASSWORD_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """The document, or an `ConversionError` saying why it cannot be read."""
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if _counted_pages(data) == 0:  # first: pdfium leaves a stale error code for this
            raise ConversionError("empty", "the PDF has no pages") from error
        if getattr(error, "err_code", None) in _PASSWORD_ERRORS:
            raise ConversionError("encrypted", "the PDF is encrypted with a password needed to "
                                  "open it; ask the publisher for an unprotected copy") from error
        raise ConversionError("corrupt_pdf", f"the PDF cannot be parsed ({error}); it may be "
                              "damaged or cut short") from error
    count = len(doc)
    if count == 0:
        doc.close()
        raise ConversionError("empty", "the PDF has no pages")
    if count > MAX_PAGES:
        doc.close()
        raise ConversionError("too_many_pages", f"the PDF has {count} pages, over the limit of "
                              f"{MAX_PAGES}")
    return doc


def flatten_signature_fields(
    doc: pdfium.PdfDocument,
) -> tuple[pdfium.PdfDocument, dict[int, int]]:
    """The document with its form fields drawn into the pages, and for each page that had
    some, how many characters of its own it has (the fields' text follows them).

    Signing tools stamp the number and the day of a signed document into the appearance of a
    signature field, not into the page ("Số: 3686/UBND-XD" shows, "Số: /UBND-XD" is the text);
    flattening makes that text part of the page it is printed on."""
    own: dict[int, int] = {}
    if pdfium_c.FPDF_GetFormType(doc.raw) == pdfium_c.FORMTYPE_NONE:
        return doc, own  # no interactive form, so no signature field: no page to look at
    for index in range(len(doc)):
        if not _has_widgets(doc, index):
            continue
        page = doc[index]
        try:
            textpage = page.get_textpage()
            own[index] = textpage.count_chars()
            textpage.close()
            pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY)
        finally:
            page.close()
    if not own:
        return doc, own
    buffer = io.BytesIO()
    doc.save(buffer)
    doc.close()
    return pdfium.PdfDocument(buffer.getvalue()), own


def _has_widgets(doc: pdfium.PdfDocument, index: int) -> bool:
    page = doc[index]
    try:
        for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
            annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
            try:
                if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                    return True
            finally:
                pdfium_c.FPDFPage_CloseAnnot(annot)
        return False
    finally:
        page.close()


def _counted_pages(data: bytes) -> int | None:
    """Pages by pdfminer's count (pdfium refuses a well-formed PDF with no pages, and its
    error code is then the last failure's); None when pdfminer cannot parse it either."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(io.BytesIO(data)))))
    except Exception:  # pdfminer raises many kinds on a damaged file
        return None


def read_pdf_layout(data: bytes, processes: int = 1) -> Layout:
    """The lines of a PDF in reading order, with pages, fonts and table rows; a long one's
    pages read by up to `processes` processes (`pdf_pages`)."""
    doc, stamped = flatten_signature_fields(open_pdf(data))
    notes: list[Warning] = []
    try:
        reads = read_pages(doc, stamped, processes)
        pages, scanned, unreadable = reads.texts, reads.scanned, reads.unreadable
        read_stamps = [i for i in stamped if i not in scanned]
        if read_stamps:
            notes.append(Warning(
                code="signature_fields_read",
                message=f"text stamped into signature fields read on {len(read_stamps)} "
                        "page(s) (the number and day a signing tool prints)"))
        if unreadable and not pages and not scanned:
            raise ConversionError("corrupt_pdf", "no page of the PDF can be read")
        if unreadable:
            notes.append(Warning(
                code="page_unreadable",
                message=f"page(s) {unreadable} could not be read"))
        if scanned:
            notes.extend(_text_layer_notes(scanned))
            try:
                from vnplan.extract.readers.ocr import ocr_pdf_pages
            except ImportError as error:  # numpy comes with the "ocr" extra
                raise ConversionError("needs_ocr", f"{len(scanned)} page(s) have no text layer "
                                      f"(scanned) and OCR support is missing ({error}); install "
                                      "vnplan[ocr], tesseract-ocr and tesseract-ocr-vie") from error
            ocr_pages, ocr_notes = ocr_pdf_pages(
                doc, sorted(scanned), _without_text(scanned),
                replaced=any(r is not OcrReason.NO_TEXT for r in scanned.values()))
            pages = sorted([*pages, *ocr_pages], key=lambda p: p.number)
            notes.extend(ocr_notes)
        page_count = len(doc)
    finally:
        doc.close()
    lines, layout_notes = layout_lines(pages)
    if scanned:
        from vnplan.extract.readers.ocr import repair_ocr_diacritics, repair_ocr_lines

        read_by_ocr = {i + 1 for i in scanned}
        lines, repair_notes = repair_ocr_diacritics(lines, read_by_ocr)
        layout_notes.extend(repair_notes)
        lines, repair_notes = repair_ocr_lines(lines, read_by_ocr)
        layout_notes.extend(repair_notes)
    return Layout(lines=lines, pages=page_count, ocr=bool(scanned), notes=[*notes, *layout_notes])


def _without_text(scanned: dict[int, OcrReason]) -> set[int]:
    """Pages whose text layer lies over the scanned image (a stamp, a scanner's OCR): it is
    left out of the rendering that is OCR'd, so a stamp is not read into the text."""
    return {i for i, reason in scanned.items() if reason.over_image}


def _text_layer_notes(scanned: dict[int, OcrReason]) -> list[Warning]:
    """One warning per reason a page with a text layer was OCR'd instead."""
    notes = []
    for reason in OcrReason:
        numbers = [i + 1 for i, r in sorted(scanned.items()) if r is reason]
        if numbers and reason is not OcrReason.NO_TEXT:
            left_out = " (the stamp is left out of the text)" if reason is (
                OcrReason.STAMP_ONLY) else ""
            notes.append(Warning(code="text_layer_replaced",
                                 message=f"page(s) {numbers}: {reason.value}; read by "
                                         f"OCR instead{left_out}"))
    return notes
