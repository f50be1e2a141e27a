"""Where the names of public bodies begin and end in a document's header and signature.

A name begins with a head noun (Ủy ban nhân dân, Sở, Bộ, Cục, Ban, Công an …); in the header,
a line that begins with one opens a body and a line that does not continues the one above,
so "UBND TỈNH LÂM ĐỒNG / SỞ NỘI VỤ" is a department under its province and "ỦY BAN NHÂN DÂN /
TỈNH LÀO CAI" one body on two lines. A joint document prints its issuers apart with dashes
("BỘ CÔNG AN - BỘ QUỐC PHÒNG - …"). Head nouns, central bodies, positions and ranks are data
(``data/bodies.json``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vnplan.text.fold import bare_letters, fold_heading
from vnplan.text.legacy import is_syllable

_JOINT = re.compile(r"\s+[-–—]\s+|\s*[-–—]\s*$|^\s*[-–—]\s*")


@dataclass(frozen=True)
class Vocabulary:
    heads: tuple[str, ...]  # folded, longest first
    central: tuple[str, ...]
    positions: tuple[str, ...]
    position_prefixes: tuple[str, ...]


@cache
def vocabulary() -> Vocabulary:
    text = resources.files("vnplan.extract").joinpath("data/bodies.json").read_text("utf-8")
    data = json.loads(text)

    def folded(key: str) -> tuple[str, ...]:
        return tuple(sorted({fold_heading(w) for w in data[key]}, key=len, reverse=True))

    return Vocabulary(folded("heads"), folded("central"), folded("positions"),
                      folded("position_prefixes"))


@cache
def _written() -> tuple[tuple[str, str], ...]:
    """(folded, as written) of every head and position, longest first."""
    text = resources.files("vnplan.extract").joinpath("data/bodies.json").read_text("utf-8")
    data = json.loads(text)
    forms: dict[str, str] = {}
    for key in ("positions", "heads"):  # the first spelling listed is the one written
        for word in data[key]:
            forms.setdefault(fold_heading(word), word)
    return tuple(sorted(forms.items(), key=lambda kv: -len(kv[0])))


_PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường", "đặc khu")


def written_form(text: str) -> str:
    """A name or position printed in capitals, as a sentence writes it: heads and positions
    in their own case ("Phó Chủ tịch", "Ban Chỉ đạo"), abbreviations kept ("UBND"), the name of
    a place after its kind capitalised ("tỉnh Lâm Đồng"), the rest lower case.

    >>> written_form("PHÓ CHỦ TỊCH UBND TỈNH LÂM ĐỒNG"), written_form("GIÁM ĐỐC SỞ TƯ PHÁP")
    ('Phó Chủ tịch UBND tỉnh Lâm Đồng', 'Giám đốc Sở Tư pháp')
    """
    words = text.split()
    out: list[str] = []
    i = 0
    place = False
    named = False  # the word after a head noun opens the body's name: "Sở Tư pháp"
    while i < len(words):
        rest = fold_heading(" ".join(words[i:]))
        known = next((w for f, w in _written() if rest == f or rest.startswith(f + " ")), None)
        if known is not None and not place:
            out.extend(known.split())
            i += len(known.split())
            named = _starts(fold_heading(known), vocabulary().heads) is not None
            continue
        word = words[i]
        if not is_syllable(word):
            out.append(word)  # an abbreviation: UBND, HĐND, VN
        elif place or (named and fold_heading(word) not in _PLACE_WORDS):
            out.append(word[:1] + word[1:].lower())
        else:
            out.append(word.lower())
        named = False
        i += 1
        place = place or fold_heading(" ".join(out[-2:])) in _PLACE_WORDS or (
            fold_heading(out[-1]) in _PLACE_WORDS)
    sentence = " ".join(out)
    return sentence[:1].upper() + sentence[1:]


def _starts(folded: str, words: tuple[str, ...]) -> str | None:
    return next((w for w in words if folded == w or folded.startswith(w + " ")), None)


def starts_with_head(text: str) -> bool:
    """Whether `text` begins with the head noun of a public body's name."""
    return _starts(fold_heading(text), vocabulary().heads) is not None


