"""Where a Document keeps its text: the fields repairs may rewrite, and the texts entities are
counted in, each with its path for warnings ("appendices[0].rows[12].content")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from vnplan.schema import Appendix, Document, Section


@dataclass(frozen=True)
class Field:
    """One string attribute of a model inside a document."""

    path: str
    owner: BaseModel
    name: str
    echo: bool = False  # its text stands in another field too (the subject in the title):
    # repaired with it, never counted twice

    def get(self) -> str | None:
        value = getattr(self.owner, self.name)
        return value if isinstance(value, str) else None

    def set(self, value: str) -> None:
        setattr(self.owner, self.name, value)


def _section_fields(sections: list[Section], prefix: str) -> Iterator[Field]:
    for i, s in enumerate(sections):
        path = f"{prefix}[{i}]"
        yield Field(f"{path}.title", s, "title")
        yield Field(f"{path}.text", s, "text")
        yield from _section_fields(s.children, f"{path}.children")


def _appendix_fields(appendices: list[Appendix], prefix: str) -> Iterator[Field]:
    for a, appendix in enumerate(appendices):
        yield Field(f"{prefix}[{a}].title", appendix, "title")
        yield Field(f"{prefix}[{a}].caption", appendix, "caption")
        for r, row in enumerate(appendix.rows):
            base = f"{prefix}[{a}].rows[{r}]"
            yield Field(f"{base}.content", row, "content")
            yield Field(f"{base}.group_title", row, "group_title")
            yield Field(f"{base}.note", row, "note")
            yield Field(f"{base}.product", row, "product")


def editable_fields(doc: Document) -> Iterator[Field]:
    """Running text that repairs may rewrite (never a ``raw``): the document's and those of
    the documents it issues (``parts``)."""
    yield Field("title", doc, "title")
    yield Field("subject", doc, "subject", echo=True)
    yield from _section_fields(doc.sections, "sections")
    yield from _appendix_fields(doc.appendices, "appendices")
    for p, part in enumerate(doc.parts):
        yield Field(f"parts[{p}].title", part, "title")
        yield Field(f"parts[{p}].subject", part, "subject", echo=True)
        yield from _section_fields(part.sections, f"parts[{p}].sections")
        yield from _appendix_fields(part.appendices, f"parts[{p}].appendices")
    yield Field("closing", doc, "closing")
    if doc.article is not None:
        yield Field("article.main_text", doc.article, "main_text")


_EXAMPLE = re.compile(r"\bVí dụ(?:\s+\d+)?\s*:")
_ITEM = re.compile(r"^\s*(?:[-+•–]|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s")


def without_examples(text: str) -> str:
    """``text`` without its illustrations: a guide to the format of documents (Nghị định
    30/2020's appendices, the Party's Hướng dẫn 36) shows sample headers after "Ví dụ:" /
    "Ví dụ 2:", which name no body the guide itself speaks of. An illustration runs to the
    next list item. "Ví dụ, …" in running text gives a real instance and is kept."""
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if inside and _ITEM.match(line) is None:
            continue
        inside = False
        m = _EXAMPLE.search(line)
        if m is not None:
            inside = True
            line = line[: m.start()]
        out.append(line)
    return "\n".join(out)


def _table_cells(doc: Document) -> Iterator[str]:
    """The cells of the plain tables (not task tables), each a text of its own."""
    for appendix in [*doc.appendices, *(a for part in doc.parts for a in part.appendices)]:
        for row in appendix.cells:
            yield from (cell for cell in row if cell.strip())


def entity_texts(doc: Document) -> list[str]:
    """Every text entities are counted in: the editable fields (a group title repeated on each
    row of its group counts once), the cells of plain tables, the recipients, the addressees,
    the legal bases and the bodies of the header (the issuer's parent, the co-issuers)."""
    texts: list[str] = []
    group_titles: set[str] = set()
    for f in editable_fields(doc):
        value = f.get()
        if not value or f.echo:
            continue
        if f.name == "group_title":
            if value in group_titles:
                continue
            group_titles.add(value)
        texts.append(value)
    texts.extend(_table_cells(doc))
    tables = [*doc.appendices, *(a for part in doc.parts for a in part.appendices)]
    texts.extend(row.timeline.raw for appendix in tables for row in appendix.rows
                 if row.timeline is not None)
    texts.extend(doc.recipients)
    texts.extend(ref.raw for ref in doc.addressees)
    texts.extend(b.raw for b in doc.legal_basis)
    texts.extend(ref.raw for ref in (doc.issuer_parent, *doc.co_issuers) if ref is not None)
    return [without_examples(t) if "Ví dụ" in t else t for t in texts]
