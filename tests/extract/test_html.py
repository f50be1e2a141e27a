"""HTML pages (samples/web/) → records with the facts expected from their seeds."""

from __future__ import annotations

import html
import importlib.util
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import lxml.html
import pytest
from lxml.html import HtmlElement

from tests.conftest import ROOT, SAMPLES, converted, expected_facts
from vnplan.evaluate import Score, score_document
from vnplan.extract.readers.html_article import unwrap_layout_tables
from vnplan.extract.readers.html_blocks import page_blocks
from vnplan.extract.readers.html_dom import clean_page, decode_html, parse_html
from vnplan.extract.readers.txt import strip_markup
from vnplan.pipeline import ConvertOptions, convert
from vnplan.schema import Document

WEB = SAMPLES / "web"
# page → the seed its text comes from (tests/data/expected/<seed>.json)
SEEDS = {
    "lao-cai-news-2023.html": "lao-cai-news-2023-ke-hoach-ngoai-giao-van-hoa",
    "can-tho-news-2024.html": "can-tho-news-2024-ngoai-giao-van-hoa",
    "hue-portal-173-kh-ubnd-2022.html": "thua-thien-hue-news-173-kh-ubnd-2022",
    "lang-son-227-kh-ubnd-2021.html": "lang-son-227-kh-ubnd-2021",
}
# What a page says beyond its seed text: the Lào Cai article's site names itself in
# og:site_name and JSON-LD ("Báo Lào Cai"), which the seed text does not carry.
PAGE_FACTS: dict[str, dict[str, Any]] = {
    "lao-cai-news-2023.html": {"publisher": "Báo Lào Cai"},
}
CHROME = (
    "Trang chủ",
    "Tìm kiếm",
    "Tin Liên Quan",
    "Các tin khác",
    "Chia sẻ",
    "Từ khóa",
    "Thống kê truy cập",
    "truy cập",
    "Bình chọn",
    "Ý kiến bạn đọc",
    "Liên kết website",
    "File đính kèm",
    "Trong ảnh:",
    "Ghi rõ nguồn",
)


def _load(path: Path) -> Document:
    return converted(path.relative_to(ROOT))


@pytest.fixture(scope="module")
def records() -> dict[str, Document]:
    return {page.name: _load(page) for page in sorted(WEB.glob("*.html"))}


def _page_expected(page: str) -> dict[str, Any]:
    facts = expected_facts(SEEDS[page])
    if facts.get("news"):
        facts["news"] = {**facts["news"], **PAGE_FACTS.get(page, {})}
    return facts


def _cleaned(page: str) -> HtmlElement:
    return clean_page(parse_html(decode_html((WEB / page).read_bytes())))


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_main_text", ROOT / "bench/main_text.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("page", sorted(SEEDS))
def test_page_has_the_facts_of_its_seed(page: str, records: dict[str, Document]) -> None:
    score = Score()
    score_document(score, _page_expected(page), records[page], page)
    misses = [m for m in score.misses if "row.coordinating" not in m]
    assert misses == []
    assert records[page].source.format == "html"
    assert records[page].source.fetched_at is None


@pytest.mark.parametrize(
    ("page", "published", "author", "publisher"),
    [
        ("can-tho-news-2024.html", "2024-02-06", "DUY KHÔI", "Báo Cần Thơ"),
        ("hue-portal-173-kh-ubnd-2022.html", "2022-04-29", None, "thuathienhue.gov.vn"),
        ("lao-cai-news-2023.html", None, "Hà Phương", "Báo Lào Cai"),
    ],
)
def test_news_pages_byline_and_date(
    page: str,
    published: str | None,
    author: str | None,
    publisher: str | None,
    records: dict[str, Document],
) -> None:
    doc = records[page]
    assert doc.kind == "news" and doc.article is not None
    got = doc.article.published.isoformat() if doc.article.published else None
    assert (got, doc.article.author, doc.article.publisher) == (published, author, publisher)


def test_date_comes_from_markup_not_from_dates_the_text_mentions(
    records: dict[str, Document],
) -> None:
    """The Lào Cai article mentions 21/02/2023 (the plan's date) and has no date of its own."""
    article = records["lao-cai-news-2023.html"].article
    assert article is not None and article.published is None
    assert article.about.issued_date is not None
    assert article.about.issued_date.isoformat() == "2023-02-21"


