"""A source's pages read into entries: feeds, sitemaps (and their indexes), listing pages with
and without selectors."""

from __future__ import annotations

import datetime as dt
import gzip

from vnplan.watch.discover import Entry, kind_of, read_feed, read_listing, read_sitemap
from vnplan.watch.sources import Selectors

BASE = "https://sovhttdl.laocai.gov.vn/van-ban/"

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Văn bản</title>
<entry><title>Kế hoạch 12/KH-UBND về ngoại giao văn hóa</title><link href="ke-hoach-12.html"/>
<published>2025-03-02T08:00:00+07:00</published><updated>2025-03-05T09:30:00+07:00</updated>
</entry></feed>"""

RSS_ENCLOSURE = """<rss version="2.0"><channel><title>t</title>
<item><title>Quyết định 5/QĐ-UBND</title>
<enclosure url="https://laocai.gov.vn/files/5-qd.pdf" type="application/pdf" length="1"/>
<pubDate>Mon, 02 Jun 2025 00:30:00 +0700</pubDate></item></channel></rss>"""

URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://laocai.gov.vn/van-ban/1.html</loc><lastmod>2025-01-02</lastmod></url>
<url><loc>https://laocai.gov.vn/van-ban/2.html</loc></url>
<url><loc>mailto:vanthu@laocai.gov.vn</loc></url>
</urlset>"""

