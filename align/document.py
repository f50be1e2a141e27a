"""Align a whole record: every objective and task section, every appendix row, news text.

A strategy's pillars are linked only to documents that implement it: documents that cite the
strategy among their legal bases, or whose title (for news, the article) is about it
("ngoại giao văn hóa"; "cải cách hành chính"). Other documents get no pillar links.
"""

from __future__ import annotations

from collections.abc import Iterable

from vnplan.align.pillars import Catalog, Cutoffs, load_catalogs
from vnplan.align.scoring import match_text, rank
from vnplan.align.units import article_units, row_units, section_units
from vnplan.schema import AppendixRow, Document, PillarMatch, Section, walk_sections
from vnplan.text.fold import fold_heading


def _number_key(number: str) -> str:
    return "".join(number.split()).upper()


def implements(doc: Document, catalog: Catalog) -> bool:
    """Whether `doc` implements the strategy of `catalog`: it cites the strategy's decision
    (or a document the catalog lists beside it), or its title or the title of a document it
    issues is about the strategy."""
    cited = {_number_key(b.doc_number) for b in doc.legal_basis if b.doc_number}
    if cited & {_number_key(n) for n in catalog.cites}:
        return True
    about = [doc.title or "", *(part.title or "" for part in doc.parts)]
    if doc.article is not None:
        about.append(doc.article.main_text)
    text = " ".join(fold_heading(t) for t in about)
    return any(fold_heading(phrase) in text for phrase in catalog.about)


def implemented(doc: Document) -> tuple[Catalog, ...]:
    """The strategies `doc` implements, in the data files' order."""
    return tuple(c for c in load_catalogs() if implements(doc, c))


def pool(
    units: Iterable[str], cutoffs: Cutoffs | None = None, catalog: Catalog | None = None
) -> list[PillarMatch]:
    """The pillars any unit pursues; each pillar with its best unit's score and words."""
    best: dict[str, PillarMatch] = {}
    for unit in units:
        for match in match_text(unit, cutoffs, catalog):
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    return rank(list(best.values()))


def _pool_all(units: list[str], catalogs: tuple[Catalog, ...]) -> list[PillarMatch]:
    return rank([m for c in catalogs for m in pool(units, catalog=c)])


def section_pillars(section: Section, catalogs: tuple[Catalog, ...] | None = None) -> list[
    PillarMatch
]:
    return _pool_all(section_units(section), catalogs or load_catalogs()[:1])


def align_document(doc: Document, *, copy: bool = True) -> Document:
    """A copy of `doc` with `pillars` set on its objective/task sections, appendix rows (those
    of the documents it issues too: a decision's Kế hoạch) and, for news, on the article as a
    whole, for each strategy the document implements; a
    document that implements none gets none. Sections of other roles keep empty lists.
    The input is not changed (unless `copy=False`: then `doc` itself is set and returned);
    the same record always gives the same pillars.
    """
    out = doc.model_copy(deep=True) if copy else doc
    catalogs = implemented(out)
    if out.article is not None:
        out.article.pillars = news_pillars(out, catalogs)
    roles = {r for c in catalogs for r in c.method.section_roles}
    for section in _sections(out):
        units = section_units(section)
        section.pillars = _pool_all(units, catalogs) if section.role in roles else []
    for row in _rows(out):
        row.pillars = _pool_all(row_units(row), catalogs)
    return out


def align_units(doc: Document) -> list[str]:
    """Every text `align_document` scores in `doc` (and so segments into words), once each:
    to be segmented ahead, elsewhere (`vnplan.sidecar`; see `tokens_given`)."""
    catalogs = implemented(doc)
    if not catalogs:
        return []
    roles = {r for c in catalogs for r in c.method.section_roles}
    units = dict.fromkeys(u for s in _sections(doc) if s.role in roles for u in section_units(s))
    units.update(dict.fromkeys(u for row in _rows(doc) for u in row_units(row)))
    if doc.article is not None:
        units.update(dict.fromkeys(article_units(doc.article.main_text)))
    return list(units)


def _sections(doc: Document) -> list[Section]:
    """Every section of `doc`, those of the documents it issues too."""
    return [*doc.iter_sections(), *(s for part in doc.parts for s in walk_sections(part.sections))]


def _rows(doc: Document) -> list[AppendixRow]:
    """Every appendix row of `doc`, those of the documents it issues too."""
    appendices = [*doc.appendices, *(a for part in doc.parts for a in part.appendices)]
    return [row for appendix in appendices for row in appendix.rows]


def news_pillars(doc: Document, catalogs: tuple[Catalog, ...] | None = None) -> list[
    PillarMatch
]:
    """The pillars a news article's main text pursues, as a whole (its clauses pooled)."""
    if doc.article is None:
        return []
    chosen = implemented(doc) if catalogs is None else catalogs
    return _pool_all(article_units(doc.article.main_text), chosen)


def is_aligned(doc: Document) -> bool:
    """Whether any section or row of `doc` carries pillars (a record written after `align`)."""
    return (
        any(s.pillars for s in doc.iter_sections())
        or any(s.pillars for part in doc.parts for s in walk_sections(part.sections))
        or any(r.pillars for a in doc.appendices for r in a.rows)
        or any(r.pillars for part in doc.parts for a in part.appendices for r in a.rows)
        or bool(doc.article and doc.article.pillars)
    )
