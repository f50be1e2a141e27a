"""Document numbers ("Số: 122 /KH-UBND") and the document types they name."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

DOC_NUMBER = re.compile(
    r"(?P<num>\d{1,5})\s*/\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?"
    r"(?P<code>[A-ZĐa-zđ]{1,5}(?:\s*-\s*[A-ZĐ0-9][A-ZĐa-zđ0-9]{0,9}){0,3})"
)
PARTY_NUMBER = re.compile(
    r"(?P<num>\d{1,5})\s*-\s*(?P<code>[A-ZĐ]{1,4})\s*/\s*(?P<org>[A-ZĐ]{1,6})\b"
)
SO_LINE = re.compile(r"^\s*Số\s*(?:hiệu)?\s*[:.]?\s*(?=\d)", re.IGNORECASE)


@cache
def _doc_type_data() -> dict[str, object]:
    text = resources.files("vnplan.extract").joinpath("data/doc_types.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def doc_type_names() -> dict[str, str]:
    """Type abbreviation → type name ("KH" → "Kế hoạch")."""
    types = _doc_type_data()["types"]
    assert isinstance(types, dict)
    return {str(k): str(v) for k, v in types.items()}


def title_words() -> list[str]:
    """Type names as they open a title block, longest first."""
    words = _doc_type_data()["title_words"]
    assert isinstance(words, list)
    return sorted((str(w) for w in words), key=len, reverse=True)


def normalize_doc_number(text: str) -> str | None:
    """The first document number in `text`, spaces removed: "122 /KH-UBND" → "122/KH-UBND"."""
    match = DOC_NUMBER.search(text)
    party = PARTY_NUMBER.search(text)
    if party and (not match or party.start() <= match.start()):
        return f"{party['num']}-{party['code']}/{party['org']}"
    if not match:
        return None
    code = re.sub(r"\s+", "", match["code"])
    year = f"{match['year']}/" if match["year"] else ""
    return f"{match['num']}/{year}{code}"


def doc_type_of_number(number: str) -> str | None:
    """The document type a number's code names: "227/KH-UBND" → "Kế hoạch"."""
    party = PARTY_NUMBER.fullmatch(number)
    code = party["code"] if party else number.split("/")[-1].split("-")[0]
    names = doc_type_names()
    return names.get(code) or names.get(code.upper())


def parse_so_line(text: str) -> str | None:
    """The number on a "Số: …" line, or None when the line is not one."""
    if not SO_LINE.match(text):
        return None
    return normalize_doc_number(text)
