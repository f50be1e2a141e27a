"""`vnplan watch`: follow feeds, sitemaps and listing pages, and convert only what is new.

sources (what to follow) → walk and discover (a source's pages → entries) → run (one pass:
conditional requests, the job runner, OUT) with state (OUT/watch.db) → publish (versions,
new.jsonl, the export database).
"""

from __future__ import annotations

import importlib
from typing import Any

# each name from its module, imported on first use: `vnplan watch` is one command of many, and
# a pass's modules (lxml, feedparser, the export database) are for it alone
_MODULES = {
    "Filters": "filters",
    "PassResult": "passes",
    "SourceReport": "passes",
    "WatchOptions": "passes",
    "run_pass": "run",
    "Selectors": "sources",
    "Source": "sources",
    "SourceError": "sources",
    "sources_from_arguments": "sources",
    "sources_from_file": "sources",
    "StopRequests": "stop",
}
__all__ = sorted(_MODULES)
MAX_PAGES = 10  # listing pages (or sitemaps of an index) a source is read to per pass


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
