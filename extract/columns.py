"""What the columns of a table mean, read from its header cells (words in
``data/table_columns.json``), and whether the table assigns work.

A Vietnamese noun phrase leads with its head: "Thời gian thực hiện" is a time, "Cơ quan thực
hiện" a body, "Kết quả thực hiện" a result. So a header word counts where it opens the phrase —
among its first few words ("Cơ quan, đơn vị chủ trì") — and not deep inside it ("Tư cách thành
viên (… công ty trách nhiệm hữu hạn …)" names no one responsible). A header printed on two rows
("Kết quả thống kê - Đơn vị tính") is read part by part.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from vnplan.text.fold import fold_heading

HEAD_WORDS = 5  # a header word counts when it begins among the first five words of a part
_FIELDS_OF_ROWS = ("lead", "coordinating", "timeline")


@cache
def _column_rules() -> tuple[list[tuple[str, tuple[str, ...], bool]], list[str]]:
    text = resources.files("vnplan.extract").joinpath("data/table_columns.json").read_text("utf-8")
    data = json.loads(text)
    rules = [(c["field"], tuple(fold_heading(w) for w in c["words"]), bool(c.get("whole")))
             for c in data["columns"]]
    return rules, list(data["default"])


def default_fields() -> list[str]:
    """The fields of a task table that prints no header row, in its usual column order."""
    return list(_column_rules()[1])


def is_column_number_row(cells: tuple[str, ...]) -> bool:
    """A row numbering the columns: "(1) (2) (3) …"."""
    values = [c.strip("() ") for c in cells if c.strip()]
    return len(values) >= 3 and values == [str(i) for i in range(1, len(values) + 1)]


def _head_positions(folded: str, word: str) -> list[int]:
    """Where `word` begins near the head of a part of the header (character offsets)."""
    out: list[int] = []
    offset = 0
    for part in folded.split(" - "):
        for found in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", part):
            if len(part[: found.start()].split()) < HEAD_WORDS:
                out.append(offset + found.start())
                break
        offset += len(part) + 3
    return out


def column_field(cell: str) -> str | None:
    """The row field a header cell names ("Cơ quan chủ trì" → "lead"), or None: the word
    found first wins, then the longest, then the rule order.

    >>> column_field("Thời gian thực hiện"), column_field("Kết quả thực hiện trong tháng")
    ('timeline', 'status')
    """
    folded = fold_heading(cell)
    best: tuple[int, int, int, str] | None = None
    for order, (field_name, words, whole) in enumerate(_column_rules()[0]):
        for word in words:
            found = ([0] if folded == word else []) if whole else _head_positions(folded, word)
            if found and (best is None or (found[0], -len(word), order) < best[:3]):
                best = (found[0], -len(word), order, field_name)
    return best[3] if best else None


def column_fields(header: tuple[str, ...]) -> list[str]:
    """The row field each header cell feeds ("Cơ quan chủ trì" → "lead"); a field named twice
    feeds the first column, the others are "extra"."""
    fields: list[str] = []
    for cell in header:
        found = column_field(cell) or "extra"
        fields.append(found if found not in fields else "extra")
    if "content" not in fields and "stt" in fields:  # the column after STT says what is done
        at = fields.index("stt") + 1
        if at < len(fields) and fields[at] == "extra":
            fields[at] = "content"
    return fields


def is_task_table(fields: list[str]) -> bool:
    """A table assigns work when its columns give what is done and who leads, coordinates or
    by when it is done."""
    return "content" in fields and bool(set(_FIELDS_OF_ROWS) & set(fields))
