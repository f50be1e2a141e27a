"""What OCR does to the lines of a scanned header, and how the header reader sees through it.

A seal, a stamp or handwriting over the header leaves marks in the text: the receiving
office's stamp (Nghị định 30/2020, Phụ lục IV: "ĐẾN / Số: / Ngày: / Chuyển: / Số và ký hiệu hồ
sơ:") read into the subject, a place–date line whose "tháng" the handwritten day hid, a stroke
before a subject line, a few signs no Vietnamese text prints; and OCR joins the type line in
capitals with the subject under it into one line.
"""

from __future__ import annotations

import re

from vnplan.extract.doc_types import split_type_line
from vnplan.text.legacy import is_syllable

DAMAGED_PLACE_DATE = re.compile(  # a place–date line whose "tháng" OCR could not read
    r"^(?P<place>[A-ZĐÀ-Ỹ][\wà-ỹ]*(?: [A-ZĐÀ-Ỹ][\wà-ỹ]*){0,3})\s*,\s*ngày\b.{0,24}?\bnăm\s+\d{4}\b")
_INCOMING_STAMP = re.compile(
    r"^Đ[ẾỀÊE]N\s+Ng[aàáạ]y\S*[^,]{0,12},\s*|Số\s+và\s+ký\s+hiệu\s+(?:HS|hồ\s+sơ)\s*:?[.…\s]*",
    re.IGNORECASE)
_SCRIBBLE = re.compile(r"[=¿¡⁄†‡§¶@#$^~<>{}\[\]\\|]")  # no Vietnamese text prints these
SCRIBBLE_WORDS_MAX = 4
_LEADING_STROKE = re.compile(r"^(?:[-–—_.,;:|]+\s+)+")  # "-_ đến năm 2030"
_CITED = re.compile(r"^(?:số|này|nói trên|đã|được)\b")  # "KẾ HOẠCH số 5 …": a sentence cites it
GLUED_SUBJECT_WORDS = (4, 45)  # a subject glued under its type line says more than a few words


def without_stamp(text: str) -> str:
    """`text` without the receiving office's stamp fields read into it."""
    return _INCOMING_STAMP.sub("", text).strip()


def without_stroke(text: str) -> str:
    """A subject line without the stroke before it ("-_ đến năm 2030" → "đến năm 2030")."""
    return _LEADING_STROKE.sub("", text)


def is_scribble(text: str) -> bool:
    """A few marks a stamp or a signature leaves between a subject's lines ("TH uy Ằ=c.."):
    a sign no Vietnamese text prints, and words that are mostly no syllables."""
    words = text.split()
    bare = [w.strip(".,;:()“”\"'") for w in words]
    syllables = sum(bool(re.fullmatch(r"[^\W\d_]+", w)) and is_syllable(w) for w in bare)
    return len(words) <= SCRIBBLE_WORDS_MAX and _SCRIBBLE.search(text) is not None and (
        2 * syllables < len(words))


def type_over_subject(text: str) -> tuple[str, str] | None:
    """A type line in capitals and the subject under it read as one line by OCR ("NGHỊ QUYẾT
    của Hội đồng quản lý Quỹ về việc …"): the type is printed in capitals (Nghị định 30/2020,
    Phụ lục I), its subject is not, and it is no sentence citing a document of that type."""
    typed = split_type_line(text)
    if typed is None or not typed[1] or not typed[1][:1].isalpha() or typed[1][:1].isupper():
        return None
    printed, subject = text[: len(text) - len(typed[1])], typed[1]
    sentence = subject.rstrip().endswith((".", ";", ":")) or _CITED.match(subject) is not None
    low, high = GLUED_SUBJECT_WORDS
    capitals = all(c.isupper() for c in printed if c.isalpha())
    return typed if capitals and not sentence and low <= len(subject.split()) <= high else None
