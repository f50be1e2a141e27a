"""Numbered paragraphs → the section tree, each node at its true depth."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from vnplan.extract.numbering import Marker, parse_marker, split_title
from vnplan.extract.paragraphs import Paragraph
from vnplan.schema import Section, Warning
from vnplan.schema.models import SectionRole
from vnplan.text.fold import fold_heading

HEADING_WORDS_MAX = 12  # a child heading longer than this is a task, not a role heading


@dataclass
class _Node:
    marker: Marker
    path: list[str]
    title: str
    body: list[str]
    page: int | None
    role: SectionRole
    children: list[_Node] = field(default_factory=list)

    def to_section(self) -> Section:
        return Section(
            number=self.marker.number,
            path=self.path,
            title=self.title,
            text="\n".join(part for part in self.body if part),
            role=self.role,
            children=[child.to_section() for child in self.children],
            page=self.page,
        )


@cache
def _role_rules() -> list[tuple[SectionRole, tuple[str, ...]]]:
    text = resources.files("vnplan.extract").joinpath("data/roles.json").read_text("utf-8")
    rules = json.loads(text)["rules"]
    return [(rule["role"], tuple(fold_heading(s) for s in rule["starts"])) for rule in rules]


def role_of_heading(title: str) -> SectionRole | None:
    """The role a heading's words name ("TỔ CHỨC THỰC HIỆN" → "implementation"), if any."""
    folded = fold_heading(title)
    for role, starts in _role_rules():
        if any(
            folded == s or folded.startswith(s + " ") or folded.startswith(s + ",") for s in starts
        ):
            return role
    return None


def build_sections(paragraphs: list[Paragraph]) -> tuple[list[Section], list[Warning]]:
    """The section tree of a plan body; unnumbered paragraphs are the text of the item above."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    warnings: list[Warning] = []
    for par in paragraphs:
        marker = parse_marker(par.text, par.bold) if par.cells is None else None
        if marker is None:
            if stack:
                stack[-1].body.append(par.text)
            continue
        while stack and stack[-1].marker.rank >= marker.rank:
            stack.pop()
        parent = stack[-1] if stack else None
        title, body = split_title(marker.rest)
        node = _Node(
            marker=marker,
            path=[*(parent.path if parent else []), marker.number],
            title=title,
            body=[body],
            page=par.page,
            role=_role_for(title, parent),
        )
        if marker.irregular:
            warnings.append(
                Warning(
                    code="numbering_irregular",
                    message=f"item number {marker.number!r} printed without its dot; "
                    f"read as section {'/'.join(node.path)}",
                    where=f"sections {'/'.join(node.path)}",
                )
            )
        (parent.children if parent else roots).append(node)
        stack.append(node)
    return [node.to_section() for node in roots], warnings


def _role_for(title: str, parent: _Node | None) -> SectionRole:
    own = role_of_heading(title) if len(title.split()) <= HEADING_WORDS_MAX else None
    if parent is None:
        return own or "other"
    if own and parent.role in ("purpose", "tasks", "other") and own != "appendix":
        return own
    return parent.role
