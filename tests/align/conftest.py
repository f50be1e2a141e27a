"""Records of the text samples, converted once per session (the align tests read them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import converted
from vnplan.schema import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def unaligned(doc: Document) -> Document:
    """`doc` with every pillar link removed: the record as the stages before align leave it."""
    out = doc.model_copy(deep=True)
    for section in out.iter_sections():
        section.pillars = []
    for appendix in out.appendices:
        for row in appendix.rows:
            row.pillars = []
    return out


@pytest.fixture(scope="session")
def records() -> dict[str, Document]:
    """Every .txt sample converted by the pipeline, pillars removed, by id."""
    paths = sorted(SAMPLES.glob("*.txt"))
    docs = [unaligned(converted(f"samples/{path.name}")) for path in paths]
    return {doc.id: doc for doc in docs}


@pytest.fixture(scope="session")
def lao_cai(records: dict[str, Document]) -> Document:
    return records["lao-cai-122-kh-ubnd-2022-03-30"]


@pytest.fixture(scope="session")
def lang_son(records: dict[str, Document]) -> Document:
    return records["lang-son-227-kh-ubnd-2021-11-18"]


@pytest.fixture(scope="session")
def news(records: dict[str, Document]) -> dict[str, Document]:
    """The news records by province."""
    return {d.province.name: d for d in records.values() if d.kind == "news" and d.province}