def test_portal_item_about_the_attached_plan(records: dict[str, Document]) -> None:
    doc = records["lao-cai-portal-122-kh-ubnd-2022.html"]
    assert doc.kind == "news" and doc.article is not None
    assert doc.title == (
        "Kế hoạch hành động triển khai Chiến lược Ngoại giao văn hóa đến năm 2030 "
        "trên địa bàn tỉnh Lào Cai"
    )
    assert doc.article.main_text.startswith("Ngày 30/3/2022, Ủy ban nhân dân tỉnh Lào Cai")
    assert doc.article.main_text.endswith("Toàn văn Kế hoạch xem trong file đính kèm.")
    about = doc.article.about
    assert (about.doc_number, about.province) == ("122/KH-UBND", "Lào Cai")
    assert about.issued_date is not None and about.issued_date.isoformat() == "2022-03-30"


@pytest.mark.parametrize("page", sorted(p.name for p in WEB.glob("*.html")))
def test_chrome_is_not_in_the_text(page: str, records: dict[str, Document]) -> None:
    doc = records[page]
    text = doc.article.main_text if doc.article else "\n".join(s.text for s in doc.iter_sections())
    for chrome in CHROME:
        assert chrome not in text, chrome


def test_figcaptions_are_left_out(records: dict[str, Document]) -> None:
    root = lxml.html.fromstring((WEB / "lao-cai-news-2023.html").read_bytes())
    captions = [c.text_content().strip() for c in root.iter("figcaption")]
    article = records["lao-cai-news-2023.html"].article
    assert len(captions) == 2 and article is not None
    assert not any(caption[:60] in article.main_text for caption in captions)


def test_windows_1258_page_is_decoded_and_composed() -> None:
    data = (WEB / "hue-portal-173-kh-ubnd-2022.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = decode_html(data)
    assert text == unicodedata.normalize("NFC", text)
    assert "Thừa Thiên Huế" in text and "hoá" in text
    assert not any(unicodedata.combining(c) for c in text)
    doc = convert(data, uri="hue.html")
    assert doc.title == (
        "Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá đến năm 2030 trên địa bàn tỉnh"
    )
    assert doc.article is not None
    assert "Ủy ban nhân dân tỉnh Thừa Thiên Huế" in doc.article.main_text


def test_layout_tables_become_divisions_for_trafilatura() -> None:
    page = _cleaned("hue-portal-173-kh-ubnd-2022.html")
    assert page.find(".//table") is not None
    assert unwrap_layout_tables(page).find(".//table") is None


def test_main_text_f1_per_page() -> None:
    bench = _bench()
    rows = bench.score_pages()
    assert {row.page for row in rows} == {
        "can-tho-news-2024.html",
        "hue-portal-173-kh-ubnd-2022.html",
        "lao-cai-news-2023.html",
        "lao-cai-portal-122-kh-ubnd-2022.html",
    }
    for row in rows:
        assert row.vnplan >= bench.THRESHOLD, row
        assert row.vnplan >= row.trafilatura, row


def test_token_f1() -> None:
    bench = _bench()
    assert bench.token_f1("Hà Nội, Việt Nam.", "hà nội việt nam") == 1.0
    assert bench.token_f1("a b", "a a") == 0.5
    assert bench.token_f1("a", "") == 0.0


# -- legal portal page: the plan, read by the page's own structure ------------------------


def _plan_view(doc: Document) -> dict[str, Any]:
    data = doc.model_dump(mode="json", exclude={"source", "id", "warnings"})
    return data


def test_legal_portal_page_gives_the_text_path_record(records: dict[str, Document]) -> None:
    page = records["lang-son-227-kh-ubnd-2021.html"]
    text = converted(SAMPLES / "lang-son-227-kh-ubnd-2021.txt")
    assert page.kind == "plan"
    assert (page.doc_number, page.issued_date) == (text.doc_number, text.issued_date)
    assert page.signer is not None and page.signer.name == "Dương Xuân Huyên"  # "Người ký"
    assert any(w.code == "truncated" for w in page.warnings)
    assert _plan_view(page) == _plan_view(text)


def test_legal_portal_tables_become_lines() -> None:
    page = _cleaned("lang-son-227-kh-ubnd-2021.html")
    texts = [line.text for line in page_blocks(page).lines]
    start = texts.index("Số hiệu 227/KH-UBND")  # metadata table: "Key Value"
    assert texts[start : start + 7][-1] == "Lĩnh vực Văn hóa - Xã hội"
    header = texts.index("ỦY BAN NHÂN DÂN")  # header table: left cell, then right cell
    assert texts[header : header + 8] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LẠNG SƠN",
        "-------",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "---------------",
        "Số: 227/KH-UBND",
        "Lạng Sơn, ngày 18 tháng 11 năm 2021",
    ]
    assert "Việt Nam1, Ủy ban nhân dân tỉnh Lạng Sơn" in " ".join(texts)  # <sup>1</sup> inline


