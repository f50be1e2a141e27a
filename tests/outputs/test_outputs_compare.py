"""outputs/compare.py: the comparison table as CSV and as rich tables."""

from __future__ import annotations

import csv
import io

import pandas as pd
from rich.console import Console

from vnplan.align import pillar_ids
from vnplan.outputs.compare import columns, csv_text, news_table, plans_table
from vnplan.outputs.summary import Summary


def test_one_row_per_document_plans_first(summaries: list[Summary]) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(summaries))))
    assert [r["kind"] for r in rows] == ["plan", "plan", "news", "news", "news"]
    assert list(rows[0]) == columns()
    lao_cai = next(r for r in rows if r["province"] == "Lào Cai" and r["kind"] == "plan")
    assert lao_cai["doc_number"] == "122/KH-UBND" and lao_cai["tasks"] == "20"
    assert lao_cai["lead_agencies"].startswith("Sở Ngoại vụ (")
    assert all(f"pillar_{p}" in lao_cai for p in pillar_ids())
    news = rows[-1]
    assert news["objectives"] == "" and news["cites_strategy"] == ""


def test_csv_is_deterministic_and_reads_in_pandas(summaries: list[Summary]) -> None:
    text = csv_text(summaries)
    assert text == csv_text(list(summaries)) and text.endswith("\n") and "\r" not in text
    frame = pd.read_csv(io.StringIO(text))
    assert len(frame) == 5
    assert frame.loc[frame["kind"] == "plan", "appendix_rows"].tolist() == [0, 26]


def test_terminal_tables(summaries: list[Summary]) -> None:
    console = Console(record=True, width=160)
    console.print(plans_table(summaries))
    console.print(news_table(summaries))
    text = console.export_text()
    assert "Lào Cai" in text and "122/KH-UBND" in text and "11/11" in text
    assert "Thừa Thiên Huế" in text and "173/KH-UBND" in text
