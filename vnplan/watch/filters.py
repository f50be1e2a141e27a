"""Which entries a pass keeps: by date, document type and words in the title.

An entry is judged on what its source says of it (a feed item's title and date, a listing row's
link text and date, a sitemap's lastmod). What the source does not say is judged on the record
once converted: its `doc_type`, `title` and `issued_date` (an article's `published`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from vnplan.extract.doc_types import split_type_line, type_of_symbol
from vnplan.schema import Document
from vnplan.text.fold import fold_heading

_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\b\d+(?:/\d{4})?/[A-ZĐ][A-ZĐa-zđ0-9.-]*(?:/[\w-]+)?")


@dataclass(frozen=True)
class Filters:
    """`since`: issued (or published, or last modified) on that day or later; `types`: one of
    these document types ("Kế hoạch"); `words`: one of these phrases in the title. Each is
    compared folded (case, and the tone-mark placement of "hoá"/"hóa", ignored)."""

    since: dt.date | None = None
    types: tuple[str, ...] = ()
    words: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.since is not None or bool(self.types) or bool(self.words)

    def joined(self, other: Filters) -> Filters:
        """Both sets of filters at once (a source's own and the command line's)."""
        since = max((d for d in (self.since, other.since) if d is not None), default=None)
        return Filters(since, self.types + other.types, self.words + other.words)

    def entry_verdict(self, title: str | None, date: dt.date | None) -> bool | None:
        """False when what the source says fails a filter, True when it passes them all,
        None when the record must tell (no title, no date, a title that names no type)."""
        verdicts = [
            _since(self.since, date),
            _one_of(self.types, title_type(title) if title else None),
            _contains(self.words, title),
        ]
        if False in verdicts:
            return False
        return None if None in verdicts else True

    def record_passes(self, doc: Document) -> bool:
        """Whether a converted record passes; a record that lacks a date keeps its place."""
        date = doc.issued_date or (doc.article.published if doc.article else None)
        verdicts = [
            _since(self.since, date) is not False,
            _one_of(self.types, doc.doc_type) is True,
            _contains(self.words, doc.title) is True,
        ]
        return all(verdicts)


def title_type(title: str) -> str | None:
    """The document type an entry's title names: by its first words ("Kế hoạch số 12/…") or
    the symbol of the number it cites ("Số 12/KH-UBND …").

    >>> title_type("Kế hoạch thực hiện Chiến lược ngoại giao văn hóa"), title_type("V/v 5/QĐ-UBND")
    ('Kế hoạch', 'Quyết định')
    """
    opened = split_type_line(title)
    if opened is not None:
        return opened[0]
    number = _NUMBER.search(title)
    return type_of_symbol(number[0]) if number else None


def cites_number(title: str) -> bool:
    """Whether a title cites a document number ("số 45/UBND-VX", "12/KH-UBND")."""
    return _NUMBER.search(title) is not None


def _since(since: dt.date | None, date: dt.date | None) -> bool | None:
    if since is None:
        return True
    return None if date is None else date >= since


def _one_of(types: tuple[str, ...], found: str | None) -> bool | None:
    if not types:
        return True
    if found is None:
        return None
    return fold_heading(found) in {fold_heading(t) for t in types}


def _contains(words: tuple[str, ...], title: str | None) -> bool | None:
    if not words:
        return True
    if title is None:
        return None
    said = f" {' '.join(_words(title))} "
    return any(f" {' '.join(_words(phrase))} " in said for phrase in words)


def _words(text: str) -> list[str]:
    """The folded words of a text, punctuation left out."""
    return _WORD.findall(fold_heading(text))
