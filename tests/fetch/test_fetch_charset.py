"""Charsets: windows-1258 behind lying meta tags and headers, served by a real server."""

from __future__ import annotations

import unicodedata

import pytest
from fetch_httpd import TestServer, encode_windows_1258

from vnplan.fetch import Fetcher, FetchSettings
from vnplan.text.charset import codec_for, declared_charset, decode_text

SENTENCE = (
    "Ủy ban nhân dân tỉnh Thừa Thiên Huế ban hành Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá"
)


def page(meta_charset: str, body: str = SENTENCE) -> str:
    return (
        "<!DOCTYPE html><html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={meta_charset}">'
        f"<title>Tin tức</title></head><body><p>{body}</p></body></html>"
    )


def fetched(
    server: TestServer, settings: FetchSettings, body: bytes, content_type: str
) -> tuple[str | None, str | None]:
    server.static("/tin.html", body, content_type)
    with Fetcher(settings) as fetcher:
        doc = fetcher.fetch(server.url("/tin.html"))
    return doc.charset, doc.text


def test_windows_1258_bytes_behind_a_utf8_meta(server: TestServer, settings: FetchSettings) -> None:
    html = page("utf-8")
    charset, text = fetched(server, settings, encode_windows_1258(html), "text/html")
    assert charset == "windows-1258"
    assert text == html and unicodedata.is_normalized("NFC", text)


def test_utf8_bytes_behind_a_windows_1258_meta(server: TestServer, settings: FetchSettings) -> None:
    html = page("windows-1258")
    charset, text = fetched(server, settings, html.encode("utf-8"), "text/html")
    assert (charset, text) == ("utf-8", html)


def test_windows_1258_behind_a_latin1_header(server: TestServer, settings: FetchSettings) -> None:
    html = page("iso-8859-1")
    body = encode_windows_1258(html)
    charset, text = fetched(server, settings, body, "text/html; charset=ISO-8859-1")
    assert (charset, text) == ("windows-1258", html)
    assert body.decode("cp1252") != html  # what trusting the header would have given


def test_honest_windows_1258_is_composed_to_nfc(
    server: TestServer, settings: FetchSettings
) -> None:
    html = page("windows-1258")
    body = encode_windows_1258(html)
    assert b"\xec" in body  # combining acute: the bytes really use tone marks
    charset, text = fetched(server, settings, body, "text/html; charset=windows-1258")
    assert (charset, text) == ("windows-1258", html)
    assert text is not None and "\u0301" not in text


def test_plain_text_in_windows_1258(server: TestServer, settings: FetchSettings) -> None:
    body = encode_windows_1258(SENTENCE)
    server.static("/tin.txt", body, "text/plain; charset=utf-8")
    with Fetcher(settings) as fetcher:
        doc = fetcher.fetch(server.url("/tin.txt"))
    assert (doc.format, doc.media_type, doc.charset, doc.text) == (
        "txt",
        "text/plain",
        "windows-1258",
        SENTENCE,
    )


def test_nfd_utf8_is_normalized() -> None:
    nfd = unicodedata.normalize("NFD", SENTENCE)
    decoded = decode_text(nfd.encode("utf-8"), None)
    assert (decoded.text, decoded.charset) == (SENTENCE, "utf-8")


def test_bom_wins_over_declarations() -> None:
    decoded = decode_text(b"\xef\xbb\xbf" + SENTENCE.encode(), "windows-1258")
    assert (decoded.text, decoded.charset) == (SENTENCE, "utf-8")
    utf16 = decode_text(b"\xff\xfe" + SENTENCE.encode("utf-16-le"), None)
    assert (utf16.text, utf16.charset) == (SENTENCE, "utf-16-le")


def test_non_vietnamese_legacy_page_keeps_its_declared_charset() -> None:
    russian = "Привет, мир".encode("koi8-r")
    assert decode_text(russian, "koi8-r").charset == "koi8-r"
    french = "Le café de l'été à Hué".encode("cp1252")
    assert decode_text(french, "iso-8859-1").text == "Le café de l'été à Hué"


def test_declared_charset_prescan() -> None:
    assert declared_charset(b'<html><head><meta charset="Windows-1258">') == "windows-1258"
    assert declared_charset(b'<?xml version="1.0" encoding="UTF-8"?><html>') == "utf-8"
    assert declared_charset(b"<html><head><title>x</title>") is None


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("windows-1258", "cp1258"),
        ("ISO-8859-1", "cp1252"),
        ("utf8", "utf-8"),
        ("utf-16", None),
        ("base64", None),
        ("no-such-charset", None),
        (None, None),
    ],
)
def test_codec_for_labels(label: str | None, codec: str | None) -> None:
    assert codec_for(label) == codec
