"""outputs stage: records → one comparison table (terminal, CSV), exports, an HTML report.

``compare`` reads an output folder of records and prints one row per plan (other documents and
news apart); ``export`` writes the records as joinable tables (SQLite, Parquet) or JSON Lines;
the report is one self-contained HTML page with inline SVG charts. The outputs read records
only (what the stages wrote, never re-running one), and every output is deterministic: the
same records give byte-identical files.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from vnplan.outputs.compare import csv_text
    from vnplan.outputs.export import jsonl_text, write_parquet, write_sqlite
    from vnplan.outputs.records import load_folder, one_per_document
    from vnplan.outputs.report import render_report
    from vnplan.outputs.summary import Summary, summarize, summarize_all
    from vnplan.outputs.tables import Table, build_tables

# imported on first use: `vnplan convert` registers the output commands without loading them
_LAZY = {
    "csv_text": "compare",
    "jsonl_text": "export",
    "write_parquet": "export",
    "write_sqlite": "export",
    "load_folder": "records",
    "one_per_document": "records",
    "render_report": "report",
    "Summary": "summary",
    "summarize": "summary",
    "summarize_all": "summary",
    "Table": "tables",
    "build_tables": "tables",
}

__all__ = [
    "Summary",
    "Table",
    "build_tables",
    "csv_text",
    "jsonl_text",
    "load_folder",
    "one_per_document",
    "render_report",
    "summarize",
    "summarize_all",
    "write_parquet",
    "write_sqlite",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"vnplan.outputs.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
