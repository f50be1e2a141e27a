"""outputs/report.py: one self-contained page on the samples' records, loaded in a real
headless browser; the README's screenshots are that page."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

from tests.conftest import ROOT
from tests.outputs.conftest import LANG_SON, LAO_CAI, as_kind, record, without_pillars
from vnplan.outputs.catalog import Pillar, pillars_of
from vnplan.outputs.records import Loaded, one_per_document
from vnplan.outputs.report import render_report
from vnplan.outputs.summary import Summary, summarize_all

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
BROWSER_TIMEOUT = 180  # a guard against a hung browser, not a speed check
SVG = "{http://www.w3.org/2000/svg}"
SCREENSHOTS = ("report.png", "report-charts.png")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)"
)


@pytest.fixture(scope="module")
def pillars(loaded: Loaded) -> tuple[Pillar, ...]:
    return pillars_of(loaded.documents)


@pytest.fixture(scope="module")
def page(loaded: Loaded, summaries: list[Summary], pillars: tuple[Pillar, ...]) -> str:
    return render_report(loaded.documents, summaries, pillars)


def _chart(page: str, chart_id: str) -> ET.Element:
    match = re.search(rf'<svg id="{chart_id}".*?</svg>', page, flags=re.S)
    assert match, chart_id
    return ET.fromstring(match[0])


def _section(page: str, section_id: str) -> str:
    match = re.search(rf'<section id="{section_id}">(.*?)</section>', page, flags=re.S)
    assert match, section_id
    return match[1]


def _cells(page: str) -> dict[tuple[str, int], ET.Element]:
    """The heatmap's cell rectangles by (row label, column)."""
    heat = _chart(page, "pillar-heatmap")
    cells: dict[tuple[str, int], ET.Element] = {}
    for cell in heat.iter(f"{SVG}g"):
        if cell.get("class") != "cell":
            continue
        title = cell.findtext(f"{SVG}title") or ""
        label = title.split(" — ")[0]
        column = sum(1 for key in cells if key[0] == label)
        rect = cell.find(f"{SVG}rect")
        assert rect is not None
        cells[(label, column)] = rect
    return cells


def test_the_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script src" not in page


def test_the_page_has_the_tables_and_the_charts(page: str, summaries: list[Summary]) -> None:
    for chart in ("pillar-heatmap", "agency-bars", "plan-timeline"):
        assert f'<svg id="{chart}"' in page
    assert len(_cells(page)) == sum(1 for s in summaries if s.linked) * 11
    assert "122/KH-UBND" in page and "Sở Ngoại vụ" in page and "kéo co" in page


def test_heatmap_shading_compares_across_provinces(page: str) -> None:
    """Absolute by default: a 2 is as light in Lạng Sơn as in Lào Cai, the darkest cell is
    Lào Cai's 17 (promotion); relative shading rides along for the toggle."""
    cells = _cells(page)
    lang_son, lao_cai = "Lạng Sơn · 227/KH-UBND", "Lào Cai · 122/KH-UBND"
    assert cells[(lang_son, 2)].get("data-value") == "2"  # promotion
    assert cells[(lao_cai, 1)].get("data-value") == "2"  # integration
    assert cells[(lang_son, 2)].get("fill") == cells[(lao_cai, 1)].get("fill")
    assert cells[(lao_cai, 2)].get("data-value") == "17"
    assert cells[(lao_cai, 2)].get("fill") == "#1f5f99"  # the scale's top
    assert cells[(lang_son, 2)].get("fill") != "#1f5f99"
    # Relative: Lạng Sơn's largest (2) is as dark as Lào Cai's largest (17).
    assert cells[(lang_son, 2)].get("data-rel") == cells[(lao_cai, 2)].get("data-rel")
    for rect in cells.values():
        assert rect.get("fill") == rect.get("data-abs")
    assert 'name="scale" value="rel"' in page


def _bar_totals(page: str) -> dict[str, int]:
    """Each lead-agency bar's total, added up from its stacked parts."""
    totals: dict[str, int] = {}
    for part in _chart(page, "agency-bars").iter(f"{SVG}g"):
        if part.get("class") != "bar":
            continue
        agency = (part.findtext(f"{SVG}title") or "").split(" — ")[0]
        rect = part.find(f"{SVG}rect")
        assert rect is not None
        totals[agency] = totals.get(agency, 0) + int(rect.get("data-value") or 0)
    return totals


def test_the_lead_agency_chart_covers_every_plan(page: str) -> None:
    """Lào Cai's plan and the Kế hoạch Gia Lai's decision issues have task tables; Lạng Sơn's
    plan and the other four documents name no lead agency."""
    bars = _chart(page, "agency-bars")
    legend = [t.text for t in bars.iter(f"{SVG}text")]
    assert "Lào Cai · 122/KH-UBND" in legend and "Gia Lai · Quyết định 356/QĐ-UBND" in legend
    title = bars.findtext(f"{SVG}title") or ""
    assert "Lead tasks per agency, across 2 plans and 1 other document" in title
    assert _bar_totals(page)["Sở Ngoại vụ tỉnh"] == 18
    section = _section(page, "agencies")
    listed = section.split("No lead agency named", 1)[1]
    assert "Lạng Sơn · 227/KH-UBND" in listed and "Gia Lai" not in listed
    for label in ("Ninh Bình · Báo cáo 86/BC-SKHCN", "Thái Nguyên · draft Tờ trình"):
        assert label in listed


