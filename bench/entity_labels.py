"""Scoring the entities of records against the corpus labels (tests/data/corpus/, "entities").

A labelled body and a predicted one are the same when their comparison keys agree: the name
folded (case, tone placement, punctuation), the abbreviations every document uses expanded
(UBND, HĐND, MTTQ, TP), and a trailing "tỉnh …" / province name dropped, since a label writes
"Sở Tư pháp" where the record names "Sở Tư pháp tỉnh Lâm Đồng"; failing that, when the keys are
near-identical (rapidfuzz ratio ≥ 92). A predicted mention is tried under its canonical name, as
written, and under the gazetteer's other spellings of the body it was resolved to. Three entity
types are scored as sets per document, micro-averaged:

* agencies — every labelled body against every predicted mention that is not a group;
* named local bodies — the labelled bodies of a district, town, city, commune or ward (those
  named for their place) against the predicted mentions of those levels;
* partners — foreign countries, provinces, cities and organisations, by name;

and, among predicted agencies, fragments (a mention that matches no label and whose name is a
strict word-prefix of a labelled or another predicted body of the same document: "Ban Quản lý"
beside "Ban Quản lý các khu công nghiệp") and persons (a mention that holds a position word or
ends in a personal name: "Bộ Y tế Đỗ Xuân Tuyên").
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from vnplan.normalize import default_gazetteer
from vnplan.schema import Document
from vnplan.scores import Counts
from vnplan.text.fold import fold_heading

ROOT = Path(__file__).resolve().parents[1]
LOCAL_LEVELS = frozenset({"district", "town", "city", "commune", "ward"})
SIMILAR = 92.0
_EXPAND = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "tp": "thành phố",
    "mttqvn": "mặt trận tổ quốc việt nam", "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "ubmttqvn": "ủy ban mặt trận tổ quốc việt nam", "ttđt": "thông tin điện tử", "vp": "văn phòng",
    "bch": "bộ chỉ huy", "ca": "công an", "pt-th": "phát thanh truyền hình",
}
_SCOPE = re.compile(r"(?: (?:của )?(?:tỉnh|thành phố))$")
_POSITIONS = (
    "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "bộ trưởng", "thứ trưởng",
    "bí thư", "phó bí thư", "trưởng ban", "phó trưởng ban", "chánh văn phòng", "đồng chí",
    "phó thủ tướng", "chánh thanh tra", "ông", "bà",
)
# Frequent Vietnamese family names that are not also the first word of a place name.
_SURNAMES = frozenset({
    "nguyễn", "trần", "lê", "phạm", "huỳnh", "vũ", "võ", "đặng", "bùi", "đỗ", "ngô", "đinh",
    "trịnh",
})
_PLACE_WORDS = frozenset({"xã", "phường", "huyện", "tỉnh", "phố", "trấn", "đường", "quận"})


@cache
def _province_names() -> tuple[str, ...]:
    data = json.loads((ROOT / "normalize" / "data" / "provinces.json").read_text("utf-8"))
    names = {p["name"] for p in data["provinces"]} | {p["name_2025"] for p in data["provinces"]}
    return tuple(sorted((fold_heading(n) for n in names), key=len, reverse=True))


def body_key(name: str) -> str:
    """The comparison key of a body's name (see the module doc)."""
    text = fold_heading(name.replace("&", " và "))
    text = re.sub(r"[^\w/\-]+", " ", text)
    words = [_EXPAND.get(w, w) for w in text.split()]
    text = " ".join(words).strip(" -/")
    for province in _province_names():
        if text.endswith(" " + province) and len(text) > len(province) + 1:
            text = text[: -len(province) - 1]
            break
    return _SCOPE.sub("", text).strip()


def _same(a: str, b: str) -> bool:
    return a == b or (len(a) > 6 and fuzz.ratio(a, b) >= SIMILAR)


@dataclass
class EntityScore(Counts):
    """Counts with the names behind the false positives (`wrong`) and negatives (`missed`)."""

    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        super().add(other)
        if isinstance(other, EntityScore):
            self.wrong += other.wrong
            self.missed += other.missed


@dataclass(frozen=True)
class Predicted:
    shown: str
    keys: tuple[str, ...]


def match_sets(predicted: list[Predicted], expected: list[str], where: str) -> EntityScore:
    """Greedy one-to-one matching of predicted items to labelled names."""
    wanted = {body_key(name): name for name in expected}
    left = dict(wanted)
    unmatched: list[Predicted] = []
    for item in predicted:
        hit = next((k for k in left if any(k == pk for pk in item.keys)), None)
        if hit is None:
            hit = next((k for k in left if any(_same(k, pk) for pk in item.keys)), None)
        if hit is None:
            if any(k in wanted for k in item.keys):
                continue  # a second spelling of a body already matched
            unmatched.append(item)
        else:
            del left[hit]
    return EntityScore(
        tp=len(wanted) - len(left),
        fp=len(unmatched),
        fn=len(left),
        wrong=[f"{where}  {u.shown}" for u in unmatched],
        missed=[f"{where}  {name}" for name in left.values()],
    )


