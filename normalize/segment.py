"""Agency names the gazetteer lacks: a general model of a Vietnamese public body's name.

A name is a head noun (Sở, Bộ, Ban, Cục, Trung tâm, Ủy ban nhân dân … — the heads of the
national standard, ``vnplan.extract.bodies``, and the gazetteer's) followed by its modifiers.
Nghị định 30/2020/NĐ-CP (Phụ lục II) writes the words naming a body's kind and field with a
capital, so the word after the head is capitalised ("Ban Quản lý dự án", "Trung tâm Phục vụ
hành chính công") or names its scope ("Công an tỉnh", "Đảng bộ tỉnh"); a head followed by a
lower-case word is the head alone, a body only inside a longer name ("Văn phòng | Tỉnh ủy") —
in a sentence it refers back to a body already named ("Hội đồng họp", "Trung tâm kính trình").
The modifiers run up to:

* a verb or a word that starts a task ("chủ trì", "gồm", "báo cáo" …), a preposition
  ("của", "tại" …), a date word — the gazetteer's ``name_stops``;
* a person's title or name ("Thứ trưởng", "ông", or a family name followed by capitalised
  words: "Bộ Y tế | Đỗ Xuân Tuyên");
* the place that closes a name: a province, "Việt Nam", the name after a unit word ("tỉnh Lâm
  Đồng", "khu vực XVI") or another proper name — a lower-case word after it starts the
  sentence's predicate ("Cục Đăng kiểm Việt Nam | khẩn trương", "Trường Đại học Đà Lạt | 22
  lượt");
* a comma that starts a new actor: a comma continues a name only when the words after it
  close it again, with "và" or the name's scope ("Trung tâm Xúc tiến đầu tư, thương mại và du
  lịch tỉnh"; not "…, đóng vai trò");
* the segment's end (a line, a cell, a full stop, a colon …).

A name followed by a level ("cấp tỉnh", "cấp xã", "các cấp", "cùng cấp") or a plural of units
("các xã, phường") names a class of bodies, a group. underthesea's POS tagger
(``vnplan.text.segmenter.pos_tag``) gives the words and their tags: its segmentation keeps "Hội
nghị", "Bộ trưởng", "Báo cáo" whole, so they are not read as "Hội", "Bộ", "Báo".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from vnplan.text.chunks import pieces

from .lone_heads import TITLE_PARTS, may_begin_a_name
from .text import WORD, fold, fold_token, key_of, upper_initial

_SEGMENT = re.compile(r"[^.;:!?()\[\]\n\t“”\"|]+")
_SCOPE_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "thị xã", "quận", "trung ương", "xã",
                          "phường", "thị trấn", "đặc khu", "khu vực", "tw", "tư"})
_LEVELS = frozenset({"tỉnh", "huyện", "xã", "cơ sở", "trên", "dưới", "trung ương", "bộ",
                     "sở", "thành phố", "quận", "phường", "thôn", "tổ", "ủy", "uỷ"})
_JOINERS = frozenset({"và", ",", "-", "–", "&"})
_SHARED_TITLE = re.compile(r"[Tt]rưởng\s+(?:phòng|ban)\s+[A-ZĐ]")
_REPRESENTING = frozenset({"đại diện", "thành viên"})  # not titles: "Đại diện | Thường trực …"
_PLACE_UNITS = frozenset({"xã", "phường", "thị trấn", "đặc khu", "huyện", "quận", "thị xã",
                          "thôn", "bản", "làng", "xóm", "ấp", "tổ dân phố"})
_MODIFIER_TAGS = frozenset({"N", "Np", "Nc", "Nu", "Ny", "A", "M"})
_CODE = re.compile(r"^(?:\d+[A-Z]+\d*|[IVXLC]+|\d+)$")
_UNIT_CODE = re.compile(r"^[A-Z]{1,3}\d{2,3}$")  # Bộ Công an's units: C04, PC04, PK02, V01
Word = tuple[str, str, int, int]  # text, POS tag, start, end
PhraseKind = Literal["body", "group", "head"]


@dataclass(frozen=True)
class NameModel:
    """The word lists the model reads (folded)."""

    heads: frozenset[str]
    first_syllables: frozenset[str]
    stops: tuple[tuple[str, ...], ...]  # folded word sequences

    @property
    def stop_words(self) -> frozenset[str]:
        return _joined(self.stops)

    @property
    def long_stops(self) -> frozenset[str]:
        """Stop words of two syllables or more, which the tagger may glue to a neighbour."""
        return frozenset(w for w in _joined(self.stops) if " " in w)
    positions: frozenset[str]
    surnames: frozenset[str]
    person_words: frozenset[str]
    places: frozenset[str]  # province names, "Việt Nam": they close a name
    organs: frozenset[str]  # heads that name a body only with its owner: "Ban Thường vụ"
    named_heads: frozenset[str]  # heads that hold a field already: "Ban Quản lý dự án"
    units: frozenset[str]  # unit words whose plural makes a group: "các xã, phường"

    @property
    def head_syllables(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        return _by_first(self.heads)


@cache
def _joined(stops: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(" ".join(stop) for stop in stops)


@cache
def _by_first(heads: frozenset[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    table: dict[str, list[tuple[str, ...]]] = {}
    for head in heads:
        keys = tuple(head.split())
        if keys:
            table.setdefault(keys[0], []).append(keys)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


@dataclass(frozen=True, slots=True)
class Phrase:
    """A span of text shaped like an agency name: a ``body``, a ``group`` (a class of
    bodies: "Ủy ban nhân dân cấp xã"), or a ``head`` alone ("Văn phòng"), a body only when
    the name of the body it belongs to follows it."""

    start: int
    end: int
    kind: PhraseKind
    organ: bool = False  # it names a part of another body ("Ban Thường vụ", "Thường trực")
    lower_name: bool = False  # a head followed by a name in lower case ("Đoàn đại biểu …")


@cache
def _tagger() -> Callable[[str], list[tuple[str, str]]]:
    from vnplan.text.segmenter import pos_tag  # its models load on first use

    def tag(text: str) -> list[tuple[str, str]]:
        # in bounded pieces: the tokenizer is quadratic on long runs without spaces
        tags: list[tuple[str, str]] = []
        for piece, is_run in pieces(text):
            if is_run:
                tags.append((piece, "X"))
            elif piece.strip():
                tags.extend(pos_tag(piece))
        return tags

    return tag


def _split_word(word: str, tag: str, model: NameModel) -> list[tuple[str, str]]:
    """A tagged word cut where the tagger glued a conjunction, a place, a verb of two
    syllables or a position's head to its neighbours ("và Công nghiệp Việt Nam" → "và",
    "Công nghiệp", "Việt Nam"; "công trang bị" → "công", "trang bị"; "Trưởng Phòng" →
    "Trưởng", "Phòng": the head is the body's, whose name follows)."""
    syllables = word.split()
    for k in range(1, len(syllables)):
        rest = " ".join(syllables[k:])
        if k < len(syllables) - 1 and fold(rest) in model.long_stops:
            return [*_split_word(" ".join(syllables[:k]), tag, model), (rest, "V")]
        if fold(rest) in model.heads and fold(" ".join(syllables[:k])) in TITLE_PARTS:
            return [(" ".join(syllables[:k]), "N"), (rest, "N")]
    if len(syllables) > 1 and fold(syllables[0]) == "và":
        return [("và", "C"), *_split_word(" ".join(syllables[1:]), tag, model)]
    if len(syllables) > 1 and fold(syllables[-1]) == "cấp":  # "công cấp" | "tỉnh"
        return [*_split_word(" ".join(syllables[:-1]), tag, model), (syllables[-1], "N")]
    for k in range(1, len(syllables)):
        if fold(" ".join(syllables[k:])) in model.places:
            return [(" ".join(syllables[:k]), tag), (" ".join(syllables[k:]), "Np")]
    return [(word, tag)]


