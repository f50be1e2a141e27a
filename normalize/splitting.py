"""Splitting a table cell or a clause that lists several agencies.

"Sở Ngoại vụ; sở Văn hóa, Thể thao và Du lịch và các cơ quan, đơn vị có liên quan" holds three
agencies, but the commas and the first "và" inside "Sở Văn hóa, Thể thao và Du lịch" do not
separate anything. A comma or a "và"/"cùng" separates two items only when it is outside every
gazetteer name and the words after it start a new agency (a gazetteer name, "các cơ quan …",
or a head word such as "Sở", "Ban", "UBND" written as a name).
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer, default_gazetteer
from .matcher import analyse
from .mentions import agency_spans, gazetteer_spans, starts_agency
from .text import clean_edges

_HARD_SEPARATORS = re.compile(r"[;\n\t]+")
# a cell that names the roles itself: "Chủ trì: Sở Tài chính. Phối hợp: UBND xã Bảo Ái"
_ROLE_LABEL = re.compile(
    r"(?:^|(?<=[.,;])\s*)(?:Chủ trì|Phối hợp|Cơ quan chủ trì|Cơ quan phối hợp)\s*:\s*")
_CONNECTORS = frozenset({"và", "cùng"})


def _inside(spans: list[tuple[int, int]], gap: int) -> bool:
    """Whether the gap before token ``gap`` falls inside a protected span."""
    return any(start < gap < end for start, end in spans)


def _split_part(gaz: Gazetteer, part: str) -> list[str]:
    a = analyse(part)
    n = len(a.tokens)
    if n == 0:
        return []
    spans = gazetteer_spans(gaz, a)
    cuts: list[tuple[int, int]] = []  # (char where the left item ends, char where the next starts)
    for k in range(1, n):
        tok = a.tokens[k]
        prev = a.tokens[k - 1]
        gap = part[prev.end : tok.start]
        if "," in gap and not _inside(spans, k) and starts_agency(gaz, a, k):
            cuts.append((prev.end, tok.start))
        elif (
            tok.key in _CONNECTORS
            and k + 1 < n
            and not _inside(spans, k)
            and not _inside(spans, k + 1)
            and starts_agency(gaz, a, k + 1)
        ):
            cuts.append((tok.start, a.tokens[k + 1].start))
    items: list[str] = []
    left = 0
    for end, start in cuts:
        items.append(part[left:end])
        left = start
    items.append(part[left:])
    return [item for item in (clean_edges(i) for i in items) if item]


def split_agency_list(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """The agencies a list names, each as written (edges stripped of spaces, punctuation and
    a dangling "và"). "UBND các huyện, thị xã thành phố" and "Các Bộ, Ban, Ngành TW" stay
    whole; "Sở Ngoại vụ, Sở Văn hóa và các đơn vị có liên quan" gives three."""
    gaz = gazetteer or default_gazetteer()
    items: list[str] = []
    for part in _HARD_SEPARATORS.split(_ROLE_LABEL.sub("\n", text)):
        items.extend(_split_part(gaz, part))
    return items


# words that go on with a body's name rather than say what it does
_NAME_GOES_ON = (
    "và", "cùng", "của", "thuộc", "trực thuộc", "liên quan", "có liên quan", "khác", "được giao",
    "cấp", "các", "trên địa bàn", "tại", "ở", "tỉnh", "thành phố", "huyện", "quận", "thị xã",
    "xã", "phường", "đặc khu", "địa phương", "đơn vị",
)


def agency_and_role(text: str, gazetteer: Gazetteer | None = None) -> tuple[str, str | None]:
    """A cell that names one agency and then what it does: the agency, and the rest as its
    role. "Sở Tài chính bố trí ngân sách" → ("Sở Tài chính", "bố trí ngân sách"); "UBND các
    xã, phường liên quan" and "Sở Nội vụ" are one agency, no role."""
    gaz = gazetteer or default_gazetteer()
    spans = [f for f in agency_spans(gaz, text) if f.agency_id is not None]
    if len(spans) != 1 or text[: spans[0].start].strip():
        return text, None
    rest = text[spans[0].end :].strip(" ,:-–")
    low = rest.lower()
    if not rest[:1].islower() or any(low == w or low.startswith(w + " ") for w in _NAME_GOES_ON):
        return text, None
    return text[: spans[0].end].strip(), rest
