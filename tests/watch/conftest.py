"""Fixtures for the watch tests: fast fetch settings for a portal on 127.0.0.1."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from vnplan.watch import WatchOptions
from vnplan.web import WebOptions, fetch_settings


def options(out: Path, **changes: object) -> WatchOptions:
    """No delay between requests, short timeouts and quick retries; the cache in OUT."""
    settings = fetch_settings(out / ".cache", delay=0, timeout=5)
    quick = dataclasses.replace(settings, backoff=0.01, retries=1)
    return WatchOptions(WebOptions(quick), **changes)  # type: ignore[arg-type]
