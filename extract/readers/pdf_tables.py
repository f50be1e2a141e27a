"""Ruled tables of a born-digital page: ruling lines from pdfium, cells from pdfplumber.

The ruling lines are read from the page's path objects with pypdfium2 (cheap, and only pages
with both horizontal and vertical rules go further); a path painted white, or not painted at
all, is no rule. The cell grid is found by pdfplumber's own lines-strategy table finder
(`TableFinder` with `vertical_strategy="lines"`, `horizontal_strategy="lines"`), fed those
ruling lines instead of pdfminer's parse of the page, which is what makes it slow: the
algorithm is pdfplumber's, the page is read once. Its cell search (`intersections_to_cells`)
is redone here to give the same cells in time linear in a row's and a column's points.
"""

from __future__ import annotations

import ctypes
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, cast

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from vnplan.extract.readers.pdf_geometry import PageFrame

RULE_THICKNESS = 3.0  # a path thinner than this (points) is a ruling line
MIN_RULE_LENGTH = 3.0
AXIS_TOLERANCE = 1.0  # a path segment this close to horizontal or vertical is a rule
WHITE = 250  # a colour whose red, green and blue are all at least this is white on paper
TABLE_SETTINGS = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True)
class Grid:
    """One table: its rows, each a cell box per column (None where a merged cell spans)."""

    bbox: Box
    rows: tuple[tuple[Box | None, ...], ...]
    tops: tuple[float, ...]  # each row's top, for finding a point's row


@dataclass(frozen=True)
class _EdgePage:
    """What pdfplumber's table finder reads from a page: its edges and its box."""

    edges: list[dict[str, Any]]
    bbox: Box


def _edge(x0: float, top: float, x1: float, bottom: float, orientation: str) -> dict[str, Any]:
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": top,
            "width": x1 - x0, "height": bottom - top, "orientation": orientation,
            "object_type": "line"}


def page_edges(page: pdfium.PdfPage, frame: PageFrame) -> list[dict[str, Any]]:
    """The horizontal and vertical ruling lines painted on the page (display space): its
    top-level path objects, read with pdfium's own calls (a page may have hundreds)."""
    edges: list[dict[str, Any]] = []
    bounds = [ctypes.c_float() for _ in range(4)]
    for i in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
        obj = pdfium_c.FPDFPage_GetObject(page.raw, i)
        if not obj:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH or not is_visible(obj):
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *bounds):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        box = frame.box(*(b.value for b in bounds))
        width, height = box[2] - box[0], box[3] - box[1]
        if height <= RULE_THICKNESS and width >= MIN_RULE_LENGTH:
            mid = (box[1] + box[3]) / 2
            edges.append(_edge(box[0], mid, box[2], mid, "h"))
        elif width <= RULE_THICKNESS and height >= MIN_RULE_LENGTH:
            mid = (box[0] + box[2]) / 2
            edges.append(_edge(mid, box[1], mid, box[3], "v"))
        elif width > RULE_THICKNESS and height > RULE_THICKNESS:
            edges.extend(_segment_edges(obj, frame))
    return edges


def is_visible(obj: Any) -> bool:
    """Whether the path (pdfium's handle) shows on a white page: a stroke or a fill in a
    colour.

    A clipping path paints nothing, and a report whose paragraphs have white shading and
    white borders is printed with a white box behind every line and white rules down both
    sides of the text: taken for rules, they frame the running text as a table."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return True
    painted = (fill.value and _coloured(pdfium_c.FPDFPageObj_GetFillColor, obj)) or (
        stroke.value and _coloured(pdfium_c.FPDFPageObj_GetStrokeColor, obj))
    return bool(painted)


def _coloured(read_colour: Callable[..., int], obj: Any) -> bool:
    """The path's fill or stroke colour (`read_colour`) is neither white nor transparent; a
    colour pdfium cannot read counts as shown."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not read_colour(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b),
                       ctypes.byref(a)):
        return True
    return a.value > 0 and min(r.value, g.value, b.value) < WHITE


