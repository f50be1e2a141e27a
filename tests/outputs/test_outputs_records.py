"""outputs/records.py: one record per document, read as written, in a fixed order."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.outputs.conftest import (
    GIA_LAI,
    LANG_SON,
    LAO_CAI,
    NINH_BINH,
    QUANG_TRI,
    THAI_NGUYEN_DRAFT,
    TUYEN_QUANG,
    as_kind,
    record,
    without_pillars,
)
from vnplan.outputs.records import (
    Loaded,
    NoRecords,
    load_folder,
    one_per_document,
    plain,
    read_records,
)
from vnplan.schema import Document


def test_out_gives_plans_documents_then_news_one_per_document(loaded: Loaded) -> None:
    # out/ holds 23 records: Lào Cai's plan 4 times (txt, pdf, docx, scan), Lạng Sơn's 4 times
    # (txt, pdf, docx, html); Gia Lai's decision 3 times (docx, pdf, portal page), Tuyên
    # Quang's twice (docx, pdf), Quảng Trị's letter, Ninh Bình's report and Thái Nguyên's
    # draft once each; and 7 news records of 4 articles.
    kinds = [d.kind for d in loaded.documents]
    assert kinds == ["plan"] * 2 + ["document"] * 5 + ["news"] * 4
    ids = [d.id for d in loaded.documents]
    assert ids[:2] == [LANG_SON, LAO_CAI]
    # Other documents by province: Gia Lai, Ninh Bình, Quảng Trị, Thái Nguyên, Tuyên Quang.
    assert ids[2:5] == [GIA_LAI, NINH_BINH, QUANG_TRI] and ids[6] == TUYEN_QUANG
    assert loaded.documents[5].source.uri == THAI_NGUYEN_DRAFT
    assert loaded.copies[LAO_CAI] == 4 and loaded.copies[LANG_SON] == 4
    assert loaded.copies[GIA_LAI] == 3 and loaded.copies[TUYEN_QUANG] == 2
    assert loaded.copies[QUANG_TRI] == loaded.copies[NINH_BINH] == 1
    assert sum(loaded.copies.values()) == 23
    assert loaded.skipped == ()


def test_records_are_read_as_written_never_realigned(loaded: Loaded, tmp_path: Path) -> None:
    """A record without pillar links stays without them: the outputs run no stage."""
    bare = without_pillars(record(loaded, LAO_CAI))
    (tmp_path / "plan.json").write_text(bare.model_dump_json(), "utf-8")
    [doc] = load_folder(tmp_path).documents
    assert doc == bare
    assert not any(s.pillars for s in doc.iter_sections())


def test_copies_of_one_plan_count_once(loaded: Loaded) -> None:
    """The same plan read from several files: the best-read copy is kept."""
    lao_cai = record(loaded, LAO_CAI)
    scan = lao_cai.model_copy(
        update={
            "source": lao_cai.source.model_copy(
                update={"ocr": True, "format": "pdf", "uri": "a-scan.pdf"}
            )
        }
    )
    noisy = lao_cai.model_copy(
        update={
            "source": lao_cai.source.model_copy(update={"format": "txt", "uri": "b.txt"}),
            "warnings": [*lao_cai.warnings, *lao_cai.warnings],
        }
    )
    chosen, copies = one_per_document([scan, noisy, lao_cai])
    assert chosen == [lao_cai] and copies == {lao_cai.id: 3}


def test_copies_of_one_news_article_count_once(loaded: Loaded) -> None:
    """An article saved as .txt and as .html: two ids (hashes of the bytes), one document."""
    article = next(d for d in loaded.documents if d.kind == "news")
    html = article.model_copy(
        update={
            "id": "news-0000000000000000",
            "source": article.source.model_copy(update={"format": "html", "uri": "a.html"}),
            "warnings": [],
        }
    )
    other = article.model_copy(update={"id": "news-1111111111111111", "title": "Another story"})
    chosen, copies = one_per_document([article, html, other])
    assert [d.id for d in chosen] == [html.id, other.id]
    assert copies == {html.id: 2, other.id: 1}


def test_other_kinds_are_listed_between_plans_and_news(loaded: Loaded) -> None:
    decision = as_kind(record(loaded, LAO_CAI), "document", id="lao-cai-15-qd-ubnd-2022-01-05")
    report = as_kind(record(loaded, LANG_SON), "report", id="lang-son-bc-1-2022")
    docs = [*loaded.documents, decision, report]
    chosen, _ = one_per_document(reversed(docs))
    # Every kind but plan and news is listed among the other documents, by province: Gia Lai,
    # Lạng Sơn (the report), Lào Cai (the decision), Ninh Bình, Quảng Trị, Thái Nguyên,
    # Tuyên Quang.
    kinds = [d.kind for d in chosen]
    assert kinds == ["plan", "plan", "document", "report", *["document"] * 5, *["news"] * 4]
    assert [d.id for d in chosen][2:5] == [GIA_LAI, report.id, decision.id]


def test_other_files_are_skipped_with_a_reason(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree("out", folder)
    (folder / "errors.jsonl").write_text('{"input": "x.pdf"}\n', "utf-8")
    (folder / "notes.json").write_text('{"hello": 1}', "utf-8")
    (folder / "broken.json").write_text("{", "utf-8")
    (folder / "stale.json").write_text('{"schema_version": "1", "id": "x"}', "utf-8")
    (folder / ".cache").mkdir()
    (folder / ".cache" / "body.json").write_text("{}", "utf-8")
    os.mkfifo(folder / "pipe.json")  # would block a reader that opened it
    result = load_folder(folder)
    assert len(result.documents) == 11  # 2 plans, 5 other documents, 4 articles
    reasons = {Path(s.path).name: s.reason for s in result.skipped}
    assert sorted(reasons) == ["broken.json", "notes.json", "pipe.json", "stale.json"]
    assert reasons["notes.json"] == "not a vnplan record"
    assert reasons["broken.json"].startswith("not readable as JSON")
    assert reasons["stale.json"].startswith("not a valid record (kind: Field required")
    assert reasons["pipe.json"] == "not a regular file"


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoRecords):
        load_folder(tmp_path)
    assert read_records(tmp_path) == ([], [])


def test_plain_sorts_vietnamese_names_by_their_letters() -> None:
    names = ["Thừa Thiên Huế", "Đà Nẵng", "Lạng Sơn", "Lào Cai", "Cần Thơ"]
    assert sorted(names, key=plain) == [
        "Cần Thơ",
        "Đà Nẵng",
        "Lạng Sơn",
        "Lào Cai",
        "Thừa Thiên Huế",
    ]


def test_records_round_trip(loaded: Loaded) -> None:
    for doc in loaded.documents:
        assert Document.model_validate_json(doc.model_dump_json()) == doc
