"""Agency mentions in running text: gazetteer names with their suffixes, and where the
gazetteer has nothing, phrases built like an agency name (``segment``); a part of a body
joined to the body it belongs to ("Ban Thường vụ | Tỉnh ủy"); a list that shares its head
("các Sở: Tư pháp, Nội vụ …") read as one body per item.
"""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Gazetteer, default_gazetteer
from .index import (
    STOP,
    agency_index,
    extend_match,
    gazetteer_matches,
    head_index,
    name_model,
    person_at,
)
from .index import accept_match as _accept
from .matcher import Analysed, analyse, match_at
from .segment import Phrase, PhraseKind, agency_like_phrases
from .text import clean_edges, upper_initial


@dataclass(frozen=True, slots=True)
class Found:
    """An agency mention in a text: character span, text as written, gazetteer id if known,
    and whether it names a class of bodies (``group``)."""

    start: int
    end: int
    raw: str
    agency_id: str | None
    group: bool = False


def gazetteer_spans(gaz: Gazetteer, a: Analysed) -> list[tuple[int, int]]:
    """Token ranges of the gazetteer names in ``a`` (stop phrases included), with suffixes."""
    return [(m.start, extend_match(gaz, a, m)) for m in gazetteer_matches(gaz, a)]


def starts_agency(gaz: Gazetteer, a: Analysed, i: int) -> bool:
    """Whether token ``i`` begins an agency expression (a gazetteer name, "các cơ quan …",
    or a head word such as "Sở" written as a name: capitalised, or followed by a capital)."""
    if i >= len(a.tokens):
        return False
    m = match_at(agency_index(gaz), a, i, _accept(gaz, a))
    if m is not None and m.pattern.payload != STOP:
        return True
    h = match_at(head_index(gaz), a, i)
    if h is None:
        return False
    if h.pattern.payload == "group":
        return True
    nxt = a.tokens[h.end] if h.end < len(a.tokens) else None
    return upper_initial(a.tokens[i].text) or (nxt is not None and upper_initial(nxt.text))


def _glued(text: str, left: Found | Phrase, right: Found | Phrase) -> bool:
    """Whether two mentions are written as one name: nothing but spaces between them."""
    gap = text[left.end : right.start]
    return not gap.strip() and "\n" not in gap and "\t" not in gap


def _compounds(text: str, items: list[Found | Phrase]) -> list[Found]:
    """Mentions with the body they belong to joined on ("Ban Thường vụ | Tỉnh ủy", "Cục Lưu
    trữ | Văn phòng Trung ương Đảng", "Văn phòng | Tỉnh ủy"): a name the gazetteer lacks, or
    a head alone, followed by a body's name with nothing between is one body. A head alone
    or a part of a body ("Ban Thường vụ") with no body after it names none."""
    out: list[Found] = []
    pending: Found | Phrase | None = None
    for item in sorted(items, key=lambda x: x.start):
        body = (isinstance(item, Found) and not item.group) or (
            isinstance(item, Phrase) and item.kind == "body" and not item.organ)
        if pending is not None and body and _glued(text, pending, item):
            pending = Found(pending.start, item.end, text[pending.start : item.end], None)
            continue
        if pending is not None:
            out.extend(_settled(text, pending))
        joinable = (isinstance(item, Phrase) and item.kind != "group") or (
            isinstance(item, Found) and item.agency_id is None and not item.group)
        if joinable:
            pending = item
        else:
            out.extend(_settled(text, item))
            pending = None
    if pending is not None:
        out.extend(_settled(text, pending))
    return out


def _settled(text: str, item: Found | Phrase) -> list[Found]:
    if isinstance(item, Found):
        return [item]
    if item.kind == "head" or item.organ:
        return []
    return [Found(item.start, item.end, text[item.start : item.end], None,
                  group=item.kind == "group")]


def agency_spans(gaz: Gazetteer, text: str) -> list[Found]:
    """Agency mentions in ``text``: gazetteer names (with their province suffix) and, where
    the gazetteer has nothing, phrases shaped like agency names; a part of a body joined to
    the body it belongs to."""
    a = analyse(text)
    found: list[Found | Phrase] = []
    covered = [False] * len(text)
    for m in gazetteer_matches(gaz, a):
        end = extend_match(gaz, a, m)
        if m.pattern.payload in gaz.agencies and gaz.agencies[m.pattern.payload].office and (
                person_at(gaz, a, end)):
            continue  # an office before its holder's name is a title ("Thủ tướng … Phạm Minh
            # Chính"), not the body
        start_c, end_c = a.closed_span(m.start, end)
        covered[start_c:end_c] = [True] * (end_c - start_c)
        if m.pattern.payload != STOP:
            entry = gaz.agencies[m.pattern.payload]
            found.append(Found(start_c, end_c, text[start_c:end_c], m.pattern.payload,
                               group=entry.level == "group"))
    found.extend(agency_like_phrases(text, covered, name_model(gaz)))
    return _compounds(text, found)


def unknown_body_kind(gaz: Gazetteer, text: str) -> PhraseKind | None:
    """Whether ``text`` as a whole reads as one body's name the gazetteer lacks ("body") or
    a class of bodies ("group"): it is one mention, built like an agency's name ("Trung tâm
    Phục vụ hành chính công tỉnh"; not "Thường xuyên trong năm", "Báo cáo kết quả", "CƠ
    QUAN CHỦ TRÌ")."""
    text = clean_edges(text)
    spans = agency_spans(gaz, text)
    if len(spans) != 1 or spans[0].start != 0 or text[spans[0].end :].strip(" .,;"):
        return None
    return "group" if spans[0].group else "body"


def is_agency_name(gaz: Gazetteer, text: str) -> bool:
    """Whether ``text`` as a whole names one body the gazetteer lacks (see
    ``unknown_body_kind``)."""
    return unknown_body_kind(gaz, text) == "body"


def find_agencies(text: str, gazetteer: Gazetteer | None = None) -> list[str]:
    """Agency mentions in free text, as written, in order."""
    return [f.raw for f in agency_spans(gazetteer or default_gazetteer(), text)]