def _same_length_key(word: str) -> str:
    """``word`` with its tone mark where ``fold_token`` puts it, when that keeps its length
    (the tagger writes "Hóa" for "Hoá"), so a tagged word is found where it was written."""
    key = fold_token(word)
    return key if len(key) == len(word) else word.casefold()


def _words(segment: str, model: NameModel) -> list[Word]:
    """Tagged words of ``segment`` with their offsets in it; a word is given as written in
    the segment, whatever spelling the tagger returns it in."""
    keyed = WORD.sub(lambda m: _same_length_key(m.group()), segment)
    out: list[Word] = []
    pos = 0
    for tagged, tagged_as in _tagger()(segment):
        for word, tag in _split_word(tagged, tagged_as, model):
            parts = [WORD.sub(lambda m: _same_length_key(m.group()), p) for p in word.split()]
            found = _spaced_find(keyed, parts, pos)
            if found is None:
                continue
            start, end = found
            out.append((segment[start:end], tag, start, end))
            pos = end
    return out


def _spaced_find(text: str, parts: list[str], pos: int) -> tuple[int, int] | None:
    """The first span of ``text`` from ``pos`` that is ``parts`` with any whitespace between
    them (the regular expression ``part\\s*part…``, without compiling one per word)."""
    if not parts:
        return pos, pos
    start = text.find(parts[0], pos)
    while start != -1:
        end = start + len(parts[0])
        for part in parts[1:]:
            while end < len(text) and text[end].isspace():
                end += 1
            if not text.startswith(part, end):
                break
            end += len(part)
        else:
            return start, end
        start = text.find(parts[0], start + 1)
    return None


