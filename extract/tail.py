"""The end of a document's body: where it is, and what it holds — the closing paragraphs
("Trên đây là …"), "Nơi nhận:" and the signature blocks (read by `signature`)."""

from __future__ import annotations

import re

from vnplan.extract.bodies import starts_with_head, written_form
from vnplan.extract.numbering import NORMATIVE, parse_marker
from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import RECIPIENTS, skeleton
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.signature import (
    GAP_LINES_MAX,
    find_signatures,
    is_authority,
    is_name,
    is_position,
    read_recipients,
    tail_lines,
)
from vnplan.schema import Signer, Warning
from vnplan.text.names import split_rank

CLOSING_START = re.compile(r"^Trên đây là\b")
CLOSING_CUE = re.compile(
    r"^(?:Trên đây là|Kính (?:trình|đề nghị|báo cáo|mong)|Trân trọng|Rất mong)\b")
ATTACHMENT_NOTE = re.compile(r"^\((?:Đính kèm|Gửi kèm|Hồ sơ kèm theo|Kèm theo)\b", re.IGNORECASE)
_ADDRESSING = re.compile(r"\b(?:đề nghị|yêu cầu|thông báo|kính|trân trọng|báo cáo)\b")
CLOSING_VERB_WITHIN = 14  # words: "Sở Khoa học và Công nghệ kính báo cáo …"
TRUNCATION = re.compile(r"^\[\s*(?:\.\.\.|…)\s*\]$")
SIGNATURE_CELLS_MAX = 3  # a row of signatures beside each other, not a data table
SIGNATURE_SEARCH = 80  # paragraphs after the body looked at for the signature
SIGNING_BODY_WORDS = 8


def find_tail(paragraphs: list[Paragraph], start: int) -> int:
    """The first paragraph of the document's end: the closing, "Nơi nhận:", the signature
    (an authority line, or a position line with the name under it), an appendix."""
    for i in range(start, len(paragraphs)):
        if is_tail_start(paragraphs[i]) or signature_at(paragraphs, i):
            return i
    return len(paragraphs)


def closing_start(paragraphs: list[Paragraph], start: int, tail: int) -> int:
    """Where the closing begins before the end `tail`: the paragraphs after the last unit
    that speak to the addressees ("Trên đây là …", "Kính trình …", "Ủy ban nhân dân tỉnh yêu
    cầu … thực hiện./."), with the attachment notes after them ("(Đính kèm …)"), are not the
    last unit's text. A decision's last Điều keeps its text: it is the article."""
    i, found = tail, tail
    while i > start:
        par = paragraphs[i - 1]
        text = par.text.strip()
        if par.cells is not None or parse_marker(text, par.bold) is not None:
            break
        if _is_closing(text):
            found = i - 1
        elif not ATTACHMENT_NOTE.match(text):
            break
        i -= 1
    unit = next((parse_marker(p.text.strip(), p.bold) for p in reversed(paragraphs[start:found])
                 if p.cells is None and parse_marker(p.text.strip(), p.bold)), None)
    return tail if unit is not None and unit.kind in NORMATIVE else found


def _is_closing(text: str) -> bool:
    if CLOSING_CUE.match(text):
        return True
    if not (text.endswith("./.") and starts_with_head(text)):
        return False
    return bool(_ADDRESSING.search(" ".join(text.split()[:CLOSING_VERB_WITHIN])))


def signature_at(paragraphs: list[Paragraph], i: int) -> bool:
    """A position line with the name under it; or a table row of signatures (a Phiếu trình's
    "LÃNH ĐẠO VĂN PHÒNG" and "CHUYÊN VIÊN THAM MƯU" side by side)."""
    par = paragraphs[i]
    if par.cells is not None:
        return len(par.cells) <= SIGNATURE_CELLS_MAX and any(
            b.name and b.positions and b.positions[0].isupper()
            for b in find_signatures(tail_lines([par])))
    if not is_position(par.text):
        return False
    lines = tail_lines(paragraphs[i : i + 2 + GAP_LINES_MAX])
    return any(b.name for b in find_signatures(lines[: 2 + GAP_LINES_MAX]))


def is_tail_start(par: Paragraph) -> bool:
    """Where the body ends: the closing, "Nơi nhận:", the signature, an appendix."""
    text = par.text.strip()
    if par.cells is not None:
        first = next((c for c in par.cells if c.strip()), "")
        return bool(RECIPIENTS.match(skeleton(first))) or is_authority(first.split("\n")[0])
    return bool(
        CLOSING_START.match(text)
        or RECIPIENTS.match(skeleton(text))
        or is_authority(text)
        or APPENDIX_HEADING.match(text)
        or TRUNCATION.match(text)
    )



class Tail:
    """What the end of a document holds."""

    def __init__(self) -> None:
        self.closing: str | None = None
        self.recipients: list[str] = []
        self.signers: list[Signer] = []
        self.warnings: list[Warning] = []


def read_tail(tail: list[Paragraph]) -> Tail:
    """The closing, the recipients and the signature blocks of a document's end."""
    out = Tail()
    closing_end = next((i for i, p in enumerate(tail) if not CLOSING_START.match(p.text.strip())
                        and (is_tail_start(p) or signature_at(tail, i) or _signing_body(p))),
                       len(tail))
    closing = [p.text for p in tail[:closing_end] if not TRUNCATION.match(p.text.strip())]
    out.closing = "\n".join(closing) or None
    lines = tail_lines(tail[closing_end:])
    recipients_at = next((i for i, t in enumerate(lines) if RECIPIENTS.match(skeleton(t))), None)
    after = None
    if recipients_at is not None:
        out.recipients, after = read_recipients(lines, recipients_at)
    blocks = [b for b in find_signatures(lines) if b.name or b.positions]
    out.signers = [b.signer() for b in blocks]
    out.warnings = [Warning(code="signature_repaired", where="signer", message=(
        f"the signature as OCR or a damaged text layer left it: {repair}"))
        for b in blocks for repair in b.repairs]
    if not out.signers and after is not None and after < len(lines):
        out.signers = [s for s in [_ranked_name(lines[after])] if s is not None]
    rest = tail[closing_end:]
    if not out.signers and closing and len(rest) == 1 and _signing_body(rest[0]):
        out.signers = [Signer(position=written_form(" ".join(rest[0].text.split())))]
    return out


def _signing_body(par: Paragraph) -> bool:
    """The body alone under the closing, set apart in capitals, with no position and no name
    ("VĂN PHÒNG UBND TỈNH" under a report the office sends unsigned): who issues it signs by
    its name (Nghị định 30/2020, Phụ lục I, mục II.7)."""
    text = par.text.strip()
    return par.cells is None and bool(par.bold or par.centered) and text.isupper() and (
        len(text.split()) <= SIGNING_BODY_WORDS and starts_with_head(text))


def _ranked_name(line: str) -> Signer | None:
    """The signer a scan leaves when the seal hides the position beside "Nơi nhận": the name
    right after the recipients, with its rank or without ("Thiếu tướng Trương Minh Đương",
    "Nguyễn Thanh Việt") — Nghị định 30/2020 (Phụ lục I) sets the signature beside Nơi nhận,
    so a name that follows its last item ("Lưu: VT.") signs."""
    if not is_name(line):
        return None
    rank, name = split_rank(line.strip())
    return Signer(name=" ".join(name.split()), rank=rank)
