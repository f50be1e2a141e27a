"""The agency cells of a task table: who a cell names, and in which role.

A cell lists bodies apart with ";" or one per line ("Sở Nội vụ; Sở Tư pháp"); the commas inside
one name ("Sở Văn hóa, Thể thao và Du lịch") are left to the normalizer, which knows the names.
A single "Cơ quan phụ trách" column may say the roles itself — "Chủ trì: Công ty A (CĐT). Phối
hợp: UBND xã B (GPMB); Sở C" — then the body after "Chủ trì:" leads and the others coordinate,
and a note in parentheses after a name ("(CĐT)", "(tham gia ý kiến)") says what that body does
there: it is not part of the name. A parenthesis that names a body ("Văn phòng UBND tỉnh (Trung
tâm Thông tin)") is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnplan.extract.bodies import starts_with_head
from vnplan.schema import AgencyRef

_SEPARATORS = re.compile(r"\s*;\s*|\n+")
_ROLE = re.compile(r"(?:^|(?<=[.;\n]))\s*(?P<role>(?i:chủ trì|phối hợp))(?P<colon>\s*:)?\s*")
_NOTE = re.compile(r"\s*\((?P<note>[^()]*)\)\s*$")


@dataclass(frozen=True)
class CellRoles:
    lead: list[str]
    coordinating: list[str]
    labelled: bool  # the cell said the roles itself ("Chủ trì: …")


def split_cell(cell: str) -> list[str]:
    """The bodies a cell lists apart (";" or one per line), end punctuation dropped.

    >>> split_cell("Sở Nội vụ; Sở Tư pháp.")
    ['Sở Nội vụ', 'Sở Tư pháp']
    """
    return [item for item in (p.strip(" .,") for p in _SEPARATORS.split(cell)) if item]


def read_roles(cell: str) -> CellRoles:
    """Who leads and who coordinates by a cell that labels the roles; a cell without labels
    names leads only.

    >>> read_roles("Chủ trì: Sở Công Thương (thẩm định). Phối hợp: Sở Tài chính; UBND xã A")
    CellRoles(lead=['Sở Công Thương'], coordinating=['Sở Tài chính', 'UBND xã A'], labelled=True)
    """
    labels = [m for m in _ROLE.finditer(cell)  # "Phối hợp:", or "phối hợp UBND xã A"
              if m["colon"] or cell[m.end() : m.end() + 1].isupper()
              or starts_with_head(cell[m.end() :])]
    if not labels or cell[: labels[0].start()].strip():
        return CellRoles(split_cell(cell), [], False)
    lead: list[str] = []
    coordinating: list[str] = []
    for at, label in enumerate(labels):
        end = labels[at + 1].start() if at + 1 < len(labels) else len(cell)
        items = [_without_note(i) for i in split_cell(cell[label.end() : end])]
        if label["role"].lower() == "chủ trì":
            lead.extend(items[:1])
            coordinating.extend(items[1:])  # named after the lead, with no label: they help
        else:
            coordinating.extend(items)
    return CellRoles(lead, coordinating, True)


def _without_note(item: str) -> str:
    note = _NOTE.search(item)
    if note is None or starts_with_head(note["note"]) or not item[: note.start()].strip():
        return item
    return item[: note.start()].strip()


def agency_refs(names: list[str]) -> list[AgencyRef]:
    return [AgencyRef(raw=name) for name in names]
