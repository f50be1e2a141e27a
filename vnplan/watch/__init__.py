"""`vnplan watch`: follow feeds, sitemaps and listing pages, and convert only what is new.

sources (what to follow) → walk and discover (a source's pages → entries) → run (one pass:
conditional requests, the job runner, OUT) with state (OUT/watch.db) → publish (versions,
new.jsonl, the export database).
"""

from __future__ import annotations

from .filters import Filters
from .passes import PassResult, SourceReport, WatchOptions
from .run import run_pass
from .sources import Selectors, Source, SourceError, sources_from_arguments, sources_from_file
from .stop import StopRequests

__all__ = [
    "Filters",
    "PassResult",
    "Selectors",
    "Source",
    "SourceError",
    "SourceReport",
    "StopRequests",
    "WatchOptions",
    "run_pass",
    "sources_from_arguments",
    "sources_from_file",
]
