"""outputs/labels.py: short chart labels, distinct within one comparison."""

from __future__ import annotations

from dataclasses import replace

from vnplan.outputs.labels import LIMIT, candidates, clip, distinct_labels, without_type
from vnplan.outputs.summary import Summary


def test_the_samples_get_distinct_labels_that_say_what_each_is(
    summaries: list[Summary],
) -> None:
    # Other documents by type and number; Thái Nguyên's Tờ trình is a draft with its number
    # left blank. The two Lào Cai articles carry no publication date: one reports on plan
    # 122/KH-UBND (the provincial portal), the other is Báo Lào Cai's.
    assert [s.label for s in summaries] == [
        "Lạng Sơn · 227/KH-UBND",
        "Lào Cai · 122/KH-UBND",
        "Gia Lai · Quyết định 356/QĐ-UBND",
        "Ninh Bình · Báo cáo 86/BC-SKHCN",
        "Quảng Trị · Công văn 1187/UBND-KT",
        "Thái Nguyên · draft Tờ trình",
        "Tuyên Quang · Quyết định 215/QĐ-UBND",
        "Cần Thơ · news 2024-02-06",
        "Lào Cai · news on 122/KH-UBND",
        "Lào Cai · news, Báo Lào Cai",
        "Thừa Thiên Huế · news 2022-04-29",
    ]


def test_a_clash_takes_the_next_detail(summaries: list[Summary]) -> None:
    can_tho = next(s for s in summaries if s.province == "Cần Thơ")
    twin = replace(can_tho, id="news-2", publisher="Báo Nhân Dân")
    assert distinct_labels([can_tho, twin]) == [
        "Cần Thơ · news, Báo Cần Thơ",
        "Cần Thơ · news, Báo Nhân Dân",
    ]


def test_identical_documents_are_numbered(summaries: list[Summary]) -> None:
    plan = summaries[0]
    labels = distinct_labels([plan, replace(plan, id="copy")])
    assert labels[0] != labels[1] and labels[0].endswith("(1)") and labels[1].endswith("(2)")


def test_other_documents_name_their_type(summaries: list[Summary]) -> None:
    decision = replace(
        summaries[1], group="document", doc_type="Quyết định", doc_number="15/QĐ-UBND"
    )
    assert candidates(decision)[0] == "Lào Cai · Quyết định 15/QĐ-UBND"
    national = replace(decision, province="", issuer="Thủ tướng Chính phủ", doc_number="15/QĐ-TTg")
    assert candidates(national)[0] == "Thủ tướng Chính phủ · Quyết định 15/QĐ-TTg"
    nameless = replace(national, id="x-1", issuer="", doc_number="", date="", title="")
    assert candidates(nameless) == ["no province · x-1"]


def test_drafts_without_a_number_are_told_apart(summaries: list[Summary]) -> None:
    """Two drafts of one province: each takes its next detail (its date, else its subject
    without the type word)."""
    draft = next(s for s in summaries if s.draft)
    dated = replace(
        draft, id="draft-2", title="Tờ trình về việc ban hành Quy chế văn thư", date="2026-03-15"
    )
    assert distinct_labels([draft, dated]) == [
        "Thái Nguyên · Tờ trình: về việc ban hành…",
        "Thái Nguyên · Tờ trình 2026-03-15",
    ]


def test_a_title_loses_its_type_word() -> None:
    assert without_type("Tờ trình về việc ban hành", "Tờ trình") == "về việc ban hành"
    assert without_type("TỜ TRÌNH về việc", "Tờ trình") == "về việc"
    assert without_type("Tờ trình", "Tờ trình") == "Tờ trình"
    assert without_type("Quyết định ban hành", "Tờ trình") == "Quyết định ban hành"


def test_labels_fit_the_charts() -> None:
    assert clip("abcdef", 4) == "abc…" and clip("abc", 4) == "abc"
    assert len(clip("x" * 100, LIMIT)) == LIMIT