def test_one_kind_of_agency_is_one_bar_across_provinces(page: str) -> None:
    """Sở Công Thương leads a task in Lào Cai's appendix and has its V.5 duty (2), and leads
    row 2.1 of Gia Lai's plan (1); Sở Văn hóa, Thể thao và Du lịch: 15 in Lào Cai, row 2.3."""
    totals = _bar_totals(page)
    assert totals["Sở Công Thương tỉnh"] == 3 and "Sở Công Thương" not in totals
    assert totals["Sở Văn hóa, Thể thao và Du lịch tỉnh"] == 16


def test_news_are_labelled_on_the_timeline_and_undated_ones_listed(page: str) -> None:
    chart = _chart(page, "plan-timeline")
    texts = {t.text for t in chart.iter(f"{SVG}text")}
    assert {"Cần Thơ · news 2024-02-06", "Thừa Thiên Huế · news 2022-04-29"} <= texts
    assert {"06/02/2024", "29/04/2022"} <= texts  # each marker carries its date
    assert {"Lạng Sơn · 227/KH-UBND", "Lào Cai · 122/KH-UBND"} <= texts
    undated = _section(page, "timeline").split("Undated", 1)[1]
    assert "Lào Cai · news on 122/KH-UBND" in undated and "Lào Cai · news, Báo Lào Cai" in undated
    assert "Thái Nguyên · draft Tờ trình" in undated  # "ngày      tháng 3 năm 2026"


def test_other_documents_are_dated_squares_on_the_timeline(page: str) -> None:
    events = _chart(page, "plan-timeline").findall(f".//{SVG}g[@class='event']")
    squares = sorted(
        e.findtext(f"{SVG}title") or "" for e in events if e.find(f"{SVG}rect") is not None
    )
    assert squares == [
        "Gia Lai · Quyết định 356/QĐ-UBND: 20/03/2026",
        "Ninh Bình · Báo cáo 86/BC-SKHCN: 06/04/2026",
        "Quảng Trị · Công văn 1187/UBND-KT: 24/04/2026",
        "Tuyên Quang · Quyết định 215/QĐ-UBND: 12/02/2026",
    ]


def test_the_samples_other_documents_are_listed_apart(page: str) -> None:
    """None of the five administrative documents implements the strategy: all five are in
    the table of documents not linked to it, with who issued them and what they attach."""
    comparison = _section(page, "comparison")
    assert 'id="documents-table"' not in comparison
    unlinked = re.search(r'id="unlinked-table".*?</table>', comparison, flags=re.S)
    assert unlinked
    rows = re.findall(r"<tr>(.*?)</tr>", unlinked[0], flags=re.S)[1:]
    assert [re.findall(r"<td[^>]*>(.*?)</td>", r)[2] for r in rows] == [
        "356/QĐ-UBND",
        "86/BC-SKHCN",
        "1187/UBND-KT",
        "",  # the draft's number is left blank
        "215/QĐ-UBND",
    ]
    assert "<td>Tờ trình (draft)</td>" in unlinked[0]
    assert "<td>Sở Khoa học và Công nghệ tỉnh Ninh Bình</td>" in unlinked[0]
    assert "<li>Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026</li>" in unlinked[0]
    assert "A draft (DỰ THẢO) is prepared for signature" in comparison
    assert "2 plans, 5 other documents and 4 news articles, read against" in page


def test_row_labels_are_distinct(page: str) -> None:
    heat = _chart(page, "pillar-heatmap")
    labels = [t.text for t in heat.iter(f"{SVG}text") if t.get("class") == "row-label"]
    assert len(labels) == 6 and len(set(labels)) == 6


def test_no_table_repeats_another(page: str) -> None:
    heads = re.findall(r"<thead><tr>(.*?)</tr></thead>", page)
    assert len(heads) == len(set(heads))
    entities = _section(page, "entities")
    firsts = re.findall(r"<tbody><tr><td>(.*?)</td>", entities)
    assert firsts == ["Nghi lễ và trò chơi kéo co", "UNESCO"]  # items, not documents
    heritage = re.search(r'id="heritage-table".*?</table>', entities, flags=re.S)
    # One document a line: a label's own "·" never runs into the next label.
    named_by = (
        "<td><ul><li>Lào Cai · 122/KH-UBND</li><li>Lào Cai · news, Báo Lào Cai</li></ul></td>"
    )
    assert heritage and named_by in heritage[0]


