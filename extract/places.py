"""Province names as a document writes them ("TỈNH LẠNG SƠN", "tỉnh Lào Cai", "TP Cần Thơ").

The extractor only finds the name as written; the normalizer says which province it is.
"""

from __future__ import annotations

import re
from collections import Counter

_NAME = r"[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ]*(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđA-ZĐÀ-Ỹ]*){0,3}"
PROVINCE_MENTION = re.compile(
    r"(?:(?<![\wà-ỹ])(?:tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Tp\.?)\s+)"
    rf"(?P<name>{_NAME})"
)
_STOP_WORDS = {"Trung", "Việt", "Ủy", "UBND", "Hội", "Sở", "Ban", "Đảng"}


def title_case(name: str) -> str:
    """ "LẠNG SƠN" → "Lạng Sơn"; names already in title case are kept."""
    if not name.isupper():
        return name
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


def province_mentions(text: str) -> list[str]:
    """Every "tỉnh X" / "thành phố X" name in `text`, title-cased, in order."""
    out: list[str] = []
    for match in PROVINCE_MENTION.finditer(text):
        words = match["name"].split()
        while words and words[-1] in _STOP_WORDS:
            words.pop()
        if words and words[0] not in _STOP_WORDS:
            out.append(title_case(" ".join(words)))
    return out


def likely_province(*sources: str) -> str | None:
    """The province named first by the most authoritative source that names one.

    Sources are given in order of authority (header, issuer, place line, title, body); within
    the body the most frequent name wins.
    """
    for source in sources[:-1]:
        mentions = province_mentions(source)
        if mentions:
            return mentions[0]
    mentions = province_mentions(sources[-1]) if sources else []
    if not mentions:
        return None
    return Counter(mentions).most_common(1)[0][0]
