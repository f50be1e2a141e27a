"""Precision and recall of pillar links against labels written by hand.

Labels name items the way a reader finds them: sections by path, appendix rows by group and
STT, list items by their position in a section's text (see tests/align/data/pillar_labels.json).
Scores count (item, pillar) pairs, micro-averaged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from vnplan.align.document import pool
from vnplan.align.units import list_items
from vnplan.schema import Document
from vnplan.scores import Counts

Pairs = set[tuple[str, str]]


def score_pairs(predicted: Pairs, gold: Pairs) -> Counts:
    return Counts.of(predicted, gold)


def _pairs(item: str, pillars: Iterable[str]) -> Pairs:
    return {(item, pillar) for pillar in pillars}


def labelled_pairs(doc: Document, labels: dict[str, Any]) -> tuple[Pairs, Pairs]:
    """(predicted, gold) pairs for the labelled items of one aligned record."""
    predicted: Pairs = set()
    gold: Pairs = set()
    sections = {tuple(s.path): s for s in doc.iter_sections()}
    for item in labels.get("sections", []):
        key = "/".join(item["path"])
        section = sections[tuple(item["path"])]
        predicted |= _pairs(f"section {key}", (m.id for m in section.pillars))
        gold |= _pairs(f"section {key}", item["pillars"])
    rows = {(r.group, r.stt): r for a in doc.appendices for r in a.rows}
    for item in labels.get("rows", []):
        key = f"row {item['group']}.{item['stt']}"
        predicted |= _pairs(key, (m.id for m in rows[(item["group"], item["stt"])].pillars))
        gold |= _pairs(key, item["pillars"])
    for item in labels.get("bullets", []):
        key = f"bullet {'/'.join(item['path'])}#{item['index']}"
        line = list_items(sections[tuple(item["path"])].text)[item["index"] - 1]
        predicted |= _pairs(key, (m.id for m in pool([line])))
        gold |= _pairs(key, item["pillars"])
    return predicted, gold
