"""The texts one record holds: the document's own, then each document it issues.

A decision that issues a Quy chế or a Kế hoạch ("ban hành kèm theo Quyết định này") carries it
in `parts`, with its own section tree (numbering restarting) and tables. The outputs count
over every body, so a decision issuing a plan shows the plan's objectives, task rows and lead
agencies. Bodies are numbered: 0 is the document's own text, 1, 2 … its parts in order.

>>> from vnplan.schema import Document, Part, Source
>>> doc = Document(id="x", kind="document", extractor_version="0",
...                source=Source(uri="x.txt", format="txt", sha256="0"),
...                parts=[Part(doc_type="Quy chế", title="Quy chế văn thư")])
>>> [(b.part, b.doc_type) for b in bodies(doc)]
[(0, None), (1, 'Quy chế')]
"""

from __future__ import annotations

from dataclasses import dataclass

from vnplan.schema import Appendix, AppendixRow, Document, Section, walk_sections


@dataclass(frozen=True)
class Body:
    """One text of a record: its section tree and its tables."""

    part: int  # 0: the document's own text; n ≥ 1: the n-th document it issues
    doc_type: str | None
    title: str | None
    sections: tuple[Section, ...]
    appendices: tuple[Appendix, ...]


def bodies(doc: Document) -> list[Body]:
    """The document's own text, then each document it issues."""
    own = Body(0, doc.doc_type, doc.title, tuple(doc.sections), tuple(doc.appendices))
    issued = (
        Body(n, p.doc_type, p.title, tuple(p.sections), tuple(p.appendices))
        for n, p in enumerate(doc.parts, start=1)
    )
    return [own, *issued]


def all_sections(doc: Document) -> list[Section]:
    """The sections of every body, in document order."""
    return [s for body in bodies(doc) for s in walk_sections(body.sections)]


def all_appendices(doc: Document) -> list[Appendix]:
    """The tables of every body, in document order."""
    return [a for body in bodies(doc) for a in body.appendices]


def task_rows(doc: Document) -> list[AppendixRow]:
    """The task rows of every table of every body (a table of figures has none)."""
    return [row for appendix in all_appendices(doc) for row in appendix.rows]


def issued_titles(doc: Document) -> tuple[str, ...]:
    """What the document issues, as each part names itself ("Kế hoạch chuyển đổi số …")."""
    return tuple(" ".join((p.title or p.doc_type or "").split()) for p in doc.parts)
