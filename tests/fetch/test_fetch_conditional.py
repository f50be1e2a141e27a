"""Fetcher.fetch_if_changed: a conditional request with the caller's validators; a 304 gives
NotModified and no body, and the cache is left alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from fetch_httpd import Handler, TestServer

from vnplan.fetch import Fetcher, FetchError, FetchSettings, NotModified, Validators

BODY = "<html><body><p>Kế hoạch 12/KH-UBND</p></body></html>".encode()
STAMP = "Mon, 02 Jun 2025 08:00:00 GMT"


def _versioned(req: Handler, _n: int) -> None:
    if req.headers.get("If-None-Match") == '"v1"':
        req.reply(304, content_type=None, headers={"ETag": '"v1"'})
    else:
        req.reply(200, BODY, headers={"ETag": '"v1"', "Last-Modified": STAMP})


def test_a_first_fetch_gives_the_validators_and_the_next_asks_with_them(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    server.route("/vb.html", _versioned)
    cached = dataclasses.replace(settings, cache_dir=tmp_path / "cache")
    with Fetcher(cached) as fetcher:
        first = fetcher.fetch_if_changed(server.url("/vb.html"), Validators())
        assert not isinstance(first, NotModified)
        assert first.content == BODY and first.validators == Validators('"v1"', STAMP)
        again = fetcher.fetch_if_changed(server.url("/vb.html"), first.validators)
    assert isinstance(again, NotModified)
    assert again.validators == Validators('"v1"', STAMP)  # the 304 kept what it did not resend
    hits = server.hits_for("/vb.html")
    assert "if-none-match" not in hits[0].headers
    assert hits[1].headers["if-none-match"] == '"v1"'
    assert hits[1].headers["if-modified-since"] == STAMP
    assert not (tmp_path / "cache").exists()  # the caller keeps the validators, not the cache


def test_a_changed_body_comes_whole_with_its_new_validators(
    server: TestServer, settings: FetchSettings
) -> None:
    server.route("/vb.html", lambda req, _n: req.reply(200, BODY, headers={"ETag": '"v2"'}))
    with Fetcher(settings) as fetcher:
        got = fetcher.fetch_if_changed(server.url("/vb.html"), Validators('"v1"'))
    assert not isinstance(got, NotModified)
    assert got.content == BODY and got.etag == '"v2"' and got.last_modified is None


def test_a_304_never_asked_for_is_an_error(server: TestServer, settings: FetchSettings) -> None:
    server.route("/vb.html", lambda req, _n: req.reply(304, content_type=None))
    with Fetcher(settings) as fetcher, pytest.raises(FetchError, match="never asked for"):
        fetcher.fetch_if_changed(server.url("/vb.html"), Validators())
