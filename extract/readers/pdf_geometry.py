"""The values the PDF and OCR readers hand to the page-layout step: text pieces with boxes.

Coordinates are PDF points, measured from the page's top-left corner (y grows downwards), for
born-digital and scanned pages alike, so one set of thresholds in ems serves both.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of text on one baseline, without a column gap inside it."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float  # font size in points (estimated from the line height on scans)
    bold: bool | None = None
    italic: bool | None = None
    first_word: float = 0.0  # width of the first word: would it have fit on the line above?


@dataclass(frozen=True)
class TableBlock:
    """A ruled table on one page: its rows of cell texts, placed at the table's top."""

    top: float
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class PageText:
    """Everything the layout step needs from one page."""

    number: int  # 1-based
    width: float
    height: float
    segments: tuple[Segment, ...]
    tables: tuple[TableBlock, ...] = ()
    scanned: bool = False  # read by OCR: line boxes are tesseract's, not the PDF's


@dataclass(frozen=True)
class PageFrame:
    """A page's crop box and rotation: PDF user space → display space (points from the
    top-left corner of the page as shown, y downwards)."""

    left: float
    bottom: float
    right: float
    top: float
    rotation: int = 0  # clockwise degrees: 0, 90, 180 or 270

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) as displayed."""
        width, height = self.right - self.left, self.top - self.bottom
        return (height, width) if self.rotation in (90, 270) else (width, height)

    def point(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A user-space rectangle as (x0, top, x1, bottom) in display space."""
        (ax, ay), (bx, by) = self.point(x0, y0), self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    def direction(self, dx: float, dy: float) -> tuple[float, float]:
        """A user-space direction (a vector) in display space."""
        (ox, oy), (px, py) = self.point(0.0, 0.0), self.point(dx, dy)
        return px - ox, py - oy
