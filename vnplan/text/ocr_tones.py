"""Diacritics OCR gets wrong, repaired where the dictionary is the evidence: a tone mark
swapped ("Thế thao" for "Thể thao", "Tố chức" for "Tổ chức"), lost ("Phôi hợp", "kiêm soát",
"Tô chức") or a letter's own mark lost or added ("Quyét định", "ĐÈ XUẤT", "GIÁM ĐÓC",
"xét đuyệt").

A two-syllable run is repaired only where the run as read is not a Vietnamese word, neither
syllable already forms a word with its other neighbour, and exactly one word of the list is
nearest to it: the same letters, one syllable kept and the other one mark away — its tone, or
the mark of one letter: a/ă/â, e/ê, o/ô/ơ, u/ư, d/đ — or two in capitals, where OCR reads the
stacked marks of "TỔ", "CẦU" as one (underthesea's Viet74K word list); the fewest marks changed
win. In mixed case a syllable that is itself Vietnamese ("đã", "của") changes only by the marks
OCR swaps (hook above / acute / tilde) or, not capitalised, a lost tone: it was read as printed
more often than not. A run of two capitalised syllables in mixed-case text is a name and is
left alone. Where no word of the list fits, a run the same document prints at least twice may
be the evidence, for the marks OCR confuses only (``printed_reading``). Used on text that came
from OCR only.

The two-syllable words of that list — the only ones a two-syllable run can be — and the
two-syllable province names of the province reference (normalize/data/provinces.json: names a
word list lacks, "Lâm Đồng", that every header prints) are kept as a data file
(``data/compound_words.txt``, rebuilt by ``python -m vnplan.text.ocr_tones`` in a checkout), so
that the first OCR'd document neither parses the 74K-word list nor needs underthesea for it.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from vnplan.schema import Warning
from vnplan.text.fold import TONES, bare_letters, fold_syllable
from vnplan.text.letters import capitals_share
from vnplan.text.underthesea_files import word_list

_CONFUSED_TONES = {("\u0301", "\u0309"), ("\u0303", "\u0309"), ("\u0309", "\u0301"),
                   ("\u0309", "\u0303"), ("\u0300", "\u0301"), ("\u0301", "\u0300")}
# acute or tilde read for a hook above and back, a grave for an acute and back
MAX_MARKS = 1  # marks changed in one syllable of a two-syllable run (the other is kept)
MAX_MARKS_CAPITALS = 2  # ... in capitals, where OCR reads a stacked "Ổ", "Ầ" as one mark
MIN_PRINTED_RUN = 2  # times a document prints a run of its own for it to be the evidence
COMPOUND_WORDS_FILE = "data/compound_words.txt"
_SYLLABLE = re.compile(r"[^\W\d_]+")


@cache
def compound_words() -> frozenset[str]:
    """Lower-case NFC words of two syllables (the committed data file)."""
    text = resources.files(__package__).joinpath(COMPOUND_WORDS_FILE).read_text("utf-8")
    return frozenset(text.splitlines())


@cache
def _folded_words() -> frozenset[str]:
    """The compound words with their tones placed one way ("văn hoá" and "văn hóa" alike)."""
    return frozenset(_fold(word) for word in compound_words())


def _fold(words: str) -> str:
    return " ".join(fold_syllable(w) for w in words.lower().split(" "))


@cache
def _by_letters() -> dict[str, tuple[str, ...]]:
    """The compound words by their bare letters ("phoi hop" → ("phối hợp",))."""
    index: dict[str, list[str]] = {}
    for word in _folded_words():
        index.setdefault(bare_letters(word), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


def load_word_index() -> None:
    """Build the compound words' index now instead of at the first repair (an OCR reader
    does it while tesseract reads the last pages)."""
    _by_letters()


def _marks(syllable: str) -> tuple[str, list[str]]:
    """(tone mark or "", each letter with its own marks) of a lower-case syllable."""
    tone = ""
    letters: list[str] = []
    for char in unicodedata.normalize("NFD", syllable):
        if char in TONES:
            tone = char
        elif unicodedata.combining(char) and letters:
            letters[-1] += char
        else:
            letters.append(char)
    return tone, letters


def mark_distance(read: str, meant: str) -> int | None:
    """How many marks tell two syllables of the same letters apart (the tone counts one, each
    letter whose own mark differs one); None when their letters differ."""
    (tone_a, letters_a), (tone_b, letters_b) = _marks(read.lower()), _marks(meant.lower())
    if len(letters_a) != len(letters_b):
        return None
    return int(tone_a != tone_b) + sum(a != b for a, b in zip(letters_a, letters_b, strict=True))


def dictionary_compounds(entries: Iterable[str]) -> frozenset[str]:
    """The two-syllable words of a word list (one entry a line), lower-case NFC."""
    words = (unicodedata.normalize("NFC", line.strip().lower()) for line in entries)
    return frozenset(w for w in words if len(w.split(" ")) == 2)


def _adjacent(text: str, first: re.Match[str], second: re.Match[str]) -> bool:
    return text[first.end() : second.start()] == " "


def _match_case(model: str, word: str) -> str:
    if len(model) > 1 and model.isupper():
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def _in_capitals(text: str) -> bool:
    """Are (nearly) all the letters of `text` capitals?"""
    return capitals_share(text) >= 0.8


def _is_name(capitals: bool, a: str, b: str) -> bool:
    """Two capitalised syllables in text that is not all capitals (`capitals`: it is): a name
    ("Minh Đương")."""
    return not capitals and a[:1].isupper() and b[:1].isupper()


def _may_change(read: str, meant: str, cost: int, known: Collection[str] | None,
                opens: bool = False) -> bool:
    """May OCR have read `meant` as `read`, `cost` marks away? In capitals, where the stacked
    marks of "TỔ" read as one, up to two marks; else a hook above read as an acute or a tilde
    or back ("Thế thao"), a grave read as an acute or back ("công bồ"), a tone lost in a word
    not capitalised unless it `opens` the line ("kiêm soát", "Phôi hợp"; "Lào Cai" is a
    name), or — given the Vietnamese syllables `known` — any one mark where `read` is none
    ("Quyét"): a syllable that is one ("đã", "của") was read as printed more often than not."""
    if len(read) > 1 and read.isupper():
        return cost <= MAX_MARKS_CAPITALS
    (tone_a, letters_a), (tone_b, letters_b) = _marks(read.lower()), _marks(meant.lower())
    if letters_a == letters_b and (tone_a, tone_b) in _CONFUSED_TONES:
        return True
    if letters_a == letters_b and not tone_a and (opens or not read[:1].isupper()):
        return True
    return known is not None and cost <= MAX_MARKS and fold_syllable(read.lower()) not in known


def syllable_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each syllable, and each run of two syllables one space apart, occurs in
    `texts` (lower case, tones placed one way): what a document prints."""
    counts: Counter[str] = Counter()
    for text in texts:
        found = list(_SYLLABLE.finditer(text))
        counts.update(fold_syllable(m.group().lower()) for m in found)
        counts.update(_fold(f"{s.group()} {t.group()}") for s, t in itertools.pairwise(found)
                      if _adjacent(text, s, t))
    return counts


