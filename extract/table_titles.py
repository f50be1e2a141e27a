"""The title and caption printed above a table.

The title is the nearest heading above it: an appendix or form heading with the lines that
name it ("PHỤ LỤC II" / "DANH MỤC VĂN BẢN …", "Biểu mẫu 1" / "Công tác chỉ đạo điều hành"; a
"DANH SÁCH" or "DANH MỤC" alone on its line, its name below, when no such heading stands above),
else the nearest numbered unit ("2. Kết quả theo lĩnh vực"), line in capitals or in bold, or
short label ("Danh sách người thực hiện quan trắc:"), with the capital or bold lines above it
that continue it. What stands between the heading and the table is not the title: the lead-in
sentence ("Kết quả … như sau:"), a note in parentheses ("(Lưu ý: …)"), a form's fields to fill
in ("Kính gửi: ……", "Tài khoản: ……", "Trụ sở tại.....", "□"; they do not count among the
lines looked at), a paragraph of the body. The caption is the
"(Kèm theo …)" line.
"""

from __future__ import annotations

import re

from vnplan.extract.header import CAPTION
from vnplan.extract.numbering import parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import find_motto, is_rule
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.signature import is_authority, is_position
from vnplan.text.letters import capitals_share

TITLE_LINES = 6  # lines above a table looked at for its title and caption (form fields aside)
LABEL_WORDS_MAX = 20  # "- Tổng số lượng mẫu, phiếu kết quả đã phát hành trong năm …:"
HEADING_WORDS_MAX = 40
TABLE_HEADING = re.compile(r"^(?:PHỤ LỤC|Phụ lục|Phụ Lục|Biểu mẫu|Biểu số|Biểu|Mẫu số)\b")
LIST_HEADING = re.compile(r"^(?:DANH SÁCH|DANH MỤC)$")  # a list attached to a decision, a letter
_FORM_FIELD = re.compile(r"…{2,}|\.{4,}|_{4,}|□")
_ADDRESSED = re.compile(r"^Kính gửi\s*:?\s*$", re.IGNORECASE)
_LEAD_IN = re.compile(r"\bnhư sau\s*:\s*$|^\(")


def table_title(paragraphs: list[Paragraph], start: int, floor: int) -> tuple[str, str | None]:
    """(title, caption) of the table whose first row is `paragraphs[start]`, looking no
    higher than `floor` (the appendix it stands in)."""
    above: list[Paragraph] = []
    counted = 0  # lines looked at, a form's fields to fill in not counted
    for par in reversed(paragraphs[floor:start]):
        text = par.text.strip()
        if par.cells is not None or not text or _ends_search(text) or counted == TITLE_LINES:
            break
        above.insert(0, par)
        counted += not _fields(text)
    texts = [p.text.strip() for p in above]
    caption = next((t for t in reversed(texts) if CAPTION.match(t)), None)
    named = next((i for heading in (TABLE_HEADING, LIST_HEADING)
                  for i in range(len(above) - 1, -1, -1) if heading.match(texts[i])), None)
    if named is not None:  # the heading and the lines that name the table, below it
        lines = [t for t in texts[named:] if not _between(t)]
        return " ".join(lines), caption
    nearest = next((i for i in range(len(above) - 1, -1, -1) if _heading(above[i])), None)
    if nearest is None:  # no heading: the line that introduces the table ("…, thống kê …:")
        lead = texts[-1] if texts and texts[-1].endswith(":") else ""
        return ("" if _between(lead) and not _LEAD_IN.search(lead) else lead), caption
    first = nearest
    while (first > 0 and not texts[first].endswith(":")
           and parse_marker(texts[first], above[first].bold) is None
           and _continued_by(above[first - 1])):
        first -= 1
    return " ".join(texts[first : nearest + 1]), caption


def _ends_search(text: str) -> bool:
    """A line above which no title is looked for: a rule, the motto, a signature line."""
    return is_rule(text) or bool(find_motto(text)) or is_authority(text) or is_position(text)


def _between(text: str) -> bool:
    """A line between a heading and its table that is not part of the title."""
    return (bool(CAPTION.match(text)) or _fields(text)
            or bool(_LEAD_IN.search(text)) or len(text.split()) > HEADING_WORDS_MAX)


def _fields(text: str) -> bool:
    """A form's fields to fill in ("Tên thương nhân...", "Kính gửi:", "□")."""
    return bool(_FORM_FIELD.search(text)) or bool(_ADDRESSED.match(text))


def _heading(par: Paragraph) -> bool:
    """A heading line: numbered, in capitals, in bold (a lead-in set in bold is the table's
    heading too: "Kết quả đánh giá chung … như sau:"), or a short label ending in ":"."""
    text = par.text.strip()
    if CAPTION.match(text) or _fields(text) or len(text.split()) > HEADING_WORDS_MAX:
        return False
    if parse_marker(text, par.bold) is not None or APPENDIX_HEADING.match(text) or par.bold:
        return True
    if _LEAD_IN.search(text):
        return False
    return len(text.split()) <= LABEL_WORDS_MAX if text.endswith(":") else _upper(text)


def _continued_by(par: Paragraph) -> bool:
    """Whether the line above a heading in capitals or bold is the start of that heading."""
    text = par.text.strip()
    return not _between(text) and not text.endswith(":") and (
        parse_marker(text, par.bold) is not None or _upper(text) or bool(par.bold))


def _upper(text: str) -> bool:
    return capitals_share(text) >= 0.85
