"""URLs whose path looks like it escapes the output folder: records stay inside OUT."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vnplan.cli import app

PAGE = Path("samples/web/can-tho-news-2024.html").read_bytes()


class _AnyPath(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"" if self.path == "/robots.txt" else PAGE
        self.send_response(404 if self.path == "/robots.txt" else 200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _AnyPath)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_hostile_url_paths_stay_inside_out(server: str, tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    urls = [
        f"{server}/..%2F..%2F..%2Fescaped.html",
        f"{server}/a/%2e%2e/%2e%2e/%2e%2e/escaped2.html",
        f"{server}/news/..%5C..%5Cwin.html",
        f"{server}/" + "x" * 300 + ".html",
        f"{server}/",
    ]
    result = CliRunner().invoke(app, ["convert", *urls, "-o", str(out), "--delay", "0"])
    assert result.exit_code == 0, result.output
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert written and all(out in p.parents for p in written)
    records = [p for p in out.glob("*.json")]
    assert len(records) == len(urls)
    assert all(len(p.name) < 200 for p in records)
