"""`vnplan convert URL` and `vnplan fetch URL` end to end against a real HTTP server on
127.0.0.1 serving samples/ (the portal page links ../lao-cai-122-kh-ubnd-2022.pdf)."""

from __future__ import annotations

import functools
import hashlib
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from tests.conftest import SAMPLES
from vnplan.cli import app
from vnplan.store import inside, output_names

runner = CliRunner()
PORTAL = "web/lao-cai-portal-122-kh-ubnd-2022.html"
PDF = "lao-cai-122-kh-ubnd-2022.pdf"


@dataclass
class Server:
    base: str
    requests: list[tuple[str, str | None, int]] = field(default_factory=list)

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"

    def seen(self, path: str) -> list[tuple[str | None, int]]:
        """(If-Modified-Since header, status) of every request for `path`."""
        return [(since, status) for p, since, status in self.requests if p == f"/{path}"]


@pytest.fixture
def server() -> Iterator[Server]:
    log: list[tuple[str, str | None, int]] = []

    class Handler(SimpleHTTPRequestHandler):
        def send_response(self, code: int, message: str | None = None) -> None:
            log.append((self.path, self.headers.get("If-Modified-Since"), code))
            super().send_response(code, message)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    handler = functools.partial(Handler, directory=str(SAMPLES))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", log)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def _records(out: Path) -> dict[str, dict[str, Any]]:
    """source.uri → record, for every record in OUT."""
    found = {}
    for path in sorted(out.glob("*.json")):
        record = json.loads(path.read_text("utf-8"))
        found[record["source"]["uri"]] = record
    return found


def _convert(*args: str) -> Any:
    return runner.invoke(app, ["convert", *args, "--delay", "0", "--timeout", "10"])


def test_convert_url_gives_the_page_and_its_attached_plan(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    page_url, pdf_url = server.url(PORTAL), server.url(PDF)
    result = _convert(page_url, "-o", str(out))
    assert result.exit_code == 0, result.output
    records = _records(out)
    assert set(records) == {page_url, pdf_url}
    page, plan = records[page_url], records[pdf_url]
    assert page["kind"] == "news" and page["source"]["format"] == "html"
    assert page["article"]["about"]["doc_number"] == "122/KH-UBND"
    assert page["source"]["found_on"] is None and page["source"]["fetched_at"]
    assert plan["kind"] == "plan" and plan["source"]["format"] == "pdf"
    assert plan["doc_number"] == "122/KH-UBND" and plan["issued_date"] == "2022-03-30"
    assert plan["source"]["found_on"] == page_url and plan["source"]["fetched_at"]
    pdf_bytes = (SAMPLES / PDF).read_bytes()
    assert plan["source"]["sha256"] == hashlib.sha256(pdf_bytes).hexdigest()
    assert len(server.seen(PDF)) == 1  # linked twice ("file name" and "Tải về"), fetched once
    assert (out / ".cache").is_dir() and not (out / "errors.jsonl").exists()


def test_404_is_an_error_record_and_the_rest_is_converted(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    missing = server.url("web/khong-co-trang-nay.html")
    local = "samples/thua-thien-hue-news-173-kh-ubnd-2022.txt"
    news = server.url("web/can-tho-news-2024.html")
    result = _convert(missing, local, news, "-o", str(out))
    assert result.exit_code == 1
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [(e["input"], e["code"]) for e in errors] == [(missing, "http_404")]
    records = _records(out)
    assert set(records) == {local, news}
    assert records[local]["source"]["fetched_at"] is None  # local files: no fetch time
    assert records[news]["article"]["published"] == "2024-02-06"
    leftovers = [p.name for p in out.iterdir() if p.name.endswith((".tmp", ".part"))]
    assert leftovers == []


def test_rerun_revalidates_instead_of_downloading(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    page_url = server.url(PORTAL)
    assert _convert(page_url, "-o", str(out)).exit_code == 0
    written = {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")}
    assert [since for since, _status in server.seen(PORTAL)] == [None]
    again = _convert(page_url, "-o", str(out))
    assert again.exit_code == 0 and "skipped" in again.output
    for path in (PORTAL, PDF):
        first, second = server.seen(path)
        assert first == (None, 200)
        assert second[0] is not None and second[1] == 304  # a conditional request, not modified
    assert {p.name: p.stat().st_mtime_ns for p in out.glob("*.json")} == written


def test_no_follow_attachments(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _convert(server.url(PORTAL), "-o", str(out), "--no-follow-attachments")
    assert result.exit_code == 0
    assert set(_records(out)) == {server.url(PORTAL)}
    assert server.seen(PDF) == []


def test_fetch_downloads_into_the_folder(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "downloads"
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# portal page\n{server.url(PORTAL)}\n", "utf-8")
    args = ["fetch", "-i", str(urls), "-o", str(out), "--follow-attachments", "--delay", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir() if p.is_file() and p.name != ".lock")
    assert [Path(f).suffix for f in files] == [".pdf", ".html"]
    pdf = next(out.glob("*.pdf"))
    assert pdf.read_bytes() == (SAMPLES / PDF).read_bytes()
    again = runner.invoke(app, args)
    assert again.exit_code == 0
    assert [status for _since, status in server.seen(PDF)] == [200, 304]


def test_fetch_failure_is_recorded(server: Server, tmp_path: Path) -> None:
    out = tmp_path / "downloads"
    missing = server.url("nothing-here.pdf")
    result = runner.invoke(app, ["fetch", missing, "-o", str(out), "--delay", "0"])
    assert result.exit_code == 1
    error = json.loads((out / "errors.jsonl").read_text("utf-8"))
    assert (error["input"], error["code"]) == (missing, "http_404")


def test_url_names_stay_inside_the_output_folder(server: Server, tmp_path: Path) -> None:
    nasty = [
        "http://example.org/a/../../../etc/passwd",
        "http://example.org/%2e%2e%2f%2e%2e%2fevil.json",
        "http://example.org/..",
        "http://example.org/x/.bashrc",
        "http://example.org/x\\..\\..\\y.html",
        "http://example.org/",
    ]
    out = tmp_path / "out"
    out.mkdir()
    for name in output_names(nasty).values():
        path = inside(out, name)
        assert path is not None and path.parent == out.resolve(), name
    assert inside(out, "../escape.json") is None and inside(out, ".hidden.json") is None
    url = server.url("web/lao-cai-news-2023.html?next=/../../../evil&x=..%2f..")
    assert _convert(url, "-o", str(out)).exit_code == 0
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(out) for p in written)
    assert [p.parent for p in written if ".cache" not in p.parts and p.name != ".lock"] == [out]


def test_help_teaches_with_examples() -> None:
    for command in ("convert", "fetch"):
        text = runner.invoke(app, [command, "--help"]).output
        assert "Examples" in text and "http" in text and "-o" in text
