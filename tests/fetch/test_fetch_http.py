"""Fetcher against a real local server: status codes, retries, timeouts, redirects, limits."""

from __future__ import annotations

import dataclasses
import socket
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
from fetch_httpd import Handler, TestServer

from vnplan.fetch import DEFAULT_USER_AGENT, FetchedDocument, Fetcher, FetchError, FetchSettings

PAGE = "<!DOCTYPE html><html><head><title>Tin</title></head><body><p>Kế hoạch</p></body></html>"


def fetch(settings: FetchSettings, url: str) -> FetchedDocument:
    with Fetcher(settings) as fetcher:
        return fetcher.fetch(url)


def fetch_error(settings: FetchSettings, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        fetch(settings, url)
    return caught.value


def test_normal_page(server: TestServer, settings: FetchSettings) -> None:
    server.static("/tin.html", PAGE.encode())
    before = datetime.now(UTC)
    doc = fetch(settings, server.url("/tin.html"))
    assert doc.url == doc.final_url == server.url("/tin.html")
    assert doc.content == PAGE.encode()
    assert (doc.format, doc.media_type, doc.charset) == ("html", "text/html", "utf-8")
    assert doc.text == PAGE
    assert doc.fetched_at.tzinfo is not None and doc.fetched_at >= before
    assert doc.from_cache is False and doc.found_on is None
    assert server.hits_for("/tin.html")[0].headers["user-agent"] == DEFAULT_USER_AGENT
    assert DEFAULT_USER_AGENT.startswith("vnplan/")


def test_404_is_http_404_and_not_retried(server: TestServer, settings: FetchSettings) -> None:
    error = fetch_error(settings, server.url("/missing.html"))
    assert (error.code, error.status, error.url) == ("http_404", 404, server.url("/missing.html"))
    assert len(server.hits_for("/missing.html")) == 1


def test_403_is_http_status_and_not_retried(server: TestServer, settings: FetchSettings) -> None:
    server.route("/cam.html", lambda req, _n: req.reply(403, b"forbidden"))
    error = fetch_error(settings, server.url("/cam.html"))
    assert (error.code, error.status) == ("http_status", 403)
    assert len(server.hits_for("/cam.html")) == 1


def test_500_then_success_is_retried(server: TestServer, settings: FetchSettings) -> None:
    def flaky(req: Handler, n: int) -> None:
        if n == 1:
            req.reply(500, b"oops")
        else:
            req.reply(200, PAGE.encode())

    server.route("/flaky.html", flaky)
    doc = fetch(settings, server.url("/flaky.html"))
    assert doc.text == PAGE
    assert len(server.hits_for("/flaky.html")) == 2


def test_5xx_every_time_gives_http_status_after_retries(
    server: TestServer, settings: FetchSettings
) -> None:
    server.route("/down.html", lambda req, _n: req.reply(503, b"busy"))
    error = fetch_error(settings, server.url("/down.html"))
    assert (error.code, error.status) == ("http_status", 503)
    assert len(server.hits_for("/down.html")) == settings.retries + 1


def test_429_waits_for_retry_after(server: TestServer, settings: FetchSettings) -> None:
    def limited(req: Handler, n: int) -> None:
        if n == 1:
            req.reply(429, b"slow down", headers={"Retry-After": "1"})
        else:
            req.reply(200, PAGE.encode())

    server.route("/limited.html", limited)
    doc = fetch(settings, server.url("/limited.html"))
    assert doc.text == PAGE
    first, second = server.hits_for("/limited.html")
    assert second.at - first.at >= 0.95  # server clock; backoff alone would be 0.01 s


def test_retry_after_http_date_is_honoured(server: TestServer, settings: FetchSettings) -> None:
    def limited(req: Handler, n: int) -> None:
        if n == 1:
            when = format_datetime(datetime.now(UTC) + timedelta(seconds=2), usegmt=True)
            req.reply(503, b"later", headers={"Retry-After": when})
        else:
            req.reply(200, PAGE.encode())

    server.route("/date.html", limited)
    assert fetch(settings, server.url("/date.html")).text == PAGE
    first, second = server.hits_for("/date.html")
    assert second.at - first.at >= 0.9  # an HTTP date has 1 s resolution


def test_retry_after_past_the_deadline_gives_up_at_once(
    server: TestServer, settings: FetchSettings
) -> None:
    server.route("/never.html", lambda req, _n: req.reply(429, b"", headers={"Retry-After": "60"}))
    started = time.monotonic()
    error = fetch_error(dataclasses.replace(settings, deadline=3.0), server.url("/never.html"))
    assert error.code == "deadline" and error.status == 429
    assert time.monotonic() - started < 2.5
    assert len(server.hits_for("/never.html")) == 1


def test_stall_past_read_timeout_is_timeout(server: TestServer, settings: FetchSettings) -> None:
    def stall(_req: Handler, _n: int) -> None:
        server.stop.wait(5)  # say nothing until the test ends

    server.route("/stall.html", stall)
    quick = dataclasses.replace(settings, read_timeout=0.5, retries=1, backoff=0.0)
    error = fetch_error(quick, server.url("/stall.html"))
    assert error.code == "timeout"
    assert len(server.hits_for("/stall.html")) == 2  # a timeout is retried like a dropped line


def test_slow_drip_hits_the_deadline(server: TestServer, settings: FetchSettings) -> None:
    def chunks() -> Iterator[bytes]:
        while not server.stop.wait(0.2):
            yield b"x" * 10

    def drip(req: Handler, _n: int) -> None:
        req.reply_chunked(chunks())

    server.route("/drip.txt", drip)
    started = time.monotonic()
    error = fetch_error(dataclasses.replace(settings, deadline=1.0), server.url("/drip.txt"))
    assert error.code == "deadline"
    assert time.monotonic() - started < 2.0


def test_redirect_is_followed(server: TestServer, settings: FetchSettings) -> None:
    server.route("/old", lambda req, _n: req.reply(301, headers={"Location": "/new.html"}))
    server.static("/new.html", PAGE.encode())
    doc = fetch(settings, server.url("/old"))
    assert doc.url == server.url("/old")
    assert doc.final_url == server.url("/new.html")
    assert doc.text == PAGE


def test_redirect_loop_is_too_many_redirects(server: TestServer, settings: FetchSettings) -> None:
    server.route("/a", lambda req, _n: req.reply(302, headers={"Location": "/b"}))
    server.route("/b", lambda req, _n: req.reply(302, headers={"Location": "/a"}))
    error = fetch_error(settings, server.url("/a"))
    assert error.code == "too_many_redirects"
    # the first request and max_redirects follow-ups, then stop
    assert len(server.hits_for("/a")) + len(server.hits_for("/b")) == settings.max_redirects + 1


def test_redirect_to_another_scheme_is_bad_url(server: TestServer, settings: FetchSettings) -> None:
    server.route("/ftp", lambda req, _n: req.reply(302, headers={"Location": "ftp://x/y.pdf"}))
    error = fetch_error(settings, server.url("/ftp"))
    assert (error.code, error.url) == ("bad_url", server.url("/ftp"))


def test_too_large_by_content_length_is_refused_unread(
    server: TestServer, settings: FetchSettings
) -> None:
    server.static("/big.pdf", b"%PDF-1.7\n" + b"0" * 5000, "application/pdf")
    error = fetch_error(dataclasses.replace(settings, max_bytes=1000), server.url("/big.pdf"))
    assert error.code == "too_large"
    assert "5009" in str(error)  # judged from the header, before any body was read


def test_too_large_without_content_length_is_counted(
    server: TestServer, settings: FetchSettings
) -> None:
    server.route("/big.txt", lambda req, _n: req.reply_chunked(iter([b"a" * 600] * 5)))
    small = dataclasses.replace(settings, max_bytes=1000)
    error = fetch_error(small, server.url("/big.txt"))
    assert error.code == "too_large"
    assert "more than 1000 bytes" in str(error)
    assert fetch(settings, server.url("/big.txt")).content == b"a" * 3000  # within the limit


def test_pdf_served_as_html_is_a_pdf(server: TestServer, settings: FetchSettings) -> None:
    pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    server.static("/van-ban.html", pdf, "text/html; charset=utf-8")
    doc = fetch(settings, server.url("/van-ban.html"))
    assert (doc.format, doc.media_type) == ("pdf", "application/pdf")
    assert doc.text is None and doc.charset is None
    assert doc.content == pdf


def test_refused_connection_is_retried_then_connection(settings: FetchSettings) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = fetch_error(settings, f"http://127.0.0.1:{port}/x.html")
    assert error.code == "connection"


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/a.pdf",
        "file:///etc/passwd",
        "/relative/path",
        "http://",
        "",
        " http://a/",
    ],
)
def test_non_http_urls_are_bad_url(settings: FetchSettings, url: str) -> None:
    assert fetch_error(settings, url).code == "bad_url"


def test_per_host_delay_spaces_requests(server: TestServer, settings: FetchSettings) -> None:
    server.static("/1.html", PAGE.encode())
    server.static("/2.html", PAGE.encode())
    with Fetcher(dataclasses.replace(settings, per_host_delay=0.4)) as fetcher:
        fetcher.fetch(server.url("/1.html"))
        fetcher.fetch(server.url("/2.html"))
    robots, first, second = server.hits
    assert robots.path == "/robots.txt"
    assert first.at - robots.at >= 0.38
    assert second.at - first.at >= 0.38