def _syllables(words: list[Word], i: int, limit: int = 6) -> list[tuple[str, int]]:
    """(folded syllable, index of its word) for the syllables from word ``i`` on."""
    out: list[tuple[str, int]] = []
    for k in range(i, min(len(words), i + limit)):
        out.extend((fold_token(s), k) for s in words[k][0].split())
    return out


def _head_at(words: list[Word], i: int, model: NameModel) -> tuple[int, bool, tuple[str, ...]]:
    """The head starting at word ``i``: (words it spans, whether the last of them goes on
    past the head with a name — "Viện Hàn lâm", "Đài Phát thanh" —, the head's keys); spans
    0 when no head is there. A head is written with a capital, or in lower case when a
    title shares it and the name follows in capitals ("Trưởng phòng | Quản lý đất đai")."""
    shared = (i and fold(words[i - 1][0]) in TITLE_PARTS and i + 1 < len(words)
              and upper_initial(words[i + 1][0]))
    if not upper_initial(words[i][0]) and not shared:
        return 0, False, ()
    syllables = _syllables(words, i)
    keys = [s for s, _ in syllables]
    for head in model.head_syllables.get(keys[0] if keys else "", ()):
        n = len(head)
        if tuple(keys[:n]) != head:
            continue
        last = syllables[n - 1][1]
        glued = n < len(syllables) and syllables[n][1] == last
        if glued:
            rest = words[last][0].split()[n - sum(len(words[k][0].split()) for k in
                                                  range(i, last)):]
            if not rest or not upper_initial(rest[0]):
                continue  # "Hội nghị", "Bộ trưởng": a word of its own, not a head
        return last - i + 1, glued, head
    return 0, False, ()


def _is_person(words: list[Word], j: int, model: NameModel, titled: bool = False) -> bool:
    """Whether word ``j`` opens a person's title or name; ``titled``: the name being read
    follows a person's title ("Ủy viên … Ban Chỉ đạo … chuyển đổi số | Nguyễn Huy Dũng")."""
    word, tag = words[j][0], words[j][1]
    key = fold(word)
    if key in model.positions or key in model.person_words:
        return True
    if key in model.places or (j and fold(words[j - 1][0]) in _SCOPE_WORDS):
        return False
    if not titled and j and words[j - 1][0][:1].islower() and words[j - 1][0][:1].isalpha():
        return False  # after a common noun a capitalised name is a place's: "Khu du lịch quốc
        # gia Hồ Tuyền Lâm"
    syllables = word.split()
    if syllables and fold(syllables[0]) in model.surnames and upper_initial(word):
        capitalised = [s for s in syllables if upper_initial(s)]
        if len(syllables) >= 2 and len(capitalised) == len(syllables) and tag == "Np":
            return True
        nxt = words[j + 1][0] if j + 1 < len(words) else ""
        return len(syllables) == 1 and tag == "Np" and upper_initial(nxt)
    return False


def _stops_at(words: list[Word], j: int, model: NameModel) -> bool:
    """Whether the words from ``j`` are a word that ends a name, whole tagged words compared
    ("giao" ends one, "giao thông" does not)."""
    if not words[j][0][:1].isalpha():
        return False
    joined = ""
    for k in range(j, min(j + 3, len(words))):
        joined = (joined + " " + fold(words[k][0])).strip()
        if joined in model.stop_words:
            return True
    return False


