"""outputs/svg.py: charts as plain SVG strings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from vnplan.outputs.svg import (
    Bar,
    Event,
    HeatRow,
    Span,
    heat_fractions,
    heatmap,
    shade,
    stacked_bars,
    timeline,
)

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


def test_absolute_shading_is_one_scale_for_every_counted_row() -> None:
    rows = [HeatRow("A", (2, 17)), HeatRow("B", (2, 0)), HeatRow("news", (1, 0), marks=True)]
    absolute, relative = heat_fractions(rows)
    assert absolute[0][0] == absolute[1][0] == 2 / 17  # a 2 is a 2 wherever it is
    assert absolute[0][1] == 1.0
    assert relative[1][0] == 1.0 and relative[0][0] == 2 / 17  # each row's own largest
    assert absolute[2] == relative[2] == [1.0, 0.0]  # marks: presence, not counts
    root = _parse(heatmap(rows, ["x", "y"], ["X", "Y"], "hm"))
    first = root.findall(f".//{SVG}g[@class='cell']/{SVG}rect")[2]  # B's 2
    assert first.get("fill") == first.get("data-abs") == shade(2 / 17)
    assert first.get("data-rel") == shade(1.0)


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


def test_a_long_legend_wraps() -> None:
    series = [f"Tỉnh số {i} · {i}/KH-UBND" for i in range(12)]
    bars = [Bar("Sở Ngoại vụ", tuple((s, 1) for s in series))]
    root = _parse(stacked_bars(bars, series, "bars", "Lead tasks"))
    keys = root.findall(f"{SVG}rect")
    assert len(keys) == 12 and len({k.get("y") for k in keys}) > 1
    width = float(root.get("width", "0"))
    assert all(float(k.get("x", "0")) < width for k in keys)


def test_timeline_draws_spans_vision_and_labelled_events() -> None:
    spans = [
        Span("Lạng Sơn", 2021.9, 2025, 2030, 2021.9),
        Span("Lào Cai", 2022.2, 2030, None, 2022.2),
    ]
    events = [
        Event("Huế · news 2022-04-29", 2022.3, "29/04/2022", news=True),
        Event("Lào Cai · Quyết định 15/QĐ-UBND", 2022.0, "05/01/2022", news=False),
    ]
    root = _parse(timeline(spans, events, "tl"))
    assert len(root.findall(f".//{SVG}g[@class='span']")) == 2
    assert len(root.findall(f".//{SVG}line[@class='vision']")) == 1
    marks = root.findall(f".//{SVG}g[@class='event']")
    assert len(marks) == 2
    assert marks[0].find(f"{SVG}path") is not None and marks[1].find(f"{SVG}rect") is not None
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Huế · news 2022-04-29" in texts and "29/04/2022" in texts
    assert "Lào Cai · Quyết định 15/QĐ-UBND" in texts


def test_labels_are_escaped() -> None:
    svg = heatmap([HeatRow("<b>&", (1,))], ["x"], ["X"], "esc")
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
