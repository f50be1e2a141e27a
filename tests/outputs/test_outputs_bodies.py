"""outputs/bodies.py: a record's own text and the documents it issues, counted alike."""

from __future__ import annotations

import doctest

from tests.outputs.conftest import GIA_LAI, LAO_CAI, TUYEN_QUANG, record
from vnplan.outputs import bodies as bodies_module
from vnplan.outputs.bodies import all_sections, bodies, issued_titles, task_rows
from vnplan.outputs.catalog import linked_ids
from vnplan.outputs.records import Loaded
from vnplan.outputs.summary import summarize
from vnplan.outputs.tables import build_tables
from vnplan.schema import PillarMatch


def test_the_docstring_example_holds() -> None:
    assert doctest.testmod(bodies_module).failed == 0


def test_a_decision_and_the_plan_it_issues(loaded: Loaded) -> None:
    """Gia Lai's Quyết định: Điều 1–3, then its Kế hoạch (I. 1–2, II. 1–3, III., IV. 1–3) and
    the PHỤ LỤC's six task rows."""
    doc = record(loaded, GIA_LAI)
    assert [(b.part, b.doc_type) for b in bodies(doc)] == [(0, "Quyết định"), (1, "Kế hoạch")]
    assert len(all_sections(doc)) == 3 + 12
    assert [row.stt for row in task_rows(doc)] == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert issued_titles(doc) == ("Kế hoạch chuyển đổi số tỉnh Gia Lai năm 2026",)


def test_a_decision_issuing_a_regulation(loaded: Loaded) -> None:
    """Tuyên Quang's Quyết định (Điều 1–3) and its Quy chế (28 units: Chương I–IV, Điều 1–7,
    their khoản and điểm); no task table."""
    doc = record(loaded, TUYEN_QUANG)
    assert [len(list(b.sections)) for b in bodies(doc)] == [3, 4]  # top-level units
    assert len(all_sections(doc)) == 3 + 28 and task_rows(doc) == []


def test_a_plan_is_its_own_only_body(loaded: Loaded) -> None:
    doc = record(loaded, LAO_CAI)
    assert len(bodies(doc)) == 1 and issued_titles(doc) == ()
    assert all_sections(doc) == doc.iter_sections() and len(task_rows(doc)) == 26


def test_a_pillar_link_in_an_issued_plan_links_the_decision(loaded: Loaded) -> None:
    """A decision issuing a plan that implements the strategy: the link sits in the plan."""
    doc = record(loaded, GIA_LAI).model_copy(deep=True)
    doc.parts[0].appendices[0].rows[5].pillars = [
        PillarMatch(id="information", score=0.4, terms=["tuyên truyền"])
    ]
    assert linked_ids(doc) == {"information"}
    summary = summarize(doc)
    assert summary.linked and summary.pillars["information"] == 1
    links = next(t for t in build_tables([doc]) if t.name == "pillars").as_dicts()
    assert [(r["unit"], r["part"], r["appendix_idx"], r["row_idx"]) for r in links] == [
        ("row", 1, 0, 5)
    ]