def _level_end(words: list[Word], j: int, model: NameModel) -> int:
    """Index after a level or a plural of units at word ``j`` ("cấp tỉnh", "cấp tỉnh, cấp
    xã", "các cấp", "cùng cấp", "các xã, phường, đặc khu", "các tỉnh Lâm Đồng, Bình
    Thuận"), else ``j``."""
    n = len(words)

    def key(k: int) -> str:
        return fold(words[k][0]) if k < n else ""

    k = j
    while True:
        one_word = key(k).startswith("cấp ") and key(k)[4:] in _LEVELS
        if one_word or key(k) in {"các cấp", "cùng cấp"}:
            k += 1  # the tagger's one word: "cấp tỉnh", "các cấp"
        elif (key(k) == "cấp" and key(k + 1) in _LEVELS) or (
                key(k) in {"các", "cùng"} and key(k + 1) == "cấp"):
            k += 2
        elif key(k) == "các" and key(k + 1) in model.units:
            k += 2
            while k < n and (key(k) in model.units or upper_initial(words[k][0]) or (
                    words[k][0] in {",", "và"} and (key(k + 1) in model.units
                                                    or upper_initial(words[k + 1][0]
                                                                     if k + 1 < n else "")))):
                k += 1
        else:
            return k
        if words[k - 1][0] in {",", "và"}:
            k -= 1
        if not (key(k) in {",", "và"} and key(k + 1).split(" ")[0] == "cấp"):
            return k
        k += 1


def _closes_again(words: list[Word], j: int, model: NameModel,
                  free: Callable[[int], bool]) -> bool:
    """Whether the words from ``j`` (after a comma) run, as modifiers, to a "và" or to the
    name's scope: the comma then joins the fields of one name."""
    k = j
    while k < len(words) and free(k):
        word = words[k][0]
        key = fold(word)
        if key == "và" or key in _SCOPE_WORDS:
            return k > j
        if _head_at(words, k, model)[0] or _stops_at(words, k, model) or _is_person(
                words, k, model):
            return False
        if word == ",":
            k += 1
            continue
        if not word[0].isalpha():
            return False
        k += 1
    return False


@dataclass
class _Scan:
    """Where a name's scan is: past its place (only a code may follow), past a scope word
    (only the place's own name may follow)."""

    named: bool
    placed: bool = False
    scope: bool = False
    field: bool = False  # past "về": the field a name is about, its last part
    unit: str = ""  # the last scope word
    classed: bool = False  # it ends in a unit word with no name: a class of bodies
    lower_ok: bool = False  # the head holds a field already: lower-case modifiers may follow


def _quantity(words: list[Word], j: int) -> bool:
    """Whether the number at word ``j`` counts something ("22 lượt"), not names a body."""
    if j + 1 >= len(words):
        return False
    nxt, tag = words[j + 1][0], words[j + 1][1]
    return (nxt[:1].isalpha() and not upper_initial(nxt) and fold(nxt) not in _SCOPE_WORDS
            and tag in {"N", "Nc", "Nu", "M"})  # "22 lượt"; not "Vùng … 3 | tham mưu"


