"""Screenshots of the report for the README, from the samples' records (out/).

    python docs/make_screenshots.py            # writes docs/report.png and docs/report-charts.png
    python docs/make_screenshots.py --out DIR  # the same images into DIR

The report is rendered from out/ exactly as `vnplan compare out --html …` writes it, opened in
headless Chromium at 1280 px, and cut at the section rules (the 2-px accent line under each
heading) into the comparison with the coverage heatmap, and the lead-agency chart with the
timeline. Images are reduced to a 64-colour palette to keep the repository small.
tests/outputs/test_outputs_report.py makes them again and compares them with the committed ones.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

from vnplan.outputs.catalog import pillars_of
from vnplan.outputs.records import load_folder
from vnplan.outputs.report import render_report
from vnplan.outputs.summary import summarize_all

ROOT = Path(__file__).resolve().parent.parent
WIDTH, TALL = 1280, 8000
ACCENT = (31, 95, 153)  # the report's --accent, drawn under each <h2>
BACKGROUND = (251, 252, 253)
SECTIONS = ("comparison", "coverage", "agencies", "timeline", "entities")
SHOTS = {"report.png": ("comparison", "coverage"), "report-charts.png": ("agencies", "timeline")}
MARGIN = 56  # px above a heading's rule: the heading itself


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        sys.exit("needs chromium (apt-get install chromium)")
    return found


def page_png(html: Path, png: Path, profile: Path) -> None:
    command = [
        chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{TALL}",
        f"--screenshot={png}",
        html.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=180)


def section_rules(image: Image.Image) -> list[int]:
    """The y of each heading's accent rule, top to bottom (one per section)."""
    rgb = image.convert("RGB")
    left, right = 40, WIDTH - 40
    rules: list[int] = []
    for y in range(rgb.height):
        rule = all(rgb.getpixel((x, y)) == ACCENT for x in range(left, right, 37))
        if rule and (not rules or y - rules[-1] > 4):
            rules.append(y)
    return rules


def content_bottom(image: Image.Image) -> int:
    rgb = image.convert("RGB")
    for y in range(rgb.height - 1, 0, -1):
        if any(rgb.getpixel((x, y)) != BACKGROUND for x in range(0, WIDTH, 5)):
            return y + 24
    return rgb.height


def screenshots(out_dir: Path, records: Path = ROOT / "out") -> list[Path]:
    """The README's screenshots of the report on `records`, written into `out_dir`."""
    loaded = load_folder(records)
    summaries = summarize_all(loaded)
    page = render_report(loaded.documents, summaries, pillars_of(loaded.documents))
    with tempfile.TemporaryDirectory() as tmp:
        html, png = Path(tmp) / "report.html", Path(tmp) / "page.png"
        html.write_text(page, "utf-8")
        page_png(html, png, Path(tmp) / "profile")
        image = Image.open(png)
        image.load()
    rules = section_rules(image)
    if len(rules) != len(SECTIONS):
        raise SystemExit(f"expected {len(SECTIONS)} section rules, found {len(rules)}")
    tops = dict(zip(SECTIONS, (y - MARGIN for y in rules), strict=True))
    ends = [*(y - MARGIN for y in rules[1:]), content_bottom(image)]
    bottoms = dict(zip(SECTIONS, ends, strict=True))
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (first, last) in SHOTS.items():
        top = 0 if first == SECTIONS[0] else tops[first]
        crop = image.convert("RGB").crop((0, top, WIDTH, bottoms[last]))
        target = out_dir / name
        # Octree keeps the small chart markers' colours (median cut merges them away).
        crop.quantize(colors=64, method=Image.Quantize.FASTOCTREE).save(target, optimize=True)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs", metavar="DIR")
    for path in screenshots(parser.parse_args().out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
