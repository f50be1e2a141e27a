"""save(): safe names, never outside the folder, atomic."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fetch_httpd import TestServer

from vnplan.fetch import FetchedDocument, Fetcher, FetchError, FetchSettings, safe_file_name, save
from vnplan.fetch.document import Format


def doc(url: str, fmt: Format = "pdf", content: bytes = b"%PDF-1.4\n") -> FetchedDocument:
    return FetchedDocument(
        url=url,
        final_url=url,
        content=content,
        media_type="application/pdf",
        format=fmt,
        charset=None,
        text=None,
        fetched_at=datetime.now(UTC),
        from_cache=False,
    )


HOSTILE = [
    "http://h.vn/../../x",
    "http://h.vn/a/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "http://h.vn/%2E%2E%5C%2E%2E%5Cwindows%5Cwin.ini",
    "http://h.vn/files/..%2f..%2f..%2fescape.pdf",
    "http://h.vn//etc/passwd",
    "http://h.vn/C:%5CWindows%5Csystem32",
    "http://h.vn/%2Fabs%2Fpath.pdf",
    "http://h.vn/a%00b%0a%0d%1b.pdf",
    "http://h.vn/..",
    "http://h.vn/.hidden",
    "http://h.vn/%252e%252e%252f",
    "http://h.vn/" + "%E1%BA%BF" * 400 + ".pdf",
    "http://h.vn/" + "a" * 5000,
    "http://h.vn/con",
]


@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_urls_stay_inside(tmp_path: Path, url: str) -> None:
    out = tmp_path / "out"
    path = save(doc(url), out)
    assert path.parent == out.resolve()
    assert path.read_bytes() == b"%PDF-1.4\n"
    assert list(tmp_path.iterdir()) == [out]  # nothing written beside the folder
    assert [p.name for p in out.iterdir()] == [path.name]  # and no temp files left
    assert not path.name.startswith(".") and path.name.endswith(".pdf")
    assert len(path.name.encode("utf-8")) <= 255
    assert all(c not in path.name for c in "/\\\x00\n\r\x1b:")


def test_names_keep_vietnamese_and_get_the_sniffed_extension() -> None:
    name = safe_file_name(doc("https://h.vn/van-ban/K%E1%BA%BF%20ho%E1%BA%A1ch%20122.doc?x=1"))
    assert name.startswith("Kế-hoạch-122-") and name.endswith(".pdf")  # sniffed pdf, not .doc


def test_empty_path_is_index_html() -> None:
    name = safe_file_name(doc("https://h.vn/", fmt="html"))
    assert name.startswith("index-") and name.endswith(".html")


def test_names_differ_by_query() -> None:
    one = safe_file_name(doc("https://h.vn/download.aspx?id=1"))
    two = safe_file_name(doc("https://h.vn/download.aspx?id=2"))
    assert one != two and one.startswith("download-")


def test_planted_symlink_is_unsafe_path(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"keep me")
    document = doc("https://h.vn/files/ke-hoach.pdf")
    (out / safe_file_name(document)).symlink_to(victim)
    with pytest.raises(FetchError) as caught:
        save(document, out)
    assert caught.value.code == "unsafe_path"
    assert victim.read_bytes() == b"keep me"


def test_save_overwrites_atomically(tmp_path: Path) -> None:
    first = save(doc("https://h.vn/a.pdf", content=b"%PDF-1.4 one"), tmp_path)
    inode = os.stat(first).st_ino
    second = save(doc("https://h.vn/a.pdf", content=b"%PDF-1.4 two"), tmp_path)
    assert first == second and second.read_bytes() == b"%PDF-1.4 two"
    assert os.stat(second).st_ino != inode  # replaced, not written in place


def test_fetched_page_saved_from_a_dotted_url(
    server: TestServer, settings: FetchSettings, tmp_path: Path
) -> None:
    hostile = "/files/..%2f..%2f..%2fke-hoach.pdf"
    server.static(hostile, b"%PDF-1.4\nbody", "application/octet-stream")
    with Fetcher(settings) as fetcher:
        fetched = fetcher.fetch(server.url(hostile))
    path = save(fetched, tmp_path)
    assert path.parent == tmp_path.resolve()
    assert path.name.startswith("ke-hoach-") and path.suffix == ".pdf"