def _modifier_ends(words: list[Word], j: int, state: _Scan, model: NameModel,
                   free: Callable[[int], bool]) -> int:
    """How far the modifier at word ``j`` takes the name (``j`` when it ends it)."""
    word, tag = words[j][0], words[j][1]
    key = fold(word)
    capital = upper_initial(word) and word[0].isalpha()
    if state.scope:
        if capital or word.isdigit() or _CODE.match(word):
            state.scope, state.placed = False, True  # the unit's name: "huyện | Tuy Phước"
            return j + 1
        state.scope, state.placed = False, True
        # a unit below the province with no name after it: every such unit's body
        state.classed = state.unit in _PLACE_UNITS
    if state.placed:
        if (capital and not word.isupper()) or (word.isalnum() and any(c.isdigit() for c in word)
                                             and any(c.isalpha() for c in word)):
            return j + 1  # the place's own name goes on, or a code ("Lào Cai 2401D")
        if key in {"và", "-", "–"} and j + 1 < len(words) and free(j + 1) and upper_initial(
                words[j + 1][0]) and not _head_at(words, j + 1, model)[0]:
            return j + 1  # "khu vực Nam Trung bộ và Tây Nguyên", "Bidoup - Núi Bà"
        return j
    if key in _SCOPE_WORDS and (state.named or word[0].islower()):
        state.named = state.scope = True
        state.unit = key
        return j + 1
    if _UNIT_CODE.match(word):
        state.named = state.placed = True  # a unit named by its code: "Phòng PC04", "Cục C04"
        return j + 1
    if word.isdigit() and not state.named and not _quantity(words, j):
        state.named = True  # a body named by a number: "Ban Chỉ đạo 138 tỉnh"
        return j + 1
    if key in model.places and capital:
        state.named = state.placed = True
        return j + 1
    if capital:
        if _stops_at(words, j, model) and not state.named:
            return j
        state.named = True
        if tag == "Np" and not word.isupper():
            state.placed = True  # a proper name: a lower-case word after it ends the name
        return j + 1
    if not state.named and not state.lower_ok:
        return j  # the head alone: its name would be capitalised
    if word.isdigit():
        if fold(words[j - 1][0]) == "số":
            state.placed = True  # "… số 1": the number closes the name
        return j if _quantity(words, j) else j + 1
    if state.field:
        return j + 1 if word[0].islower() and tag in {"N", "A"} else j
    if key == "về" and j + 1 < len(words) and free(j + 1) and words[j + 1][1] == "N" \
            and not upper_initial(words[j + 1][0]) and not _stops_at(words, j + 1, model):
        state.field = True
        return j + 2  # the field a name is about: "Cục … về trật tự xã hội"
    if _stops_at(words, j, model):
        return j
    if word[0].isalpha() and (tag in _MODIFIER_TAGS or tag == "V"):
        return j + 1
    if key == "các" and words[j - 1][1] == "V" and j + 1 < len(words) and (
            words[j + 1][1] in _MODIFIER_TAGS):
        return j + 1
    if word in _JOINERS and j + 1 < len(words) and free(j + 1):
        nxt, nxt_tag = words[j + 1][0], words[j + 1][1]
        if (not nxt[0].isalpha() or _head_at(words, j + 1, model)[0]
                or (_stops_at(words, j + 1, model) and not upper_initial(nxt))
                or fold(nxt) in {"các", "những"}):
            return j
        if word == "," and not _closes_again(words, j + 1, model, free):
            return j  # a comma joins a name's fields only when "và" or its scope closes them
        if upper_initial(nxt) or nxt_tag in _MODIFIER_TAGS or nxt_tag == "V":
            return j + 1
    return j


def _after_title(words: list[Word], i: int, model: NameModel) -> bool:
    """Whether a person's title comes right before word ``i`` ("Phó Thủ tướng | Thường
    trực", "Ủy viên chuyên trách | Ban Chỉ đạo")."""
    return any(fold(w[0]) in model.positions for w in words[max(0, i - 3) : i])


def _name_end(words: list[Word], i: int, span: int, glued: bool, model: NameModel,
              free: Callable[[int], bool], head: str = "") -> tuple[int, PhraseKind]:
    """Index after the last word of the name whose head spans words ``i`` .. ``i + span -
    1``, and what it names."""
    state = _Scan(named=glued, lower_ok=head in model.named_heads)
    titled = _after_title(words, i, model)
    j = i + span
    while j < len(words) and free(j):
        level = _level_end(words, j, model)
        if level > j:
            return level, "group"
        if _head_at(words, j, model)[0] or _is_person(words, j, model, titled):
            break
        k = _modifier_ends(words, j, state, model, free)
        if k == j:
            break
        j = k
    while j > i + span and (words[j - 1][0] in _JOINERS or fold(words[j - 1][0]) == "về"):
        j -= 1
    if state.scope and state.unit in _PLACE_UNITS:
        state.classed = True  # "Công an xã" at the end: the police of every commune
    if state.classed:
        return j, "group"
    return j, "body" if state.named or (state.lower_ok and j > i + span) else "head"


def _all_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 3 and all(c.isupper() for c in letters)


def capitals_name(text: str, model: NameModel) -> bool:
    """Whether a line in capitals ("BAN CHỈ ĐẠO CẢI CÁCH HÀNH CHÍNH", a header's body)
    reads as one body's name: it begins with a head and holds no word that ends a name."""
    if not _all_capitals(text):
        return False
    keys = key_of(text)
    heads = [h for h in model.heads if keys[: len(h.split())] == tuple(h.split())]
    if not heads or len(keys) == len(max(heads, key=len).split()):
        return False
    return not any(keys[k : k + len(stop)] == stop for k in range(1, len(keys))
                   for stop in model.stops)


def _needs_tagging(segment: str, base: int, covered: list[bool], blocked: list[bool],
                   model: NameModel) -> bool:
    """Whether ``segment``'s words must be tagged (the costly part): a head can begin at one
    of them, or a title shares its head, and a head may begin a name longer than itself."""
    opens = _SHARED_TITLE.search(segment) or _may_open_head(segment, base, covered, blocked, model)
    return bool(opens) and may_begin_a_name(segment, base, covered, blocked, model)


