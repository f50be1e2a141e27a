"""Servers that try to make vnplan read what the user did not ask for: redirects and links to
another local service (SSRF), pages with hundreds of attachments, lying charsets."""

from __future__ import annotations

from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from tests.robustness import attacks
from tests.robustness.servers import TestServer, errors, records
from vnplan.cli import app

SECRET = "Mật khẩu quản trị nội bộ: hunter2"  # what the internal service would give away
NEWS = (attacks.SAMPLES / "web" / "can-tho-news-2024.html").read_bytes()
PDF = attacks.LAO_CAI_PDF.read_bytes()


def convert(*args: str) -> Result:
    return CliRunner().invoke(app, ["convert", *args, "--delay", "0", "--timeout", "5"])




def written_text(out: Path) -> str:
    return "".join(p.read_bytes().decode("utf-8", "replace") for p in out.rglob("*") if p.is_file())


def internal_page() -> bytes:
    return (
        "<html><head><title>Quản trị</title></head><body><article><h1>Trang nội bộ</h1>"
        f"<p>{SECRET}. " + "Nội dung chỉ dành cho mạng nội bộ của cơ quan. " * 20 + "</p>"
        "</article></body></html>"
    ).encode()


def test_a_redirect_to_another_local_port_is_refused(
    server: TestServer, other_server: TestServer, tmp_path: Path
) -> None:
    other_server.static("/admin", internal_page())
    target = other_server.url("/admin")
    server.route("/tin.html", lambda req, _n: req.reply(302, headers={"Location": target}))
    start, out = server.url("/tin.html"), tmp_path / "out"
    assert convert(start, "-o", str(out)).exit_code == 1
    error = errors(out)[start]
    assert error["code"] == "private_address" and target in error["message"]
    assert other_server.hits == []  # never even connected to
    assert SECRET not in written_text(out)

    allowed = tmp_path / "allowed"
    assert convert(start, "-o", str(allowed), "--allow-private").exit_code == 0
    [record] = records(allowed).values()
    assert (record["source"]["uri"], record["source"]["final_url"]) == (start, target)


def test_redirects_to_link_local_addresses_are_refused(
    server: TestServer, tmp_path: Path
) -> None:
    metadata = "http://169.254.169.254/latest/meta-data/"  # the cloud's instance secrets
    server.route("/go", lambda req, _n: req.reply(301, headers={"Location": metadata}))
    start, out = server.url("/go"), tmp_path / "out"
    convert(start, "-o", str(out))
    assert errors(out)[start]["code"] == "private_address"


def test_a_redirect_on_the_same_server_is_followed_and_recorded(
    server: TestServer, tmp_path: Path
) -> None:
    server.route("/old", lambda req, _n: req.reply(301, headers={"Location": "/tin/moi.html"}))
    server.static("/tin/moi.html", NEWS)
    out = tmp_path / "out"
    assert convert(server.url("/old"), "-o", str(out)).exit_code == 0
    [record] = records(out).values()
    assert record["source"]["uri"] == server.url("/old")
    assert record["source"]["final_url"] == server.url("/tin/moi.html")


def test_attachment_links_to_another_local_service_are_refused(
    server: TestServer, other_server: TestServer, tmp_path: Path
) -> None:
    other_server.static("/internal.pdf", PDF, "application/pdf")
    internal = other_server.url("/internal.pdf")
    page = NEWS.replace(b"</article>", f'<a href="{internal}">Tải về</a></article>'.encode())
    assert page != NEWS
    server.static("/tin.html", page)
    out = tmp_path / "out"
    convert(server.url("/tin.html"), "-o", str(out))
    assert errors(out)[internal]["code"] == "private_address"
    assert set(records(out)) == {server.url("/tin.html")}
    assert other_server.hits == []


def test_attachments_per_page_are_capped_and_the_rest_named(
    server: TestServer, tmp_path: Path
) -> None:
    links = "".join(f'<a href="/files/{i}.pdf">Tệp {i}</a>' for i in range(25))
    server.static("/tin.html", NEWS.replace(b"</article>", f"{links}</article>".encode()))
    for i in range(25):
        server.static(f"/files/{i}.pdf", b"%PDF-1.4 not really a PDF", "application/pdf")
    out = tmp_path / "out"
    convert(server.url("/tin.html"), "-o", str(out))
    fetched = {h.path for h in server.hits if h.path.startswith("/files/")}
    assert fetched == {f"/files/{i}.pdf" for i in range(20)}  # the default, 20 per page
    assert len(errors(out)) == 20  # each followed one is an outcome (not a PDF: corrupt_pdf)
    [page] = records(out).values()
    [warning] = [w for w in page["warnings"] if w["code"] == "attachments_not_followed"]
    assert all(server.url(f"/files/{i}.pdf") in warning["message"] for i in range(20, 25))

    capped = tmp_path / "capped"
    convert(server.url("/tin.html"), "-o", str(capped), "--max-attachments", "2", "--force")
    assert len(errors(capped)) == 2


def test_charsets_that_are_codecs_but_no_charset_still_give_records(
    server: TestServer, tmp_path: Path
) -> None:
    for label in ("punycode", "undefined", "idna"):
        server.static(f"/{label}.html", NEWS, f"text/html; charset={label}")
    urls = [server.url(f"/{label}.html") for label in ("punycode", "undefined", "idna")]
    out = tmp_path / "out"
    assert convert(*urls, "-o", str(out)).exit_code == 0, errors(out)
    assert {r["article"]["published"] for r in records(out).values()} == {"2024-02-06"}
