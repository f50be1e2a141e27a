"""outputs/catalog.py: the outputs' own names for the strategy and its pillars."""

from __future__ import annotations

import json

from tests.conftest import ROOT
from tests.outputs.conftest import LAO_CAI, record
from vnplan.outputs.catalog import catalog, linked_ids, pillars_of
from vnplan.outputs.records import Loaded
from vnplan.schema import PillarMatch

ALIGN_CATALOG = ROOT / "align" / "data" / "pillars.json"


def test_the_catalog_names_the_pillars_align_links_to_in_its_order() -> None:
    """outputs/data/strategy.json is a copy of the align stage's names: they must not drift."""
    source = json.loads(ALIGN_CATALOG.read_text("utf-8"))
    expected = [(p["id"], p["kind"], p["name_vi"], p["name_en"]) for p in source["pillars"]]
    assert [(p.id, p.kind, p.name_vi, p.name_en) for p in catalog().pillars] == expected
    strategy = catalog().strategy
    assert strategy.doc_number == source["meta"]["source"]["doc_number"] == "2013/QĐ-TTg"
    assert strategy.title == source["meta"]["source"]["title"]


def test_every_pillar_a_record_links_to_is_a_column(loaded: Loaded) -> None:
    ids = [p.id for p in pillars_of(loaded.documents)]
    assert ids == list(catalog().ids())
    assert linked_ids(record(loaded, LAO_CAI)) == set(ids)  # Lào Cai pursues all eleven

    newer = record(loaded, LAO_CAI).model_copy(deep=True)
    newer.sections[0].pillars = [PillarMatch(id="digital", score=0.5, terms=["số"])]
    extended = pillars_of([*loaded.documents, newer])
    assert [p.id for p in extended] == [*ids, "digital"]
    assert extended[-1].name_en == "digital" and extended[-1].title == "digital"
