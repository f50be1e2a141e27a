"""A provincial portal on 127.0.0.1 for the watch tests and bench: a "Văn bản mới" listing (10
entries a page, newest first, "Trang sau" to the next), an RSS feed of the newest 10, a
sitemap index with one sitemap of every document page (lastmod), and a page per document with
its attachment ("Tải về"): a Word file built with python-docx, or a sample PDF.

Every response carries an ETag (the sha256 of its body) and a Last-Modified, and a request that
names the current ETag gets 304 with no body. Each request is logged with its status and the
validators it sent, so a test can tell a conditional request and a download apart.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import io
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from docx import Document as new_docx

from tests.fetch.fetch_httpd import Handler, TestServer

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = ("ninh-binh-86-bc-skhcn-2026.pdf",)
PER_PAGE = 10
DAY0 = dt.date(2025, 1, 1)


@dataclass(frozen=True)
class Logged:
    """One request: its path and query, the status answered, whether it was conditional."""

    target: str
    status: int
    conditional: bool


def plan_docx(n: int, version: int = 1) -> bytes:
    """A short Kế hoạch as a Word file: header, number, place and date, two parts, signature."""
    issued = DAY0 + dt.timedelta(days=n)
    doc = new_docx()
    for line in (
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {100 + n}/KH-UBND",
        f"Lào Cai, ngày {issued.day} tháng {issued.month} năm {issued.year}",
        "KẾ HOẠCH",
        f"Thực hiện Chiến lược ngoại giao văn hóa, đợt {n}",
        "I. MỤC TIÊU",
        "1. Quảng bá hình ảnh, con người Lào Cai ra thế giới; bảo vệ và phát huy giá trị di sản"
        " văn hóa của tỉnh.",
        "II. TỔ CHỨC THỰC HIỆN",
        f"1. Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch tổ chức {n + 1}"
        " hoạt động giao lưu văn hóa với tỉnh Vân Nam (Trung Quốc).",
        *(["2. Sở Du lịch cập nhật danh mục sự kiện năm 2025."] if version > 1 else []),
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trịnh Xuân Trường",
    ):
        doc.add_paragraph(line)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def sample_pdf(n: int, version: int = 1) -> bytes:
    """A sample PDF, its bytes made the document's own by a comment after its end."""
    data = (SAMPLES / PDFS[n % len(PDFS)]).read_bytes()
    return data + f"\n% portal document {n} version {version}\n".encode()


@dataclass
class Doc:
    n: int
    version: int = 1
    modified: dt.datetime = field(default_factory=lambda: dt.datetime(2025, 6, 1, tzinfo=dt.UTC))

    @property
    def kind(self) -> str:
        return "pdf" if self.n % 3 == 0 else "docx"

    @property
    def title(self) -> str:
        return f"Kế hoạch số {100 + self.n}/KH-UBND thực hiện Chiến lược ngoại giao văn hóa"

    @property
    def page(self) -> str:
        return f"/van-ban/ke-hoach-{self.n}.html"

    @property
    def file(self) -> str:
        return f"/files/ke-hoach-{self.n}.{self.kind}"

    @property
    def issued(self) -> dt.date:
        return DAY0 + dt.timedelta(days=self.n)