def _may_open_head(segment: str, base: int, covered: list[bool], blocked: list[bool],
                   model: NameModel) -> bool:
    """Whether a head can begin at a word of ``segment`` (at ``base`` in the text), for a
    segment with a capitalised word that may begin one (a first syllable of a head, outside
    every match and every blocked span): a free word, capitalised or after "Trưởng", "Phó"
    (a title that shares its head), whose syllables begin with a head: the syllables of the
    tokens the tagger's words are made of ("QĐ-UBND" is one, no "UBND"). A tagged word is a
    run of these syllables: where none begins a head, no tagged word does."""
    if not any(w.group()[:1].isupper() and not covered[base + w.start()]
               and not blocked[base + w.start()] and fold_token(w.group()) in model.first_syllables
               for w in WORD.finditer(segment)):
        return False
    words = [(start, segment[start:end]) for start, end in _token_spans(segment)]
    free = [not covered[base + start] and not blocked[base + start] for start, _ in words]
    keys: dict[int, str] = {}

    def key(t: int) -> str:
        if t not in keys:
            keys[t] = fold_token(words[t][1])
        return keys[t]

    for t, (_, word) in enumerate(words):
        if not free[t] or key(t) not in model.first_syllables or not (
                upper_initial(word) or (t and key(t - 1) in TITLE_PARTS)):
            continue
        for head in model.head_syllables.get(key(t), ()):
            if t + len(head) <= len(words) and all(
                    key(t + k) == head[k] for k in range(1, len(head))):
                return True
    return False


def _token_spans(segment: str) -> list[tuple[int, int]]:
    """Where the tokens the tagger makes its words of stand in ``segment``, each cut into its
    syllables, found the way `_words` finds the words: by their keys, left to right."""
    from vnplan.text.segmenter import tokens

    keyed = WORD.sub(lambda m: _same_length_key(m.group()), segment)
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece, is_run in pieces(segment):
        units = [piece] if is_run else tokens(piece) if piece.strip() else []
        for part in (p for unit in units for p in unit.split()):
            found = _spaced_find(keyed, [WORD.sub(lambda m: _same_length_key(m.group()), part)],
                                 pos)
            if found is not None:
                spans.append(found)
                pos = found[1]
    return spans


def agency_like_phrases(text: str, covered: list[bool], model: NameModel,
                        blocked: list[bool] | None = None) -> list[Phrase]:
    """Phrases shaped like agency names (bodies, groups, heads alone) that overlap no
    ``covered`` character, as character spans of ``text``; none begins at a ``blocked``
    character (a phrase that only looks like a head: "Quỹ đất", "Bộ luật")."""
    blocked = blocked or [False] * len(text)
    phrases: list[Phrase] = []
    for seg in _SEGMENT.finditer(text):
        base = seg.start()
        if _all_capitals(seg.group()):
            continue  # a heading in capitals: no capital tells where a name ends
        if not _needs_tagging(seg.group(), base, covered, blocked, model):
            continue
        words = _words(seg.group(), model)

        def free(k: int, words: list[Word] = words, base: int = base) -> bool:
            return not covered[base + words[k][2]]  # a word begins outside every match

        i = 0
        while i < len(words):
            start_free = free(i) and not blocked[base + words[i][2]]
            span, glued, head = _head_at(words, i, model) if start_free else (0, False, ())
            organ = " ".join(head) in model.organs
            if not span or (glued and _is_person(words, i, model)) or (
                    i and fold(words[i - 1][0]) in _PLACE_UNITS) or (
                    organ and i and fold(words[i - 1][0]) in model.positions
                    and fold(words[i - 1][0]) not in _REPRESENTING):
                # "Phó Thủ tướng Thường trực": the organ word is the title's
                i += 1  # a head after a unit word begins a place's name: "Xã Trường Xuân"
                continue
            j, kind = _name_end(words, i, span, glued, model, free, " ".join(head))
            organ = " ".join(head) in model.organs
            lower = kind == "head" and j < len(words) and words[j][0][:1].islower() and (
                words[j][1] in {"N", "Np", "A"})
            phrases.append(Phrase(base + words[i][2], base + words[j - 1][3], kind, organ, lower))
            i = j
    return phrases