def _html_from_text(text: str) -> bytes:
    """A plain page holding a text export: each line a <p>, tab rows a bordered <table>."""
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><div id='content'>"]
    rows: list[str] = []

    def flush() -> None:
        if rows:
            cells = (
                "<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in r.split("\t"))
                for r in rows
            )
            out.append("<table border='1'>" + "".join(cells) + "</table>")
            rows.clear()

    for raw in text.splitlines():
        line = strip_markup(raw)[0] if "*" in raw else raw  # the text export's own markup
        if "\t" in line:
            rows.append(line)
            continue
        flush()
        if line.strip():
            out.append(f"<p>{html.escape(line.strip())}</p>")
    flush()
    out.append("</div></body></html>")
    return "\n".join(out).encode("utf-8")


def test_data_tables_become_appendix_rows() -> None:
    source = SAMPLES / "lao-cai-122-kh-ubnd-2022.txt"
    text = converted(source, ConvertOptions(normalize=False))
    page = convert(_html_from_text(source.read_text("utf-8")), ConvertOptions(normalize=False),
                   uri="lao-cai.html")
    assert page.kind == "plan" and page.appendices
    assert [a.model_dump() for a in page.appendices] == [a.model_dump() for a in text.appendices]
    assert _plan_view(page) == _plan_view(text)


def test_merged_cells_keep_columns_aligned() -> None:
    """A colspan is given once, padded with "" and said in `spans`; a rowspan is given again in
    each row it covers (the Word reader's rows; the line's text stays as printed), and the
    page's notes say how many."""
    page = (
        "<html><body><table>"
        "<tr><th>STT</th><th>Nội dung</th><th>Chủ trì</th><th>Phối hợp</th></tr>"
        "<tr><td>I</td><td colspan='3'>Nhóm một</td></tr>"
        "<tr><td>1</td><td>Việc A</td><td rowspan='2'>Sở Ngoại vụ</td>"
        "<td>Sở Văn hóa<br>Sở Du lịch</td></tr>"
        "<tr><td>2</td><td>Việc B</td><td>Sở Tư pháp</td></tr>"
        "</table></body></html>"
    )
    blocks = page_blocks(clean_page(parse_html(page)))
    rows = [(line.cells, line.spans) for line in blocks.lines if line.cells]
    assert rows == [
        (("STT", "Nội dung", "Chủ trì", "Phối hợp"), None),
        (("I", "Nhóm một", "", ""), (1, 3, 0, 0)),
        (("1", "Việc A", "Sở Ngoại vụ", "Sở Văn hóa\nSở Du lịch"), None),
        (("2", "Việc B", "Sở Ngoại vụ", "Sở Tư pháp"), None),
    ]
    assert blocks.lines[-1].text == "2\tViệc B\t\tSở Tư pháp"  # as printed
    [note] = blocks.notes
    assert note.code == "merged_cells_spread" and note.message.startswith("1 table cell(s)")


def test_a_row_of_cells_merged_down_only_is_no_row() -> None:
    """A header printed over two rows ("STT" and "Đơn vị" merged down, nothing else in the
    second): the second row has no text of its own and gives no line."""
    page = ("<html><body><table><tr><th rowspan='2'>STT</th><th rowspan='2'>Đơn vị</th>"
            "<th>Ghi chú</th></tr><tr><td></td></tr>"
            "<tr><td>1</td><td>Xã Lạc Dương</td><td></td></tr></table></body></html>")
    blocks = page_blocks(clean_page(parse_html(page)))
    assert [line.cells for line in blocks.lines if line.cells] == [
        ("STT", "Đơn vị", "Ghi chú"), ("1", "Xã Lạc Dương", "")]
    assert blocks.notes == []


