"""Appendix task tables: physical rows (any format) → one logical table of task rows.

Handles what real tables carry: header rows repeated on every page, group rows (a roman
numeral spanning the row, or its title alone when the numeral was lost), rows broken by a
page break, continuation rows without STT, cells shifted by a duplicated cell, a cell merged
over several columns (each column's value), and a numeral glued to its title ("III Cản kết
…"). Every repair is a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from vnplan.extract.cells import agency_refs, read_roles, split_cell
from vnplan.extract.columns import column_fields, default_fields, is_column_number_row
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.cues import is_header_row
from vnplan.extract.timeline import parse_timeline
from vnplan.schema import Appendix, AppendixRow, Warning
from vnplan.text.numerals import roman_value, to_roman

_GLUED_NUMERAL = re.compile(r"^(?P<n>[IVXL]{1,5})\.?\s+(?P<title>\S.*)$")
_TERMINAL = re.compile(r"[.;:!?…”)]\s*$")
# the fields of a task row; a column that feeds none of them goes to the note under its header
_ROW_FIELDS = frozenset({"stt", "content", "lead", "coordinating", "timeline", "product", "note"})
_OTHER = "+"
_STT = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_LETTER_GROUP = re.compile(r"^[A-Z]\.?$")


@dataclass
class _Row:
    group: str | None
    group_title: str | None
    values: dict[str, str]
    pages: list[int] = field(default_factory=list)

    def to_row(self) -> AppendixRow:
        roles = read_roles(self.values.get("lead", ""))
        coordinating = [*roles.coordinating, *split_cell(self.values.get("coordinating", ""))]
        return AppendixRow(
            group=self.group,
            group_title=self.group_title,
            stt=self.values.get("stt") or None,
            content=self.values.get("content", ""),
            lead=agency_refs(roles.lead),
            coordinating=agency_refs(coordinating),
            timeline=parse_timeline(self.values.get("timeline", "")),
            product=self.values.get("product") or None,
            note=self._note(),
            pages=sorted(set(self.pages)),
        )

    def _note(self) -> str | None:
        """The Ghi chú cell, then every column no row field takes, as "header: text" (a
        table's "Khó khăn, vướng mắc" or "Tiến độ hiện tại" is kept, not dropped)."""
        kept = [self.values.get("note", "")] + [
            f"{name.removeprefix(_OTHER)}: {value}"
            for name, value in self.values.items()
            if name.startswith(_OTHER) and value
        ]
        return "; ".join(k for k in kept if k) or None


@dataclass
class _Parser:
    fields: list[str]
    section_titles: list[str]
    labels: list[str] = field(default_factory=list)  # the header cells, when printed
    rows: list[_Row] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    group: str | None = None
    group_title: str | None = None
    groups_seen: list[str] = field(default_factory=list)
    group_start: int = 0
    index: int = 0

    def warn(self, code: str, message: str) -> None:
        """A warning on the line being read; `add` says which row it is when the line is read."""
        self.warnings.append(Warning(code=code, message=message))

    def add(self, par: Paragraph, upcoming: list[Paragraph]) -> None:
        """Read one table line: a task row, a group row, the rest of the row above, or nothing;
        what reading it warned of is put on the row it made, continued or opens (a group's
        first row), else on the row above."""
        start, rows, groups = len(self.warnings), len(self.rows), len(self.groups_seen)
        self._read(par, upcoming)
        opened = len(self.groups_seen) > groups and len(self.rows) == rows
        at = len(self.rows) if opened else max(len(self.rows) - 1, 0)
        where = f"appendices[{self.index}].rows[{at}]"
        self.warnings[start:] = [w.model_copy(update={"where": where})
                                 for w in self.warnings[start:]]

    def _read(self, par: Paragraph, upcoming: list[Paragraph]) -> None:
        assert par.cells is not None
        cells = self._repair_cells(self._share_merged(list(par.cells), par.spans))
        named = {f: c.strip() for f, c in zip(self.fields, cells, strict=False) if f != "extra"}
        stt, content = named.get("stt", ""), named.get("content", "")
        others = [v for f, v in named.items() if f not in ("stt", "content") and v]
        values = {f: v for f, v in named.items() if f in _ROW_FIELDS}
        for f, label, c in zip(self.fields, self.labels, cells, strict=False):
            if f not in _ROW_FIELDS and label.strip() and c.strip():
                values[_OTHER + " ".join(label.split())] = c.strip()
        kept = any(f.startswith(_OTHER) for f in values)
        if (roman_value(stt) or _LETTER_GROUP.match(stt)) and not others:
            self._start_group(stt, content)
        elif _STT.match(stt) and not others and content and self._heads_items(stt, upcoming):
            self._start_group(stt.rstrip("."), content)  # "1" over "1.1", "1.2" …
        elif stt and not _STT.match(stt) and not content and not others:
            self._start_group(None, stt)
        elif stt and _STT.match(stt):
            self.rows.append(_Row(self.group, self.group_title, values, _pages(par)))
        elif content and not stt and not others and self._opens_group(upcoming):
            self._start_group(None, content)
        elif (content or others or kept) and len(self.rows) > self.group_start:
            self._continue_row(values, par)
        elif others or kept:
            dropped = " | ".join(c.strip() for c in cells if c.strip())
            self.warn("row_dropped", f"row without STT or content dropped: {dropped}")

    def _share_merged(self, cells: list[str], spans: tuple[int, ...] | None) -> list[str]:
        """A cell merged across the columns after the task's own (STT, content) is the value
        of each: "Theo phân công tại Quyết định …" over Chủ trì and Phối hợp says who leads
        and who coordinates. A cell over STT or content (a group's title across the row) is
        given once."""
        if spans is None or len(spans) != len(cells):
            return cells
        for at, span in enumerate(spans):
            field_name = self.fields[at] if at < len(self.fields) else "extra"
            if span > 1 and cells[at].strip() and field_name not in ("stt", "content"):
                cells[at + 1 : at + span] = [cells[at]] * (span - 1)
                self.warn("merged_cell_shared", f"cell {cells[at][:40]!r} merged over {span} "
                          "columns: given to each")
        return cells

    def _repair_cells(self, cells: list[str]) -> list[str]:
        first = cells[0].strip() if cells else ""
        glued = _GLUED_NUMERAL.match(first)
        if glued and roman_value(glued["n"]) and not (len(cells) > 1 and cells[1].strip()):
            cells = [glued["n"], glued["title"], *cells[2:]]
            self.warn("cell_split", f"group numeral {glued['n']!r} glued to its title: split")
        while len(cells) > len(self.fields) and not cells[-1].strip():
            cells.pop()
        while len(cells) > len(self.fields):
            dup = next(
                (
                    i
                    for i in range(2, len(cells) - 1)
                    if cells[i].strip() and cells[i] == cells[i + 1]
                ),
                None,
            )
            if dup is None:
                extra = " ".join(c for c in cells[len(self.fields) - 1 :] if c.strip())
                cells = [*cells[: len(self.fields) - 1], extra]
                self.warn("cells_merged", "row has more cells than the header: extra cells merged")
                break
            self.warn(
                "duplicate_cell_dropped", f"shifted row: duplicated cell {cells[dup]!r} dropped"
            )
            del cells[dup + 1]
        cells = cells + [""] * (len(self.fields) - len(cells))
        return self._unshift(cells)

    def _unshift(self, cells: list[str]) -> list[str]:
        """Undo a shift by a duplicated cell when the shifted-out value is the timeline."""
        if "timeline" not in self.fields:
            return cells
        at = self.fields.index("timeline")
        if _looks_like_timeline(cells[at]) or at + 1 >= len(cells):
            return cells
        if not _looks_like_timeline(cells[at + 1]):
            return cells
        dup = next((i for i in range(2, at) if cells[i].strip() and cells[i] == cells[i + 1]), None)
        if dup is None:
            return cells
        self.warn("duplicate_cell_dropped", f"shifted row: duplicated cell {cells[dup]!r} dropped")
        return [*cells[:dup], *cells[dup + 1 :], ""]

    def _heads_items(self, stt: str, upcoming: list[Paragraph]) -> bool:
        """Whether the next row numbers an item of this one ("1" then "1.1")."""
        nxt = next((p for p in upcoming if p.cells), None)
        if nxt is None or nxt.cells is None or "stt" not in self.fields:
            return False
        following = nxt.cells[self.fields.index("stt")].strip().rstrip(".")
        return following.startswith(stt.rstrip(".") + ".")

    def _opens_group(self, upcoming: list[Paragraph]) -> bool:
        nxt = next((p for p in upcoming if p.cells), None)
        if nxt is None or not self.rows:
            return False
        previous = self.rows[-1].values.get("content", "")
        return (
            bool(_TERMINAL.search(previous))
            and nxt.cells is not None
            and nxt.cells[0].strip() == "1"
        )

    def _start_group(self, numeral: str | None, title: str) -> None:
        numeral = numeral.rstrip(".") if numeral else numeral
        if numeral is None:
            numeral = to_roman(
                (roman_value(self.groups_seen[-1]) or 0) + 1 if self.groups_seen else 1
            )
            self.warn(
                "group_numeral_inferred", f"group row without numeral read as group {numeral}"
            )
        title = self._repair_title(title.strip().rstrip(".").strip())
        self.group, self.group_title = numeral, title
        self.groups_seen.append(numeral)
        self.group_start = len(self.rows)

    def _repair_title(self, title: str) -> str:
        """Fix a single OCR-damaged word where a section heading of the plan is the evidence."""
        words = title.split()
        for heading in self.section_titles:
            other = heading.split()
            if len(other) != len(words) or heading == title:
                continue
            diff = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
            if len(diff) == 1 and Levenshtein.distance(diff[0][0], diff[0][1]) <= 2:
                self.warn(
                    "ocr_repaired",
                    f"group title {diff[0][0]!r} → {diff[0][1]!r} (as in the "
                    "plan's section heading)",
                )
                return heading
        return title

    def _continue_row(self, values: dict[str, str], par: Paragraph) -> None:
        row = self.rows[-1]
        for name, value in values.items():
            if not value or name == "stt":
                continue
            current = row.values.get(name, "")
            if not current:
                row.values[name] = value
            elif value != current and name == "content":
                row.values[name] = f"{current} {value}"
            elif value != current:
                row.values[name] = f"{current}; {value}"
        row.pages.extend(_pages(par))
        how = "across a page break" if par.break_before else "from a row without STT"
        self.warn(
            "row_joined",
            f"row {row.values.get('stt')} continued {how}: {values.get('content', '')[:40]!r}…",
        )

    def finish(self) -> list[AppendixRow]:
        self._infer_first_group()
        self._check_gaps()
        return [row.to_row() for row in self.rows]

    def _infer_first_group(self) -> None:
        first_grouped = next((r for r in self.rows if r.group), None)
        if first_grouped and first_grouped.group == "II" and self.rows[0].group is None:
            for row in self.rows:
                if row.group is not None:
                    break
                row.group = "I"
            self.warnings.append(
                Warning(
                    code="group_numeral_inferred",
                    message="rows before group II read as group I (no group row printed)",
                    where=f"appendices[{self.index}]",
                )
            )

    def _check_gaps(self) -> None:
        previous: tuple[str | None, int] | None = None
        for row in self.rows:
            stt = row.values.get("stt", "")
            if not stt.isdigit():
                continue
            number = int(stt)
            if previous and previous[0] == row.group and number > previous[1] + 1:
                missing = ", ".join(str(n) for n in range(previous[1] + 1, number))
                self.warnings.append(
                    Warning(
                        code="stt_gap",
                        message=f"group {row.group}: item(s) {missing} missing",
                        where=f"appendices[{self.index}]",
                    )
                )
            previous = (row.group, number)


def _looks_like_timeline(cell: str) -> bool:
    timeline = parse_timeline(cell)
    return timeline is not None and bool(timeline.years or timeline.recurrence)


def _pages(par: Paragraph) -> list[int]:
    return [par.page] if par.page is not None else []


def parse_appendix(
    title: str,
    caption: str | None,
    rows: list[Paragraph],
    section_titles: list[str],
    index: int = 0,
    columns: list[str] | None = None,
) -> tuple[Appendix, list[Warning]]:
    """One logical task table from its physical rows, however many pages they span (a cell's
    lines joined by spaces, as they read). `columns` are its header cells when the caller
    found them; else the header row among the rows is used."""
    rows = [replace(r, cells=tuple(" ".join(c.split()) for c in r.cells)) if r.cells else r
            for r in rows]
    header = tuple(columns) if columns else next(
        (r.cells for r in rows if r.cells and is_header_row(r.cells)), None)
    fields = column_fields(header) if header else default_fields()
    parser = _Parser(fields=fields, section_titles=section_titles, index=index,
                     labels=list(header) if header else [])
    for at, par in enumerate(rows):
        if par.cells is None or not any(c.strip() for c in par.cells):
            continue
        if is_header_row(par.cells) or is_column_number_row(par.cells) or (
                header is not None and tuple(par.cells) == header):
            continue
        parser.add(par, rows[at + 1 : at + 3])
    appendix = Appendix(title=title, caption=caption, columns=list(header) if header else fields,
                        rows=parser.finish())
    return appendix, parser.warnings
