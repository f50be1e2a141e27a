"""Which charset decodes a text body, verified against the bytes rather than taken on trust.

Vietnamese sites still serve windows-1258 (base letters plus combining tone marks) and their
meta tags and headers often lie. Candidates come from the BOM, then the HTTP header, then the
page's own declaration, then windows-1258 and windows-1252; each is tried strictly, and among
those that decode the one giving the most Vietnamese letters (after NFC) wins. Clean UTF-8
beats any legacy claim, since non-ASCII bytes almost never decode as UTF-8 by accident.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from vnplan.text.letters import VIETNAMESE_SPECIFIC

FALLBACKS = ("cp1258", "cp1252")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG maps these labels to windows-1252, and so do browsers.
_LATIN1_LABELS = frozenset(
    [
        "iso-8859-1",
        "iso8859-1",
        "iso_8859-1",
        "latin1",
        "latin-1",
        "l1",
        "cp819",
        "ibm819",
        "ascii",
        "us-ascii",
        "iso-ir-100",
        "x-cp1252",
    ]
)
_DISPLAY_NAMES = {"utf_8": "utf-8", "utf-8": "utf-8"}
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.I)


# Characters a mis-decoded Vietnamese page shows and a real one almost never has.
_SUSPICIOUS = frozenset("ÄÅÆÇËÎÏÑÖ×ØÛÜÞßäåæçëîïñö÷øûüþÿÐðƒŠšŒœŽžŸˆ˜‰‹›¤¦¨¬¯´¸¹²³µ¶¼½¾¿ªº")


@dataclass(frozen=True)
class Decoded:
    """Text decoded and NFC-normalized, and the charset that decoded it (e.g. "windows-1258")."""

    text: str
    charset: str


def decode_text(
    content: bytes, header_charset: str | None = None, *, html: bool = False
) -> Decoded:
    """Decode a text body. `html` lets the page's own <meta>/<?xml?> declaration be a candidate."""
    for bom, codec in _BOMS:
        if content.startswith(bom):
            text = content[len(bom) :].decode(codec, errors="replace")
            return Decoded(_nfc(text), display_name(codec))
    declared = _unique(
        [codec_for(header_charset), codec_for(declared_charset(content) if html else None)]
    )
    if content.isascii():
        return Decoded(content.decode("ascii"), display_name(declared[0] if declared else "utf-8"))
    utf8 = _strict(content, "utf-8")
    if utf8 is not None:
        return Decoded(_nfc(utf8), "utf-8")
    legacy = _unique([c for c in declared if c != "utf-8"] + list(FALLBACKS))
    best: tuple[int, str, str] | None = None
    for codec in legacy:
        strict = _strict(content, codec)
        if strict is None:
            continue
        text = _nfc(strict)
        score = vietnamese_score(text)
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is not None:
        return Decoded(best[2], display_name(best[1]))
    return _least_damaged(content, _unique([*declared, "utf-8", *legacy]))


def declared_charset(content: bytes) -> str | None:
    """The charset a page declares in its first 4 KiB: <?xml encoding>, <meta charset> or
    <meta http-equiv content="...; charset=...">."""
    head = content[:4096]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def codec_for(label: str | None) -> str | None:
    """The Python codec for a charset label, None if unknown or not ASCII-compatible."""
    if not label:
        return None
    name = label.strip().lower()
    if name in _LATIN1_LABELS:
        return "cp1252"
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, rot13 and friends are codecs, not charsets
    try:
        if b"<a =1>".decode(info.name) != "<a =1>":
            return None  # UTF-16/32 without a BOM: a lie or unreadable
    except UnicodeError:  # "punycode", "undefined": codecs, but no charset a page is in
        return None
    return info.name


def display_name(codec: str) -> str:
    """The usual name of a Python codec: cp1258 → windows-1258, utf_8 → utf-8."""
    name = codecs.lookup(codec).name
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    return _DISPLAY_NAMES.get(name, name)


def vietnamese_score(text: str) -> int:
    """Letters only a Vietnamese-aware decode yields, less three per sign of mis-decoding."""
    specific = sum(1 for c in text if c in VIETNAMESE_SPECIFIC)
    bad = sum(
        1 for c in text if c in _SUSPICIOUS or "\x80" <= c <= "\x9f" or unicodedata.combining(c)
    )
    return specific - 3 * bad


def _least_damaged(content: bytes, codecs_to_try: list[str]) -> Decoded:
    """When nothing decodes cleanly: the candidate with the best score, replacements counted."""
    best: tuple[int, str, str] | None = None
    for codec in codecs_to_try:
        try:
            text = _nfc(content.decode(codec, errors="replace"))
        except UnicodeError:  # a codec such as "idna" that cannot replace what it cannot read
            continue
        score = vietnamese_score(text) - 10 * text.count("\ufffd")
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None:
        return Decoded(_nfc(content.decode("utf-8", errors="replace")), "utf-8")
    return Decoded(best[2], display_name(best[1]))


def _strict(content: bytes, codec: str) -> str | None:
    try:
        return content.decode(codec)
    except UnicodeError:
        return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _unique(codecs_: Sequence[str | None]) -> list[str]:
    out: list[str] = []
    for codec in codecs_:
        if codec is not None and codec not in out:
            out.append(codec)
    return out
