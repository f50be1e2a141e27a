"""Layout cues a reader needs before any structure is known: a task table's header row, the
heading that opens an appendix, the phrases that end a news page's article."""

from __future__ import annotations

import re

from vnplan.text.fold import fold_heading

APPENDIX_HEADING = re.compile(r"^PHỤ LỤC\b|^Phụ lục\s+[IVX\d]*\s*$")
CHROME_END = (
    "tin liên quan",
    "các tin khác",
    "tin khác",
    "bài viết liên quan",
    "tin cùng chuyên mục",
    "chia sẻ bài viết",
    "chia sẻ",
    "thống kê truy cập",
    "xem tin theo ngày",
    "bình luận",
    "ý kiến bạn đọc",
    "tin mới nhất",
    "đọc thêm",
    "tags",
    "từ khóa",
)


_ORDINAL_HEADS = ("stt", "tt", "số tt", "số thứ tự")


def is_header_row(cells: tuple[str, ...]) -> bool:
    """A table's header row: it opens with the ordinal column (STT, TT) and names another
    column ("Nội dung", "Nhiệm vụ" …), as a table repeats it on every page."""
    written = [c for c in cells if c.strip()]
    if len(written) < 2 or fold_heading(written[0]) not in _ORDINAL_HEADS:
        return False  # most rows: the rest is not folded
    texts = [fold_heading(c) for c in written[1:]]
    return any(any(ch.isalpha() for ch in t) and not t.isupper() for t in texts)
