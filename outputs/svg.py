"""The report's charts as inline SVG, written out in Python: no library, no script, no fonts.

Every chart is a pure function of plain values → an SVG string with fixed number formatting,
so the same records always draw the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = 12
LOW = (238, 243, 249)
HIGH = (31, 95, 153)
PALETTE = (
    "#1f5f99",
    "#d9822b",
    "#3a8f5c",
    "#a23b72",
    "#6b5ca5",
    "#b8860b",
    "#2a9d8f",
    "#c44536",
    "#577590",
    "#8d6e63",
)


def _n(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def clip(label: str, limit: int) -> str:
    """`label` cut to `limit` characters, with an ellipsis when cut."""
    return label if len(label) <= limit else label[: limit - 1].rstrip(" ,") + "…"


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{_n(x)}" y="{_n(y)}"{extra}>{escape(content)}</text>'


def _svg(chart_id: str, width: float, height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-size="{FONT}">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def shade(fraction: float) -> str:
    """The heatmap colour of a value that is `fraction` (0–1) of its row's largest."""
    f = min(max(fraction, 0.0), 1.0)
    r, g, b = (round(lo + (hi - lo) * f) for lo, hi in zip(LOW, HIGH, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


@dataclass(frozen=True)
class HeatRow:
    label: str
    values: tuple[int, ...]
    marks: bool = False  # news: show presence (●), not counts


def heatmap(
    rows: Sequence[HeatRow], columns: Sequence[str], titles: Sequence[str], chart_id: str
) -> str:
    """Rows × pillars: each cell shaded by its share of the row's largest count."""
    label_w, cell_w, cell_h, head_h = 300.0, 62.0, 26.0, 92.0
    width = label_w + cell_w * len(columns) + 70
    height = head_h + cell_h * len(rows) + 10
    body: list[str] = []
    for j, (name, title) in enumerate(zip(columns, titles, strict=True)):
        x = label_w + cell_w * j + cell_w / 2
        body.append(
            f'<g class="col-label"><title>{escape(title)}</title>'
            + _text(x, head_h - 8, name, transform=f"rotate(-40 {_n(x)} {_n(head_h - 8)})")
            + "</g>"
        )
    for i, row in enumerate(rows):
        y = head_h + cell_h * i
        body.append(_text(label_w - 8, y + cell_h / 2 + 4, clip(row.label, 42), text_anchor="end"))
        top = max(row.values, default=0) or 1
        for j, value in enumerate(row.values):
            x = label_w + cell_w * j
            fraction = (1.0 if value else 0.0) if row.marks else value / top
            tip = f"{row.label} — {titles[j]}: {value}"
            body.append(
                f'<g class="cell"><title>{escape(tip)}</title>'
                f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(cell_w - 2)}" '
                f'height="{_n(cell_h - 2)}" rx="3" fill="{shade(fraction)}" '
                f'data-value="{value}"/>'
            )
            shown = ("●" if value else "") if row.marks else str(value)
            colour = "#ffffff" if fraction > 0.55 else "#1b2733"
            body.append(
                _text(x + cell_w / 2, y + cell_h / 2 + 4, shown, text_anchor="middle", fill=colour)
                + "</g>"
            )
    return _svg(chart_id, width, height, "Pillar coverage: documents × strategy pillars", body)


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple[tuple[str, int], ...]  # (series, value), in series order

    @property
    def total(self) -> int:
        return sum(v for _, v in self.parts)


def stacked_bars(bars: Sequence[Bar], series: Sequence[str], chart_id: str, label: str) -> str:
    """Horizontal bars, one per label, stacked by series (a colour each, legend on top)."""
    label_w, bar_h, gap, plot_w, legend_h = 330.0, 20.0, 8.0, 420.0, 30.0
    top = max((b.total for b in bars), default=0) or 1
    width = label_w + plot_w + 60
    height = legend_h + (bar_h + gap) * len(bars) + 10
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(series)}
    body: list[str] = []
    x = label_w
    for name in series:
        body.append(f'<rect x="{_n(x)}" y="6" width="12" height="12" fill="{colours[name]}"/>')
        body.append(_text(x + 16, 16, name))
        x += 24 + 7.5 * len(name)
    for i, bar in enumerate(bars):
        y = legend_h + (bar_h + gap) * i
        body.append(
            f"<g><title>{escape(bar.label)}</title>"
            + _text(label_w - 8, y + bar_h / 2 + 4, clip(bar.label, 46), text_anchor="end")
            + "</g>"
        )
        x = label_w
        for name, value in bar.parts:
            if not value:
                continue
            w = plot_w * value / top
            tip = f"{bar.label} — {name}: {value}"
            body.append(
                f'<g class="bar"><title>{escape(tip)}</title><rect x="{_n(x)}" y="{_n(y)}" '
                f'width="{_n(w)}" height="{_n(bar_h)}" fill="{colours[name]}" '
                f'data-value="{value}"/></g>'
            )
            x += w
        body.append(_text(x + 6, y + bar_h / 2 + 4, str(bar.total)))
    return _svg(chart_id, width, height, label, body)


