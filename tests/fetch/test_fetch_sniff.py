"""Format sniffing, Content-Type parsing, Retry-After parsing and settings validation."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import pytest

from vnplan.fetch import FetchError, FetchSettings
from vnplan.fetch.retry import backoff_delay, parse_retry_after
from vnplan.fetch.sniff import parse_content_type
from vnplan.formats import sniff as sniff_format
from vnplan.formats import sniff_served as decide_format


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\r\n  \x00junk%PDF-1.4\n", "pdf"),  # junk before the header, as readers allow
        (zipped("[Content_Types].xml", "word/document.xml"), "docx"),
        (zipped("[Content_Types].xml", "xl/workbook.xml"), "bin"),
        (zipped("word/document.xml")[:60], "docx"),  # truncated: names still readable
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "doc"),
        (b"\n  <!DOCTYPE html><html><body>x</body></html>", "html"),
        (b"<HTML><HEAD><TITLE>x</TITLE>", "html"),
        (b"\xef\xbb\xbf<!doctype html>", "html"),
        (b"\xff\xfe" + "<html><body>".encode("utf-16-le"), "html"),
        (b'<div class="tin"><p>x</p></div>', "html"),
        (b'<?xml version="1.0"?><rss><channel><title>x</title>', "txt"),
        (b"Ke hoach so 122/KH-UBND <b>", "txt"),
        ("Kế hoạch số 122/KH-UBND".encode(), "txt"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "bin"),
        (b"", "txt"),
    ],
)
def test_sniff_format(content: bytes, fmt: str) -> None:
    assert sniff_format(content) == fmt


def test_html_mentioning_pdf_magic_is_still_html() -> None:
    assert sniff_format(b"<html><body>files start with %PDF-1.4</body></html>") == "html"


def test_header_only_breaks_a_text_tie() -> None:
    assert decide_format(b"<b>fragment</b> x", "text/html") == "html"
    assert decide_format(b"<b>fragment</b> x", "text/plain") == "txt"
    assert decide_format(b"%PDF-1.4", "text/html") == "pdf"


def test_parse_content_type() -> None:
    assert parse_content_type('Text/HTML; Charset="Windows-1258"') == ("text/html", "windows-1258")
    assert parse_content_type("application/pdf") == ("application/pdf", None)
    assert parse_content_type(None) == (None, None)


def test_parse_retry_after() -> None:
    now = datetime(2024, 2, 6, 13, 29, 0, tzinfo=UTC)
    assert parse_retry_after("1", now) == 1.0
    assert parse_retry_after("Tue, 06 Feb 2024 13:29:30 GMT", now) == 30.0
    assert parse_retry_after("Tue, 06 Feb 2024 13:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon", now) is None
    assert parse_retry_after("-5", now) is None
    assert parse_retry_after(None, now) is None


def test_backoff_is_exponential_and_capped() -> None:
    assert [backoff_delay(n, 0.5, 3.0) for n in range(5)] == [0.5, 1.0, 2.0, 3.0, 3.0]
    assert backoff_delay(1000, 0.5, 3.0) == 3.0
    assert backoff_delay(3, 0.0, 3.0) == 0.0


@pytest.mark.parametrize(
    "bad",
    [
        {"read_timeout": 0},
        {"deadline": -1.0},
        {"connect_timeout": float("nan")},
        {"retries": -1},
        {"retries": 1.5},
        {"max_bytes": 0},
        {"per_host_delay": -0.1},
        {"user_agent": ""},
        {"user_agent": "x\r\nHost: evil"},
        {"respect_robots": "yes"},
    ],
)
def test_settings_are_validated(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        FetchSettings(**cast(dict[str, Any], bad))


def test_settings_defaults_and_cache_dir() -> None:
    settings = FetchSettings(**cast(dict[str, Any], {"cache_dir": "cache"}))  # a str is accepted
    assert settings.cache_dir == Path("cache")
    assert (settings.retries, settings.max_redirects, settings.max_bytes) == (3, 5, 50 * 2**20)
    assert settings.user_agent.endswith("(+https://github.com/vnplan/vnplan; research tool)")


def test_fetch_error_codes_are_checked() -> None:
    error = FetchError("http_404", "http://x/", "gone", 404)
    assert (error.code, error.url, error.status) == ("http_404", "http://x/", 404)
    assert str(error) == "gone"
    with pytest.raises(ValueError):
        FetchError(cast(Any, "teapot"))
