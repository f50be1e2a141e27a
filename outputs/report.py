"""The HTML report: one self-contained static page (inline CSS, SVG and a few lines of script).

It opens offline: nothing is fetched, no font, no CDN. Contents: the comparison tables (plans,
other documents, documents not linked to the strategy, news), the pillar coverage heatmap
(shaded on one scale for every plan, or on each row's own largest), the lead-agency chart over
every plan, a timeline of periods and dated documents, and an index of the heritage and
partners the documents name.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from vnplan.outputs.catalog import Pillar, catalog
from vnplan.outputs.charts import agency_chart, coverage_chart, timeline_chart
from vnplan.outputs.report_tables import comparison_tables, entity_index
from vnplan.outputs.summary import Summary
from vnplan.schema import Document

CSS = """
:root{--ink:#1b2733;--muted:#5b6775;--line:#dde3ea;--accent:#1f5f99;--bg:#fbfcfd}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
color:var(--ink);background:var(--bg)}
main{max-width:1280px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;
border-bottom:2px solid var(--accent);padding-bottom:4px}h3{font-size:15px;margin:20px 0 6px}
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
form.scale{display:flex;gap:16px;align-items:baseline;font-size:13px;margin:4px 0}
form.scale span{font-weight:600}
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
  var heat = document.getElementById("pillar-heatmap");
  function shade(scale) {
    if (!heat) { return; }
    heat.setAttribute("data-scale", scale);
    heat.querySelectorAll(".cell rect, .cell text").forEach(function (el) {
      el.setAttribute("fill", el.getAttribute("data-" + scale));
    });
    heat.querySelectorAll("text.scale-top").forEach(function (el) {
      el.textContent = el.getAttribute("data-" + scale);
    });
    document.querySelectorAll("form.scale input").forEach(function (input) {
      input.checked = input.value === scale;
    });
  }
  document.querySelectorAll("form.scale input").forEach(function (input) {
    input.addEventListener("change", function () {
      shade(input.value);
      try { history.replaceState(null, "", input.value === "rel" ? "#relative" : "#"); }
      catch (e) { /* a page opened from a file may refuse; the shading still changed */ }
    });
  });
  shade(location.hash === "#relative" ? "rel" : "abs");
  document.documentElement.setAttribute("data-ready", "1");
})();
"""

SCALE_FORM = (
    '<form class="scale" aria-label="Heatmap shading"><span>Shading:</span>'
    '<label><input type="radio" name="scale" value="abs" checked> absolute — one scale for '
    "every plan, so cells compare across provinces</label>"
    '<label><input type="radio" name="scale" value="rel"> relative — each row against its '
    "own largest</label></form>"
)


def pillar_legend(pillars: Sequence[Pillar]) -> str:
    items = "".join(
        f"<dt>{escape(p.id)}</dt><dd>{escape(p.name_vi)} — {escape(p.name_en)}"
        + (f" ({escape(p.kind)})" if p.kind else "")
        + "</dd>"
        for p in pillars
    )
    return f'<dl class="pillars">{items}</dl>'


def _left_out(text: str, labels: Sequence[str]) -> str:
    if not labels:
        return ""
    items = "".join(f"<li>{escape(label)}</li>" for label in labels)
    return f'<p class="note">{escape(text)}</p><ul class="left-out">{items}</ul>'


def _counts(summaries: Sequence[Summary]) -> str:
    """ "2 plans, 1 other document and 4 news articles" (other documents only when there are)."""
    groups = [("plan", "plan"), ("document", "other document"), ("news", "news article")]
    parts = []
    for group, name in groups:
        n = sum(1 for s in summaries if s.group == group)
        if n or group != "document":
            parts.append(f"{n} {name}{'' if n == 1 else 's'}")
    return ", ".join(parts[:-1]) + f" and {parts[-1]}"


def render_report(
    docs: Sequence[Document], summaries: Sequence[Summary], pillars: Sequence[Pillar]
) -> str:
    """The whole page for `docs` (one per document, in output order), their summaries and
    the pillar columns."""
    strategy = catalog().strategy
    source = f"{strategy.doc_type} {strategy.doc_number} ({strategy.date}): {strategy.title}"
    coverage = coverage_chart(summaries, pillars)
    agencies = agency_chart(docs, summaries)
    periods = timeline_chart(summaries)
    versions = ", ".join(sorted({d.extractor_version for d in docs}))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>vnplan — provincial plans compared</title>",
        f"<style>{CSS}</style></head><body><main>",
        "<header><h1>Provincial cultural-diplomacy plans compared</h1>",
        f'<p class="lede">{_counts(summaries)}, read against the pillars of the national '
        f"strategy, {escape(source)}.</p></header>",
        '<section id="comparison"><h2>Comparison</h2>',
        comparison_tables(summaries),
        "</section>",
        '<section id="coverage"><h2>Pillar coverage</h2>',
        '<p class="note">Plans and other documents: how many sections and appendix rows the '
        "record links to each pillar; news: ● where the article's text pursues it.</p>",
        SCALE_FORM,
        coverage.svg,
        _left_out("Not shown (no pillar link):", coverage.left_out),
        pillar_legend(pillars),
        "</section>",
        '<section id="agencies"><h2>Lead agencies</h2>',
        '<p class="note">Appendix rows an agency leads (Cơ quan chủ trì) plus the duties the '
        "implementation part assigns it, added up over every plan and every other document "
        "with a task table (a decision issuing a plan); one colour per document.</p>",
        agencies.svg,
        _left_out(
            "No lead agency named (no task table, no agency assigned in an implementation part):",
            agencies.left_out,
        ),
        "</section>",
        '<section id="timeline"><h2>Periods and dates</h2>',
        '<p class="note">Bar: a plan\'s period (from its issue date when it names no start '
        "year); dashed: its vision year; circle: issue date; square: another document's date; "
        "diamond: a news article's publication date.</p>",
        periods.svg,
        _left_out("Undated (the record names no issue or publication date):", periods.left_out),
        "</section>",
        '<section id="entities"><h2>Heritage and partners</h2>',
        '<p class="note">Each UNESCO designation and foreign partner the documents name, with '
        "the documents that name it.</p>",
        entity_index(docs, summaries),
        "</section>",
        f"<footer>Records written by vnplan {escape(versions)}. Pillar links are the records' "
        "own (the align stage: TF-IDF similarity of each unit's words with the strategy's "
        "wording).</footer>",
        f"</main><script>{SCRIPT}</script></body></html>",
    ]
    return "\n".join(parts) + "\n"
