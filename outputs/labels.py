"""How the charts name each document: short, and distinct within one comparison.

A label is the province (a national document: its issuer) and one detail: a plan's number
("Lào Cai · 122/KH-UBND"), another document's type and number ("Lào Cai · Quyết định
15/QĐ-UBND"; a draft without a number: "Thái Nguyên · draft Tờ trình"), a news article's
publication date, the plan it reports on or its publisher ("Lào Cai · news on 122/KH-UBND").
When two documents would get the same label, each takes its next detail; when details run
out, a number tells them apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

LIMIT = 42  # characters: what the charts' label column holds


@dataclass(frozen=True)
class Labelled:
    """What a label is made of: a comparison row (`Summary`) is one."""

    id: str
    group: str  # "plan", "document" or "news" (see records.group_of)
    doc_type: str
    title: str
    issuer: str
    province: str
    doc_number: str
    date: str
    draft: bool  # marked DỰ THẢO: prepared for signature, its number and day often blank
    about: str
    publisher: str


def clip(label: str, limit: int) -> str:
    """`label` cut to `limit` characters, with an ellipsis when cut."""
    return label if len(label) <= limit else label[: limit - 1].rstrip(" ,:") + "…"


def without_type(title: str, doc_type: str) -> str:
    """A title without the type word it opens with ("Tờ trình về việc …" → "về việc …")."""
    head = title[: len(doc_type)]
    if doc_type and head.casefold() == doc_type.casefold() and title[len(doc_type) :][:1] == " ":
        return title[len(doc_type) :].strip()
    return title


def _details(doc: Labelled) -> list[str]:
    if doc.group == "news":
        details = [
            f"news {doc.date}" if doc.date else "",
            f"news on {doc.about}" if doc.about else "",
            f"news, {doc.publisher}" if doc.publisher else "",
            f"news: {doc.title}" if doc.title else "",
        ]
    else:
        kind = doc.doc_type or doc.group
        number = doc.doc_number if doc.group == "plan" else f"{kind} {doc.doc_number}"
        details = [
            number if doc.doc_number else "",
            f"draft {kind}" if doc.draft else "",
            f"{kind} {doc.date}" if doc.date else "",
            f"{kind}: {without_type(doc.title, kind)}" if doc.title else "",
        ]
    return [d for d in details if d] or [doc.id]


def candidates(doc: Labelled) -> list[str]:
    """The labels `doc` may take, best first."""
    head = f"{doc.province or doc.issuer or 'no province'} · "
    return [clip(head + detail, LIMIT) for detail in _details(doc)]


def distinct_labels(docs: Sequence[Labelled]) -> list[str]:
    """One label per document, no two alike."""
    options = [candidates(d) for d in docs]
    choice = [0] * len(docs)
    for _ in range(max((len(o) for o in options), default=0)):
        labels = [o[c] for o, c in zip(options, choice, strict=True)]
        taken = Counter(labels)
        moved = False
        for i, label in enumerate(labels):
            if taken[label] > 1 and choice[i] + 1 < len(options[i]):
                choice[i] += 1
                moved = True
        if not moved:
            break
    labels = [o[c] for o, c in zip(options, choice, strict=True)]
    taken, seen = Counter(labels), Counter[str]()
    out = []
    for label in labels:
        if taken[label] > 1:
            seen[label] += 1
            label = f"{clip(label, LIMIT - 4)} ({seen[label]})"
        out.append(label)
    return out
