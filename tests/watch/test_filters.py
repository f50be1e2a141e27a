"""--since, --type and --match: judged on what the source says, else on the record."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.conftest import ROOT
from tests.watch.conftest import options
from tests.watch.portal import portal
from vnplan.schema import Document
from vnplan.watch import Filters, sources_from_arguments
from vnplan.watch.filters import title_type
from vnplan.watch.run import run_pass

PLAN = "Kế hoạch thực hiện Chiến lược ngoại giao văn hoá năm 2025"


def test_an_entry_is_judged_on_its_title_and_date() -> None:
    since = Filters(since=dt.date(2025, 1, 1))
    assert since.entry_verdict(PLAN, dt.date(2025, 3, 1)) is True
    assert since.entry_verdict(PLAN, dt.date(2024, 12, 31)) is False
    assert since.entry_verdict(PLAN, None) is None
    plans = Filters(types=("Kế hoạch",))
    assert plans.entry_verdict(PLAN, None) is True
    assert plans.entry_verdict("Quyết định ban hành Kế hoạch", None) is False
    assert plans.entry_verdict("Về việc triển khai, số 5/KH-UBND", None) is True
    assert plans.entry_verdict("Về việc tổ chức hội nghị", None) is None  # no type named
    words = Filters(words=("ngoại giao văn hóa",))  # hoá / hóa: one spelling
    assert words.entry_verdict(PLAN, None) is True
    assert words.entry_verdict("Ngoại giao kinh tế, văn hóa", None) is False
    assert words.entry_verdict(None, None) is None


def test_a_title_names_its_type_by_its_first_words_or_its_number() -> None:
    assert title_type("KẾ HOẠCH Cải cách hành chính") == "Kế hoạch"
    assert title_type("Số 24/2026/NQ-CP về phát triển") == "Nghị quyết"
    assert title_type("Thông tin tuyên truyền") is None


def test_a_record_is_judged_on_its_type_title_and_date() -> None:
    record = ROOT / "out" / "lao-cai-122-kh-ubnd-2022.txt.json"
    doc = Document.model_validate_json(record.read_text("utf-8"))
    assert Filters(types=("kế hoạch",), words=("ngoại giao văn hóa",)).record_passes(doc)
    assert not Filters(since=dt.date(2023, 1, 1)).record_passes(doc)
    assert not Filters(types=("Quyết định",)).record_passes(doc)


def test_a_pass_converts_only_the_entries_that_pass(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with portal(6) as site:
        sources = sources_from_arguments([site.url("/van-ban-moi")])
        since = dt.date(2025, 1, 5)  # documents 4, 5 and 6 (issued on 1 January + n days)
        result = run_pass(sources, out, options(out, filters=Filters(since=since)), workers=1)
        kept = {o.input for o in result.outcomes if o.status == "converted"}
        assert kept == {site.url(d.page) for d in site.docs[3:]} | {
            site.url(d.file) for d in site.docs[3:]
        }
        assert result.sources[0].counts["filtered"] == 3
        asked = {r.target for r in site.log}
        assert not asked & {d.page for d in site.docs[:3]}  # left out unfetched
