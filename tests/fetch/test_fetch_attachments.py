"""Attachment discovery on HTML pages: extensions, link texts, relative URLs, order."""

from __future__ import annotations

from fetch_httpd import TestServer

from vnplan.fetch import Fetcher, FetchSettings
from vnplan.fetch.attachments import find_attachments

NEWS = """<!DOCTYPE html><html><head><title>Kế hoạch</title></head><body>
<article><h1>Kế hoạch 122/KH-UBND</h1><p>Nội dung kế hoạch.</p>
<p><a href="/files/ke-hoach.pdf">Tải về</a></p></article>
<aside><a href="/tin-khac.html">Tin khác</a></aside></body></html>"""


def test_tai_ve_link_is_found_as_absolute_url(server: TestServer, settings: FetchSettings) -> None:
    server.static("/tin-tuc/ke-hoach-122.html", NEWS.encode())
    with Fetcher(settings) as fetcher:
        page = fetcher.fetch(server.url("/tin-tuc/ke-hoach-122.html"))
        assert fetcher.attachments(page) == [server.url("/files/ke-hoach.pdf")]


def test_extensions_text_order_and_duplicates() -> None:
    html = """<html><body>
    <a href="van-ban/QD%20123.PDF?v=2#trang-1">Quyết định 123</a>
    <a href="/DownloadFile.aspx?id=77">File đính kèm</a>
    <a href="/uploads/phu-luc.docx">Phụ lục</a>
    <a href="https://cdn.example.vn/old/cong-van.doc">Công văn</a>
    <a href="van-ban/QD%20123.PDF?v=2">Quyết định 123 (bản sao)</a>
    <a href="/bao-cao.html">Báo cáo</a>
    <a href="/download?f=1" title="Download văn bản">&#8595;</a>
    <a href="/goc">VĂN BẢN GỐC</a>
    <a href="/anh.jpg">Ảnh</a>
    <a href="/files/a.pdf.html">Không phải PDF</a>
    <a href="javascript:void(0)">Tải về</a>
    <a href="mailto:a@b.vn">Tải xuống</a>
    <a href="ftp://files.example.vn/x.pdf">FTP</a>
    <a>Tải về</a>
    <a href="#tai-ve">Tải về</a>
    </body></html>"""
    assert find_attachments(html, "https://h.vn/tin/bai-1.html") == [
        "https://h.vn/tin/van-ban/QD%20123.PDF?v=2",
        "https://h.vn/DownloadFile.aspx?id=77",
        "https://h.vn/uploads/phu-luc.docx",
        "https://cdn.example.vn/old/cong-van.doc",
        "https://h.vn/download?f=1",
        "https://h.vn/goc",
    ]


def test_base_href_is_honoured() -> None:
    html = '<html><head><base href="https://files.h.vn/vb/"></head><body><a href="a.pdf">a</a>'
    assert find_attachments(html, "https://h.vn/tin/1.html") == ["https://files.h.vn/vb/a.pdf"]


def test_empty_and_linkless_pages_have_none() -> None:
    assert find_attachments("", "https://h.vn/") == []
    assert find_attachments("Tải về file.pdf", "https://h.vn/") == []
