"""The records of an output folder, one per document, aligned to the strategy's pillars.

A folder made by `vnplan convert` holds one record per input, so a plan converted from its
.txt, .pdf, .docx and a scan appears up to four times under one `id`, and a news article saved
as .txt and .html twice under two ids (a news id hashes the input's bytes). The outputs keep
one record per document: plans are the same document when their ids are; news articles when
their province, publication date and title are. Of the copies, the best read is kept (not OCR,
fewest warnings, then format and path order).
Records written before the align step existed are aligned here; the result is the same.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from vnplan.align import align_document, is_aligned
from vnplan.formats import RECORD_FORMAT_ORDER
from vnplan.schema import Document


@dataclass(frozen=True)
class Loaded:
    """A folder's documents (one per id, sorted) and the files that were not records."""

    documents: tuple[Document, ...]
    copies: dict[str, int]
    skipped: tuple[str, ...]


class NoRecords(Exception):
    """The folder holds no vnplan record."""


def read_records(folder: Path) -> tuple[list[Document], list[str]]:
    """Every record in `folder` (*.json, recursively), and the JSON files that are not one."""
    documents: list[Document] = []
    skipped: list[str] = []
    for path in sorted(folder.rglob("*.json")):
        try:
            data = json.loads(path.read_text("utf-8"))
            if not isinstance(data, dict) or "schema_version" not in data:
                raise ValueError("not a vnplan record")
            documents.append(Document.model_validate(data))
        except (ValueError, ValidationError, UnicodeDecodeError):
            skipped.append(str(path))
    return documents, skipped


def _preference(doc: Document) -> tuple[bool, int, int, str]:
    fmt = RECORD_FORMAT_ORDER.index(doc.source.format)
    return (doc.source.ocr, len(doc.warnings), fmt, doc.source.uri)


def sort_key(doc: Document) -> tuple[int, str, str, str]:
    """Plans before news; then province (accents ignored), date and id."""
    province = doc.province.name if doc.province else ""
    date = doc.issued_date or (doc.article.published if doc.article else None)
    return (
        0 if doc.kind == "plan" else 1,
        plain(province),
        date.isoformat() if date else "",
        doc.id,
    )


def plain(text: str) -> str:
    """`text` without accents, lowercased: a sort key by letters ("Đà Nẵng" → "da nang")."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn"
    )
    return stripped.lower()


def document_key(doc: Document) -> str:
    """What makes two records copies of one document (see the module's docstring)."""
    if doc.kind == "news" and doc.title:
        province = doc.province.name if doc.province else ""
        published = doc.article.published if doc.article else None
        title = " ".join(plain(doc.title).split())
        return f"news|{plain(province)}|{published or ''}|{title}"
    return doc.id


def one_per_id(documents: Iterable[Document]) -> tuple[list[Document], dict[str, int]]:
    """The preferred copy of each document, sorted; and how many copies each kept id had."""
    groups: dict[str, list[Document]] = {}
    for doc in documents:
        groups.setdefault(document_key(doc), []).append(doc)
    best = [(min(copies, key=_preference), len(copies)) for copies in groups.values()]
    counts = {doc.id: n for doc, n in best}
    return sorted((doc for doc, _ in best), key=sort_key), dict(sorted(counts.items()))


def prepare(documents: Iterable[Document]) -> tuple[list[Document], dict[str, int]]:
    """One aligned record per id, in output order."""
    chosen, copies = one_per_id(documents)
    return [doc if is_aligned(doc) else align_document(doc) for doc in chosen], copies


def load_folder(folder: Path) -> Loaded:
    """The documents of an output folder, ready for the comparison and the exports."""
    documents, skipped = read_records(folder)
    if not documents:
        raise NoRecords(f"{folder}: no vnplan records (*.json) found")
    chosen, copies = prepare(documents)
    return Loaded(documents=tuple(chosen), copies=copies, skipped=tuple(skipped))