def is_central(name: str) -> bool:
    """Whether a body is national (Quốc hội, Chính phủ, a ministry and its departments …)."""
    folded = fold_heading(name)
    if folded.startswith(("bộ chỉ huy", "bộ tư lệnh")):
        return False
    return _starts(folded, vocabulary().central) is not None or "trung ương" in folded or (
        _CENTRAL_MARK.search(folded) is not None)


_CENTRAL_MARK = re.compile(r"(?<!\w)tw(?!\w)")  # "TỔ CÔNG TÁC LIÊN NGÀNH TW": Trung ương


def position_head(text: str) -> str | None:
    """The position a line names ("PHÓ CHỦ TỊCH" → "phó chủ tịch", "CỤC TRƯỞNG" → "cục
    trưởng"), or None when it names none."""
    folded = fold_heading(text)
    words = vocabulary()
    rest = folded
    for prefix in words.position_prefixes:
        if rest.startswith(prefix + " "):
            rest = rest[len(prefix) + 1 :]
            break
    head = _starts(rest, words.positions)
    if head is None:
        first = " ".join(rest.split()[:2])
        head = first if re.fullmatch(r"\S+ trưởng", first) else None
    return None if head is None else folded[: len(folded) - len(rest)] + head


def position_by_letters(text: str) -> str | None:
    """The position a line names when only its marks are misread, as OCR leaves a position
    printed in capitals ("TÔNG GIẢM ĐỌC" → "tổng giám đốc"): its letters without the marks,
    word for word, are those of one position of the vocabulary, after a prefix or not, and of
    no other ("THƯ TRƯỜNG" is Thứ trưởng or Thủ trưởng: None); None when the line names a
    position as it is."""
    if position_head(text) is not None:
        return None
    found = _by_letters().get(bare_letters(" ".join(text.split())), ())
    return found[0] if len(found) == 1 else None


@cache
def _by_letters() -> dict[str, tuple[str, ...]]:
    """Every position, after each prefix or alone, by its letters without the marks."""
    words = vocabulary()
    out: dict[str, set[str]] = {}
    for position in words.positions:
        for prefix in ("", *words.position_prefixes):
            form = f"{prefix} {position}".strip()
            out.setdefault(bare_letters(form), set()).add(form)
    return {letters: tuple(sorted(forms)) for letters, forms in out.items()}


def starts_with_authority(text: str) -> bool:
    """Whether a line names who issues a decision: a body ("ỦY BAN NHÂN DÂN TỈNH …") or a
    position ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "BỘ TRƯỞNG BỘ CÔNG THƯƠNG")."""
    return starts_with_head(text) or position_head(text) is not None


@dataclass(frozen=True)
class Bodies:
    bodies: list[str]
    joint: bool  # several issuers side by side, not one under another


def split_bodies(lines: list[str]) -> Bodies:
    """The bodies a header's issuer lines name, top first (see the module doc)."""
    lines = [re.sub(r"\s+", " ", line).strip() for line in lines if line.strip()]
    if not lines:
        return Bodies([], False)
    joined = "\n".join(lines)
    pieces = [p for p in _JOINT.split(joined) if p.strip()]
    if len(pieces) > 1:
        first = _by_lines(pieces[0].split("\n"))
        rest = [" ".join(p.split()) for p in pieces[1:]]
        return Bodies([*first, *rest], True)
    return Bodies(_by_lines(lines), False)


def _by_lines(lines: list[str]) -> list[str]:
    bodies: list[str] = []
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if bodies and (not starts_with_head(line) or _one_name(f"{bodies[-1]} {line}")):
            bodies[-1] = f"{bodies[-1]} {line}"
        else:
            bodies.append(line)
    return bodies


def _one_name(text: str) -> bool:
    """Two lines that together are the name of a known body ("ỦY BAN THƯỜNG VỤ" / "QUỐC
    HỘI") are one body."""
    folded = fold_heading(text)
    return any(folded == name for name in vocabulary().central if " " in name)
