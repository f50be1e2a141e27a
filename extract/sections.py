"""Numbered paragraphs → the section tree, each node at its true depth."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources

from vnplan.extract.misread_numbers import is_first, predecessor, read_opening
from vnplan.extract.numbering import (
    FAMILIES,
    NORMATIVE,
    POINT_LETTERS,
    Marker,
    parse_marker,
    split_title,
)
from vnplan.extract.paragraphs import Paragraph
from vnplan.schema import Section, Warning
from vnplan.schema.models import SectionRole
from vnplan.text.fold import fold_heading
from vnplan.text.letters import capitals_share

HEADING_WORDS_MAX = 12  # a child heading longer than this is a task, not a role heading
_LETTER_ITEM = re.compile(r"^(?P<n>[a-zđ])\)\s")
MISREAD_LOOKAHEAD = 12  # paragraphs after a misread number where the next unit is looked for
TITLE_LINE_WORDS = 40  # a unit's title on its own line, in capitals or bold
BOLD_CAPITALS_TITLE_WORDS = 80  # … in bold capitals


@dataclass
class _Node:
    marker: Marker
    path: list[str]
    title: str
    body: list[str]
    page: int | None
    role: SectionRole
    children: list[_Node] = field(default_factory=list)

    def to_section(self) -> Section:
        return Section(
            number=self.marker.number,
            path=self.path,
            title=self.title,
            text="\n".join(part for part in self.body if part),
            role=self.role,
            children=[child.to_section() for child in self.children],
            page=self.page,
        )


@cache
def _role_rules() -> list[tuple[SectionRole, tuple[str, ...]]]:
    text = resources.files("vnplan.extract").joinpath("data/roles.json").read_text("utf-8")
    rules = json.loads(text)["rules"]
    return [(rule["role"], tuple(fold_heading(s) for s in rule["starts"])) for rule in rules]


def role_of_heading(title: str) -> SectionRole | None:
    """The role a heading's words name ("TỔ CHỨC THỰC HIỆN" → "implementation"), if any."""
    folded = fold_heading(title)
    for role, starts in _role_rules():
        if any(
            folded == s or folded.startswith(s + " ") or folded.startswith(s + ",") for s in starts
        ):
            return role
    return None


class _Ranks:
    """Nesting order: the normative units in their fixed order, then the plan-style families
    (I. / 1. and 1.1. / a) / (1)) in the order the document first uses them."""

    def __init__(self) -> None:
        self.families: dict[str, int] = {}

    def __call__(self, marker: Marker) -> int:
        """The rank of `marker`, its family counted as used."""
        if marker.kind not in NORMATIVE:
            self.families.setdefault(FAMILIES[marker.kind], len(self.families))
        return self.peek(marker)

    def peek(self, marker: Marker) -> int:
        """The rank `marker` would have, without counting its family as used."""
        if marker.kind in NORMATIVE:
            return NORMATIVE[marker.kind]
        order = self.families.get(FAMILIES[marker.kind], len(self.families))
        return 10 + 10 * order + marker.depth


_OPEN_QUOTE = ("“", '"', "‘")
_CLOSE_QUOTE = re.compile(r"[”\"’]\s*[.;,]*\s*$")


