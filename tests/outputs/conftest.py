"""The records the outputs read: the samples' committed records (out/), and records built from
them where a test needs a kind or a shape the samples do not have."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from vnplan.outputs.bodies import all_sections, task_rows
from vnplan.outputs.records import Loaded, load_folder
from vnplan.outputs.summary import Summary, summarize_all
from vnplan.schema import Document

OUT = ROOT / "out"
LAO_CAI = "lao-cai-122-kh-ubnd-2022-03-30"
LANG_SON = "lang-son-227-kh-ubnd-2021-11-18"
# The administrative documents of samples/sources/ (none of them implements the strategy):
GIA_LAI = "gia-lai-356-qd-ubnd-2026-03-20"  # a decision issuing a Kế hoạch with a task table
TUYEN_QUANG = "tuyen-quang-215-qd-ubnd-2026-02-12"  # a decision issuing a Quy chế
QUANG_TRI = "quang-tri-1187-ubnd-kt-2026-04-24"  # an official letter (Công văn)
NINH_BINH = "ninh-binh-86-bc-skhcn-2026-04-06"  # a department's report with a table of figures
# Thái Nguyên's draft Tờ trình has no number and no day, so its id hashes its bytes: it is
# found by its file.
THAI_NGUYEN_DRAFT = "samples/thai-nguyen-du-thao-ttr-snv-2026.docx"


@pytest.fixture(scope="session")
def records_dir() -> Path:
    """OUT/ as `vnplan convert samples -o out` wrote it (committed)."""
    return OUT


@pytest.fixture(scope="session")
def loaded() -> Loaded:
    return load_folder(OUT)


@pytest.fixture(scope="session")
def summaries(loaded: Loaded) -> list[Summary]:
    return summarize_all(loaded)


@pytest.fixture(scope="session")
def by_id(summaries: list[Summary]) -> dict[str, Summary]:
    return {s.id: s for s in summaries}


def record(loaded: Loaded, doc_id: str) -> Document:
    return next(d for d in loaded.documents if d.id == doc_id)


def from_file(loaded: Loaded, uri: str) -> Document:
    """The record read from the input `uri` (as `source.uri` names it)."""
    return next(d for d in loaded.documents if d.source.uri == uri)


def without_pillars(doc: Document) -> Document:
    """A copy of `doc` as a record that implements no strategy pillar (no link anywhere)."""
    out = doc.model_copy(deep=True)
    for section in all_sections(out):
        section.pillars = []
    for row in task_rows(out):
        row.pillars = []
    if out.article is not None:
        out.article.pillars = []
    return out


def as_kind(doc: Document, kind: str, **fields: Any) -> Document:
    """A copy of `doc` with another `kind` (e.g. "document": a decision, a letter …) and fields.

    Records are about to gain kinds beyond "plan" and "news"; `model_copy` builds one without
    the current schema's validation, as a newer schema would read it."""
    return doc.model_copy(update={"kind": kind, **fields}, deep=True)
