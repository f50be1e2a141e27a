"""What a pass is asked to do (`WatchOptions`) and what it did (`PassResult`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from vnplan.batch import BatchResult
from vnplan.pipeline import ConvertOptions
from vnplan.web import WebOptions

from . import MAX_PAGES
from .filters import Filters


@dataclass(frozen=True)
class WatchOptions:
    """How a pass fetches (`web`), converts, filters, how deep it reads a source, and the
    export database it appends to."""

    web: WebOptions
    convert: ConvertOptions = field(default_factory=ConvertOptions)
    filters: Filters = field(default_factory=Filters)
    max_pages: int = MAX_PAGES
    sqlite: Path | None = None


Ending = Literal["new", "changed", "unchanged", "filtered", "failed"]
ENDINGS: tuple[Ending, ...] = get_args(Ending)  # in the order a pass's table shows them


@dataclass
class SourceReport:
    """A source's pass: the entries it listed, and how many of its records (an entry's page
    and each attachment) ended each way."""

    name: str
    url: str
    entries: int = 0
    counts: Counter[Ending] = field(default_factory=Counter)
    error: str | None = None


@dataclass
class PassResult(BatchResult):
    sources: list[SourceReport] = field(default_factory=list)
    listed: int = 0  # lines of OUT/new.jsonl
    exported: int = 0  # documents appended to the export database
    stopped: bool = False  # a stop was asked for before every entry was seen