def build_sections(paragraphs: list[Paragraph]) -> tuple[list[Section], list[Warning]]:
    """The section tree of a document body; unnumbered paragraphs — and text quoted from
    another document, whatever numbers it prints — are the text of the unit above."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    warnings: list[Warning] = []
    rank = _Ranks()
    quoted = False
    lettered = False  # the document groups its parts under "A.", "B." (seen its "A.")
    pending_title: _Node | None = None  # "Chương I" whose heading is on the next line
    pars = _without_specks(_points_apart(paragraphs, warnings), warnings)
    enclosed_until = 0  # the items of a list of enclosed papers run to here
    for index, par in enumerate(pars):
        text = par.text.strip()
        if index < enclosed_until:
            if stack:
                stack[-1].body.append(par.text)
            continue
        if par.cells is None and ENCLOSURES.match(text):
            enclosed_until = enclosure_end(pars, index)
        opens = text.startswith(_OPEN_QUOTE)
        if quoted or (opens and _quote_left_open(text)):
            quoted = not _CLOSE_QUOTE.search(text) if quoted else True
            if stack:
                stack[-1].body.append(par.text)
            continue
        marker = parse_marker(text, par.bold) if par.cells is None and not opens else None
        if marker is not None and stack and _l_printed_as_one(marker, text, stack[-1].marker):
            marker = Marker("letter", "l", marker.rest)
            warnings.append(Warning(code="numbering_repaired", message="point '1)' after "
                                    "point k) read as l) (the letter printed as a one)",
                                    where=f"sections {'/'.join(stack[-1].path[:-1])}"))
        if marker is not None and marker.kind == "capital":
            lettered = lettered or marker.number == "A"
            marker = marker if lettered else None  # "B. …" with no "A." before it: a line
        if marker is None and par.ocr and par.cells is None and not opens:
            marker = _misread_marker(pars, index, stack, rank)
            if marker is not None:
                warnings.append(Warning(
                    code="numbering_repaired",
                    message=f"'{text[:30]}…' read as unit {marker.number} (its number "
                            "misread by OCR; the numbering around it says which)",
                    where=f"page {par.page}" if par.page else None))
        if marker is None:
            if pending_title is not None and _is_heading_line(par):
                pending_title.title = text
                pending_title.role = _role_for(text, None) if len(stack) == 1 else (
                    pending_title.role)
            elif stack:
                stack[-1].body.append(par.text)
            pending_title = None
            continue
        while stack and rank(stack[-1].marker) >= rank(marker):
            stack.pop()
        parent = stack[-1] if stack else None
        title, body = split_title(marker.rest)
        node = _Node(
            marker=marker,
            path=[*(parent.path if parent else []), marker.number],
            title=title,
            body=[body],
            page=par.page,
            role=_role_for(title, parent),
        )
        pending_title = node if marker.kind in NORMATIVE and not title else None
        if marker.irregular:
            warnings.append(
                Warning(
                    code="numbering_irregular",
                    message=f"item number {marker.number!r} printed without its dot; "
                    f"read as section {'/'.join(node.path)}",
                    where=f"sections {'/'.join(node.path)}",
                )
            )
        (parent.children if parent else roots).append(node)
        stack.append(node)
    return [node.to_section() for node in roots], warnings


def _misread_marker(pars: list[Paragraph], index: int, stack: list[_Node],
                    rank: _Ranks) -> Marker | None:
    """The unit a scanned paragraph opens whose number OCR misread (`misread_numbers`): its
    own lenient reading where that is the next number there, else the number missing just
    before the unit that follows it."""
    opening = read_opening(pars[index].text.strip())
    if opening is None:
        return None
    if opening.own is not None and _fits(opening.own, stack, rank):
        return Marker(opening.own.kind, opening.own.number, opening.rest)
    after = next((m for par in pars[index + 1 : index + 1 + MISREAD_LOOKAHEAD]
                  if par.cells is None and (m := parse_marker(par.text.strip(), par.bold))),
                 None)
    number = predecessor(after) if after is not None else None
    if after is None or number is None:
        return None
    candidate = Marker(after.kind, number, opening.rest)
    return candidate if _fits(candidate, stack, rank) else None


def _fits(marker: Marker, stack: list[_Node], rank: _Ranks) -> bool:
    """Is `marker` the next unit where the tree stands: the number after its last sibling, or
    a first one ("1", "a", "2.1" under "2") where it has none?"""
    level = list(stack)
    wanted = rank.peek(marker)
    while level and rank.peek(level[-1].marker) > wanted:
        level.pop()
    if level and rank.peek(level[-1].marker) == wanted:
        return level[-1].marker.number == predecessor(marker)
    return is_first(marker, level[-1].marker if level else None)


_SPECK_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s\-–—_]))[“”\"‘’']+(?=\s|$)")


def _without_specks(paragraphs: list[Paragraph], warnings: list[Warning]) -> list[Paragraph]:
    """Scanned paragraphs without the quotation marks OCR read from specks: in a paragraph
    whose quotation marks do not pair up, a mark touching no word on either side ("_—“ Hành
    vi …", "chấp hành ” ' quyết định"); a printed quotation mark hugs the text it quotes (a
    pair typed with a space inside, "“ … ”", pairs up and stays)."""
    out: list[Paragraph] = []
    dropped = 0
    for par in paragraphs:
        if par.ocr and par.cells is None and _SPECK_QUOTE.search(par.text) and (
                not _quotes_pair(par.text)):
            text, count = _SPECK_QUOTE.subn("", par.text)
            dropped += count
            par = replace(par, text=re.sub(r"\s{2,}", " ", text).strip())
        out.append(par)
    if dropped:
        warnings.append(Warning(code="ocr_repaired", message=f"{dropped} quotation mark(s) "
                                "standing apart from any word in scanned text dropped (specks)"))
    return out


def _quotes_pair(text: str) -> bool:
    """Do the quotation marks of `text` pair up (as many open as close, straight ones even)?"""
    opened = text.count("“") + text.count("‘")
    closed = text.count("”") + text.count("’")
    return opened == closed and text.count('"') % 2 == 0 and text.count("'") % 2 == 0


ENCLOSURES = re.compile(r"^(?:Hồ sơ|Tài liệu|Văn bản)\b[^:]{0,40}\b(?:kèm theo|gửi kèm)\b.*:$",
                        re.S)


def enclosure_end(paragraphs: list[Paragraph], index: int) -> int:
    """Where the list of enclosed papers a "Hồ sơ kèm theo:" line at `index` opens ends: its
    items "1.", "2.", … name papers sent with the document, not units of it."""
    end, expected = index + 1, 1
    while end < len(paragraphs) and paragraphs[end].cells is None:
        marker = parse_marker(paragraphs[end].text.strip(), paragraphs[end].bold)
        if marker is None or marker.kind != "arabic" or marker.number != str(expected):
            break
        end, expected = end + 1, expected + 1
    return end


def _quote_left_open(text: str) -> bool:
    """Whether a quotation the paragraph opens is still open at its end (the quoted text
    goes on in the next paragraphs): “…” pairs counted, straight quotes paired in turn.

    >>> _quote_left_open("“Điều 73a. Trách nhiệm")
    True
    >>> _quote_left_open("“… quản lý hội; …”, tại khoản 2 Điều 32 quy định thêm")
    False
    """
    depth, straight = 0, False
    for char in text:
        if char in "“‘":
            depth += 1
        elif char in "”’":
            depth = max(0, depth - 1)
        elif char == '"':
            straight = not straight
    return depth > 0 or straight


def _l_printed_as_one(marker: Marker, text: str, before: Marker) -> bool:
    """"1)" right after point "k)": the point l), its letter typed as the digit one."""
    return marker.kind == "arabic" and text.startswith("1)") and (
        before.kind == "letter" and before.number == "k")


def _points_apart(paragraphs: list[Paragraph], warnings: list[Warning]) -> list[Paragraph]:
    """Points run together in one paragraph ("c) Bảo đảm an sinh …; d) Môi trường …; đ) Cảnh
    quan …"), each in a paragraph of its own: a point opens after a semicolon with the letter
    that follows the one before it."""
    out: list[Paragraph] = []
    for par in paragraphs:
        first = _LETTER_ITEM.match(par.text.strip()) if par.cells is None else None
        if first is None or first["n"] not in POINT_LETTERS:
            out.append(par)
            continue
        pieces, letter, text = [], first["n"], par.text.strip()
        while (nxt := _next_point(text, letter)) is not None:
            pieces.append(text[:nxt].strip())
            text, letter = text[nxt:].lstrip(), text[nxt:].lstrip()[0]
        if not pieces:
            out.append(par)
            continue
        pieces.append(text)
        warnings.append(Warning(code="points_split", message=f"points {first['n']}) to "
                                f"{letter}) printed in one paragraph: read one by one",
                                where=f"'{pieces[0][:40]}…'"))
        out.extend(replace(par, text=piece) for piece in pieces)
    return out


def _next_point(text: str, letter: str) -> int | None:
    """Where the point after `letter` opens inside `text` ("; d) …"), if it does."""
    index = POINT_LETTERS.index(letter)
    if index + 1 >= len(POINT_LETTERS):
        return None
    found = re.search(rf";\s+(?={re.escape(POINT_LETTERS[index + 1])}\)\s)", text)
    return found.end() if found else None


def _is_heading_line(par: Paragraph) -> bool:
    """The title line of a "Chương II" printed alone: in capitals or bold, not a paragraph (a
    chapter title in bold capitals may run long: Nghị định 242/2025's Chương II has 65 words)."""
    upper = capitals_share(par.text) >= 0.8
    words = len(par.text.split())
    return (upper or bool(par.bold)) and words <= (
        BOLD_CAPITALS_TITLE_WORDS if upper and par.bold else TITLE_LINE_WORDS)


def _role_for(title: str, parent: _Node | None) -> SectionRole:
    own = role_of_heading(title) if len(title.split()) <= HEADING_WORDS_MAX else None
    if parent is None:
        return own or "other"
    if own and parent.role in ("purpose", "tasks", "other") and own != "appendix":
        return own
    return parent.role
