"""Scoring the structure of records against the corpus labels: the section tree (path and
title), attached documents, data tables and the task rows of task tables; and no more
top-level sections than the document prints top-level units (`top_level_ok`)."""

from __future__ import annotations

from typing import Any

from labels import SetTally, Tally, key
from rapidfuzz import fuzz

from vnplan.schema import Document, Section

TITLE_PREFIX = 40  # characters of a label title that must open the record's title
TABLE_SIMILAR = 80.0

STRUCTURE_FIELDS = ("tables_found", "appendix_found", "task_lead", "task_coordinating",
                    "task_timeline", "top_level_ok")
STRUCTURE_LISTS = ("sections", "parts", "task_rows")


def flatten(sections: list[Section], depth: int | None) -> list[tuple[tuple[str, ...], str]]:
    out: list[tuple[tuple[str, ...], str]] = []
    stack = list(reversed(sections))
    while stack:
        node = stack.pop()
        if depth is None or len(node.path) <= depth:
            out.append((tuple(key(p) for p in node.path), node.title))
        stack.extend(reversed(node.children))
    return out


def _same_section(expected: tuple[tuple[str, ...], str], got: tuple[tuple[str, ...], str]) -> bool:
    if expected[0] != got[0]:
        return False
    want, have = key(expected[1] or ""), key(got[1] or "")
    if not want or not have:
        return want == have
    prefix = want[:TITLE_PREFIX]
    return have.startswith(prefix) or want.startswith(have[:TITLE_PREFIX])


def _label_sections(items: list[dict[str, Any]]) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(key(p) for p in s["path"]), s.get("title") or "") for s in items]


def _record_parts(doc: Document) -> list[Any]:
    return list(getattr(doc, "parts", []) or [])


def _record_tables(doc: Document) -> list[Any]:
    tables = list(doc.appendices)
    for part in _record_parts(doc):
        tables.extend(getattr(part, "appendices", []))
    return tables


def _find_part(expected: dict[str, Any], free: list[Any]) -> Any:
    """The record's part for a labelled one (taken from `free`): the same type, the closest
    title first."""
    same = [p for p in free if key(p.doc_type or "") == key(expected.get("doc_type") or "")]
    title = key(expected.get("title") or "")
    hit = max(same, key=lambda p: fuzz.ratio(title, key(p.title or "")), default=None)
    if hit is not None:
        free.remove(hit)
    return hit


def _columns_key(columns: list[str]) -> str:
    return " | ".join(key(c) for c in columns)


def _same_title(expected: dict[str, Any], got: Any) -> bool:
    title = key(expected.get("title") or "")
    return bool(title) and bool(got.title) and fuzz.partial_ratio(title, key(got.title)) >= 90


def _same_columns(expected: dict[str, Any], got: Any) -> bool:
    want_cols, got_cols = _columns_key(expected.get("columns") or []), _columns_key(got.columns)
    return bool(want_cols and got_cols) and fuzz.ratio(want_cols, got_cols) >= TABLE_SIMILAR


def _same_table(expected: dict[str, Any], got: Any) -> bool:
    return _same_columns(expected, got) or _same_title(expected, got) or _same_bare(expected, got)


def _same_bare(expected: dict[str, Any], got: Any) -> bool:
    """A table printed with neither title nor header row (rows of a list quoted by an amending
    law) is known by having no header either, and its number of rows."""
    if expected.get("title") or expected.get("columns") or got.columns:
        return False
    return (expected.get("rows") or 0) == (len(got.rows) or len(got.cells))


def _match_tables(expected: list[dict[str, Any]], tables: list[Any]) -> dict[int, Any]:
    """Each labelled table's record table (by id of the label), one to one: the pairs with the
    same columns and title first (tables may print the same columns, or titles that open
    alike), then those sharing the most task rows, the closest columns, the closest titles,
    the closest number of rows, then document order."""
    scored = []
    for i, want in enumerate(expected):
        columns, title = _columns_key(want.get("columns") or []), key(want.get("title") or "")
        for j, got in enumerate(tables):
            if _same_table(want, got):
                rows = sum(any(_same_row(r, g) for g in got.rows)
                           for r in want.get("task_rows", []))
                size = len(got.rows) or len(got.cells)
                scored.append(((-(_same_columns(want, got) + _same_title(want, got)), -rows,
                                -fuzz.ratio(columns, _columns_key(got.columns)),
                                -fuzz.ratio(title, key(got.title or "")),
                                abs((want.get("rows") or 0) - size), j), i, j))
    pairs: dict[int, Any] = {}
    taken: set[int] = set()
    for _, i, j in sorted(scored):
        if id(expected[i]) not in pairs and j not in taken:
            pairs[id(expected[i])] = tables[j]
            taken.add(j)
    return pairs


