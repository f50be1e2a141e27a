"""A real HTTP/1.1 server on 127.0.0.1 for the fetch tests, with scripted routes.

Each route is a function (request, hit number) → None that writes the whole response through
the stdlib handler, so a test can stall, loop redirects, answer 304 or send chunked bodies.
Every request is recorded with its headers and the server's monotonic clock.
"""

from __future__ import annotations

import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Route = Callable[["Handler", int], None]


@dataclass(frozen=True)
class Hit:
    """One request as the server saw it."""

    path: str
    target: str
    headers: Mapping[str, str]
    at: float  # time.monotonic() in the server when the request arrived


class Handler(BaseHTTPRequestHandler):
    """Dispatches GET to the route for the path; 404 if none."""

    protocol_version = "HTTP/1.1"
    server: TestServer

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        headers = {k.lower(): v for k, v in self.headers.items()}
        hit_no = self.server.record(Hit(path, self.path, headers, time.monotonic()))
        route = self.server.routes.get(path)
        if route is None:
            self.reply(404, b"not found", "text/plain")
            return
        try:
            route(self, hit_no)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def reply(
        self,
        status: int,
        body: bytes = b"",
        content_type: str | None = "text/html; charset=utf-8",
        headers: Mapping[str, str] | None = None,
    ) -> None:
        """A complete response with Content-Length."""
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def reply_chunked(self, chunks: Iterator[bytes], content_type: str = "text/plain") -> None:
        """A 200 with Transfer-Encoding: chunked and no Content-Length."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, format: str, *args: object) -> None:
        pass


class TestServer(ThreadingHTTPServer):
    """The server; `stop` is set at teardown so stalled handlers give up at once."""

    daemon_threads = True
    __test__ = False  # not a pytest test class

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, handler: Route) -> None:
        self.routes[path] = handler

    def static(
        self, path: str, body: bytes, content_type: str = "text/html; charset=utf-8"
    ) -> None:
        """A route that always answers 200 with `body`."""
        self.route(path, lambda req, _n: req.reply(200, body, content_type))

    def record(self, hit: Hit) -> int:
        with self._lock:
            self.hits.append(hit)
            return sum(1 for h in self.hits if h.path == hit.path)

    def hits_for(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.hits if h.path == path]


_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


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


def encode_windows_1258(text: str) -> bytes:
    """`text` in windows-1258 the way Vietnamese sites store it: precomposed where the code
    page has the letter, else the base letter plus a combining tone mark."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        # Keep the letter's shape (â, ư, ă...) precomposed, put its tone mark after it.
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        letter = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out += letter.encode("cp1258") + tones.encode("cp1258")
    return bytes(out)
