"""outputs/svg.py: charts as plain SVG strings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from vnplan.outputs.svg import Bar, HeatRow, Span, clip, heatmap, shade, stacked_bars, timeline

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def test_heatmap_has_a_cell_per_row_and_column() -> None:
    rows = [HeatRow("Lào Cai · 122/KH-UBND", (3, 0, 1)), HeatRow("Cần Thơ · news", (1, 0, 1), True)]
    root = _parse(heatmap(rows, ["a", "b", "c"], ["A", "B", "C"], "hm"))
    cells = root.findall(f".//{SVG}g[@class='cell']/{SVG}rect")
    assert len(cells) == 6
    assert [c.get("data-value") for c in cells] == ["3", "0", "1", "1", "0", "1"]
    assert root.get("id") == "hm" and root.find(f"{SVG}title") is not None


def test_shade_runs_from_light_to_dark() -> None:
    assert shade(0) == "#eef3f9" and shade(1) == "#1f5f99"
    assert shade(0.5) not in (shade(0), shade(1)) and shade(2) == shade(1)


def test_stacked_bars_scale_to_the_longest() -> None:
    bars = [Bar("Sở Ngoại vụ", (("A", 12), ("B", 6))), Bar("Sở Văn hóa", (("A", 0), ("B", 9)))]
    root = _parse(stacked_bars(bars, ["A", "B"], "bars", "Lead tasks"))
    widths = [
        float(r.get("width", "0")) for r in root.findall(f".//{SVG}g[@class='bar']/{SVG}rect")
    ]
    assert len(widths) == 3 and abs(sum(widths[:2]) - 420) < 0.2
    assert "Sở Ngoại vụ" in ET.tostring(root, encoding="unicode")


def test_timeline_draws_spans_vision_and_events() -> None:
    spans = [
        Span("Lạng Sơn", 2021.9, 2025, 2030, 2021.9),
        Span("Lào Cai", 2022.2, 2030, None, 2022.2),
    ]
    root = _parse(timeline(spans, [("Huế · news", 2022.3)], "tl"))
    assert len(root.findall(f".//{SVG}g[@class='span']")) == 2
    assert len(root.findall(f".//{SVG}line[@class='vision']")) == 1
    assert len(root.findall(f".//{SVG}g[@class='event']")) == 1


def test_labels_are_escaped_and_clipped() -> None:
    svg = heatmap([HeatRow("<b>&", (1,))], ["x"], ["X"], "esc")
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc"