def _segment_edges(obj: Any, frame: PageFrame) -> list[dict[str, Any]]:
    """The straight axis-parallel sides of a larger path (a rectangle, a drawn grid)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        raise pdfium.PdfiumError("Failed to get matrix of pageobject.")
    a, b, c, d, e, f = m.a, m.b, m.c, m.d, m.e, m.f
    x, y = ctypes.c_float(), ctypes.c_float()
    points: list[tuple[int, float, float, bool]] = []
    for index in range(pdfium_c.FPDFPath_CountSegments(obj)):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, index)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        px, py = frame.point(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        closes = bool(pdfium_c.FPDFPathSegment_GetClose(segment))
        points.append((pdfium_c.FPDFPathSegment_GetType(segment), px, py, closes))
    edges: list[dict[str, Any]] = []
    start: tuple[float, float] | None = None
    current: tuple[float, float] | None = None
    for kind, px, py, closes in points:
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or current is None:
            start = current = (px, py)
            continue
        if kind == pdfium_c.FPDF_SEGMENT_LINETO:
            edges.extend(_straight(current, (px, py)))
        current = (px, py)
        if closes and start is not None:
            edges.extend(_straight(current, start))
            current = start
    return edges


def _straight(p: tuple[float, float], q: tuple[float, float]) -> list[dict[str, Any]]:
    (ax, ay), (bx, by) = p, q
    if abs(ay - by) <= AXIS_TOLERANCE and abs(ax - bx) >= MIN_RULE_LENGTH:
        return [_edge(min(ax, bx), ay, max(ax, bx), ay, "h")]
    if abs(ax - bx) <= AXIS_TOLERANCE and abs(ay - by) >= MIN_RULE_LENGTH:
        return [_edge(ax, min(ay, by), ax, max(ay, by), "v")]
    return []


def has_ruling(edges: list[dict[str, Any]]) -> bool:
    """Enough horizontal and vertical rules for a table (cheap test before the finder)."""
    horizontal = sum(1 for e in edges if e["orientation"] == "h")
    return horizontal >= 2 and len(edges) - horizontal >= 2


def find_grids(edges: list[dict[str, Any]], width: float, height: float) -> list[Grid]:
    """Tables of at least two rows and two columns, top to bottom."""
    if not has_ruling(edges):
        return []
    from pdfplumber.page import Page
    from pdfplumber.table import (
        Table,
        TableFinder,
        TableSettings,
        cells_to_tables,
        edges_to_intersections,
    )

    page = cast(Page, _EdgePage(edges, (0.0, 0.0, width, height)))
    # TableFinder's own steps (its edges from the page, their intersections, cells, tables),
    # the cells found by the search below: pdfplumber's compares each point with all others
    finder = TableFinder.__new__(TableFinder)
    finder.page, finder.settings = page, TableSettings.resolve(TABLE_SETTINGS)
    points = edges_to_intersections(finder.get_edges(), finder.settings.intersection_x_tolerance,
                                    finder.settings.intersection_y_tolerance)
    tables = [Table(page, cells) for cells in cells_to_tables(intersections_to_cells(points))]
    grids: list[Grid] = []
    for table in tables:
        rows = tuple(tuple(cast(Box | None, cell) for cell in row.cells) for row in table.rows)
        if len(rows) >= 2 and max(len(r) for r in rows) >= 2:
            tops = tuple(next(c for c in row if c is not None)[1] for row in rows)
            grids.append(Grid(bbox=cast(Box, table.bbox), rows=rows, tops=tops))
    return sorted(grids, key=lambda g: g.bbox[1])


def intersections_to_cells(intersections: dict[tuple[float, float], dict[str, list[Any]]]
                           ) -> list[Box]:
    """pdfplumber's `intersections_to_cells`, cell for cell: from each point (in order) the
    smallest cell whose corners are points joined by edges, searched among the points of the
    point's own column and row instead of all the points after it, each point's edges made a
    set once instead of at every comparison."""
    from pdfplumber.utils.geometry import bbox_getter  # what its `obj_to_bbox` calls

    points = sorted(intersections)
    vertical = {p: set(map(bbox_getter, intersections[p]["v"])) for p in points}
    horizontal = {p: set(map(bbox_getter, intersections[p]["h"])) for p in points}
    columns: dict[float, list[tuple[float, float]]] = {}
    rows: dict[float, list[tuple[float, float]]] = {}
    for point in points:  # sorted by x, then y: a column top to bottom, a row left to right
        columns.setdefault(point[0], []).append(point)
        rows.setdefault(point[1], []).append(point)
    cells: list[Box] = []
    for point in points[:-1]:
        column, row = columns[point[0]], rows[point[1]]
        below = column[column.index(point) + 1 :]
        right = [q for q in row[row.index(point) + 1 :]
                 if not horizontal[point].isdisjoint(horizontal[q])]
        cell = _smallest_cell(point, below, right, vertical, horizontal)
        if cell is not None:
            cells.append(cell)
    return cells


def _smallest_cell(
    point: tuple[float, float], below: list[tuple[float, float]],
    right: list[tuple[float, float]], vertical: dict[tuple[float, float], set[Box]],
    horizontal: dict[tuple[float, float], set[Box]],
) -> Box | None:
    """The first cell, nearest rows first, whose top left is ``point``: a point ``below`` it
    joined to it by a vertical edge, one on its ``right`` (joined to it already), and their
    corner joined to both."""
    for low in below:
        if vertical[point].isdisjoint(vertical[low]):
            continue
        for side in right:
            corner = (side[0], low[1])
            if corner in vertical and not vertical[corner].isdisjoint(vertical[side]) and (
                    not horizontal[corner].isdisjoint(horizontal[low])):
                return point[0], point[1], corner[0], corner[1]
    return None


def locate(grids: list[Grid], x: float, y: float) -> tuple[int, int, int] | None:
    """(table, row, column) of the cell holding the point, or None outside every table."""
    for index, grid in enumerate(grids):
        x0, top, x1, bottom = grid.bbox
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        row = max(0, bisect_right(grid.tops, y) - 1)
        for r in range(row, -1, -1):  # a cell merged down from a row above
            for col, cell in enumerate(grid.rows[r]):
                if cell is not None and cell[0] <= x <= cell[2] and cell[1] <= y <= cell[3]:
                    return index, r, col
        return None
    return None
