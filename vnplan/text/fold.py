"""Folding text for comparison: headings and column names, whatever their case and tone style."""

from __future__ import annotations

import re
import unicodedata

_OLD_TONE = re.compile(r"(?<![qQ])([oOuU])([áàảãạéèẻẽẹýỳỷỹỵ])(?!\w)")
_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_MOVE_TONE = {
    char: (base, mark)
    for base, chars in (("a", "áàảãạ"), ("e", "éèẻẽẹ"), ("y", "ýỳỷỹỵ"))
    for char, mark in zip(chars, _MARKS, strict=True)
}


def _new_style_tone(match: re.Match[str]) -> str:
    base, mark = _MOVE_TONE[match[2]]
    return unicodedata.normalize("NFC", match[1] + mark) + base


def fold_heading(text: str) -> str:
    """Lowercase, NFC, old-style tone placement moved to the new style ("hoá" → "hóa",
    "thuỷ" → "thủy"; "hoạch", "loại", "quý" untouched), spacing collapsed, end punctuation
    dropped."""
    text = _OLD_TONE.sub(_new_style_tone, unicodedata.normalize("NFC", text).lower())
    return re.sub(r"\s+", " ", text).strip().rstrip(".:;").strip()


def slug(text: str) -> str:
    """ASCII slug: "Lào Cai" → "lao-cai", "122/KH-UBND" → "122-kh-ubnd"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
