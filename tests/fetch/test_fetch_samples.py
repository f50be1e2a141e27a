"""The HTML sample pages served by a real server: decoding, expected main texts, attachments."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import lxml.html
import pytest
from fetch_httpd import TestServer

from vnplan.fetch import Fetcher, FetchSettings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
WEB = SAMPLES / "web"
EXPECTED = SAMPLES.parent / "tests" / "data" / "web"
PAGES_WITH_MAIN_TEXT = [
    "lao-cai-news-2023",
    "hue-portal-173-kh-ubnd-2022",
    "can-tho-news-2024",
    "lao-cai-portal-122-kh-ubnd-2022",
]
ALL_PAGES = sorted(p.stem for p in WEB.glob("*.html"))

DATELINE = re.compile(r"^\([A-ZĐ]{1,8}\)\s*[-–]\s*")


def serve(server: TestServer, path: Path, content_type: str = "text/html") -> str:
    """Serve a file under samples/ at its path relative to samples/; return its URL."""
    route = "/" + path.relative_to(SAMPLES).as_posix()
    server.static(route, path.read_bytes(), content_type)
    return server.url(route)


def paragraphs(html: str) -> tuple[list[str], list[str]]:
    """Texts of the page's <p> elements and of its <figcaption>s, whitespace collapsed."""
    root = lxml.html.fromstring(html)
    texts = [" ".join(p.text_content().split()) for p in root.iter("p")]
    captions = [" ".join(f.text_content().split()) for f in root.iter("figcaption")]
    return texts, captions


def test_all_pages_are_listed_in_the_readme() -> None:
    readme = (WEB / "README.md").read_text(encoding="utf-8")
    assert ALL_PAGES and all(f"`{stem}.html`" in readme for stem in ALL_PAGES)


@pytest.mark.parametrize("stem", PAGES_WITH_MAIN_TEXT)
def test_main_text_lines_are_paragraphs_of_the_fetched_page(
    server: TestServer, settings: FetchSettings, stem: str
) -> None:
    url = serve(server, WEB / f"{stem}.html")
    with Fetcher(settings) as fetcher:
        page = fetcher.fetch(url)
    assert page.format == "html" and page.text is not None
    assert unicodedata.is_normalized("NFC", page.text)
    texts, captions = paragraphs(page.text)
    texts = [DATELINE.sub("", t) for t in texts]  # "(CT) - " opens a report, not its text
    expected = (EXPECTED / f"{stem}.main.txt").read_text(encoding="utf-8").splitlines()
    assert expected
    for line in expected:
        assert line in texts, line[:60]
        assert line not in captions


@pytest.mark.parametrize("header", ["text/html", "text/html; charset=utf-8"])
def test_hue_page_is_windows_1258_whatever_the_header(
    server: TestServer, settings: FetchSettings, header: str
) -> None:
    url = serve(server, WEB / "hue-portal-173-kh-ubnd-2022.html", header)
    with Fetcher(settings) as fetcher:
        page = fetcher.fetch(url)
    assert page.charset == "windows-1258"
    assert page.text is not None
    assert "Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá đến năm 2030" in page.text
    assert "Truy cập tổng" in page.text and "\u0301" not in page.text


def test_utf8_pages_decode_as_utf8(server: TestServer, settings: FetchSettings) -> None:
    with Fetcher(settings) as fetcher:
        for stem in ALL_PAGES:
            if stem.startswith("hue-"):
                continue
            page = fetcher.fetch(serve(server, WEB / f"{stem}.html"))
            assert (page.format, page.charset) == ("html", "utf-8"), stem


def test_portal_attachment_is_found_and_fetched(
    server: TestServer, settings: FetchSettings
) -> None:
    pdf = SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf"
    if not pdf.exists():
        pytest.skip("the Lào Cai PDF is built by samples/make_samples.py")
    serve(server, pdf, "application/octet-stream")
    url = serve(server, WEB / "lao-cai-portal-122-kh-ubnd-2022.html")
    with Fetcher(settings) as fetcher:
        page = fetcher.fetch(url)
        links = fetcher.attachments(page)
        assert links == [server.url("/lao-cai-122-kh-ubnd-2022.pdf")]
        attachment = fetcher.fetch(links[0], found_on=page.url)
    assert (attachment.format, attachment.media_type) == ("pdf", "application/pdf")
    assert attachment.found_on == url
    assert attachment.content == pdf.read_bytes()


def test_pages_without_attachments(server: TestServer, settings: FetchSettings) -> None:
    with Fetcher(settings) as fetcher:
        for stem in ("lang-son-227-kh-ubnd-2021", "lao-cai-news-2023", "can-tho-news-2024"):
            page = fetcher.fetch(serve(server, WEB / f"{stem}.html"))
            assert fetcher.attachments(page) == [], stem
