"""Real HTTP servers on 127.0.0.1 for the robustness tests, with scripted routes
(`tests/fetch/fetch_httpd.py`): started by a test, stopped at its end."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from tests.fetch.fetch_httpd import Handler, TestServer

__all__ = ["Handler", "TestServer", "serving"]


@contextmanager
def serving() -> Iterator[TestServer]:
    """A TestServer answering in a thread; stalled handlers give up when it stops."""
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
