"""On-disk cache: ETag / Last-Modified revalidation across runs, and damaged entries."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from fetch_httpd import Handler, TestServer

from vnplan.fetch import Fetcher, FetchSettings
from vnplan.fetch.cache import cache_key

BODY = "<html><body><p>Kế hoạch 173/KH-UBND</p></body></html>".encode()


def test_etag_revalidates_with_304(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    def etagged(req: Handler, _n: int) -> None:
        if req.headers.get("If-None-Match") == '"v1"':
            req.reply(304, content_type=None, headers={"ETag": '"v1"'})
        else:
            req.reply(200, BODY, headers={"ETag": '"v1"'})

    server.route("/tin.html", etagged)
    cached = dataclasses.replace(settings, cache_dir=tmp_path / "cache")
    url = server.url("/tin.html")
    with Fetcher(cached) as fetcher:
        first = fetcher.fetch(url)
    with Fetcher(cached) as fetcher:  # a re-run: new client, same cache folder
        second = fetcher.fetch(url)
    assert first.from_cache is False and second.from_cache is True
    assert second.content == first.content == BODY
    assert second.text == first.text and second.charset == "utf-8"
    assert second.fetched_at >= first.fetched_at
    hits = server.hits_for("/tin.html")
    assert "if-none-match" not in hits[0].headers
    assert hits[1].headers["if-none-match"] == '"v1"'
    meta = json.loads((tmp_path / "cache" / f"{cache_key(url)}.json").read_text("utf-8"))
    assert meta["etag"] == '"v1"' and meta["final_url"] == url
    assert meta["media_type"] == "text/html"


def test_last_modified_revalidates_with_304(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    stamp = "Fri, 29 Apr 2022 08:00:00 GMT"

    def dated(req: Handler, _n: int) -> None:
        if req.headers.get("If-Modified-Since") == stamp:
            req.reply(304, content_type=None)
        else:
            req.reply(200, BODY, headers={"Last-Modified": stamp})

    server.route("/tin.html", dated)
    cached = dataclasses.replace(settings, cache_dir=tmp_path)
    with Fetcher(cached) as fetcher:
        assert fetcher.fetch(server.url("/tin.html")).from_cache is False
        again = fetcher.fetch(server.url("/tin.html"))
    assert again.from_cache is True and again.content == BODY
    assert server.hits_for("/tin.html")[1].headers["if-modified-since"] == stamp


def test_changed_page_replaces_the_cached_copy(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    def versioned(req: Handler, n: int) -> None:
        req.reply(200, b"<html>v%d</html>" % n, headers={"ETag": f'"v{n}"'})

    server.route("/tin.html", versioned)
    cached = dataclasses.replace(settings, cache_dir=tmp_path)
    with Fetcher(cached) as fetcher:
        fetcher.fetch(server.url("/tin.html"))
        second = fetcher.fetch(server.url("/tin.html"))
        third = fetcher.fetch(server.url("/tin.html"))
    assert (second.content, second.from_cache) == (b"<html>v2</html>", False)
    assert server.hits_for("/tin.html")[2].headers["if-none-match"] == '"v2"'
    assert third.content == b"<html>v3</html>"


def test_damaged_cache_entry_is_ignored(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    server.route("/tin.html", lambda req, _n: req.reply(200, BODY, headers={"ETag": '"v1"'}))
    cached = dataclasses.replace(settings, cache_dir=tmp_path)
    url = server.url("/tin.html")
    with Fetcher(cached) as fetcher:
        fetcher.fetch(url)
    (tmp_path / f"{cache_key(url)}.body").write_bytes(b"truncated")
    with Fetcher(cached) as fetcher:
        doc = fetcher.fetch(url)
    assert doc.content == BODY and doc.from_cache is False
    assert "if-none-match" not in server.hits_for("/tin.html")[1].headers
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".body", ".json"]  # no temp files
