"""align/document.py: `align_document` over whole records."""

from __future__ import annotations

import pytest

from vnplan.align import align_document, is_aligned, news_pillars, tokens
from vnplan.align.document import align_units
from vnplan.align.tokens import tokens_given
from vnplan.align.units import article_units, row_units
from vnplan.schema import Document
from vnplan.sidecar import sidecar


def test_align_is_pure_and_reproducible(lao_cai: Document) -> None:
    before = lao_cai.model_dump_json()
    aligned = align_document(lao_cai)
    assert lao_cai.model_dump_json() == before
    assert not is_aligned(lao_cai) and is_aligned(aligned)
    assert align_document(aligned) == aligned
    assert Document.model_validate_json(aligned.model_dump_json()) == aligned


def test_only_objectives_and_tasks_get_pillars(lao_cai: Document) -> None:
    aligned = align_document(lao_cai)
    roles = {s.role for s in aligned.iter_sections() if s.pillars}
    assert roles == {"objectives", "tasks"}
    objectives = [s for s in aligned.iter_sections() if s.path[0] == "II" and len(s.path) == 2]
    assert [s.pillars[0].id for s in objectives] == [
        "partners",
        "integration",
        "promotion",
        "heritage",
        "absorption",
    ]


def test_every_task_row_of_lao_cai_pursues_a_pillar(lao_cai: Document) -> None:
    rows = align_document(lao_cai).appendices[0].rows
    assert len(rows) == 26 and all(r.pillars for r in rows)
    unesco = next(r for r in rows if (r.group, r.stt) == ("V", "1"))
    assert unesco.pillars[0].id == "heritage" and "unesco" in unesco.pillars[0].terms


def test_a_plan_with_bullets_pursues_each_bullets_pillar(lang_son: Document) -> None:
    objectives = next(s for s in align_document(lang_son).iter_sections() if s.path == ["II", "1"])
    assert {"awareness", "promotion", "absorption"} <= {m.id for m in objectives.pillars}


def test_news_records_are_matched_as_a_whole(news: dict[str, Document]) -> None:
    can_tho = news["Cần Thơ"]
    assert align_document(can_tho) == can_tho  # schema v1 has no field for news pillars
    found = {m.id for m in news_pillars(can_tho)}
    # "5 nội dung lớn": the strategy's five objectives, as the article lists them.
    assert {"partners", "integration", "promotion", "heritage", "absorption"} <= found
    assert "coordination" not in found


def test_texts_segmented_in_a_sidecar_give_the_same_pillars(
        lao_cai: Document, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = align_document(lao_cai)  # the pillars' own index is built here, once
    units = align_units(lao_cai)
    rows = lao_cai.appendices[0].rows
    assert all(unit in units for row in rows for unit in row_units(row))
    assert len(units) == len(set(units))
    with sidecar(tokens.tokenized, tokens.load_segmenter) as car:
        assert car is not None and car.ask(units)
        given = car.answer()
    assert given is not None and set(given) == set(units)
    tokens.tokenize.cache_clear()

    def no_segmenter() -> None:
        raise AssertionError("a text was segmented again")

    monkeypatch.setattr(tokens, "_segmenter", no_segmenter)
    with tokens_given(given):
        assert align_document(lao_cai) == expected  # every text given, none segmented here
    tokens.tokenize.cache_clear()  # nothing given is kept past the block
    with pytest.raises(AssertionError, match="segmented again"):
        align_document(lao_cai)


def test_a_record_that_implements_no_strategy_has_nothing_to_align(lao_cai: Document) -> None:
    other = lao_cai.model_copy(deep=True)
    other.legal_basis = []
    other.title = "Kế hoạch phòng, chống thiên tai năm 2026"
    assert align_units(other) == []
    assert not is_aligned(align_document(other))


def test_a_news_article_is_aligned_on_its_clauses(news: dict[str, Document]) -> None:
    article = next(doc for doc in news.values() if doc.article is not None)
    units = align_units(article)
    assert article.article is not None and units
    assert set(article_units(article.article.main_text)) <= set(units)