def test_empty_and_chrome_only_pages() -> None:
    from vnplan.errors import ConversionError

    with pytest.raises(ConversionError) as empty:
        convert(b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>")
    assert empty.value.code in ("empty", "no_article")


def test_page_trafilatura_cannot_read_keeps_its_text() -> None:
    page = (
        "<html><head><title>Tin ngắn</title></head><body>"
        "<p>UBND tỉnh Lào Cai ban hành Kế hoạch số 12/KH-UBND.</p></body></html>"
    )
    doc = convert(page.encode(), uri="short.html")
    assert doc.kind == "news" and doc.title == "Tin ngắn" and doc.article is not None
    assert doc.article.main_text == "UBND tỉnh Lào Cai ban hành Kế hoạch số 12/KH-UBND."
    assert doc.article.about.doc_number == "12/KH-UBND"


def test_a_chrome_label_atop_the_article_takes_only_itself() -> None:
    """"Chia sẻ" opening the article's own container must not take the article with it."""
    body = (
        "<p>UBND tỉnh Lào Cai vừa ban hành Kế hoạch số 12/KH-UBND ngày 21/02/2023 về triển khai "
        "Chiến lược ngoại giao văn hóa, với nhiều nhóm nhiệm vụ cụ thể cho các sở, ngành.</p>"
        "<p>Kế hoạch nêu rõ mục tiêu quảng bá hình ảnh, con người Lào Cai tới bạn bè quốc tế "
        "và thu hút đầu tư, phát triển du lịch bền vững trên địa bàn tỉnh.</p>"
    )
    page = (
        "<html><head><title>Lào Cai đẩy mạnh ngoại giao văn hóa</title></head><body>"
        f"<div class='content'><span>Chia sẻ</span> <a href='#'>Facebook</a>{body}</div>"
        "<div class='box'><h3>Tin liên quan</h3><p>Một tin khác về Lào Cai và du lịch.</p></div>"
        "</body></html>"
    )
    doc = convert(page.encode(), uri="share.html")
    assert doc.article is not None
    assert doc.article.main_text.startswith("UBND tỉnh Lào Cai vừa ban hành")
    assert doc.article.main_text.endswith("trên địa bàn tỉnh.")
    assert "Chia sẻ" not in doc.article.main_text and "Một tin khác" not in doc.article.main_text


def test_word_export_table_with_paragraphs_in_cells_is_a_data_table() -> None:
    def cell(*paragraphs: str) -> str:
        return "<td>" + "".join(f"<p class='MsoNormal'>{p}</p>" for p in paragraphs) + "</td>"

    page = (
        "<html><body><table border='1'><tr>"
        + cell("STT")
        + cell("Nội dung")
        + cell("Cơ quan", "chủ trì")
        + "</tr><tr>"
        + cell("1")
        + cell("Tổ chức Ngày văn hóa", "tại Hàn Quốc")
        + cell("Sở Ngoại vụ", "Sở Du lịch")
        + "</tr></table></body></html>"
    )
    rows = [line.cells for line in page_blocks(clean_page(parse_html(page))).lines if line.cells]
    assert rows == [
        ("STT", "Nội dung", "Cơ quan\nchủ trì"),
        ("1", "Tổ chức Ngày văn hóa\ntại Hàn Quốc", "Sở Ngoại vụ\nSở Du lịch"),
    ]


def _amended_rows_page() -> bytes:
    """An amending law's page: the rows of a list it replaces, one bordered table per item,
    headerless, the cells Word paragraphs ("- Bộ …" lines), an item's rows under a number
    merged down."""
    def cell(*paragraphs: str, rowspan: int = 1) -> str:
        span = f" rowspan='{rowspan}'" if rowspan > 1 else ""
        return f"<td{span}>" + "".join(f"<p class='MsoNormal'>{p}</p>" for p in paragraphs) + (
            "</td>")

    items = (
        ("7", [("Dịch vụ vận chuyển hành khách hàng không nội địa", ("Bộ Xây dựng định giá",)),
               ("Dịch vụ thuê chuyên cơ", ("- Bộ Tài chính định giá tối đa",
                                           "- Bộ Xây dựng định giá cụ thể"))]),
        ("8", [("Dịch vụ kiểm định xe cơ giới", ("Bộ Xây dựng định giá tối đa",))]),
        ("14", [("Dịch vụ trong lĩnh vực chứng khoán", ("Bộ Tài chính định khung giá",))]),
    )
    tables = []
    for number, rows in items:
        body = []
        for index, (content, lead) in enumerate(rows):
            first = cell(number, rowspan=len(rows)) if index == 0 else ""
            body.append(f"<tr>{first}{cell(content)}{cell(*lead)}</tr>")
        tables.append("<table border='1'>" + "".join(body) + "</table>")
    return (
        "<html><body><p>QUỐC HỘI</p><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>"
        "<p>Độc lập - Tự do - Hạnh phúc</p><p>Luật số: 140/2025/QH15</p><p>LUẬT</p>"
        "<p>SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT GIÁ</p>"
        "<p>Điều 1. Sửa đổi, bổ sung Phụ lục số 02 của Luật Giá</p>"
        "<p>a) Sửa đổi, bổ sung các mục số 7, 8 và 14 như sau:</p>" + "".join(tables)
        + "<p>Điều 2. Hiệu lực thi hành</p><p>Luật này có hiệu lực từ ngày 01 tháng 01 năm 2026."
        "</p></body></html>"
    ).encode()


def test_numbered_rows_with_paragraphs_in_cells_are_a_data_table() -> None:
    """... and item 7's number, merged down its two rows, is each row's number."""
    lines = page_blocks(clean_page(parse_html(_amended_rows_page().decode()))).lines
    rows = [(line.cells, line.starts_table) for line in lines if line.cells]
    assert rows == [
        (("7", "Dịch vụ vận chuyển hành khách hàng không nội địa", "Bộ Xây dựng định giá"), True),
        (("7", "Dịch vụ thuê chuyên cơ",
          "- Bộ Tài chính định giá tối đa\n- Bộ Xây dựng định giá cụ thể"), False),
        (("8", "Dịch vụ kiểm định xe cơ giới", "Bộ Xây dựng định giá tối đa"), True),
        (("14", "Dịch vụ trong lĩnh vực chứng khoán", "Bộ Tài chính định khung giá"), True),
    ]


def test_tables_printed_one_after_another_stay_apart() -> None:
    """Regression (vbpl-luat-140-2025-qh15): 14 tables of an amending law came out as 4."""
    doc = convert(_amended_rows_page(), ConvertOptions(normalize=False), uri="luat.html")
    assert [[row[0] for row in table.cells] for table in doc.appendices] == [
        ["7", "7"], ["8"], ["14"]]
    assert all(not table.columns and not table.in_appendix for table in doc.appendices)


def test_an_index_of_model_forms_is_a_table() -> None:
    """A two-column table whose rows open with "Mẫu số NN" lists an appendix's forms."""
    page = (
        "<html><body><p>PHỤ LỤC</p><table border='1'>"
        "<tr><td>Mẫu số 01</td><td>Đề xuất Kế hoạch kiểm tra chuyên đề</td></tr>"
        "<tr><td>Mẫu số 02</td><td>Quyết định kiểm tra</td></tr></table>"
        "<table><tr><td>Số hiệu</td><td>56/2025/TT-BCT</td></tr></table></body></html>"
    )
    lines = page_blocks(clean_page(parse_html(page))).lines
    assert [(line.text, line.cells) for line in lines] == [
        ("PHỤ LỤC", None),
        ("Mẫu số 01\tĐề xuất Kế hoạch kiểm tra chuyên đề",
         ("Mẫu số 01", "Đề xuất Kế hoạch kiểm tra chuyên đề")),
        ("Mẫu số 02\tQuyết định kiểm tra", ("Mẫu số 02", "Quyết định kiểm tra")),
        ("Số hiệu 56/2025/TT-BCT", None)]


def test_a_ballot_grid_under_column_names_is_a_data_table() -> None:
    """Regression (vbpl-nq-104-2025-ubtvqh15): a ballot's rows hold two paragraphs in their
    first cell (the name, then "Chức danh cụ thể"); the short names above make it a table."""
    page = (
        "<html><body><table border='0'><tr><td><p><b>Họ và tên</b></p></td>"
        "<td><p><b>Tán thành</b></p></td><td><p><b>Không tán thành</b></p></td></tr>"
        "<tr><td><p>1. Ông (Bà)……</p><p><i>Chức danh cụ thể</i></p></td><td><p>□</p></td>"
        "<td><p>□</p></td></tr></table></body></html>"
    )
    rows = [line.cells for line in page_blocks(clean_page(parse_html(page))).lines if line.cells]
    assert rows == [("Họ và tên", "Tán thành", "Không tán thành"),
                    ("1. Ông (Bà)……\nChức danh cụ thể", "□", "□")]
