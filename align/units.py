"""The text units a section, an appendix row or a news article is matched on.

A section whose text is a list (two or more "- …" bullet lines) is matched item by item, so a
"Mục tiêu" section listing four objectives can pursue four pillars; otherwise its title and
text are one unit. A row is its content under its group's heading; a news article is its
sentences and clauses.
"""

from __future__ import annotations

import re

from vnplan.schema import AppendixRow, Section

_CLAUSE_END = re.compile(r"(?<=[.;…])\s+")
_BULLET = re.compile(r"^\s*(?:[-+•–—*]|[a-zđ]\)|\d+\))\s+")


def lines_of(text: str) -> list[str]:
    """The non-empty lines of `text`, bullet marks removed."""
    return [_BULLET.sub("", line).strip() for line in text.splitlines() if line.strip()]


def list_items(text: str) -> list[str]:
    """The items of a listed text (two or more lines that start with a bullet), else []."""
    items = [_BULLET.sub("", line).strip() for line in text.splitlines() if _BULLET.match(line)]
    return items if len(items) >= 2 else []


def section_units(section: Section) -> list[str]:
    """The texts a section is matched on, in order: its title, then each item of a list."""
    items = list_items(section.text)
    if items:
        return [section.title, *items]
    text = " ".join(lines_of(section.text))
    return [f"{section.title}. {text}" if text else section.title]


def row_units(row: AppendixRow) -> list[str]:
    """A row's content read under its group heading (the task group it serves)."""
    if row.group_title:
        return [f"{row.content}. {row.group_title}"]
    return [row.content]


def clauses_of(text: str) -> list[str]:
    """The sentences and ";"-separated clauses of `text`, line by line."""
    return [c.strip() for line in lines_of(text) for c in _CLAUSE_END.split(line) if c.strip()]


def article_units(main_text: str) -> list[str]:
    """A news article's sentences: a summary lists a plan's objectives clause by clause."""
    return clauses_of(main_text)
