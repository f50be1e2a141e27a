"""outputs/records.py: one aligned record per document id, in a fixed order."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnplan.align import is_aligned
from vnplan.outputs.records import Loaded, NoRecords, load_folder, one_per_id, plain, prepare
from vnplan.schema import Document


def test_the_folder_gives_plans_then_news_all_aligned(loaded: Loaded) -> None:
    kinds = [d.kind for d in loaded.documents]
    assert kinds == ["plan", "plan", "news", "news", "news"]
    assert [d.province.name for d in loaded.documents if d.province][:2] == ["Lạng Sơn", "Lào Cai"]
    assert all(is_aligned(d) for d in loaded.documents if d.kind == "plan")
    assert loaded.skipped == ()


def test_copies_of_one_plan_count_once(loaded: Loaded) -> None:
    """The same plan read from several files: the best-read copy is kept."""
    lao_cai = next(d for d in loaded.documents if d.id.startswith("lao-cai-122"))
    scan = lao_cai.model_copy(
        update={
            "source": lao_cai.source.model_copy(
                update={"ocr": True, "format": "pdf", "uri": "a-scan.pdf"}
            )
        }
    )
    noisy_docx = lao_cai.model_copy(
        update={
            "source": lao_cai.source.model_copy(update={"format": "docx", "uri": "b.docx"}),
            "warnings": [*lao_cai.warnings, *lao_cai.warnings],
        }
    )
    chosen, copies = one_per_id([scan, noisy_docx, lao_cai])
    assert chosen == [lao_cai] and copies == {lao_cai.id: 3}
    assert prepare([scan, lao_cai])[0] == [lao_cai]


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
    chosen, copies = one_per_id([article, html, other])
    assert [d.id for d in chosen] == [html.id, other.id]
    assert copies == {html.id: 2, other.id: 1}


def test_other_files_are_skipped_not_fatal(records_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    shutil.copytree(records_dir, folder)
    (folder / "errors.jsonl").write_text('{"input": "x.pdf"}\n', "utf-8")
    (folder / "notes.json").write_text('{"hello": 1}', "utf-8")
    (folder / "broken.json").write_text("{", "utf-8")
    result = load_folder(folder)
    assert len(result.documents) == 5
    assert sorted(Path(p).name for p in result.skipped) == ["broken.json", "notes.json"]


def test_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(NoRecords):
        load_folder(tmp_path)


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
