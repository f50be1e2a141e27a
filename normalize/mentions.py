"""Agency mentions in running text: gazetteer names with their suffixes, and where the
gazetteer has nothing, phrases built like an agency name (``segment``); a part of a body
joined to the body it belongs to ("Ban Thường vụ | Tỉnh ủy"); a list that shares its head
("các Sở: Tư pháp, Nội vụ …") read as one body per item.
"""

from __future__ import annotations

import re
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
from .matcher import Analysed, analyse, exactly, match_at
from .segment import Phrase, PhraseKind, agency_like_phrases, capitals_name
from .text import clean_edges, fold, upper_initial


@dataclass(frozen=True, slots=True)
class Found:
    """An agency mention in a text: character span, text as written, gazetteer id if known,
    and whether it names a class of bodies (``group``)."""

    start: int
    end: int
    raw: str
    agency_id: str | None
    group: bool = False
    name: str | None = None  # the name it stands for, when the text shares its head


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


def _is_body(item: Found | Phrase) -> bool:
    if isinstance(item, Found):
        return not item.group
    return item.kind == "body" and not item.organ


def _is_group(item: Found | Phrase) -> bool:
    return item.group if isinstance(item, Found) else item.kind == "group"


def _joins(item: Found | Phrase) -> bool:
    """Whether ``item`` may name a part of the body written right after it: a name the
    gazetteer lacks, or a head alone ("Văn phòng", "Đảng ủy")."""
    if isinstance(item, Found):
        return item.agency_id is None and not item.group and item.name is None
    return item.kind != "group"


_SCOPED = re.compile(r"\b(?:tỉnh|thành phố|tp|huyện|xã|phường|trung ương|tw)\b")


def _compounds(gaz: Gazetteer, text: str, items: list[Found | Phrase]) -> list[Found]:
    """Mentions with the body they belong to joined on ("Ban Thường vụ | Đảng ủy | UBND
    tỉnh", "Cục Lưu trữ | Văn phòng Trung ương Đảng", "Văn phòng | Tỉnh ủy"): a name the
    gazetteer lacks, or a head alone, followed by a body's name with nothing between is one
    body, read from the right. A head alone or a part of a body ("Ban Thường vụ") with no
    body after it names none."""
    chain: list[Found | Phrase] = sorted(items, key=lambda x: x.start)
    for i in range(len(chain) - 2, -1, -1):
        left, right = chain[i], chain[i + 1]
        head_pair = (isinstance(left, Phrase) and left.kind == "head" and not left.organ
                     and isinstance(right, Phrase) and right.kind == "head"
                     and not right.lower_name)  # "Văn phòng Bộ"; not "Văn phòng Đoàn đại …"
        if _joins(left) and _glued(text, left, right) and (_is_body(right) or head_pair
                                                           or _is_group(right)):
            chain[i : i + 2] = [Found(left.start, right.end, text[left.start : right.end], None,
                                      group=_is_group(right))]
    for i in range(len(chain) - 2, -1, -1):
        left, right = chain[i], chain[i + 1]
        if (isinstance(left, Phrase) and left.kind == "head" and _is_group(right)
                and _UNDER.fullmatch(text[left.end : right.start])
                and _LEVELLED.search(fold(text[right.start : right.end]))):
            # "Trung tâm Dịch vụ tổng hợp thuộc Ủy ban nhân dân cấp xã": one in each of them
            chain[i : i + 2] = [Found(left.start, right.end, text[left.start : right.end], None,
                                      group=True)]
    return _shared_levels(gaz, text, [
        _classed(text, found) for item in chain for found in _settled(text, item)])


_PAIRED = re.compile(r"\s*(?:,|và|&)\s*")
_UNDER = re.compile(r"\s+(?:trực thuộc|thuộc)\s+")
_LEVELLED = re.compile(r"\bcấp\b|\bcác (?:tỉnh|huyện|xã|phường|quận|thành phố|thị xã)\b")


