"""Align a whole record: every objective and task section, every appendix row, news text."""

from __future__ import annotations

from collections.abc import Iterable

from vnplan.align.pillars import Cutoffs, load_method
from vnplan.align.scoring import match_text, rank
from vnplan.align.units import article_units, row_units, section_units
from vnplan.schema import Document, PillarMatch, Section


def pool(units: Iterable[str], cutoffs: Cutoffs | None = None) -> list[PillarMatch]:
    """The pillars any unit pursues; each pillar with its best unit's score and words."""
    best: dict[str, PillarMatch] = {}
    for unit in units:
        for match in match_text(unit, cutoffs):
            if match.id not in best or match.score > best[match.id].score:
                best[match.id] = match
    return rank(list(best.values()))


def section_pillars(section: Section) -> list[PillarMatch]:
    return pool(section_units(section))


def align_document(doc: Document) -> Document:
    """A copy of `doc` with `pillars` set on its objective/task sections, appendix rows and,
    for news, on the article as a whole. Sections of other roles keep empty lists.
    The input is not changed; the same record always gives the same pillars.
    """
    out = doc.model_copy(deep=True)
    if out.article is not None:
        out.article.pillars = news_pillars(out)
    roles = load_method().section_roles
    for section in out.iter_sections():
        section.pillars = section_pillars(section) if section.role in roles else []
    for appendix in out.appendices:
        for row in appendix.rows:
            row.pillars = pool(row_units(row))
    return out


def news_pillars(doc: Document) -> list[PillarMatch]:
    """The pillars a news article's main text pursues, as a whole (its clauses pooled)."""
    if doc.article is None:
        return []
    return pool(article_units(doc.article.main_text))


def is_aligned(doc: Document) -> bool:
    """Whether any section or row of `doc` carries pillars (a record written after `align`)."""
    return (
        any(s.pillars for s in doc.iter_sections())
        or any(r.pillars for a in doc.appendices for r in a.rows)
        or bool(doc.article and doc.article.pillars)
    )