class Portal:
    """The portal's documents (`docs`, oldest first) served by a TestServer."""

    def __init__(self, server: TestServer, count: int) -> None:
        self.server = server
        self.docs = [Doc(n) for n in range(1, count + 1)]
        self.log: list[Logged] = []
        self.failing: set[str] = set()
        self._lock = threading.Lock()
        self._files: dict[tuple[int, int], bytes] = {}
        for path in (
            "/van-ban-moi",
            "/rss.xml",
            "/sitemap.xml",
            "/sitemap-1.xml",
            "/robots.txt",
            "/tin-tuc/rss.xml",
        ):
            server.route(path, self._answer)
        for doc in self.docs:
            self._route(doc)

    def url(self, path: str) -> str:
        return self.server.url(path)

    # -- what the server holds ---------------------------------------------------------------

    def add(self, count: int) -> list[Doc]:
        """`count` new documents, at the top of every list."""
        start = len(self.docs) + 1
        added = [
            Doc(n, modified=dt.datetime(2025, 7, 1, tzinfo=dt.UTC))
            for n in range(start, start + count)
        ]
        for doc in added:
            self._route(doc)
        self.docs.extend(added)
        return added

    def change(self, n: int) -> Doc:
        """A new version of document n's attachment (its page stays as it was; the sitemap
        dates the change)."""
        doc = next(d for d in self.docs if d.n == n)
        doc.version += 1
        doc.modified = dt.datetime(2025, 7, 2, tzinfo=dt.UTC)
        return doc

    def requests_for(self, path: str) -> list[Logged]:
        with self._lock:
            return [r for r in self.log if urlsplit(r.target).path == path]

    def downloads(self) -> list[str]:
        """Paths answered 200 with a body."""
        with self._lock:
            return [r.target for r in self.log if r.status == 200]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- answers ---------------------------------------------------------------------------

    def _route(self, doc: Doc) -> None:
        self.server.route(doc.page, self._answer)
        self.server.route(doc.file, self._answer)

    def _answer(self, req: Handler, _hit: int) -> None:
        # headers and body go out as two writes: without this, Nagle's algorithm and the
        # client's delayed ACK hold the body back 40 ms
        req.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        parts = urlsplit(req.path)
        if parts.path in self.failing:
            self._reply(req, 500, b"internal error", "text/plain", None)
            return
        body, content_type, modified = self._body(parts.path, parse_qs(parts.query))
        self._reply(req, 200, body, content_type, modified)

    def _reply(
        self,
        req: Handler,
        status: int,
        body: bytes,
        content_type: str,
        modified: dt.datetime | None,
    ) -> None:
        asked = req.headers.get("If-None-Match")
        etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'
        headers = {"ETag": etag}
        if modified is not None:
            headers["Last-Modified"] = email.utils.format_datetime(modified, usegmt=True)
        if status == 200 and asked == etag:
            status, body = 304, b""
        with self._lock:
            self.log.append(Logged(req.path, status, asked is not None))
        if status == 304:
            req.reply(304, content_type=None, headers=headers)
        else:
            req.reply(status, body, content_type, headers)

    def _body(
        self, path: str, query: dict[str, list[str]]
    ) -> tuple[bytes, str, dt.datetime | None]:
        html = "text/html; charset=utf-8"
        if path == "/robots.txt":
            return b"User-agent: *\nAllow: /\n", "text/plain", None
        if path == "/van-ban-moi":
            return self._listing(int(query.get("page", ["1"])[0])).encode(), html, None
        if path in ("/rss.xml", "/tin-tuc/rss.xml"):
            every = query.get("all") == ["1"]  # every document, not only the newest 10
            return self._rss(every).encode(), "application/rss+xml", None
        if path == "/sitemap.xml":
            return self._sitemap_index().encode(), "application/xml", None
        if path == "/sitemap-1.xml":
            return self._sitemap().encode(), "application/xml", None
        doc = next(d for d in self.docs if path in (d.page, d.file))
        if path == doc.page:
            return self._page(doc).encode(), html, dt.datetime(2025, 6, 1, tzinfo=dt.UTC)
        return self._file(doc), _media(doc.kind), doc.modified

    def _newest_first(self) -> list[Doc]:
        return sorted(self.docs, key=lambda d: -d.n)

    def _listing(self, page: int) -> str:
        docs = self._newest_first()[(page - 1) * PER_PAGE : page * PER_PAGE]
        rows = "\n".join(
            f'<tr><td><a href="{d.page}">{escape(d.title)}</a></td>'
            f"<td>{d.issued:%d/%m/%Y}</td></tr>"
            for d in docs
        )
        more = len(self.docs) > page * PER_PAGE
        following = f'<a href="/van-ban-moi?page={page + 1}">Trang sau</a>' if more else ""
        return (
            '<html><head><meta charset="utf-8"><title>Văn bản mới</title></head><body>'
            '<ul id="menu"><li><a href="/">Trang chủ</a></li>'
            '<li><a href="/van-ban-moi">Văn bản mới</a></li></ul>'
            f'<table class="list"><tr><th>Trích yếu</th><th>Ngày ban hành</th></tr>{rows}'
            f'</table><div class="pages">{following}</div></body></html>'
        )

    def _rss(self, every: bool = False) -> str:
        items = "".join(
            f"<item><title>{escape(d.title)}</title><link>{self.url(d.page)}</link>"
            f"<pubDate>{email.utils.format_datetime(_noon(d.issued))}</pubDate></item>"
            for d in self._newest_first()[: None if every else PER_PAGE]
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Văn bản mới</title><link>{self.url('/')}</link>{items}</channel></rss>"
        )

    def _sitemap_index(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.url('/sitemap-1.xml')}</loc></sitemap></sitemapindex>"
        )

    def _sitemap(self) -> str:
        urls = "".join(
            f"<url><loc>{self.url(d.page)}</loc><lastmod>{d.modified.isoformat()}</lastmod></url>"
            for d in self.docs
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )

    def _page(self, doc: Doc) -> str:
        return (
            '<html lang="vi"><head><meta charset="utf-8">'
            f"<title>{escape(doc.title)}</title></head><body>"
            f"<h1>{escape(doc.title)}</h1>"
            '<table class="attributes">'
            f"<tr><td>Số/Ký hiệu</td><td>{100 + doc.n}/KH-UBND</td></tr>"
            f"<tr><td>Ngày ban hành</td><td>{doc.issued:%d/%m/%Y}</td></tr>"
            "<tr><td>Loại văn bản</td><td>Kế hoạch</td></tr>"
            "<tr><td>Cơ quan ban hành</td><td>Ủy ban nhân dân tỉnh Lào Cai</td></tr>"
            "<tr><td>Người ký</td><td>Trịnh Xuân Trường</td></tr>"
            "<tr><td>Trích yếu</td><td>Thực hiện Chiến lược ngoại giao văn hóa</td></tr>"
            "</table>"
            "<p>Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch thực hiện Chiến lược ngoại giao"
            " văn hóa đến năm 2030 trên địa bàn tỉnh, với các nhiệm vụ quảng bá hình ảnh, bảo vệ"
            " di sản văn hóa và tăng cường giao lưu với các địa phương nước ngoài.</p>"
            f'<p>File đính kèm: <a href="{doc.file}">Tải về</a></p>'
            "</body></html>"
        )

    def _file(self, doc: Doc) -> bytes:
        key = (doc.n, doc.version)
        if key not in self._files:
            make = sample_pdf if doc.kind == "pdf" else plan_docx
            self._files[key] = make(doc.n, doc.version)
        return self._files[key]


def _media(kind: str) -> str:
    if kind == "pdf":
        return "application/pdf"
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _noon(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone(dt.timedelta(hours=7)))


@contextmanager
def portal(count: int) -> Iterator[Portal]:
    """A portal of `count` documents on 127.0.0.1, stopped at the end."""
    httpd = TestServer()
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield Portal(httpd, count)
    finally:
        httpd.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