def _shared_levels(gaz: Gazetteer, text: str, found: list[Found]) -> list[Found]:
    """A body that every level has, written without its level and joined to a group that
    names one ("HĐND và UBND cấp xã", "HĐND, UBND các tỉnh, thành phố"), shares that
    group's level: it is a group too."""
    kinds = gaz.agency_rules.every_level_kinds
    out = list(found)
    for i in range(len(out) - 2, -1, -1):
        left, right = out[i], out[i + 1]
        entry = gaz.agencies.get(left.agency_id or "")
        if (right.group and _LEVELLED.search(fold(right.raw)) and not left.group
                and left.name is None and _UNDER.fullmatch(text[left.end : right.start])):
            # "Trung tâm Dịch vụ tổng hợp thuộc Ủy ban nhân dân cấp xã": one in each of them
            out[i] = Found(left.start, right.end, text[left.start : right.end], None, group=True)
            del out[i + 1]
            continue
        if (right.group and _LEVELLED.search(fold(right.raw)) and not left.group
                and entry is not None and entry.kind in kinds
                and not _SCOPED.search(fold(left.raw))
                and _PAIRED.fullmatch(text[left.end : right.start])):
            out[i] = Found(left.start, left.end, left.raw, None, group=True)
    return out


_LEVEL_AFTER = re.compile(
    r"\s+(?:cấp (?:tỉnh|huyện|xã|cơ sở|trên|trung ương)|các cấp|cùng cấp|ở (?:các )?địa phương"
    r"|cơ sở)\b"
    r"|(?<=tỉnh),\s*thành phố(?: trực thuộc [Tt]rung ương)?\b")  # "… tỉnh, thành phố": any


# "các Sở …", "28 Ban …" (a number that opens a line marks a footnote, counts nothing)
_PLURAL = re.compile(r"(?:(?:^|\s)(?:[Cc]ác|[Nn]hững|[Mm]ọi)|[^\W\d][\s:,(]+\d+|[:,(]\s*\d+)\s+$")


def _classed(text: str, found: Found) -> Found:
    """A body's name after a plural word, or followed by a level, names a class of bodies
    ("các Sở Ngoại vụ", "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh")."""
    if found.group or found.name is not None:
        return found
    if _PLURAL.search(text[max(0, found.start - 12) : found.start]):
        return Found(found.start, found.end, found.raw, None, group=True)
    level = _LEVEL_AFTER.match(text, found.end)
    if level is None:
        return found
    return Found(found.start, level.end(), text[found.start : level.end()], None, group=True)


def _settled(text: str, item: Found | Phrase) -> list[Found]:
    if isinstance(item, Found):
        return [item]
    if item.kind == "head" or item.organ:
        return []
    raw = text[item.start : item.end]
    name = raw[:1].upper() + raw[1:] if raw[:1].islower() else None  # "Trưởng phòng Quản lý …"
    return [Found(item.start, item.end, raw, None, group=item.kind == "group", name=name)]


# "các Sở: Tư pháp, Nội vụ", and "08 chi cục thuộc Sở Nông nghiệp và Môi trường (Trồng trọt và
# Bảo vệ thực vật; …)": a head the items of a list share
_SHARED_HEAD = re.compile(r"\b[Cc]ác\s+(?P<head>\w+(?:\s\w+)?)\s*:\s*(?P<items>[^;\n]+)")
_SHARED_BRACKET = re.compile(
    r"(?:\b[Cc]ác|\b\d+)\s+(?P<head>\w+(?:\s\w+)?)(?:\s+(?:thuộc|trực thuộc)\s+[^()\n]{3,80}?)?"
    r"\s*\((?P<items>[^()\n]+)\)")


def _list_heads(gaz: Gazetteer, text: str) -> list[tuple[str, int, int, str]]:
    """(head as a name writes it, items' start, items' end, the items' separator) for each
    list in ``text`` whose items share a head."""
    heads = name_model(gaz).heads
    out: list[tuple[str, int, int, str]] = []
    for pattern, separator in ((_SHARED_HEAD, ","), (_SHARED_BRACKET, ";")):
        for m in pattern.finditer(text):
            head = m.group("head")
            if fold(head) not in heads:
                head = head.split()[0]
                if fold(head) not in heads:
                    continue
            sep = separator if separator in m.group("items") else ","
            out.append((head[:1].upper() + head[1:], m.start("items"), m.end("items"), sep))
    return out


def _gazetteer_name(gaz: Gazetteer, name: str) -> str | None:
    match = exactly(agency_index(gaz), name)
    return match.pattern.payload if match is not None and match.pattern.payload != STOP else None


