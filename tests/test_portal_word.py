"""bench/portal_word.py on the samples: a document on a portal page gives the record of its
Word file, within 0.02 of F1 1 over their facts."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT, SAMPLES, converted
from vnplan.pipeline import ConvertOptions

OPTIONS = ConvertOptions(normalize=False)


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    path = ROOT / "bench" / "portal_word.py"
    spec = importlib.util.spec_from_file_location("bench_portal_word", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_samples_hold_two_documents_as_a_portal_page_and_a_word_file(
    bench: ModuleType,
) -> None:
    assert [(w.name, p.name) for w, p in bench.sample_pairs()] == [
        ("gia-lai-356-qd-ubnd-2026.docx", "gia-lai-356-qd-ubnd-2026.html"),
        ("lang-son-227-kh-ubnd-2021.docx", "lang-son-227-kh-ubnd-2021.html")]


@pytest.mark.parametrize("stem", ["gia-lai-356-qd-ubnd-2026", "lang-son-227-kh-ubnd-2021"])
def test_a_portal_page_is_within_002_of_its_word_file(bench: ModuleType, stem: str) -> None:
    word, page = SAMPLES / f"{stem}.docx", SAMPLES / "web" / f"{stem}.html"
    differing = bench.differing_fields(word, page)
    reference = bench.comparable(bench.record_facts(converted(word, OPTIONS)), differing)
    facts = bench.comparable(bench.record_facts(converted(page, OPTIONS)), differing)
    assert {kind for kind, *_ in reference} >= {"field", "section", "legal_basis"}
    _, _, f1 = bench.agreement(reference, facts)
    assert f1 >= 1 - bench.WITHIN, sorted(reference ^ facts)


def test_the_comparison_sees_a_different_document(bench: ModuleType) -> None:
    """Two documents of one layout share no number, sections or rows: far from 0.98."""
    gia_lai = bench.record_facts(converted(SAMPLES / "gia-lai-356-qd-ubnd-2026.docx", OPTIONS))
    tuyen_quang = bench.record_facts(
        converted(SAMPLES / "tuyen-quang-215-qd-ubnd-2026.docx", OPTIONS))
    assert bench.agreement(gia_lai, tuyen_quang)[2] < 0.5


def test_the_signer_only_a_portal_names_is_left_out_of_both(bench: ModuleType) -> None:
    stem = "lang-son-227-kh-ubnd-2021"
    word, page = SAMPLES / f"{stem}.docx", SAMPLES / "web" / f"{stem}.html"
    assert bench.differing_fields(word, page) == {"signer"}
    assert any(f[:2] == ("field", "signer") for f in
               bench.record_facts(converted(page, OPTIONS)))
