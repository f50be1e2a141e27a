"""What a scan cannot show as printed text: the number and the day written or stamped by hand.

A signed document is numbered and dated when it is issued, often by hand or with a stamp in
coloured ink beside the printed "Số: /TTr-CAT-PC04" and "ngày … tháng 3 năm 2026". On a scan
OCR gives such digits as a blank (the coloured ink is faded out before OCR) or as symbols that
are no digits ("©Ó/TTr-CAT-PC04", "33#/C04-P6", "ngày #Š tháng 8"). Neither may become a number
or a date: the record keeps the number null and says, in a warning, that it cannot be read and
what the scan does show (the symbol, the month and year). A document that is not signed is a
draft left blank for signature, which the header's own warning says.
"""

from __future__ import annotations

import re

from vnplan.schema import Document, Warning

# the serial part of a number as printed: "5973", "66.3", "60-NQ" (a Party document)
_SERIAL = re.compile(r"^\d{1,6}(?:\.\d{1,3})?(?:-[A-ZĐ]{1,6})*$")
_SYMBOL_CAPITALS = re.compile(r"[A-ZĐ]{2}")  # where a symbol begins when its "/" is misread
_SYMBOL = re.compile(r"^[A-Za-zĐđ0-9()&.\-/]+$")  # what the standard's symbols are made of


def split_number(number: str) -> tuple[str, str]:
    """(serial, symbol) of a number as read: "298/TTr-CAT" → ("298", "TTr-CAT"); a "/" read
    as something else still ends the serial at the symbol's capitals ("#6`KH-TCT")."""
    if "/" in number:
        serial, symbol = number.split("/", 1)
        return serial, symbol
    found = _SYMBOL_CAPITALS.search(number)
    return (number[: found.start()], number[found.start() :]) if found else (number, "")


def illegible_serial(number: str) -> bool:
    """Does the part of a number before its symbol hold something that is no digit?

    >>> [illegible_serial(n) for n in ("298/TTr-CAT-PC04", "©Ó/TTr-CAT-PC04", "60-NQ/TW")]
    [False, True, False]
    """
    serial, symbol = split_number(number)
    return bool(symbol) and not _SERIAL.match(serial)


def flag_handwritten(doc: Document) -> None:
    """On an OCR'd, signed document: a number whose digits do not read as digits becomes null,
    and the blank number or day the header reported is said to be unreadable, not blank."""
    signed = doc.signer is not None and doc.signer.name is not None
    if doc.doc_number is not None and illegible_serial(doc.doc_number):
        symbol = split_number(doc.doc_number)[1]
        doc.warnings.append(Warning(
            code="number_illegible", where="doc_number",
            message=f"the number's digits cannot be read on the scan ('{doc.doc_number}': "
                    f"written or stamped by hand); the printed symbol is '/{symbol}'"))
        doc.doc_number = None
    elif doc.doc_number is not None and not _SYMBOL.match(split_number(doc.doc_number)[1]):
        doc.warnings.append(Warning(
            code="number_suspect", where="doc_number",
            message=f"the number's symbol holds characters no symbol has ('{doc.doc_number}'):"
                    " OCR may have misread it; kept as read"))
    if not signed:
        return
    for i, warning in enumerate(doc.warnings):
        if warning.code == "number_blank":
            doc.warnings[i] = Warning(
                code="number_illegible", where="doc_number",
                message=warning.message.replace(": a document prepared for signature", "")
                + ": the document is signed, so its digits are written or stamped by hand and "
                  "cannot be read on the scan")
        elif warning.code == "date_blank":
            doc.warnings[i] = Warning(
                code="date_illegible", where="issued_date",
                message=warning.message.replace("is left blank", "cannot be read")
                + ": the document is signed, so the day is written or stamped by hand")
