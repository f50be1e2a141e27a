"""robots.txt: read once per origin, honoured, lenient when missing or broken."""

from __future__ import annotations

import dataclasses
import time

import pytest
from fetch_httpd import Handler, TestServer

from vnplan.fetch import Fetcher, FetchError, FetchSettings

PAGE = b"<html><body><p>Tin</p></body></html>"


def test_disallowed_path_is_refused_and_never_requested(
    server: TestServer, settings: FetchSettings
) -> None:
    server.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.static("/private/page.html", PAGE)
    server.static("/public.html", PAGE)
    with Fetcher(settings) as fetcher:
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url("/private/page.html"))
        assert caught.value.code == "robots_disallowed"
        assert fetcher.fetch(server.url("/public.html")).content == PAGE
    assert server.hits_for("/private/page.html") == []
    assert len(server.hits_for("/robots.txt")) == 1  # read once for the origin


def test_rules_for_our_user_agent_apply(server: TestServer, settings: FetchSettings) -> None:
    robots = b"User-agent: vnplan\nDisallow: /\n\nUser-agent: *\nAllow: /\n"
    server.static("/robots.txt", robots, "text/plain")
    server.static("/page.html", PAGE)
    with Fetcher(settings) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/page.html"))
    assert caught.value.code == "robots_disallowed"
    assert server.hits_for("/page.html") == []


def test_missing_robots_txt_allows_everything(server: TestServer, settings: FetchSettings) -> None:
    server.static("/page.html", PAGE)  # no /robots.txt route: the server answers 404
    with Fetcher(settings) as fetcher:
        assert fetcher.fetch(server.url("/page.html")).content == PAGE
        assert fetcher.notes == ()
    assert len(server.hits_for("/robots.txt")) == 1


def test_robots_txt_5xx_allows_but_is_noted(server: TestServer, settings: FetchSettings) -> None:
    server.route("/robots.txt", lambda req, _n: req.reply(503, b"down", "text/plain"))
    server.static("/page.html", PAGE)
    with Fetcher(settings) as fetcher:
        assert fetcher.fetch(server.url("/page.html")).content == PAGE
        assert len(fetcher.notes) == 1
        assert "robots.txt" in fetcher.notes[0] and "503" in fetcher.notes[0]


def test_respect_robots_false_skips_robots(server: TestServer, settings: FetchSettings) -> None:
    server.static("/robots.txt", b"User-agent: *\nDisallow: /\n", "text/plain")
    server.static("/page.html", PAGE)
    with Fetcher(dataclasses.replace(settings, respect_robots=False)) as fetcher:
        assert fetcher.fetch(server.url("/page.html")).content == PAGE
    assert server.hits_for("/robots.txt") == []


def test_redirect_target_is_checked_against_robots(
    server: TestServer, settings: FetchSettings
) -> None:
    server.static("/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.route("/go", lambda req, _n: req.reply(302, headers={"Location": "/private/x.pdf"}))
    server.static("/private/x.pdf", b"%PDF-1.4\n", "application/pdf")
    with Fetcher(settings) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.fetch(server.url("/go"))
    assert caught.value.code == "robots_disallowed"
    assert server.hits_for("/private/x.pdf") == []


def test_a_trickling_robots_txt_is_cut_at_the_deadline(
    server: TestServer, settings: FetchSettings
) -> None:
    def trickle(req: Handler, _n: int) -> None:  # one byte every 0.2 s, for 10 s at most
        req.reply_chunked(b"#" for _ in range(50) if not server.stop.wait(0.2))

    server.route("/robots.txt", trickle)
    server.static("/page.html", PAGE)
    quick = dataclasses.replace(settings, deadline=1.5)
    with Fetcher(quick) as fetcher:
        started = time.monotonic()
        with pytest.raises(FetchError) as caught:
            fetcher.fetch(server.url("/page.html"))
        assert caught.value.code == "deadline"
        assert time.monotonic() - started < 3.0  # the URL's deadline, not the robots.txt's pace
        assert fetcher.fetch(server.url("/page.html")).content == PAGE  # robots.txt not re-read
    assert len(server.hits_for("/robots.txt")) == 1
    assert any("deadline" in note for note in fetcher.notes)
