"""The report's charts as inline SVG, written out in Python: no library, no fonts.

Every chart is a pure function of plain values → an SVG string with fixed number formatting,
so the same records always draw the same bytes. The heatmap carries both of its shadings in
data attributes; the page's script switches between them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

from vnplan.outputs.labels import LIMIT, clip

FONT = 12
LOW = (238, 243, 249)
HIGH = (31, 95, 153)
INK, LIGHT_INK = "#1b2733", "#ffffff"
NEWS_MARK, DOCUMENT_MARK = "#d9822b", "#6b5ca5"  # timeline markers, kept out of PALETTE
PALETTE = (  # one colour per document, the same in every chart
    "#1f5f99",
    "#3a8f5c",
    "#a23b72",
    "#b8860b",
    "#2a9d8f",
    "#c44536",
    "#577590",
    "#8d6e63",
)
LABEL_W = 7.0 * LIMIT  # room for a label of LIMIT characters


def _n(value: float) -> str:
    """A coordinate: at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(x: float, y: float, content: str, **attrs: str) -> str:
    """An SVG <text>; attribute names in Python spelling (`text_anchor`, `class_`)."""
    extra = "".join(f' {k.rstrip("_").replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{_n(x)}" y="{_n(y)}"{extra}>{escape(content)}</text>'


def _svg(chart_id: str, width: float, height: float, label: str, body: list[str]) -> str:
    return (
        f'<svg id="{chart_id}" class="chart" role="img" aria-label="{escape(label)}" '
        f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" font-size="{FONT}">'
        f"<title>{escape(label)}</title>{''.join(body)}</svg>"
    )


def shade(fraction: float) -> str:
    """The heatmap colour of a value that is `fraction` (0–1) of the scale's largest."""
    f = min(max(fraction, 0.0), 1.0)
    r, g, b = (round(lo + (hi - lo) * f) for lo, hi in zip(LOW, HIGH, strict=True))
    return f"#{r:02x}{g:02x}{b:02x}"


def ink(fraction: float) -> str:
    """Text colour that reads on `shade(fraction)`."""
    return LIGHT_INK if fraction > 0.55 else INK


@dataclass(frozen=True)
class HeatRow:
    label: str
    values: tuple[int, ...]
    marks: bool = False  # news: show presence (●), not counts


def heat_fractions(rows: Sequence[HeatRow]) -> tuple[list[list[float]], list[list[float]]]:
    """Each cell's shade on the absolute scale (one largest for every counted row) and on the
    relative one (its own row's largest). Marked rows are 1 where present on both."""
    top = max((v for r in rows if not r.marks for v in r.values), default=0) or 1
    absolute, relative = [], []
    for row in rows:
        if row.marks:
            present = [1.0 if v else 0.0 for v in row.values]
            absolute.append(present)
            relative.append(present)
            continue
        row_top = max(row.values, default=0) or 1
        absolute.append([v / top for v in row.values])
        relative.append([v / row_top for v in row.values])
    return absolute, relative


def _scale_legend(x: float, y: float, top: int) -> list[str]:
    steps = 10
    body = [_text(x - 6, y + 10, "0", text_anchor="end", fill="#556")]
    for i in range(steps):
        body.append(
            f'<rect x="{_n(x + 14 * i)}" y="{_n(y)}" width="14" height="12" '
            f'fill="{shade(i / (steps - 1))}"/>'
        )
    body.append(
        f'<text class="scale-top" x="{_n(x + 14 * steps + 6)}" y="{_n(y + 10)}" fill="#556" '
        f'data-abs="{top}" data-rel="the row\'s largest">{top}</text>'
    )
    return body


def heatmap(
    rows: Sequence[HeatRow], columns: Sequence[str], titles: Sequence[str], chart_id: str
) -> str:
    """Rows × pillars: each cell shaded on one scale for every row (its data attributes hold
    the relative shading too)."""
    cell_w, cell_h, head_h = 62.0, 26.0, 92.0
    width = LABEL_W + cell_w * len(columns) + 70
    height = head_h + cell_h * len(rows) + 34
    absolute, relative = heat_fractions(rows)
    top = max((v for r in rows if not r.marks for v in r.values), default=0)
    body: list[str] = []
    for j, (name, title) in enumerate(zip(columns, titles, strict=True)):
        x = LABEL_W + cell_w * j + cell_w / 2
        body.append(
            f'<g class="col-label"><title>{escape(title)}</title>'
            + _text(x, head_h - 8, name, transform=f"rotate(-40 {_n(x)} {_n(head_h - 8)})")
            + "</g>"
        )
    for i, row in enumerate(rows):
        y = head_h + cell_h * i
        body.append(
            _text(LABEL_W - 8, y + cell_h / 2 + 4, row.label, text_anchor="end", class_="row-label")
        )
        for j, value in enumerate(row.values):
            x = LABEL_W + cell_w * j
            fa, fr = absolute[i][j], relative[i][j]
            tip = f"{row.label} — {titles[j]}: {value}"
            body.append(
                f'<g class="cell"><title>{escape(tip)}</title>'
                f'<rect x="{_n(x + 1)}" y="{_n(y + 1)}" width="{_n(cell_w - 2)}" '
                f'height="{_n(cell_h - 2)}" rx="3" fill="{shade(fa)}" data-value="{value}" '
                f'data-abs="{shade(fa)}" data-rel="{shade(fr)}"/>'
            )
            shown = ("●" if value else "") if row.marks else str(value)
            body.append(
                _text(
                    x + cell_w / 2,
                    y + cell_h / 2 + 4,
                    shown,
                    text_anchor="middle",
                    fill=ink(fa),
                    data_abs=ink(fa),
                    data_rel=ink(fr),
                )
                + "</g>"
            )
    body += _scale_legend(LABEL_W, head_h + cell_h * len(rows) + 12, top)
    return _svg(chart_id, width, height, "Pillar coverage: documents × strategy pillars", body)


@dataclass(frozen=True)
class Bar:
    label: str
    parts: tuple[tuple[str, int], ...]  # (series, value), in series order

    @property
    def total(self) -> int:
        return sum(v for _, v in self.parts)


def _legend(
    series: Sequence[str], colours: dict[str, str], x0: float, right: float
) -> tuple[list[str], int]:
    """Colour keys in lines that wrap at `right` (22 high each); the SVG and its line count."""
    body: list[str] = []
    x, y, lines = x0, 6.0, 1
    for name in series:
        w = 24 + 7.0 * len(name)
        if x > x0 and x + w > right:
            x, y, lines = x0, y + 22, lines + 1
        body.append(
            f'<rect x="{_n(x)}" y="{_n(y)}" width="12" height="12" fill="{colours[name]}"/>'
        )
        body.append(_text(x + 16, y + 10, name))
        x += w
    return body, lines


def series_colours(series: Sequence[str], given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each series' colour: the one `given` for it, else the palette's in series order."""
    known = given or {}
    return {name: known.get(name, PALETTE[i % len(PALETTE)]) for i, name in enumerate(series)}


def stacked_bars(
    bars: Sequence[Bar],
    series: Sequence[str],
    chart_id: str,
    label: str,
    colours_of: Mapping[str, str] | None = None,
) -> str:
    """Horizontal bars, one per label, stacked by series (a colour each, legend on top)."""
    bar_h, gap, plot_w = 20.0, 8.0, 420.0
    top = max((b.total for b in bars), default=0) or 1
    width = LABEL_W + plot_w + 60
    colours = series_colours(series, colours_of)
    legend, lines = _legend(series, colours, 16, width - 16)
    legend_h = 22.0 * lines + 12
    height = legend_h + (bar_h + gap) * len(bars) + 10
    body = list(legend)
    for i, bar in enumerate(bars):
        y = legend_h + (bar_h + gap) * i
        body.append(
            f"<g><title>{escape(bar.label)}</title>"
            + _text(LABEL_W - 8, y + bar_h / 2 + 4, clip(bar.label, LIMIT + 4), text_anchor="end")
            + "</g>"
        )
        x = LABEL_W
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


@dataclass(frozen=True)
class Event:
    """A dated document or news article: its own row, a marker at its date."""

    label: str
    when: float  # fractional year
    date: str  # as shown beside the marker
    news: bool  # a diamond; other documents are squares


def _marker(event: Event, x: float, y: float) -> str:
    if event.news:
        shape = (
            f'<path d="M{_n(x)} {_n(y - 7)} L{_n(x + 7)} {_n(y)} L{_n(x)} {_n(y + 7)} '
            f'L{_n(x - 7)} {_n(y)} Z" fill="{NEWS_MARK}"/>'
        )
    else:
        shape = (
            f'<rect x="{_n(x - 6)}" y="{_n(y - 6)}" width="12" height="12" fill="{DOCUMENT_MARK}"/>'
        )
    return (
        f'<g class="event"><title>{escape(event.label)}: {escape(event.date)}</title>{shape}'
        + _text(x + 11, y + 4, event.date, fill="#556")
        + "</g>"
    )


def timeline(
    spans: Sequence[Span],
    events: Sequence[Event],
    chart_id: str,
    colours_of: Mapping[str, str] | None = None,
) -> str:
    """Each plan's period as a bar on a year axis (in `colours_of` its label's colour); each
    dated document or article on a row of its own, labelled, with its date beside its
    marker."""
    colours = series_colours([s.label for s in spans], colours_of)
    years = [y for s in spans for y in (s.start, s.end, s.vision, s.issued) if y is not None]
    years += [e.when for e in events]
    first = int(min(years, default=2020)) - 1
    last = int(max(years, default=2030)) + 2
    plot_w, row_h, axis_h = 560.0, 28.0, 28.0
    rows = len(spans) + len(events)
    width = LABEL_W + plot_w + 90
    height = axis_h + row_h * rows + 16

    def px(year: float) -> float:
        return LABEL_W + plot_w * (year - first) / (last - first)

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
        colour = colours[span.label]
        body.append(_text(LABEL_W - 8, y + 4, span.label, text_anchor="end"))
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
    for i, event in enumerate(events, start=len(spans)):
        y = axis_h + row_h * i + row_h / 2
        body.append(_text(LABEL_W - 8, y + 4, event.label, text_anchor="end"))
        body.append(_marker(event, px(event.when), y))
    return _svg(chart_id, width, height, "Plan periods and dated documents on a timeline", body)
