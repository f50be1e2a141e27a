"""Documents fetched by URL are converted in the worker processes under the run's limits
(--max-pages, --doc-timeout, --memory-mb), as local files are: a bomb served over HTTP is an
error record, and the URLs after it are converted."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from tests.conftest import ROOT
from tests.robustness import attacks
from tests.robustness.processes import tesseracts, wait_until_gone
from tests.robustness.servers import TestServer, errors, records
from vnplan.cli import app

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NEWS = (attacks.SAMPLES / "web" / "can-tho-news-2024.html").read_bytes()
PORTAL = (attacks.SAMPLES / "web" / "lao-cai-portal-122-kh-ubnd-2022.html").read_bytes()


def convert(*args: str) -> Result:
    return CliRunner().invoke(app, ["convert", *args, "--delay", "0", "--timeout", "5"])




def test_max_pages_holds_for_a_url_and_for_a_pages_attachment(
    server: TestServer, tmp_path: Path
) -> None:
    server.static("/lao-cai-122-kh-ubnd-2022.pdf", attacks.LAO_CAI_PDF.read_bytes(), PDF)
    server.static("/web/portal.html", PORTAL)  # links ../lao-cai-122-kh-ubnd-2022.pdf
    pdf, page = server.url("/lao-cai-122-kh-ubnd-2022.pdf"), server.url("/web/portal.html")

    result = convert(pdf, "-o", str(tmp_path / "a"), "--max-pages", "1")
    assert result.exit_code == 1
    assert errors(tmp_path / "a")[pdf]["code"] == "too_many_pages"

    convert(page, "-o", str(tmp_path / "b"), "--max-pages", "1")
    [(uri, error)] = errors(tmp_path / "b").items()
    assert (uri, error["code"]) == (pdf, "too_many_pages")
    assert f"linked from {page}" in error["message"]
    assert records(tmp_path / "b")[page]["kind"] == "news"  # the page itself has no pages


def test_doc_timeout_stops_a_url_document_and_the_batch_goes_on(
    server: TestServer, tmp_path: Path
) -> None:
    server.static("/scan.pdf", attacks.SCAN_PDF.read_bytes(), PDF)  # 15 pages to OCR: ≈ 25 s
    server.static("/news.html", NEWS)
    scan, news = server.url("/scan.pdf"), server.url("/news.html")
    out = tmp_path / "out"
    result = convert(scan, news, "-o", str(out), "--doc-timeout", "10", "--workers", "2")
    assert result.exit_code == 1
    assert errors(out)[scan]["code"] == "timeout"
    assert records(out)[news]["article"]["published"] == "2024-02-06"
    assert wait_until_gone(tesseracts(ROOT), 2) == set()  # killed with the timed-out worker


def test_a_pdf_bomb_by_url_is_an_error_record_and_the_next_url_converts(
    server: TestServer, tmp_path: Path
) -> None:
    server.static("/bomb.pdf", attacks.pdf_bomb(), PDF)  # 1 KB that inflates to 160 MB
    server.static("/news.html", NEWS)
    bomb, news = server.url("/bomb.pdf"), server.url("/news.html")
    out = tmp_path / "out"
    result = convert(bomb, news, "-o", str(out), "--memory-mb", "512", "--workers", "1")
    assert result.exit_code == 1
    error = errors(out)[bomb]
    assert error["code"] == "out_of_memory" and bomb in error["message"], error
    assert set(records(out)) == {news}


def test_memory_limit_holds_for_url_documents(
    server: TestServer, tmp_path: Path, docx_bomb: Path
) -> None:
    server.static("/heavy.pdf", attacks.heavy_page_pdf(), PDF)  # a 60 000-pixel square scan
    server.static("/bomb.docx", docx_bomb.read_bytes(), DOCX)  # 120 MB of XML inside
    urls = [server.url("/heavy.pdf"), server.url("/bomb.docx")]
    out = tmp_path / "out"
    result = convert(*urls, "-o", str(out), "--memory-mb", "512", "--workers", "2")
    assert result.exit_code == 1
    assert {uri: e["code"] for uri, e in errors(out).items()} == dict.fromkeys(
        urls, "out_of_memory"
    )