def test_other_documents_and_unlinked_ones_are_listed_apart(loaded: Loaded) -> None:
    """A decision that implements the strategy is its own table, heatmap row and square on the
    timeline; a plan with no pillar link is listed apart and left out of the heatmap."""
    decision = as_kind(
        record(loaded, LAO_CAI),
        "document",
        id="lao-cai-15-qd-ubnd-2022-01-05",
        doc_type="Quyết định",
        doc_number="15/QĐ-UBND",
        issued_date=dt.date(2022, 1, 5),
    )
    other = without_pillars(record(loaded, LANG_SON)).model_copy(update={"id": "lang-son-9"})
    docs, copies = one_per_document([*loaded.documents, decision, other])
    summaries = summarize_all(Loaded(tuple(docs), copies, ()))
    page = render_report(docs, summaries, pillars_of(docs))
    documents = re.search(r'id="documents-table".*?</table>', page, flags=re.S)
    assert documents and "15/QĐ-UBND" in documents[0] and "Quyết định" in documents[0]
    unlinked = re.search(r'id="unlinked-table".*?</table>', page, flags=re.S)
    assert unlinked and "<th>Pillars</th>" not in unlinked[0] and "227/KH-UBND" in unlinked[0]
    heat = [t.text for t in _chart(page, "pillar-heatmap").iter(f"{SVG}text")]
    assert "Lào Cai · Quyết định 15/QĐ-UBND" in heat
    assert sum(1 for t in heat if t and t.startswith("Lạng Sơn")) == 1  # only the linked plan
    assert "Not shown (no pillar link)" in _section(page, "coverage")
    events = _chart(page, "plan-timeline").findall(f".//{SVG}g[@class='event']")
    squares = [e.findtext(f"{SVG}title") or "" for e in events if e.find(f"{SVG}rect") is not None]
    # The decision beside the four dated documents of the samples (the draft has no day).
    assert len(squares) == 5 and "Lào Cai · Quyết định 15/QĐ-UBND: 05/01/2022" in squares
    assert "3 plans, 6 other documents and 4 news articles, read against" in page


def test_the_page_is_deterministic(
    loaded: Loaded, summaries: list[Summary], pillars: tuple[Pillar, ...], page: str
) -> None:
    assert render_report(loaded.documents, list(summaries), pillars) == page


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=BROWSER_TIMEOUT)


def _fills(dom: str) -> list[tuple[str, str, str]]:
    rects = re.findall(r'<g class="cell">.*?(<rect [^>]*>)', dom, flags=re.S)
    attrs = [dict(re.findall(r'([\w-]+)="([^"]*)"', rect)) for rect in rects]
    return [(a["fill"], a["data-abs"], a["data-rel"]) for a in attrs]


@needs_chromium
def test_a_headless_browser_renders_it_and_toggles_the_shading(page: str, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(page, "utf-8")
    url = report.as_uri()
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'data-ready="1"' in dom.stdout  # the page's script ran to its end
    for chart in ("pillar-heatmap", "agency-bars", "plan-timeline"):
        assert f'id="{chart}"' in dom.stdout
    assert 'data-scale="abs"' in dom.stdout
    fills = _fills(dom.stdout)
    assert len(fills) == 66 and all(fill == absolute for fill, absolute, _ in fills)
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []

    relative = _chromium(tmp_path, "--dump-dom", f"{url}#relative")
    assert 'data-scale="rel"' in relative.stdout
    fills = _fills(relative.stdout)
    assert len(fills) == 66 and all(fill == rel for fill, _, rel in fills)
    assert any(absolute != rel for _, absolute, rel in fills)  # the toggle changes something


def _difference(a: Path, b: Path) -> float:
    """Mean grey-level difference (0–255) of two images at 1/8 scale."""
    x, y = (Image.open(p).convert("L") for p in (a, b))
    size = (x.width // 8, x.height // 8)
    diff = ImageChops.difference(x.resize(size), y.resize(size))
    return float(ImageStat.Stat(diff).mean[0])


@needs_chromium
def test_the_readme_screenshots_are_the_report_on_out(tmp_path: Path) -> None:
    """docs/*.png show the current report on out/: the script that made them, run again,
    gives images of the same size and (fonts aside) the same pixels."""
    script = ROOT / "docs" / "make_screenshots.py"
    run = subprocess.run(
        [sys.executable, str(script), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in SCREENSHOTS:
        committed, fresh = ROOT / "docs" / name, tmp_path / name
        assert f"(docs/{name})" in readme
        assert Image.open(fresh).size == Image.open(committed).size, (
            f"docs/{name} is stale: run `python docs/make_screenshots.py` and review it"
        )
        assert _difference(committed, fresh) < 4.0, f"docs/{name} is stale"


def test_the_samples_behind_the_screenshots(summaries: list[Summary]) -> None:
    """The screenshots show both sample plans, the five other documents and the four
    articles, one row each."""
    assert [s.id for s in summaries][:2] == [LANG_SON, LAO_CAI]
    assert [s.group for s in summaries].count("document") == 5
    assert [s.group for s in summaries].count("news") == 4