def _name_length(gaz: Gazetteer, item: str) -> int:
    """How much of a list item is the name: up to a word that ends a name ("Nông nghiệp và
    Môi trường | có ý kiến tham gia …", the last item running on into the sentence)."""
    a = analyse(item)
    keys = tuple(t.key for t in a.tokens)
    for k in range(1, len(keys)):
        if any(keys[k : k + len(stop)] == stop for stop in name_model(gaz).stops):
            return len(item[: a.tokens[k].start].rstrip())
    return len(item)


def _shared_head_items(gaz: Gazetteer, text: str) -> list[Found]:
    """One body per item of a list that shares its head: "các Sở: Tư pháp, Nội vụ, Văn hóa,
    Thể thao và Du lịch, Y tế" names Sở Tư pháp, Sở Nội vụ, Sở Văn hóa, Thể thao và Du lịch
    and Sở Y tế; "02 chi cục thuộc Sở Y tế (Dân số; An toàn vệ sinh thực phẩm)" names Chi cục
    Dân số and Chi cục An toàn vệ sinh thực phẩm. Items are read as the longest run of the
    list that, with the head, is a gazetteer name; an item the gazetteer lacks is its head and
    the item's words. The list ends at an item that is no name (in lower case: "các đơn vị
    liên quan")."""
    found: list[Found] = []
    for head, start, end, sep in _list_heads(gaz, text):
        pieces = [(m.start() + start, m.end() + start)
                  for m in re.finditer(rf"[^{sep}]+", text[start:end])]
        pieces = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in pieces]
        pieces = [(a, a + _name_length(gaz, text[a:b])) for a, b in pieces]
        k = 0
        while k < len(pieces) and upper_initial(text[pieces[k][0] : pieces[k][1]]):
            a = pieces[k][0]
            for j in range(len(pieces), k, -1):
                piece = text[a : pieces[j - 1][1]].rstrip(" .")
                agency_id = _gazetteer_name(gaz, f"{head} {piece}")
                if agency_id is not None:
                    found.append(Found(a, a + len(piece), piece, agency_id, name=f"{head} {piece}"))
                    k = j
                    break
            else:
                piece = text[a : pieces[k][1]].rstrip(" .")
                found.append(Found(a, a + len(piece), piece, None, name=f"{head} {piece}"))
                k += 1
    return found


def agency_spans(gaz: Gazetteer, text: str) -> list[Found]:
    """Agency mentions in ``text``: gazetteer names (with their province suffix) and, where
    the gazetteer has nothing, phrases shaped like agency names; a part of a body joined to
    the body it belongs to."""
    a = analyse(text)
    shared = _shared_head_items(gaz, text) if ":" in text or "(" in text else []
    found: list[Found | Phrase] = list(shared)
    covered = [False] * len(text)
    blocked = [False] * len(text)  # no name begins in a phrase that only looks like one
    for item in shared:
        covered[item.start : item.end] = [True] * (item.end - item.start)
    for m in gazetteer_matches(gaz, a):
        end = extend_match(gaz, a, m)
        if any(covered[slice(*a.span(m.start, end))]):
            continue
        if m.pattern.payload in gaz.agencies and gaz.agencies[m.pattern.payload].office and (
                person_at(gaz, a, end)):
            continue  # an office before its holder's name is a title ("Thủ tướng … Phạm Minh
            # Chính"), not the body
        start_c, end_c = a.closed_span(m.start, end)
        if m.pattern.payload == STOP:
            blocked[start_c:end_c] = [True] * (end_c - start_c)
            continue
        covered[start_c:end_c] = [True] * (end_c - start_c)
        entry = gaz.agencies[m.pattern.payload]
        found.append(Found(start_c, end_c, text[start_c:end_c], m.pattern.payload,
                           group=entry.level == "group"))
    found.extend(agency_like_phrases(text, covered, name_model(gaz), blocked))
    return _compounds(gaz, text, found)


def unknown_body_kind(gaz: Gazetteer, text: str) -> PhraseKind | None:
    """Whether ``text`` as a whole reads as one body's name the gazetteer lacks ("body") or
    a class of bodies ("group"): it is one mention, built like an agency's name ("Trung tâm
    Phục vụ hành chính công tỉnh"; not "Thường xuyên trong năm", "Báo cáo kết quả", "CƠ
    QUAN CHỦ TRÌ")."""
    text = clean_edges(text)
    spans = agency_spans(gaz, text)
    if not spans and capitals_name(text, name_model(gaz)):
        return "body"
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
