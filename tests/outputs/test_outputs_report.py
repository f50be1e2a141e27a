"""outputs/report.py: one self-contained page; loaded in a real headless browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from vnplan.align import load_pillars
from vnplan.outputs.records import Loaded
from vnplan.outputs.report import render_report
from vnplan.outputs.summary import Summary

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
BROWSER_TIMEOUT = 180  # a guard against a hung browser, not a speed check


@pytest.fixture(scope="module")
def page(loaded: Loaded, summaries: list[Summary]) -> str:
    return render_report(loaded.documents, summaries)


def test_the_page_is_self_contained(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert "<script src" not in page


def test_the_page_has_the_table_and_the_charts(page: str, summaries: list[Summary]) -> None:
    for chart in ("pillar-heatmap", "agency-bars", "plan-timeline"):
        assert f'<svg id="{chart}"' in page
    cells = re.findall(r'<g class="cell">', page)
    assert len(cells) == len(summaries) * len(load_pillars())
    assert page.count("<tr>") >= len(summaries) * 2  # comparison + heritage/partner tables
    assert "122/KH-UBND" in page and "Sở Ngoại vụ" in page and "kéo co" in page


def test_the_page_is_deterministic(loaded: Loaded, summaries: list[Summary], page: str) -> None:
    assert render_report(loaded.documents, list(summaries)) == page


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


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_a_headless_browser_renders_it_without_errors(page: str, tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    report.write_text(page, "utf-8")
    url = report.as_uri()
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert 'data-ready="1"' in dom.stdout  # the page's script ran to its end
    for chart in ("pillar-heatmap", "agency-bars", "plan-timeline"):
        assert f'id="{chart}"' in dom.stdout
    console = [line for line in dom.stderr.splitlines() if ":CONSOLE" in line]
    assert console == []
    png = tmp_path / "report.png"
    shot = _chromium(tmp_path, f"--screenshot={png}", "--window-size=1280,2000", url)
    assert shot.returncode == 0, shot.stderr[-2000:]
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
