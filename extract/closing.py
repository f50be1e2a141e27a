"""The end of a plan: "Nơi nhận:" list and the signature block (TM./KT. …, position, name)."""

from __future__ import annotations

import re

from vnplan.extract.paragraphs import Paragraph
from vnplan.schema import Signer

RECIPIENTS_HEAD = re.compile(r"^\s*N[oơ]i\s+nh[aậ]n\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
ON_BEHALF = re.compile(r"^(?P<mark>TM|KT|TL|TUQ|Q)\s*\.\s*(?P<body>.+)$")
POSITIONS = (
    "CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "CHÁNH VĂN PHÒNG",
    "PHÓ CHÁNH VĂN PHÒNG",
    "GIÁM ĐỐC",
    "PHÓ GIÁM ĐỐC",
    "BÍ THƯ",
    "PHÓ BÍ THƯ",
    "TRƯỞNG BAN",
    "PHÓ TRƯỞNG BAN",
)
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s+){1,4}[A-ZĐÀ-Ỹ][a-zà-ỹđ]+$")
_BULLET = re.compile(r"^\s*[-–•+]\s*")


def is_recipients_head(text: str) -> bool:
    return bool(RECIPIENTS_HEAD.match(text))


def parse_recipients(paragraphs: list[Paragraph]) -> list[str]:
    """The recipient lines after "Nơi nhận:", without bullets and end punctuation."""
    out: list[str] = []
    for par in paragraphs:
        head = RECIPIENTS_HEAD.match(par.text)
        text = head["rest"] if head else par.text
        if not head and not _BULLET.match(text):
            if out:
                break
            continue
        item = _BULLET.sub("", text).strip().rstrip(";.,").strip()
        if item:
            out.append(item)
    return out


def _title_case_position(text: str) -> str:
    return text[:1] + text[1:].lower()


def parse_signature(lines: list[str]) -> Signer | None:
    """Signer from the lines of a signature block ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", name)."""
    on_behalf: str | None = None
    position: str | None = None
    name: str | None = None
    for text in lines:
        text = text.strip()
        if match := ON_BEHALF.match(text):
            body = match["body"].strip()
            if match["mark"] == "TM" or on_behalf is None:
                on_behalf = _title_case_position(body)
            continue
        if text.upper() == text and text.upper() in POSITIONS:
            position = _title_case_position(text)
        elif _NAME.match(text) and position:
            name = text
    if not (name or position):
        return None
    return Signer(name=name, position=position, on_behalf_of=on_behalf)
