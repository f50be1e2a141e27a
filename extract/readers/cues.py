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


def is_header_row(cells: tuple[str, ...]) -> bool:
    folded = [fold_heading(c) for c in cells]
    return any(c in ("stt", "tt") for c in folded) and any("nội dung" in c for c in folded)