INDEX = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://laocai.gov.vn/sitemap-2024.xml</loc><lastmod>2024-12-31</lastmod></sitemap>
<sitemap><loc>https://laocai.gov.vn/sitemap-2025.xml</loc><lastmod>2025-06-01T00:00:00Z</lastmod>
</sitemap></sitemapindex>"""

LISTING = """<html><body>
<ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/lien-he">Liên hệ</a></li></ul>
<table class="list">
<tr><td>1</td><td><a href="ke-hoach-12.html">Kế hoạch thực hiện Chiến lược ngoại giao văn hóa
</a></td><td>Ngày ban hành: 02/03/2025</td></tr>
<tr><td>2</td><td><a href="/van-ban/cv-45.html">Về việc tổ chức Hội nghị, số 45/UBND-VX</a>
</td><td>28/02/2025</td></tr>
<tr><td>3</td><td><a href="/files/bao-cao.pdf">bao-cao.pdf</a></td><td></td></tr>
</table>
<div class="pager"><a href="?page=1">1</a> <a href="?page=2">Trang sau</a></div>
</body></html>"""


def test_kinds_are_told_from_the_first_element() -> None:
    assert kind_of(ATOM.encode()) == "feed"
    assert kind_of(RSS_ENCLOSURE.encode()) == "feed"
    assert kind_of(URLSET.encode()) == "sitemap"
    assert kind_of(INDEX.encode()) == "sitemap"
    assert kind_of(gzip.compress(URLSET.encode())) == "sitemap"
    assert kind_of(LISTING.encode()) == "listing"
    assert kind_of(b"<!DOCTYPE html><!-- <rss> --><html></html>") == "listing"


def test_an_atom_entry_keeps_its_link_title_day_and_update() -> None:
    [entry] = read_feed(ATOM.encode(), "https://laocai.gov.vn/feed/").entries
    assert entry.url == "https://laocai.gov.vn/feed/ke-hoach-12.html"
    assert entry.title == "Kế hoạch 12/KH-UBND về ngoại giao văn hóa"
    assert entry.date == dt.date(2025, 3, 2)
    assert entry.updated == dt.datetime(2025, 3, 5, 2, 30, tzinfo=dt.UTC)


def test_an_rss_item_without_a_link_is_its_enclosure_dated_in_its_own_zone() -> None:
    [entry] = read_feed(RSS_ENCLOSURE.encode(), "https://laocai.gov.vn/rss").entries
    assert entry.url == "https://laocai.gov.vn/files/5-qd.pdf"
    assert entry.date == dt.date(2025, 6, 2)  # 00:30 in Hà Nội, still 1 June in UTC
    assert entry.updated is None  # a pubDate is no date of change


def test_a_sitemap_gives_its_web_urls_with_lastmod() -> None:
    page = read_sitemap(URLSET.encode(), "https://laocai.gov.vn/sitemap.xml")
    assert page.entries == (
        Entry(
            "https://laocai.gov.vn/van-ban/1.html",
            date=dt.date(2025, 1, 2),
            updated=dt.datetime(2025, 1, 2, tzinfo=dt.UTC),
        ),
        Entry("https://laocai.gov.vn/van-ban/2.html"),
    )
    assert read_sitemap(gzip.compress(URLSET.encode()), "https://laocai.gov.vn/s.xml.gz") == page


def test_a_sitemap_index_gives_its_sitemaps_newest_first() -> None:
    page = read_sitemap(INDEX.encode(), "https://laocai.gov.vn/sitemap.xml")
    assert page.entries == ()
    assert [e.url.rsplit("/", 1)[1] for e in page.more] == ["sitemap-2025.xml", "sitemap-2024.xml"]


def test_a_sitemap_never_expands_an_external_entity(tmp_path: object) -> None:
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE urlset [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        "<urlset><url><loc>https://laocai.gov.vn/&x;</loc></url></urlset>"
    )
    for entry in read_sitemap(hostile.encode(), "https://laocai.gov.vn/sitemap.xml").entries:
        assert entry.url.startswith("https://laocai.gov.vn/") and "\n" not in entry.url
    assert read_sitemap(b"not xml at all", "https://laocai.gov.vn/s.xml").entries == ()


def test_a_listing_without_selectors_keeps_document_links_and_their_dates() -> None:
    page = read_listing(LISTING, BASE, Selectors())
    assert [(e.url, e.date) for e in page.entries] == [
        (BASE + "ke-hoach-12.html", dt.date(2025, 3, 2)),
        ("https://sovhttdl.laocai.gov.vn/van-ban/cv-45.html", dt.date(2025, 2, 28)),
        ("https://sovhttdl.laocai.gov.vn/files/bao-cao.pdf", None),
    ]
    assert page.entries[0].title == "Kế hoạch thực hiện Chiến lược ngoại giao văn hóa"
    assert [e.url for e in page.more] == [BASE + "?page=2"]


def test_a_listing_with_selectors_reads_entries_dates_and_next_page_as_named() -> None:
    html = """<html><body><div class="news">
    <div class="item"><h3><a href="/a/1">Thông báo lịch tiếp công dân</a></h3>
      <span class="date">05/06/2025</span><span>cập nhật 07/06/2025</span></div>
    <div class="item"><h3><a href="/a/2">Chương trình hành động</a></h3>
      <time class="date" datetime="2025-06-04">4 tháng 6</time></div></div>
    <ul class="paging"><li class="next"><a href="/tin?page=3">3</a></li></ul>
    <a href="/tin?page=9">Trang sau</a></body></html>"""
    selectors = Selectors(entry="div.item", next="li.next a", date=".date")
    page = read_listing(html, "https://laocai.gov.vn/tin?page=2", selectors)
    assert [(e.url, e.title, e.date) for e in page.entries] == [
        ("https://laocai.gov.vn/a/1", "Thông báo lịch tiếp công dân", dt.date(2025, 6, 5)),
        ("https://laocai.gov.vn/a/2", "Chương trình hành động", dt.date(2025, 6, 4)),
    ]
    assert [e.url for e in page.more] == ["https://laocai.gov.vn/tin?page=3"]


def test_a_next_page_named_by_rel_next_is_followed() -> None:
    html = '<html><head><link rel="next" href="/van-ban?p=2"></head><body></body></html>'
    page = read_listing(html, "https://laocai.gov.vn/van-ban", Selectors())
    assert [e.url for e in page.more] == ["https://laocai.gov.vn/van-ban?p=2"]
