"""Text from old documents set in 8-bit Vietnamese fonts (".VnTime" = TCVN3/ABC, "VNI-Times"
= VNI-Windows, VISCII), read as if it were Windows-1252/Latin-1: "ViÖt Nam" (TCVN3),
"Vieät Nam" (VNI), "Vi®t Nam" (VISCII). The mapping tables are data
(``data/legacy_encodings.json``); detection converts with each table and keeps the one that
turns the most words into well-formed Vietnamese syllables.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from vnplan.text.data import load
from vnplan.text.fold import TONES

ENCODINGS = ("tcvn3", "vni", "viscii")
_WORD = re.compile(r"\w+")
_TONES = dict.fromkeys(map(ord, TONES))  # for str.translate: the tone marks deleted
_OPEN = (
    "iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|"
    "ua|ui|ưa|ưi|ưu|uơ|oa|oe|uê|uy|a|e|ê|i|o|ô|ơ|u|ư|y"
)
_BEFORE_CH_NH = "oa|uê|uy|a|ê|i|y"
_BEFORE_C_NG = "oa|oă|uâ|iê|yê|uô|ươ|a|ă|â|e|o|ô|u|ư"
_BEFORE_M_N_P_T = "uyê|oa|oă|oe|uâ|uê|uy|iê|yê|uô|ươ|a|ă|â|e|ê|i|o|ô|ơ|u|ư"
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    rf"(?:(?:{_OPEN})|(?:{_BEFORE_CH_NH})(?:ch|nh)|(?:{_BEFORE_C_NG})(?:c|ng)"
    rf"|(?:{_BEFORE_M_N_P_T})[mnpt]|oong)$"
)
MIN_VALID_SHARE = 0.8


@cache
def _tables() -> dict[str, dict[str, str]]:
    data = load("legacy_encodings")
    return {enc: dict(data[enc]) for enc in ENCODINGS}


@cache
def _vni_pattern() -> re.Pattern[str]:
    keys = sorted(_tables()["vni"], key=len, reverse=True)
    return re.compile("|".join(re.escape(k) for k in keys))


def convert_legacy(text: str, encoding: str) -> str:
    """``text`` (legacy bytes decoded as Windows-1252/Latin-1) → Unicode NFC."""
    if encoding not in ENCODINGS:
        raise ValueError(f"unknown legacy encoding {encoding!r}; expected one of {ENCODINGS}")
    table = _tables()[encoding]
    if encoding == "vni":
        out = _vni_pattern().sub(lambda m: table[m.group()], text)
    else:
        out = text.translate({ord(k): v for k, v in table.items()})
    return unicodedata.normalize("NFC", out)


def is_syllable(word: str) -> bool:
    """Whether `word` is one well-formed Vietnamese syllable ("tỉnh" yes, "UBND" no)."""
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in nfd if ord(c) in _TONES)
    base = unicodedata.normalize("NFC", nfd.translate(_TONES))
    return tones <= 1 and _SYLLABLE.match(base) is not None


def _score(text: str) -> tuple[int, int]:
    """(words with non-ASCII letters, how many of them are Vietnamese syllables)."""
    words = [w for w in _WORD.findall(text) if not w.isascii()]
    return len(words), sum(1 for w in words if is_syllable(w))


def _single_byte(text: str) -> bool:
    for c in text:
        if ord(c) < 0x100:
            continue
        try:
            c.encode("cp1252")
        except UnicodeEncodeError:
            return False
    return True


def detect_legacy_encoding(text: str) -> str | None:
    """ "tcvn3", "vni" or "viscii" when ``text`` reads as one of them mis-decoded, else None
    (Unicode Vietnamese, or text with no Vietnamese in it)."""
    if not _single_byte(text):
        return None
    total, valid = _score(text)
    if total and valid / total >= MIN_VALID_SHARE:
        return None
    best: tuple[int, str] | None = None
    for enc in ENCODINGS:
        n, ok = _score(convert_legacy(text, enc))
        gain = ok - valid
        good = n > 0 and ok / n >= MIN_VALID_SHARE and gain >= min(2, n)
        if good and (best is None or gain > best[0]):
            best = (gain, enc)
    return best[1] if best else None
