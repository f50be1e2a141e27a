"""The records of an output folder, one per document, read as they are.

A folder made by `vnplan convert` holds one record per input, so a plan converted from its
.txt, .pdf, .docx and a scan appears up to four times under one `id`, and a news article saved
as .txt and .html twice under two ids (a news id hashes the input's bytes). The outputs keep
one record per document: records are the same document when their ids are; news articles also
when their province, publication date and title are. Of the copies, the best read is kept (not
OCR, fewest warnings, then format and path order).

The outputs never re-run a stage: what they show is what the records say.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from vnplan.formats import RECORD_FORMAT_ORDER
from vnplan.schema import Document

PLAN, NEWS, DOCUMENT = "plan", "news", "document"


@dataclass(frozen=True)
class Skipped:
    """A JSON file in the folder that is not a record, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Loaded:
    """A folder's documents (one per document, in output order) and what was not a record."""

    documents: tuple[Document, ...]
    copies: dict[str, int]
    skipped: tuple[Skipped, ...]


class NoRecords(Exception):
    """The folder holds no vnplan record."""


def group_of(doc: Document) -> str:
    """Where a record is listed: "plan", "news", or "document" for every other kind
    (decisions, letters, reports … and any kind a newer schema adds)."""
    return doc.kind if doc.kind in (PLAN, NEWS) else DOCUMENT


def _why(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


def _read(path: Path) -> Document | Skipped:
    if not path.is_file():  # a FIFO or a device would block or never end
        return Skipped(str(path), "not a regular file")
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Skipped(str(path), f"not readable as JSON ({type(exc).__name__})")
    if not isinstance(data, dict) or "schema_version" not in data:
        return Skipped(str(path), "not a vnplan record")
    try:
        return Document.model_validate(data)
    except ValidationError as exc:
        return Skipped(str(path), f"not a valid record ({_why(exc)})")


def read_records(folder: Path) -> tuple[list[Document], list[Skipped]]:
    """Every record in `folder` (*.json, recursively, outside hidden folders such as the fetch
    cache), and the JSON files that are not one."""
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path in sorted(folder.rglob("*.json")):
        if any(part.startswith(".") for part in path.relative_to(folder).parts[:-1]):
            continue
        item = _read(path)
        if isinstance(item, Skipped):
            skipped.append(item)
        else:
            documents.append(item)
    return documents, skipped


def _preference(doc: Document) -> tuple[bool, int, int, str]:
    fmt = RECORD_FORMAT_ORDER.index(doc.source.format)
    return (doc.source.ocr, len(doc.warnings), fmt, doc.source.uri)


def sort_key(doc: Document) -> tuple[int, str, str, str]:
    """Plans, then other documents, then news; then province (accents ignored), date, id."""
    province = doc.province.name if doc.province else ""
    date = doc.issued_date or (doc.article.published if doc.article else None)
    rank = (PLAN, DOCUMENT, NEWS).index(group_of(doc))
    return (rank, plain(province), date.isoformat() if date else "", doc.id)


def plain(text: str) -> str:
    """`text` without accents, lowercased: a sort key by letters ("Đà Nẵng" → "da nang")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return stripped.lower()


def document_key(doc: Document) -> str:
    """What makes two records copies of one document (see the module's docstring)."""
    if doc.kind == NEWS and doc.title:
        province = doc.province.name if doc.province else ""
        published = doc.article.published if doc.article else None
        title = " ".join(plain(doc.title).split())
        return f"news|{plain(province)}|{published or ''}|{title}"
    return doc.id


def one_per_document(documents: Iterable[Document]) -> tuple[list[Document], dict[str, int]]:
    """The preferred copy of each document, in output order; and how many copies each had."""
    groups: dict[str, list[Document]] = {}
    for doc in documents:
        groups.setdefault(document_key(doc), []).append(doc)
    best = [(min(copies, key=_preference), len(copies)) for copies in groups.values()]
    counts = {doc.id: n for doc, n in best}
    return sorted((doc for doc, _ in best), key=sort_key), dict(sorted(counts.items()))


def load_folder(folder: Path) -> Loaded:
    """The documents of an output folder, one per document, ready for the outputs."""
    documents, skipped = read_records(folder)
    if not documents:
        raise NoRecords(f"{folder}: no vnplan records (*.json) found")
    chosen, copies = one_per_document(documents)
    return Loaded(documents=tuple(chosen), copies=copies, skipped=tuple(skipped))