def lone_syllable(read: str, known: Collection[str], seen: Mapping[str, int]) -> str | None:
    """The Vietnamese syllable `read` — itself none, and in lower case (a capital may be a
    name no list holds: "Ngòi Nhù") — is with another tone: of the syllables its letters make
    with another tone, the one the same document prints most often (`seen`, from
    `syllable_counts`), or None when the document prints none of them or two as often. OCR
    reads one tone for another ("buối", "buỗi" for "buổi"; "chỗng" for "chống"), and the
    document, printing the word elsewhere, is the evidence of which.

    >>> from vnplan.extract.readers.pdf_glyphs import syllables
    >>> seen = syllable_counts(["buổi làm việc", "phòng, chống ma túy; phòng chống"])
    >>> [lone_syllable(w, syllables(), seen) for w in ("buối", "chỗng", "nghẻ", "Buối")]
    ['buổi', 'chống', None, None]
    """
    lower = fold_syllable(read.lower())
    if len(read) < 2 or read[:1].isupper() or lower in known:
        return None  # one letter: a speck as often as a word
    nfd = unicodedata.normalize("NFD", lower)
    bare = "".join(c for c in nfd if c not in TONES)
    at = next((i for i, c in enumerate(nfd) if c in TONES), len(bare))
    found: dict[str, int] = {}
    for tone in ("", *sorted(TONES)):
        word = fold_syllable(unicodedata.normalize("NFC", bare[:at] + tone + bare[at:]))
        if word != lower and word in known and seen.get(word, 0) > 0:
            found[word] = seen[word]
    ranked = sorted(found.items(), key=lambda item: -item[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def repair_lone_syllables(text: str, known: Collection[str],
                          seen: Mapping[str, int]) -> tuple[str, list[Warning]]:
    """`text` with each syllable that is none given the tone the document prints it with
    (`lone_syllable`), and one warning per repair."""
    warnings: list[Warning] = []
    edits: list[tuple[int, int, str]] = []
    for match in _SYLLABLE.finditer(text):
        if (new := lone_syllable(match.group(), known, seen)) is not None:
            edits.append((match.start(), match.end(), new))
            warnings.append(Warning(code="ocr_repaired", message=f"{match.group()} → {new}"))
    for start, end, new in reversed(edits):
        text = text[:start] + new + text[end:]
    return text, warnings


class Change(NamedTuple):
    """A run "x y" that "a b" may have been read for: one syllable kept, the other (`read`,
    the `first` or not) `cost` marks from the `meant` one."""

    x: str
    y: str
    read: str
    meant: str
    cost: int
    first: bool


def _one_changed(a: str, b: str, runs: Iterable[str]) -> Iterator[Change]:
    """The runs of the same letters as "a b" that keep one of its syllables and change the
    other."""
    for run in runs:
        x, y = run.split(" ")
        da, db = mark_distance(a, x), mark_distance(b, y)
        if da is None or db is None or bool(da) == bool(db):
            continue
        yield Change(x, y, a, x, da, True) if da else Change(x, y, b, y, db, False)


def nearest_word(a: str, b: str, known: Collection[str] | None = None,
                 opens: bool = False,
                 printed: Mapping[str, int] | None = None) -> tuple[str, str, int] | None:
    """The one two-syllable word nearest to "a b" by marks (see the module), with how many
    marks it changes, or None (`known`, `opens` — "a" begins the line: see `_may_change`).
    A word the same document prints elsewhere (`printed`: `syllable_counts`) may be any two
    marks away ("thị hành" where the document prints "thi hành", "Thẻ thao" beside "Thể
    thao", "thắm quyền" beside "thẩm quyền"): the document is the evidence — unless it prints
    the syllable as read more often than the one it would become ("tại khoản" beside "tài
    khoản", "triệu đồng" beside a misread "triệu đông": "tại", "đồng" are its words)."""
    best: list[tuple[str, str]] = []
    least = 0
    for x, y, read, meant, cost, first in _one_changed(
            a, b, _by_letters().get(bare_letters(f"{a} {b}"), ())):
        seen = printed is not None and cost <= MAX_MARKS_CAPITALS and (
            printed.get(f"{x} {y}", 0) > 0) and (
            printed.get(_fold(read), 0) <= printed.get(_fold(meant), 0))
        if not (seen or _may_change(read, meant, cost, known, opens and first)):
            continue
        if not best or cost < least:
            best, least = [(x, y)], cost
        elif cost == least:
            best.append((x, y))
    return (*best[0], least) if len(best) == 1 else None


def printed_runs(printed: Mapping[str, int]) -> dict[str, tuple[str, ...]]:
    """The two-syllable runs a document prints at least twice, by their bare letters: the
    words of its own no list holds ("đổi tên", "chống ma", "cấp tỉnh")."""
    index: dict[str, list[str]] = {}
    for run, count in printed.items():
        if count >= MIN_PRINTED_RUN and " " in run:
            index.setdefault(bare_letters(run), []).append(run)
    return {key: tuple(runs) for key, runs in index.items()}


def printed_reading(a: str, b: str, printed: Mapping[str, int],
                    runs: Mapping[str, tuple[str, ...]], bound: tuple[bool, bool],
                    opens: bool = False) -> tuple[str, str, int] | None:
    """The run the document prints most often that "a b", printed no more than once, was read
    for: the same letters, one syllable kept and the other changed by the marks OCR confuses
    (`_may_change` without a syllable list: "đối tên" beside "đổi tên", "chồng ma" beside
    "chống ma", "đên" beside "đến") — unless the document prints the syllable as read as
    often as the one it would become, or that syllable forms a word with its other neighbour
    (`bound`: a, b)."""
    if printed.get(_fold(f"{a} {b}"), 0) > 1:
        return None
    best: list[tuple[int, str, str, int]] = []
    for x, y, read, meant, cost, first in _one_changed(
            a, b, runs.get(bare_letters(f"{a} {b}"), ())):
        if (bound[0] if first else bound[1]) or not _may_change(
                read, meant, cost, None, opens and first):
            continue
        if printed.get(fold_syllable(read.lower()), 0) >= printed.get(meant, 0):
            continue
        best.append((printed[f"{x} {y}"], x, y, cost))
    best.sort(reverse=True)
    if not best or (len(best) > 1 and best[0][0] == best[1][0]):
        return None
    _, x, y, cost = best[0]
    return x, y, cost


def repair_tone_confusions(
    text: str, known: Collection[str] | None = None,
    printed: Mapping[str, int] | None = None,
    runs: Mapping[str, tuple[str, ...]] | None = None,
) -> tuple[str, list[Warning]]:
    """`text` with dictionary-evidenced diacritic repairs, and one warning per repair. The
    repairs that change fewest marks go first; a syllable is repaired once. With the
    Vietnamese syllables `known`, a syllable that is none may be repaired by any one mark;
    with what the document prints (`printed`), to a word it prints by up to two (`runs`:
    `printed_runs(printed)`, made once for a document's many texts)."""
    words = _folded_words()
    syllables = list(_SYLLABLE.finditer(text))
    pairs = [_adjacent(text, s, t) for s, t in itertools.pairwise(syllables)]
    worded = [joined and _fold(f"{s.group()} {t.group()}") in words
              for joined, (s, t) in zip(pairs, itertools.pairwise(syllables), strict=True)]
    if runs is None:
        runs = printed_runs(printed) if printed is not None else {}
    found: list[tuple[int, int, str, str]] = []
    capitals = _in_capitals(text)
    for i, joined in enumerate(pairs):
        a, b = syllables[i].group(), syllables[i + 1].group()
        neighbours = (i > 0 and worded[i - 1], i + 1 < len(worded) and worded[i + 1])
        if not joined or worded[i] or _is_name(capitals, a, b):
            continue
        opens = not text[: syllables[i].start()].strip(" -–•*.:;,(\"“")
        reading = None if any(neighbours) else nearest_word(a, b, known, opens, printed)
        if reading is None and printed is not None:
            reading = printed_reading(a, b, printed, runs, neighbours, opens)
        if reading is not None:
            x, y, cost = reading
            found.append((cost, i, x, y))
    edits: list[tuple[int, int, str]] = []
    warnings: list[Warning] = []
    taken: set[int] = set()
    for _, i, x, y in sorted(found):
        if {i, i + 1} & taken:
            continue
        taken |= {i, i + 1}
        first, second = syllables[i], syllables[i + 1]
        match, new = (first, x) if mark_distance(first.group(), x) else (second, y)
        new = _match_case(match.group(), new)
        edits.append((match.start(), match.end(), new))
        fixed = f"{new} {second.group()}" if match is first else f"{first.group()} {new}"
        warnings.append(Warning(code="ocr_repaired",
                                message=f"{first.group()} {second.group()} → {fixed}"))
    for start, end, new in sorted(edits, reverse=True):
        text = text[:start] + new + text[end:]
    return text, warnings


def place_compounds(provinces: dict[str, Any]) -> frozenset[str]:
    """The two-syllable province names (before and after 2025) of the province reference, lower
    case NFC: names a word list lacks ("lâm đồng") that every header prints."""
    names = [p["name"] for p in (*provinces["provinces"], *provinces["units_2025"])]
    return dictionary_compounds(names)


if __name__ == "__main__":  # rebuild data/compound_words.txt: the word list and province names
    provinces = Path(__file__).resolve().parents[2] / "normalize" / "data" / "provinces.json"
    source = word_list()
    if source is None:
        sys.exit("underthesea's word list is needed to rebuild the compound words")
    found = dictionary_compounds(source.read_text("utf-8").splitlines())
    found |= place_compounds(json.loads(provinces.read_text("utf-8")))
    target = Path(__file__).with_name("data") / "compound_words.txt"
    target.write_text("\n".join(sorted(found)) + "\n", "utf-8")
    print(f"{len(found)} two-syllable words → {target}")
