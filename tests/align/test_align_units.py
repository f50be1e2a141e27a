"""align/units.py: what a section, a row and an article are matched on."""

from __future__ import annotations

from vnplan.align.units import article_units, list_items, row_units, section_units
from vnplan.schema import Document, Section


def _section(doc: Document, *path: str) -> Section:
    return next(s for s in doc.iter_sections() if s.path == list(path))


def test_a_bulleted_section_is_matched_item_by_item(lang_son: Document) -> None:
    objectives = _section(lang_son, "II", "1")
    items = list_items(objectives.text)
    assert len(items) == 4
    assert items[2].startswith("Tiếp thu tinh hoa văn hóa của nhân loại")
    assert section_units(objectives) == [objectives.title, *items]


def test_a_paragraph_section_is_one_unit_with_its_title(lao_cai: Document) -> None:
    resources = _section(lao_cai, "III", "6")
    assert list_items(resources.text) == []
    (unit,) = section_units(resources)
    assert unit.startswith("Tăng cường nguồn lực") and "Chú trọng đào tạo" in unit


def test_a_row_is_read_under_its_group_heading(lao_cai: Document) -> None:
    row = next(r for r in lao_cai.appendices[0].rows if (r.group, r.stt) == ("II", "2"))
    (unit,) = row_units(row)
    assert unit.startswith(row.content) and unit.endswith(row.group_title or "")


def test_an_article_is_matched_clause_by_clause(news: dict[str, Document]) -> None:
    hue = news["Thừa Thiên Huế"]
    assert hue.article is not None
    units = article_units(hue.article.main_text)
    assert any(u.startswith("Tăng cường nguồn lực") for u in units)
    assert all(u == u.strip() and u for u in units)
