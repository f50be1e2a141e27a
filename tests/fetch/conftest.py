"""Fixtures for the fetch tests: a real local HTTP server and fast, polite-enough settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fetch_httpd import TestServer, serving

from vnplan.fetch import FetchSettings


@pytest.fixture
def server() -> Iterator[TestServer]:
    with serving() as httpd:
        yield httpd


@pytest.fixture
def settings() -> FetchSettings:
    """Short timeouts, no per-host delay, quick backoff; robots.txt honoured."""
    return FetchSettings(
        connect_timeout=2.0,
        read_timeout=2.0,
        deadline=10.0,
        retries=2,
        backoff=0.01,
        per_host_delay=0.0,
    )
