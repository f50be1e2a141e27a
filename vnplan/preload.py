"""Load once what converting documents needs, in a batch's parent, before it forks workers.

Imports are lazy so that one conversion pays only for what its document needs. A batch is the
other case: each forked worker would pay for the same imports, data files and models again.
The runner (`vnplan.jobs.LocalEngine`, and each Dask worker process) calls `preload()` in the
parent before it forks: modules, data and models are then shared with the workers
(copy-on-write), and `gc.freeze()` keeps the garbage collector from walking, and so copying,
those objects in every worker.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterable
from functools import cache

from vnplan.formats import FORMATS

# A short plan that passes every stage, so that each stage loads its data and models.
_WARM_UP = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 1/KH-UBND
Lào Cai, ngày 2 tháng 3 năm 2022
KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo vệ, phát huy giá trị các di sản văn hóa được UNESCO ghi danh; quảng bá hình ảnh đất nước.
II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch triển khai Kế hoạch.
Ban Quản lý Khu kinh tế tổ chức hội nghị; Trung tâm Phục vụ hành chính công trang bị camera.
"""


def preload(formats: Iterable[str] | None = None) -> None:
    """Import the reader of every format that has one (or of `formats` only: those of a batch's
    inputs), load their data, run one small document through every stage, then freeze what is
    loaded (see module doc)."""
    _load(None if formats is None else frozenset(formats))
    gc.freeze()


@cache
def _load(formats: frozenset[str] | None) -> None:
    from vnplan.errors import ConversionError
    from vnplan.extract import news, tables  # noqa: F401  (the warm-up plan has no news, no table)
    from vnplan.extract.readers import reader_of
    from vnplan.pipeline import convert
    from vnplan.text.segmenter import SegmenterUnavailable, load_models

    readers = [f.name for f in FORMATS if f.reader and (formats is None or f.name in formats)]
    for name in sorted(readers):
        reader_of(name, "preload")
    if "pdf" in readers:
        _load_pdf_extras()
    from rapidfuzz import distance, process  # noqa: F401  (names no exact key matches)
    with contextlib.suppress(SegmenterUnavailable, ImportError):  # shown on the documents
        load_models()  # the agency names the gazetteer lacks, and the words of aligned text
    with contextlib.suppress(ConversionError):
        convert(_WARM_UP.encode("utf-8"), uri="preload.txt")


def _load_pdf_extras() -> None:
    """What a PDF's reading loads beyond its reader: the glyph rejoining's syllables, and the
    table finder of pages with ruling lines."""
    from vnplan.extract.readers.pdf_glyphs import syllables

    syllables()
    import pdfplumber.table  # noqa: F401
