"""Where a Document keeps its text: the fields repairs may rewrite, and the texts entities are
counted in, each with its path for warnings ("appendices[0].rows[12].content")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from vnplan.schema import Document, Section


@dataclass(frozen=True)
class Field:
    """One string attribute of a model inside a document."""

    path: str
    owner: BaseModel
    name: str

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


def editable_fields(doc: Document) -> Iterator[Field]:
    """Running text that repairs may rewrite (never a ``raw``)."""
    yield Field("title", doc, "title")
    yield from _section_fields(doc.sections, "sections")
    for a, appendix in enumerate(doc.appendices):
        yield Field(f"appendices[{a}].title", appendix, "title")
        yield Field(f"appendices[{a}].caption", appendix, "caption")
        for r, row in enumerate(appendix.rows):
            base = f"appendices[{a}].rows[{r}]"
            yield Field(f"{base}.content", row, "content")
            yield Field(f"{base}.group_title", row, "group_title")
            yield Field(f"{base}.note", row, "note")
    yield Field("closing", doc, "closing")
    if doc.article is not None:
        yield Field("article.main_text", doc.article, "main_text")


def entity_texts(doc: Document) -> list[str]:
    """Every text entities are counted in: the editable fields (a group title repeated on each
    row of its group counts once), the recipients and the legal bases."""
    texts: list[str] = []
    group_titles: set[str] = set()
    for f in editable_fields(doc):
        value = f.get()
        if not value:
            continue
        if f.name == "group_title":
            if value in group_titles:
                continue
            group_titles.add(value)
        texts.append(value)
    texts.extend(doc.recipients)
    texts.extend(b.raw for b in doc.legal_basis)
    return texts
