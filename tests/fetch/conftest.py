"""Fixtures for the fetch tests: a real local HTTP server and fast, polite-enough settings."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from fetch_httpd import TestServer

from vnplan.fetch import FetchSettings


@pytest.fixture
def server() -> Iterator[TestServer]:
    httpd = TestServer()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield httpd
    finally:
        httpd.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


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
