"""Load once what converting documents needs, in a batch's parent, before it forks workers.

Imports are lazy so that one conversion pays only for what its document needs. A batch is the
other case: each forked worker would pay for the same imports, data files and models again.
A runner calls `preload()` in the parent process before it forks: modules, data and models are
then shared with the workers (copy-on-write), and `gc.freeze()` keeps the garbage collector
from walking, and so copying, those objects in every worker.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable

from vnplan.formats import FORMATS

# A short plan that passes every stage, so that each stage loads its data and models.
_WARM_UP = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 1/KH-UBND
Lào Cai, ngày 2 tháng 3 năm 2022
KẾ HOẠCH
Thực hiện Chiến lược Ngoại giao văn hóa đến năm 2030
I. MỤC ĐÍCH, YÊU CẦU
1. Bảo vệ, phát huy giá trị các di sản văn hóa được UNESCO ghi danh.
II. TỔ CHỨC THỰC HIỆN
Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch triển khai Kế hoạch.
"""


def preload(formats: Iterable[str] | None = None) -> None:
    """Import the readers of `formats` (default: every format with a reader), load their data,
    run one small document through every stage, then freeze what is loaded (see module doc)."""
    from vnplan.extract.readers import reader_of
    from vnplan.extract.readers.pdf_glyphs import syllables
    from vnplan.pipeline import convert

    names = list(formats) if formats is not None else [f.name for f in FORMATS if f.reader]
    for name in names:
        reader_of(name, "preload")
    if "pdf" in names:
        syllables()
        import pdfplumber.table  # noqa: F401  (the table finder of pages with ruling lines)
    convert(_WARM_UP.encode("utf-8"), uri="preload.txt")
    gc.freeze()
