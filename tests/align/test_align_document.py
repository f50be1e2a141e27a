"""align/document.py: `align_document` over whole records."""

from __future__ import annotations

from vnplan.align import align_document, is_aligned, news_pillars
from vnplan.schema import Document


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
