"""Ruled tables of born-digital pages (`extract/readers/pdf_tables.py`) on real PDFs."""

from __future__ import annotations

import ctypes
import io
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from tests.conftest import SAMPLES, converted
from vnplan.extract.readers.pdf_geometry import PageFrame
from vnplan.extract.readers.pdf_tables import Grid, find_grids, page_edges
from vnplan.schema import Section

PLAN = SAMPLES / "lao-cai-122-kh-ubnd-2022.pdf"
WHITE = (255, 255, 255, 255)


def _white_path(doc_page: pdfium.PdfPage, box: tuple[float, float, float, float],
                filled: bool) -> None:
    """A white rectangle (filled, no stroke) or a white vertical rule (stroked) behind the
    page's text, as Word draws a paragraph's white shading and white borders."""
    x0, y0, x1, y1 = box
    if filled:
        obj = pdfium_c.FPDFPageObj_CreateNewRect(x0, y0, x1 - x0, y1 - y0)
        pdfium_c.FPDFPageObj_SetFillColor(obj, *WHITE)
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_ALTERNATE, False)
    else:
        obj = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
        pdfium_c.FPDFPath_LineTo(obj, x0, y1)
        pdfium_c.FPDFPageObj_SetStrokeColor(obj, *WHITE)
        pdfium_c.FPDFPageObj_SetStrokeWidth(obj, ctypes.c_float(1.0))
        pdfium_c.FPDFPath_SetDrawMode(obj, pdfium_c.FPDF_FILLMODE_NONE, True)
    pdfium_c.FPDFPage_InsertObjectAtIndex(doc_page.raw, obj, 0)


def _text_runs(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    """The boxes of the page's runs of text, one or more a printed line (PDF user space)."""
    textpage = page.get_textpage()
    runs = [textpage.get_rect(i) for i in range(textpage.count_rects())]
    textpage.close()
    return [r for r in runs if r[2] > r[0] and r[3] > r[1]]


def grids_of(page: pdfium.PdfPage) -> list[Grid]:
    left, bottom, right, top = page.get_cropbox()
    frame = PageFrame(left, bottom, right, top, rotation=page.get_rotation())
    return find_grids(page_edges(page, frame), *frame.size)


def framed_plan(folder: Path) -> tuple[Path, list[int]]:
    """The plan with every page of running text framed line by line in white, the way a Word
    report with white paragraph shading and borders is printed: a white band across the
    text behind each line, a white box behind each run of text, white rules down both sides
    of the text — and the framed pages."""
    doc = pdfium.PdfDocument(PLAN)
    framed: list[int] = []
    for index in range(len(doc)):
        page = doc[index]
        if grids_of(page):
            continue  # the appendix: its own ruled table stays as it is
        runs = _text_runs(page)
        x0, x1 = min(r[0] for r in runs) - 2, max(r[2] for r in runs) + 2
        for left, bottom, right, top in runs:
            _white_path(page, (x0, bottom, x1, top), filled=True)  # the paragraph's shading
            _white_path(page, (left, bottom, right, top), filled=True)  # the run's shading
            _white_path(page, (x0 - 1, bottom, x0 - 1, top), filled=False)  # its borders
            _white_path(page, (x1 + 1, bottom, x1 + 1, top), filled=False)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        framed.append(index)
    buffer = io.BytesIO()
    doc.save(buffer)
    path = folder / "framed-plan.pdf"
    path.write_bytes(buffer.getvalue())
    return path, framed


def _tree(sections: list[Section]) -> list[tuple[tuple[str, ...], str | None]]:
    return [node for s in sections for node in
            [(tuple(s.path), s.title), *_tree(s.children)]]


def _paths(page: pdfium.PdfPage) -> int:
    return len(list(page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=1)))


def _edges(page: pdfium.PdfPage) -> list[dict[str, Any]]:
    return page_edges(page, PageFrame(*page.get_cropbox(), rotation=page.get_rotation()))


def test_white_paragraph_borders_and_shading_are_no_rules(tmp_path: Path) -> None:
    path, framed = framed_plan(tmp_path)
    plain, white = pdfium.PdfDocument(PLAN), pdfium.PdfDocument(path)
    assert len(framed) >= 5  # the plan's pages of running text
    for i in framed:
        assert _paths(white[i]) >= _paths(plain[i]) + 40  # the white frames are there
        assert _edges(white[i]) == _edges(plain[i])  # and add no rule
        assert not grids_of(white[i])
    appendix = [i for i in range(len(white)) if i not in framed]
    assert appendix and all(grids_of(white[i]) for i in appendix)


def test_a_plan_printed_with_white_paragraph_borders_keeps_its_sections_and_appendix(
    tmp_path: Path,
) -> None:
    path, _ = framed_plan(tmp_path)
    plain, framed = converted(PLAN), converted(path)
    assert len(_tree(plain.sections)) > 20
    assert _tree(framed.sections) == _tree(plain.sections)
    assert framed.appendices and framed.appendices[0].rows
    assert [len(a.rows) for a in framed.appendices] == [len(a.rows) for a in plain.appendices]


def test_cells_are_pdfplumbers_own_on_the_plans_table_pages_and_on_a_grid_with_merged_cells(
) -> None:
    from pdfplumber.table import edges_to_intersections
    from pdfplumber.table import intersections_to_cells as pdfplumber_cells

    from vnplan.extract.readers.pdf_tables import intersections_to_cells

    doc = pdfium.PdfDocument(PLAN)
    ruled = [_edges(doc[i]) for i in range(len(doc)) if grids_of(doc[i])]
    # 4 rows × 3 columns; the first two rows merge their first two cells (no rule between
    # them) and the last rule closes only the first cell of the last row: 2 + 2 + 3 + 1 cells
    rows, columns = (100.0, 120.0, 140.0, 160.0, 180.0), (50.0, 150.0, 250.0, 350.0)
    grid = [{"x0": columns[0], "x1": columns[-1] if y != rows[-1] else columns[1], "top": y,
             "bottom": y, "orientation": "h"} for y in rows]
    grid += [{"x0": x, "x1": x, "top": rows[0] if x != columns[1] else rows[2],
              "bottom": rows[-1], "orientation": "v"} for x in columns]
    assert len(ruled) >= 3
    for edges in [*ruled, grid]:
        points = edges_to_intersections(edges, 3, 3)
        assert intersections_to_cells(points) == pdfplumber_cells(points)
    assert len(intersections_to_cells(edges_to_intersections(grid, 3, 3))) == 8