@dataclass(frozen=True)
class Span:
    label: str
    start: float  # first year of the plan (or its issue date)
    end: float  # the year it runs to
    vision: float | None  # "tầm nhìn" year, drawn dashed
    issued: float | None  # issue date as a fractional year


def timeline(spans: Sequence[Span], events: Sequence[tuple[str, float]], chart_id: str) -> str:
    """Each plan's period as a bar on a year axis; news articles as diamonds on their own row."""
    years = [y for s in spans for y in (s.start, s.end, s.vision, s.issued) if y is not None]
    years += [y for _, y in events]
    first = int(min(years, default=2020)) - 1
    last = int(max(years, default=2030)) + 2
    label_w, plot_w, row_h, axis_h = 250.0, 520.0, 30.0, 28.0
    rows = len(spans) + (1 if events else 0)
    width = label_w + plot_w + 20
    height = axis_h + row_h * rows + 24

    def px(year: float) -> float:
        return label_w + plot_w * (year - first) / (last - first)

    body: list[str] = []
    bottom = axis_h + row_h * rows
    for year in range(first, last + 1):
        x = px(year)
        body.append(
            f'<line x1="{_n(x)}" y1="{_n(axis_h - 6)}" x2="{_n(x)}" y2="{_n(bottom)}" '
            f'stroke="#dde3ea" stroke-width="1"/>'
        )
        body.append(_text(x, axis_h - 10, str(year), text_anchor="middle", fill="#556"))
    for i, span in enumerate(spans):
        y = axis_h + row_h * i + row_h / 2
        colour = PALETTE[i % len(PALETTE)]
        body.append(_text(label_w - 8, y + 4, clip(span.label, 40), text_anchor="end"))
        tip = f"{span.label}: {_n(span.start)}–{_n(span.end)}"
        body.append(
            f'<g class="span"><title>{escape(tip)}</title>'
            f'<rect x="{_n(px(span.start))}" y="{_n(y - 7)}" '
            f'width="{_n(max(px(span.end) - px(span.start), 2))}" height="14" rx="4" '
            f'fill="{colour}"/></g>'
        )
        if span.vision is not None and span.vision > span.end:
            body.append(
                f'<line class="vision" x1="{_n(px(span.end))}" y1="{_n(y)}" '
                f'x2="{_n(px(span.vision))}" y2="{_n(y)}" stroke="{colour}" stroke-width="3" '
                f'stroke-dasharray="5 4"/>'
            )
        if span.issued is not None:
            body.append(
                f'<circle cx="{_n(px(span.issued))}" cy="{_n(y)}" r="5" fill="#fff" '
                f'stroke="#1b2733" stroke-width="2"><title>issued</title></circle>'
            )
    if events:
        y = axis_h + row_h * len(spans) + row_h / 2
        body.append(_text(label_w - 8, y + 4, "news", text_anchor="end", fill="#556"))
        for name, when in events:
            x = px(when)
            body.append(
                f'<g class="event"><title>{escape(name)}</title><path d="M{_n(x)} {_n(y - 7)} '
                f'L{_n(x + 7)} {_n(y)} L{_n(x)} {_n(y + 7)} L{_n(x - 7)} {_n(y)} Z" '
                f'fill="#d9822b"/></g>'
            )
    return _svg(chart_id, width, height, "Plan periods on a timeline", body)