def _spellings(agency_id: str | None, level: str | None) -> tuple[str, ...]:
    """The gazetteer's other spellings of a predicted body ("Tỉnh đoàn Thanh niên" for
    Tỉnh đoàn): one of them is the same body however the label writes it. None for a body
    named for a place, whose spellings name no place."""
    if agency_id is None or level in LOCAL_LEVELS:
        return ()
    entry = default_gazetteer().agencies.get(agency_id)
    return (entry.name, *entry.variants, *entry.abbreviations) if entry is not None else ()


def _agencies(doc: Document, levels: Iterable[str] | None) -> list[Predicted]:
    chosen = set(levels) if levels is not None else None
    out = []
    for m in doc.entities.agencies:
        if m.level == "group":
            continue
        if chosen is not None and (m.level not in chosen or not getattr(m, "place", None)):
            continue
        names = [n for n in (m.name, m.raw, *_spellings(m.id, m.level)) if n]
        out.append(Predicted(m.name or f"?{m.raw}", tuple(dict.fromkeys(map(body_key, names)))))
    return out


def is_person(raw: str) -> bool:
    """A position ("Chủ tịch UBND tỉnh") or a personal name at the end ("Bộ Y tế Đỗ Xuân
    Tuyên"), never a place named after a person ("xã Đinh Văn Lâm Hà")."""
    folded = fold_heading(raw)
    if any(folded.startswith(p + " ") for p in _POSITIONS):
        return True
    words = raw.split()
    for i, word in enumerate(words):
        tail = words[i:]
        if (fold_heading(word) in _SURNAMES and 2 <= len(tail) <= 4
                and all(w[:1].isupper() for w in tail)
                and (i == 0 or fold_heading(words[i - 1]) not in _PLACE_WORDS)):
            return True
    return False


def fragments(doc: Document, expected: list[str]) -> list[str]:
    """Predicted agencies that match no label and whose name is a strict word-prefix of a
    longer labelled or predicted body ("Ban Quản lý" beside "Ban Quản lý các khu công
    nghiệp"). A mention is tried under the same keys as in scoring (its canonical name, as
    written, the gazetteer's spellings of its body)."""
    keys = [body_key(n) for n in expected]
    label_keys = set(keys)
    mentions = [m for m in doc.entities.agencies if m.level != "group"]
    predicted = _agencies(doc, None)
    names = [body_key(m.name or m.raw) for m in mentions]
    longer = keys + names
    out = []
    for m, item, k in zip(mentions, predicted, names, strict=True):
        if not k or any(pk in label_keys or any(_same(pk, lk) for lk in label_keys)
                        for pk in item.keys):
            continue
        if any(other != k and other.startswith(k + " ") for other in longer):
            out.append(m.raw)
    return out


def score_document(name: str, doc: Document | None, label: dict[str, Any]) -> dict[str, Any]:
    want = label["entities"]
    agencies = [a["name"] for a in want.get("agencies", [])]
    local = [a["name"] for a in want.get("agencies", []) if a.get("level") in LOCAL_LEVELS]
    partners = [p["name"] for p in want.get("partners", [])]
    groups = list(want.get("groups", []))
    if doc is None:
        empty: list[Predicted] = []
        return {
            "agencies": match_sets(empty, agencies, name),
            "named local bodies": match_sets(empty, local, name),
            "partners": match_sets(empty, partners, name),
            "groups": match_sets(empty, groups, name),
            "fragments": [], "persons": [],
        }
    predicted_partners = [
        Predicted(p.name or p.raw, tuple({body_key(p.name or p.raw), body_key(p.raw)}))
        for p in doc.entities.partners
    ]
    predicted_groups = [
        Predicted(m.name or m.raw, tuple({body_key(m.raw), body_key(m.name or m.raw)}))
        for m in doc.entities.agencies if m.level == "group"
    ]
    return {
        "agencies": match_sets(_agencies(doc, None), agencies, name),
        "named local bodies": match_sets(_agencies(doc, LOCAL_LEVELS), local, name),
        "partners": match_sets(predicted_partners, partners, name),
        "groups": match_sets(predicted_groups, groups, name),
        "fragments": [f"{name}  {r}" for r in fragments(doc, agencies)],
        "persons": [f"{name}  {m.raw}" for m in doc.entities.agencies
                    if m.level != "group" and is_person(m.raw)],
    }
