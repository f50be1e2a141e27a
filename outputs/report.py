"""The HTML report: one self-contained static page (inline CSS, SVG and a few lines of script).

It opens offline: nothing is fetched, no font, no CDN. Contents: the comparison table (plans,
then news), the pillar coverage heatmap (document × pillar), the lead-agency bar chart, each
plan's period on a timeline, and the heritage and partners each document names.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from html import escape

from vnplan import __version__
from vnplan.align import load_pillars, load_strategy
from vnplan.outputs.compare import LIST_SEPARATOR
from vnplan.outputs.records import plain
from vnplan.outputs.summary import Summary, lead_tasks
from vnplan.outputs.svg import Bar, HeatRow, Span, clip, heatmap, stacked_bars, timeline
from vnplan.schema import Document

TOP_AGENCIES_CHART = 10

CSS = """
:root{--ink:#1b2733;--muted:#5b6775;--line:#dde3ea;--accent:#1f5f99;--bg:#fbfcfd}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;
border-bottom:2px solid var(--accent);padding-bottom:4px}
p.lede,p.note{color:var(--muted);margin:4px 0 12px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}
th,td{border:1px solid var(--line);padding:5px 7px;vertical-align:top;text-align:left}
th{background:#eef3f8;cursor:pointer;white-space:nowrap}
th[data-order=asc]::after{content:" ▲"}th[data-order=desc]::after{content:" ▼"}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td ul{margin:0;padding-left:16px;min-width:11em}td.nowrap{white-space:nowrap}
svg.chart{display:block;max-width:100%;height:auto;background:#fff;border:1px solid var(--line);
border-radius:6px;margin:8px 0}
svg.chart text{font-family:inherit}svg.chart text:not([fill]){fill:var(--ink)}
dl.pillars{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;font-size:13px}
dl.pillars dt{font-weight:600}dl.pillars dd{margin:0;color:var(--muted)}
footer{margin-top:32px;color:var(--muted);font-size:12px}
"""

SCRIPT = """
(function () {
  function key(cell) { return cell.getAttribute("data-sort") || cell.textContent.trim(); }
  document.querySelectorAll("table.sortable th").forEach(function (th, index) {
    th.addEventListener("click", function () {
      var body = th.closest("table").tBodies[0];
      var asc = th.getAttribute("data-order") !== "asc";
      th.closest("tr").querySelectorAll("th").forEach(function (h) {
        h.removeAttribute("data-order");
      });
      th.setAttribute("data-order", asc ? "asc" : "desc");
      Array.from(body.rows).sort(function (a, b) {
        var x = key(a.cells[index]), y = key(b.cells[index]);
        var nx = parseFloat(x), ny = parseFloat(y);
        var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, "vi");
        return asc ? c : -c;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


def _cell(value: object, numeric: bool = False, nowrap: bool = False) -> str:
    text = "" if value is None else str(value)
    classes = " ".join(c for c, on in (("num", numeric), ("nowrap", nowrap)) if on)
    cls = f' class="{classes}"' if classes else ""
    return f"<td{cls}>{escape(text)}</td>"


def _list_cell(items: Sequence[str]) -> str:
    if not items:
        return "<td></td>"
    return "<td><ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul></td>"


def _table(table_id: str, head: Sequence[str], rows: Sequence[str]) -> str:
    ths = "".join(f"<th>{escape(h)}</th>" for h in head)
    return (
        f'<div class="scroll"><table id="{table_id}" class="sortable"><thead><tr>{ths}</tr>'
        f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def label(summary: Summary) -> str:
    """How a document is named on the charts: "Lào Cai · 122/KH-UBND", "Huế · news 2022-04-29"."""
    if summary.kind == "plan":
        tail = summary.doc_number or summary.date or summary.id
    elif summary.date:
        tail = f"news {summary.date}"
    else:
        tail = f"news: {clip(summary.title, 24)}" if summary.title else "news"
    return f"{summary.province or '?'} · {tail}"


def comparison_tables(summaries: Sequence[Summary]) -> str:
    total = len(load_pillars())
    plan_rows = [
        "<tr>"
        + _cell(s.province)
        + _cell(s.doc_number, nowrap=True)
        + _cell(s.date, nowrap=True)
        + _cell(s.period, nowrap=True)
        + _cell(s.objectives, True)
        + _cell(s.tasks, True)
        + _cell(s.appendix_rows, True)
        + f'<td class="num" data-sort="{s.covered}">{s.covered}/{total}</td>'
        + _list_cell([f"{name} ({n})" for name, n in s.lead_agencies])
        + _list_cell(s.heritage)
        + _cell(LIST_SEPARATOR.join(s.partners))
        + _cell(LIST_SEPARATOR.join(s.legal_bases))
        + "</tr>"
        for s in summaries
        if s.kind == "plan"
    ]
    news_rows = [
        "<tr>"
        + _cell(s.province)
        + _cell(s.date, nowrap=True)
        + _cell(s.about, nowrap=True)
        + f'<td class="num" data-sort="{s.covered}">{s.covered}/{total}</td>'
        + _list_cell(s.heritage)
        + _cell(LIST_SEPARATOR.join(s.partners))
        + _cell(s.source)
        + "</tr>"
        for s in summaries
        if s.kind == "news"
    ]
    plans_head = (
        "Province",
        "Number",
        "Date",
        "Period",
        "Obj.",
        "Tasks",
        "Rows",
        "Pillars",
        "Top lead agencies",
        "Heritage",
        "Partners",
        "Legal bases",
    )
    news_head = ("Province", "Published", "About plan", "Pillars", "Heritage", "Partners", "Source")
    out = _table("plans-table", plans_head, plan_rows)
    if news_rows:
        out += "<h3>News</h3>" + _table("news-table", news_head, news_rows)
    return out


def coverage_chart(summaries: Sequence[Summary]) -> str:
    pillars = load_pillars()
    rows = [
        HeatRow(label(s), tuple(s.pillars[p.id] for p in pillars), marks=s.kind == "news")
        for s in summaries
    ]
    titles = [f"{p.name_en} ({p.name_vi})" for p in pillars]
    return heatmap(rows, [p.id for p in pillars], titles, "pillar-heatmap")


def agency_chart(docs: Sequence[Document], summaries: Sequence[Summary]) -> str:
    per_plan = {
        label(s): dict(lead_tasks(d, generic=True))
        for d, s in zip(docs, summaries, strict=True)
        if s.kind == "plan"
    }
    totals: Counter[str] = Counter()
    for counts in per_plan.values():
        totals.update(counts)
    top = sorted(totals, key=lambda a: (-totals[a], plain(a), a))[:TOP_AGENCIES_CHART]
    series = [plan for plan, counts in per_plan.items() if counts]
    bars = [Bar(a, tuple((p, per_plan[p].get(a, 0)) for p in series)) for a in top]
    return stacked_bars(bars, series, "agency-bars", "Lead tasks per agency, by plan")


def _year(day: dt.date) -> float:
    start = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - start).days
    return round(day.year + (day - start).days / days, 3)


def timeline_chart(docs: Sequence[Document], summaries: Sequence[Summary]) -> str:
    spans: list[Span] = []
    events: list[tuple[str, float]] = []
    for doc, s in zip(docs, summaries, strict=True):
        if s.kind == "news":
            day = doc.article.published if doc.article else None
            if day is not None:
                events.append((label(s), _year(day)))
            continue
        issued = _year(doc.issued_date) if doc.issued_date else None
        end = s.end_year or s.vision_year
        start = float(s.start_year) if s.start_year else issued
        if end is None or start is None:
            continue
        spans.append(Span(label(s), start, float(end), s.vision_year, issued))
    return timeline(spans, events, "plan-timeline")


def entity_table(summaries: Sequence[Summary]) -> str:
    rows = [
        "<tr>" + _cell(label(s)) + _list_cell(s.heritage) + _list_cell(s.partners) + "</tr>"
        for s in summaries
    ]
    return _table("entities-table", ("Document", "Heritage", "Partners"), rows)


def pillar_legend() -> str:
    items = "".join(
        f"<dt>{escape(p.id)}</dt><dd>{escape(p.name_vi)} — {escape(p.name_en)} ({p.kind})</dd>"
        for p in load_pillars()
    )
    return f'<dl class="pillars">{items}</dl>'


def render_report(docs: Sequence[Document], summaries: Sequence[Summary]) -> str:
    """The whole page for `docs` (aligned, in output order) and their summaries."""
    strategy = load_strategy()
    plans = sum(1 for s in summaries if s.kind == "plan")
    news = len(summaries) - plans
    source = f"{strategy.doc_number} ({strategy.date}): {strategy.title}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>vnplan — provincial plans compared</title>",
        f"<style>{CSS}</style></head><body><main>",
        "<header><h1>Provincial cultural-diplomacy plans compared</h1>",
        f'<p class="lede">{plans} plans and {news} news articles, aligned to the pillars of '
        f"the national strategy, {escape(source)}.</p></header>",
        '<section id="comparison"><h2>Comparison</h2>',
        comparison_tables(summaries),
        "</section>",
        '<section id="coverage"><h2>Pillar coverage</h2>',
        '<p class="note">Plans: how many objective/task sections and appendix rows pursue each '
        "pillar, shaded by share of the plan's largest; news: ● where the article's text "
        "pursues it.</p>",
        coverage_chart(summaries),
        pillar_legend(),
        "</section>",
        '<section id="agencies"><h2>Lead agencies</h2>',
        '<p class="note">Appendix rows an agency leads (Cơ quan chủ trì) plus the duties the '
        "implementation part assigns it.</p>",
        agency_chart(docs, summaries),
        "</section>",
        '<section id="timeline"><h2>Periods</h2>',
        '<p class="note">Bar: the plan\'s period (from its issue date when it names no start '
        "year); dashed: its vision year; circle: issue date; diamonds: news articles.</p>",
        timeline_chart(docs, summaries),
        "</section>",
        '<section id="entities"><h2>Heritage and partners</h2>',
        entity_table(summaries),
        "</section>",
        f"<footer>Generated by vnplan {escape(__version__)}. Pillar links: TF-IDF cosine "
        "similarity of each unit's words with the strategy's wording (align/data/pillars.json)."
        "</footer>",
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"
