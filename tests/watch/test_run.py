"""`vnplan watch` passes against a portal on 127.0.0.1 (tests/watch/portal.py): a listing of
3 pages with 25 entries (document pages with PDF and DOCX attachments), an RSS feed and a
sitemap index. Pass 1 converts everything; the portal then adds 2 documents and changes the
attachment of a third; pass 2 converts exactly those, asking for the rest only whether they
changed. The export database appended to equals a fresh `vnplan export` of OUT."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.watch.conftest import options
from tests.watch.portal import Logged, Portal, portal
from vnplan.outputs.export import write_sqlite
from vnplan.outputs.records import load_folder
from vnplan.outputs.tables import build_tables
from vnplan.schema import Document
from vnplan.watch import PassResult, sources_from_arguments
from vnplan.watch.run import run_pass
from vnplan.watch.status import print_pass

CHANGED = 5


@dataclass
class Passes:
    portal: Portal
    out: Path
    database: Path
    first: PassResult
    first_log: list[Logged]
    first_tables: dict[str, list[tuple[object, ...]]]
    second: PassResult
    second_log: list[Logged]
    old_sha256: str


def records(out: Path) -> dict[str, Document]:
    """OUT's records by the URL they were made from."""
    found = {}
    for path in sorted(out.glob("*.json")):
        doc = Document.model_validate_json(path.read_text("utf-8"))
        assert doc.source.uri not in found, f"two records of {doc.source.uri}"
        found[doc.source.uri] = doc
    return found


def rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (with their rowid first), sorted."""
    with sqlite3.connect(database) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        tables = {n: sorted(con.execute(f'SELECT rowid, * FROM "{n}"'), key=repr) for n in names}
    con.close()
    return tables


@pytest.fixture(scope="module")
def passes(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Passes]:
    tmp = tmp_path_factory.mktemp("watch")
    out, database = tmp / "out", tmp / "plans.db"
    with portal(25) as site:
        sources = sources_from_arguments(
            [site.url("/van-ban-moi"), site.url("/rss.xml"), site.url("/sitemap.xml")]
        )
        watch = options(out, sqlite=database)
        first = run_pass(sources, out, watch, workers=2)
        first_log, first_tables = list(site.log), rows(database)
        old = records(out)[site.url(site.docs[CHANGED - 1].file)].source.sha256
        site.clear_log()
        site.add(2)
        site.change(CHANGED)
        second = run_pass(sources, out, watch, workers=2)
        yield Passes(
            site, out, database, first, first_log, first_tables, second, list(site.log), old
        )


def test_pass_one_converts_every_page_and_attachment(passes: Passes) -> None:
    site = passes.portal
    expected = {site.url(d.page) for d in site.docs[:25]} | {
        site.url(d.file) for d in site.docs[:25]
    }
    assert set(records(passes.out)) >= expected
    assert passes.first.counts["converted"] == 50 and not passes.first.failed
    converted = [o.input for o in passes.first.outcomes if o.status == "converted"]
    assert sorted(converted) == sorted(expected)  # each one once
    listing = [r.target for r in passes.first_log if r.target.startswith("/van-ban-moi")]
    assert listing == ["/van-ban-moi", "/van-ban-moi?page=2", "/van-ban-moi?page=3"]
    kinds = {d.kind for d in site.docs[:25]}
    assert kinds == {"pdf", "docx"}


def test_pass_two_converts_exactly_the_new_and_changed(passes: Passes) -> None:
    site = passes.portal
    added = site.docs[25:]
    changed = site.docs[CHANGED - 1]
    converted = sorted(o.input for o in passes.second.outcomes if o.status == "converted")
    expected = [site.url(d.page) for d in added] + [site.url(d.file) for d in added]
    assert converted == sorted([*expected, site.url(changed.file)])
    assert len(records(passes.out)) == 54
    lines = [json.loads(line) for line in (passes.out / "new.jsonl").read_text().splitlines()]
    assert sorted(line["url"] for line in lines) == converted
    assert {line["url"]: line["status"] for line in lines}[site.url(changed.file)] == "changed"


def test_pass_two_asks_before_downloading_and_downloads_nothing_unchanged(
    passes: Passes,
) -> None:
    site = passes.portal
    fresh = {d.page for d in site.docs[25:]} | {d.file for d in site.docs[25:]}
    fresh.add(site.docs[CHANGED - 1].file)
    documents = [r for r in passes.second_log if r.target.startswith(("/van-ban/", "/files/"))]
    downloaded = {r.target for r in documents if r.status == 200}
    assert downloaded == fresh
    unchanged = [r for r in documents if r.target not in fresh]
    assert unchanged, "the known documents on the listing's first page are asked about"
    assert all(r.conditional and r.status == 304 for r in unchanged)
    # the changed attachment was asked about conditionally too, and answered with its new body
    [asked] = [r for r in documents if r.target == site.docs[CHANGED - 1].file]
    assert asked.conditional and asked.status == 200
    # the listing stops at its first page: it lists entries seen in pass 1
    assert [r.target for r in passes.second_log if r.target.startswith("/van-ban-moi")] == [
        "/van-ban-moi"
    ]


def test_a_changed_document_keeps_its_earlier_record_as_a_version(passes: Passes) -> None:
    site = passes.portal
    url = site.url(site.docs[CHANGED - 1].file)
    current = records(passes.out)[url]
    assert current.source.sha256 != passes.old_sha256
    [kept] = (passes.out / ".versions").glob("*.json")
    assert kept.name.endswith(f"@{passes.old_sha256[:12]}.json")
    earlier = Document.model_validate_json(kept.read_text("utf-8"))
    assert earlier.source.uri == url and earlier.source.sha256 == passes.old_sha256
    assert "Sở Du lịch" not in kept.read_text("utf-8")  # the second version's new task
    [warning] = [w for w in current.warnings if w.code == "earlier_version_kept"]
    assert f".versions/{kept.name}" in warning.message
    line = next(
        json.loads(line)
        for line in (passes.out / "new.jsonl").read_text().splitlines()
        if json.loads(line)["url"] == url
    )
    assert line["previous"] == f".versions/{kept.name}"


def test_the_export_database_is_appended_to_as_export_would_write_it(
    passes: Passes, tmp_path: Path
) -> None:
    loaded = load_folder(passes.out)
    fresh = tmp_path / "fresh.db"
    write_sqlite(build_tables(loaded.documents, loaded.copies), fresh)
    without_rowid = {n: sorted((r[1:] for r in t), key=repr) for n, t in rows(fresh).items()}
    appended = rows(passes.database)
    assert {n: sorted((r[1:] for r in t), key=repr) for n, t in appended.items()} == without_rowid
    # the rows of documents that did not change were not rewritten: same rowids as after pass 1
    site = passes.portal
    untouched = records(passes.out)[site.url(site.docs[0].file)].id
    before = [r for r in passes.first_tables["sections"] if r[1] == untouched]
    assert before and before == [r for r in appended["sections"] if r[1] == untouched]


def test_the_pass_table_counts_how_each_source_s_records_ended(
    passes: Passes, capsys: pytest.CaptureFixture[str]
) -> None:
    totals = Counter[str]()
    for report in passes.second.sources:
        totals.update(report.counts)
    # 2 added documents (a page and an attachment each) and the changed attachment
    assert totals["new"] == 4 and totals["changed"] == 1 and totals["failed"] == 0
    assert totals["unchanged"] > 0
    print_pass(passes.second)
    header, *_ = (line for line in capsys.readouterr().err.splitlines() if "entries" in line)
    columns = [word for word in header.split() if word.isalpha()]
    assert columns == ["source", "entries", "new", "changed", "unchanged", "filtered", "failed"]