def _row_key(row: dict[str, Any]) -> tuple[str, str]:
    return key(row.get("stt") or ""), key(row.get("content") or "")[:30]


def _same_row(expected: dict[str, Any], got: Any) -> bool:
    stt, content = _row_key(expected)
    if stt != key(got.stt or ""):
        return False
    return fuzz.partial_ratio(content, key(got.content)[:60]) >= 80


def _match_rows(expected: list[dict[str, Any]], got: list[Any]) -> dict[int, Any]:
    """Each labelled task row's record row (by id of the label row), one to one: same STT and
    content, the same group first (items restart at 1 in every group), then the closest."""
    pairs: dict[int, Any] = {}
    free = list(got)
    for row in expected:
        candidates = [g for g in free if _same_row(row, g)]
        if not candidates:
            continue
        content = _row_key(row)[1]
        best = max(candidates, key=lambda g: (key(g.group or "") == key(row.get("group") or ""),
                                              fuzz.partial_ratio(content, key(g.content)[:60])))
        pairs[id(row)] = best
        free.remove(best)
    return pairs


def _agencies(values: list[str]) -> set[str]:
    return {key(v) for v in values}


def score_structure(name: str, label: dict[str, Any], doc: Document | None,
                    tallies: dict[str, Tally | SetTally]) -> None:
    """Add one document's sections, parts and tables to the tallies."""
    groups = set(label.get("groups", []))
    if "sections" in groups:
        depth = label.get("sections_depth")
        want = _label_sections(label.get("sections", []))
        got = flatten(doc.sections, depth) if doc else []
        tallies["sections"].add(name, want, got, _same_section)  # type: ignore[call-arg]
        if doc is not None:
            tops = [p for p, _ in want if len(p) == 1]  # as printed: a letter printed twice too
            got_tops = [s for s in doc.sections]
            ok = len(got_tops) <= max(len(tops), 1) or not want
            tallies["top_level_ok"].add(name, ok, len(tops), len(got_tops))  # type: ignore[call-arg]
        parts = label.get("parts", [])
        got_parts = _record_parts(doc) if doc else []
        tallies["parts"].add(name, parts, got_parts,  # type: ignore[call-arg]
                             lambda e, g: key(e.get("doc_type") or "") == key(g.doc_type or ""))
        free = list(got_parts)
        for index, part in enumerate(parts):
            match = _find_part(part, free)
            want_part = _label_sections(part.get("sections", []))
            got_part = flatten(match.sections, part.get("sections_depth")) if match else []
            tallies["sections"].add(f"{name} part {index + 1}", want_part,  # type: ignore[call-arg]
                                    got_part, _same_section)
    if "tables" not in groups:
        return
    tables = _record_tables(doc) if doc else []
    matched = _match_tables(label.get("tables", []), tables)
    for table in label.get("tables", []):
        hit = matched.get(id(table))
        tallies["tables_found"].add(name, hit is not None,  # type: ignore[call-arg]
                                    table.get("title"), hit and hit.title)
        if table.get("in_appendix"):
            tallies["appendix_found"].add(name, hit is not None,  # type: ignore[call-arg]
                                          table.get("title"), hit and hit.title)
        if not table.get("task"):
            continue
        rows = list(hit.rows) if hit is not None else []
        pairs = _match_rows(table.get("task_rows", []), rows)
        tallies["task_rows"].add(name, table.get("task_rows", []), rows,  # type: ignore[call-arg]
                                 lambda e, g, pairs=pairs: pairs.get(id(e)) is g)
        for row in table.get("task_rows", []):
            got = pairs.get(id(row))
            for field, attr in (("task_lead", "lead"), ("task_coordinating", "coordinating")):
                have = _agencies([a.raw for a in getattr(got, attr)]) if got else None
                tallies[field].add(name, have == _agencies(row.get(attr) or []),  # type: ignore[call-arg]
                                   row.get(attr), have)
            timeline = got.timeline.raw if got is not None and got.timeline else None
            tallies["task_timeline"].add(  # type: ignore[call-arg]
                name, key(timeline or "") == key(row.get("timeline") or ""),
                row.get("timeline"), timeline)
