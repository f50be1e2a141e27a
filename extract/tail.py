"""The end of a document's body: where it is, and what it holds — the closing paragraphs
("Trên đây là …"), "Nơi nhận:" and the signature blocks (read by `signature`)."""

from __future__ import annotations

import re

from vnplan.extract.paragraphs import Paragraph
from vnplan.extract.readers.anchors import RECIPIENTS, skeleton
from vnplan.extract.readers.cues import APPENDIX_HEADING
from vnplan.extract.signature import (
    GAP_LINES_MAX,
    find_signatures,
    is_authority,
    is_position,
    read_recipients,
    tail_lines,
)
from vnplan.schema import Signer

CLOSING_START = re.compile(r"^Trên đây là\b")
TRUNCATION = re.compile(r"^\[\s*(?:\.\.\.|…)\s*\]$")
SIGNATURE_SEARCH = 80  # paragraphs after the body looked at for the signature


def find_tail(paragraphs: list[Paragraph], start: int) -> int:
    """The first paragraph of the document's end: the closing, "Nơi nhận:", the signature
    (an authority line, or a position line with the name under it), an appendix."""
    for i in range(start, len(paragraphs)):
        if is_tail_start(paragraphs[i]) or signature_at(paragraphs, i):
            return i
    return len(paragraphs)


def signature_at(paragraphs: list[Paragraph], i: int) -> bool:
    par = paragraphs[i]
    if par.cells is not None or not is_position(par.text):
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


def read_tail(tail: list[Paragraph]) -> Tail:
    """The closing, the recipients and the signature blocks of a document's end."""
    out = Tail()
    closing_end = next((i for i, p in enumerate(tail) if not CLOSING_START.match(p.text.strip())
                        and (is_tail_start(p) or signature_at(tail, i))), len(tail))
    closing = [p.text for p in tail[:closing_end] if not TRUNCATION.match(p.text.strip())]
    out.closing = "\n".join(closing) or None
    lines = tail_lines(tail[closing_end:])
    recipients_at = next((i for i, t in enumerate(lines) if RECIPIENTS.match(skeleton(t))), None)
    if recipients_at is not None:
        out.recipients, _ = read_recipients(lines, recipients_at)
    out.signers = [b.signer() for b in find_signatures(lines) if b.name or b.positions]
    return out
