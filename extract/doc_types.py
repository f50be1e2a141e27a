"""Document types as Nghị định 30/2020 and Luật Ban hành VBQPPL name them: the type line of
a document ("QUYẾT ĐỊNH", "HƯỚNG DẪN LIÊN NGÀNH"), and the type its number's symbol names
("227/KH-UBND" → Kế hoạch). The list is data (``data/doc_types.json``)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from vnplan.text.fold import bare_letters, fold_heading


@dataclass(frozen=True)
class DocType:
    name: str
    abbreviations: tuple[str, ...]
    normative: bool
    plan: bool  # a plan when it assigns tasks (Kế hoạch, Chương trình, Phương án, Đề án)


@dataclass(frozen=True)
class _Table:
    types: tuple[DocType, ...]
    by_name: dict[str, DocType]
    line_forms: tuple[tuple[str, str], ...]  # (folded form, type name), longest first
    by_abbreviation: dict[str, str]
    cited_as: dict[str, str]


@cache
def _table() -> _Table:
    text = resources.files("vnplan.extract").joinpath("data/doc_types.json").read_text("utf-8")
    data = json.loads(text)
    types = tuple(
        DocType(t["name"], tuple(t["abbr"]), t["normative"], bool(t.get("plan")))
        for t in data["types"]
    )
    forms = {fold_heading(t.name): t.name for t in types}
    forms.update({fold_heading(k): v for k, v in data["type_line_variants"].items()})
    abbreviations = {a.upper(): t.name for t in types for a in t.abbreviations}
    return _Table(
        types=types,
        by_name={t.name: t for t in types},
        line_forms=tuple(sorted(forms.items(), key=lambda kv: -len(kv[0]))),
        by_abbreviation=abbreviations,
        cited_as={fold_heading(k): v for k, v in data["cited_as"].items()},
    )


def doc_type(name: str) -> DocType | None:
    return _table().by_name.get(name)


def type_names() -> tuple[str, ...]:
    """Every type name, longest first (for grammars that must try "Thông tư liên tịch" before
    "Thông tư")."""
    names = [t.name for t in _table().types] + list(_table().cited_as)
    return tuple(sorted({n[:1].upper() + n[1:] for n in names}, key=len, reverse=True))


def cited_type(word: str) -> str:
    """The type a citation names: "Văn bản" (a letter) → "Công văn"; others as they are."""
    return _table().cited_as.get(fold_heading(word), word[:1].upper() + word[1:].lower())


def split_type_line(text: str) -> tuple[str, str] | None:
    """(type name, the rest) when `text` opens with a type's name: "QUYẾT ĐỊNH" → ("Quyết
    định", ""), "KẾ HOẠCH Cải cách hành chính" → ("Kế hoạch", "Cải cách hành chính"),
    "THÔNG BÁO KẾT LUẬN" → ("Thông báo", ""). A line in capitals whose marks OCR lost or
    misread ("QUYÉT ĐỊNH") is known by its bare letters, where they name one type only."""
    folded = fold_heading(text)
    for form, name in _table().line_forms:
        if folded == form or folded.startswith(form + " "):
            return name, " ".join(text.split()[len(form.split()) :]).strip()
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return None
    bare = _bare(text)
    for form, name in _bare_forms():
        if bare == form or bare.startswith(form + " "):
            return name, " ".join(text.split()[len(form.split()) :]).strip()
    return None


def _bare(text: str) -> str:
    """Letters without any mark: "QUYÉT ĐỊNH" → "quyet dinh"."""
    return " ".join(bare_letters(text).split())


@cache
def _bare_forms() -> tuple[tuple[str, str], ...]:
    """(bare form, type name) for the type lines whose bare letters no other type shares."""
    names: dict[str, set[str]] = {}
    for form, name in _table().line_forms:
        names.setdefault(_bare(form), set()).add(name)
    unique = [(form, next(iter(found))) for form, found in names.items() if len(found) == 1]
    return tuple(sorted(unique, key=lambda kv: -len(kv[0])))


def type_of_symbol(number: str) -> str | None:
    """The type a number's symbol names: "227/KH-UBND" → "Kế hoạch", "24/2026/NQ-CP" →
    "Nghị quyết", "36-HD/VPTW" → "Hướng dẫn", "140/2025/QH15" → "Luật"."""
    table = _table().by_abbreviation
    party = re.fullmatch(r"\d+[\w.]*-(?P<code>[A-ZĐa-zđ]+)/[\w-]+", number)
    if party:
        return table.get(party["code"].upper())
    symbol = number.rsplit("/", 1)[-1]
    code = symbol.split("-")[0]
    if re.fullmatch(r"QH\d{1,2}", code):
        return "Luật"
    return table.get(code.upper())
