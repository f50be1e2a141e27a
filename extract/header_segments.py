"""A header's paragraphs cut into the parts they hold — the motto, a "Số:" clause, a
place–date line, a mark ("DỰ THẢO", "KHẨN"), a rule, plain text — so two columns glued into
one line or a header table read row by row give the same parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import (
    find_motto,
    find_place_date,
    is_rule,
    is_signing_stamp,
    mark_kind,
    number_clause,
)
from vnplan.text.letters import capitals_share

SegmentKind = Literal["motto", "number", "place_date", "mark", "rule", "text"]


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    text: str
    index: int  # the paragraph it is in
    bold: bool | None
    centered: bool | None

    @property
    def upper(self) -> bool:
        return capitals_share(self.text) >= 0.85


def explode(index: int, par: Paragraph) -> list[Segment]:
    """The header parts inside one paragraph (or the cells of one table row), in order."""
    texts = [c for cell in par.cells for c in cell.split("\n")] if par.cells else [par.text]
    out: list[Segment] = []
    for text in (t for t in texts if not is_signing_stamp(t)):
        for kind, piece in _pieces(text.strip()):
            out.append(Segment(kind, piece, index, par.bold, par.centered))
    return out


def _pieces(text: str) -> list[tuple[SegmentKind, str]]:
    if not text:
        return []
    if is_rule(text):
        return [("rule", text)]
    spans: list[tuple[int, int, SegmentKind]] = [(a, b, "motto") for a, b in find_motto(text)]
    rest = _gaps(text, spans)
    for start, end in rest:
        piece = text[start:end]
        if (clause := number_clause(piece)) is not None:
            spans.append((start + clause[0], start + clause[1], "number"))
        if (place := find_place_date(piece)) is not None:
            spans.append((start + place.start, start + place.end, "place_date"))
    out: list[tuple[SegmentKind, str]] = []
    spans.sort()
    cursor = 0
    for start, end, kind in spans:
        if start < cursor:
            continue
        out.extend(_plain(text[cursor:start]))
        out.append((kind, text[start:end].strip()))
        cursor = end
    out.extend(_plain(text[cursor:]))
    return out


def _gaps(text: str, spans: list[tuple[int, int, SegmentKind]]) -> list[tuple[int, int]]:
    out, cursor = [], 0
    for start, end, _ in sorted(spans):
        out.append((cursor, start))
        cursor = end
    out.append((cursor, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _plain(text: str) -> list[tuple[SegmentKind, str]]:
    text = text.strip()
    if not text.strip("-–—"):
        return []
    if is_rule(text):
        return [("rule", text)]
    return [("mark" if mark_kind(text) else "text", text)]
