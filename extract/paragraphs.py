"""Lines → paragraphs: wrapped lines joined, paragraphs split by a page break rejoined."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from vnplan.extract.readers.anchors import ADDRESSEES, RECIPIENTS, skeleton
from vnplan.extract.readers.layout import Line, Printed
from vnplan.schema import Warning

_TERMINAL = re.compile(r"[.:;!?…”\")]\s*$|/\.\s*$")
_SHORT_PARENTHESIS = re.compile(r"^\([^()]{2,30}\)[.,;:]")
_ITEM_START = re.compile(r"^\s*(?:[-–•+*]\s|[IVXLC]+\.?\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s)")


@dataclass(frozen=True)
class Paragraph(Printed):
    """Lines joined into one text, where its first line stands and as that line looks."""

    @classmethod
    def opened_by(cls, line: Line, text: str) -> Paragraph:
        """The paragraph `line` opens, with `text` for the line's own (stripped) text."""
        printed = {f.name: getattr(line, f.name) for f in fields(Printed)}
        return cls(**{**printed, "text": text})


def _continues(prev: Paragraph, line: Line) -> bool:
    """Does `line` continue the sentence `prev` left open (a page or column break split it)?"""
    if prev.cells is not None or line.cells is not None or _ITEM_START.match(line.text):
        return False
    if _TERMINAL.search(prev.text) or RECIPIENTS.match(skeleton(line.text)):
        return False  # "Nơi nhận:" opens the document's end, whatever OCR left before it
    if prev.centered and line.centered is False and ADDRESSEES.match(skeleton(prev.text)):
        return False  # the body under a centred "Kính gửi: …" (OCR lost its first word)
    return line.text[:1].islower() or bool(_SHORT_PARENTHESIS.match(line.text))


def build_paragraphs(lines: list[Line]) -> tuple[list[Paragraph], list[Warning]]:
    """Join lines into paragraphs; record every join that crossed a break as a warning."""
    out: list[Paragraph] = []
    warnings: list[Warning] = []
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        joins = not line.starts_paragraph and line.cells is None and bool(out) and (
            out[-1].cells is None)
        if out and (joins or _continues(out[-1], line)):
            broken = line.break_before or (line.page or 0) != (out[-1].page or 0)
            if broken or (line.gap_before and not joins):
                warnings.append(
                    Warning(
                        code="paragraph_rejoined",
                        message=f"joined a paragraph split by a break: …{out[-1].text[-30:]!r} + "
                        f"{text[:30]!r}…",
                        where=f"page {line.page}" if line.page else None,
                    )
                )
            out[-1] = _extend(out[-1], text)
            continue
        out.append(Paragraph.opened_by(line, text))
    return out, warnings


def _extend(par: Paragraph, text: str) -> Paragraph:
    joiner = "" if par.text.endswith("-") and not par.text.endswith(" -") else " "
    return replace(par, text=par.text + joiner + text)
