"""What a pass hands on: earlier versions of changed records, `OUT/new.jsonl`, and rows
appended to an export database.

A changed document's earlier record is kept as `OUT/.versions/<record>@<sha256 prefix>.json`
(the prefix is of the bytes it was made from). The folder is hidden so that `compare` and
`export`, which read every record of OUT, count each document once, as it is now.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vnplan.fetch.files import atomic_write
from vnplan.outputs.export import create_sql, sql_value
from vnplan.outputs.records import one_per_document
from vnplan.outputs.tables import build_tables
from vnplan.schema import Document, ErrorRecord
from vnplan.store import ERRORS_FILE, Store, inside

from .state import Announced, State

NEW_FILE = "new.jsonl"
VERSIONS_DIR = ".versions"
SHA_PREFIX = 12


def version_name(record: str, sha256: str) -> str:
    """The name an earlier record is kept under.

    >>> version_name("ke-hoach-12-0a1b2c3d.json", "9f86d081884c7d659a2feaa0c55ad015")
    'ke-hoach-12-0a1b2c3d@9f86d081884c.json'
    """
    return f"{record.removesuffix('.json')}@{sha256[:SHA_PREFIX]}.json"


def keep_version(out_dir: Path, record: str, version: str) -> bool:
    """Copy OUT/record to OUT/.versions/version (atomically) unless it is there already;
    False when there is no record to keep."""
    current, kept = inside(out_dir, record), inside(out_dir / VERSIONS_DIR, version)
    if current is None or kept is None or not current.is_file():
        return False
    if not kept.exists():
        kept.parent.mkdir(exist_ok=True)
        atomic_write(kept, current.read_bytes())
    return True


def write_new_list(out_dir: Path, announced: Sequence[Announced]) -> None:
    """OUT/new.jsonl: one line per record new or changed since the last list was written."""
    lines = [
        json.dumps(
            {
                "status": a.news,
                "record": a.record,
                "id": a.doc_id,
                "url": a.url,
                "found_on": a.found_on,
                "source": a.source,
                "sha256": a.sha256,
                "converted_at": a.converted_at,
                "previous": f"{VERSIONS_DIR}/{a.previous}" if a.previous else None,
            },
            ensure_ascii=False,
        )
        for a in announced
    ]
    atomic_write(out_dir / NEW_FILE, "".join(f"{line}\n" for line in lines).encode("utf-8"))


def append_to_export(
    database: Path, out_dir: Path, announced: Sequence[Announced], records: Sequence[str]
) -> int:
    """Replace, in an export database (`vnplan export --sqlite`; made if missing), the rows of
    the documents `announced` touches by the rows of their records now in OUT (`records`: every
    record of those ids), one copy per document as `export` keeps; nothing else is rewritten.
    Returns the documents written. sqlite3.Error or OSError when the database refuses."""
    touched = {a.doc_id for a in announced if a.doc_id} | {
        a.replaced_id for a in announced if a.replaced_id
    }
    docs = []
    for name in records:
        path = inside(out_dir, name)
        if path is not None and path.is_file():
            docs.append(Document.model_validate_json(path.read_text("utf-8")))
    chosen, copies = one_per_document(docs)
    tables = build_tables(chosen, copies)
    with sqlite3.connect(database) as con:
        have = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in tables:
            if table.name not in have:
                for statement in create_sql(table):
                    con.execute(statement)
            con.executemany(
                f'DELETE FROM "{table.name}" WHERE doc_id = ?', ((i,) for i in sorted(touched))
            )
            marks = ", ".join("?" for _ in table.columns)
            con.executemany(
                f'INSERT INTO "{table.name}" VALUES ({marks})',
                ([sql_value(v) for v in values] for values in table.values()),
            )
    con.close()
    return len(chosen)


@dataclass
class Handed:
    """What a pass handed on: lines of new.jsonl, documents appended, problems met."""

    listed: int = 0
    exported: int = 0
    notes: list[str] = field(default_factory=list)


def publish_pass(
    store: Store, state: State, database: Path | None, failed: Sequence[ErrorRecord]
) -> Handed:
    """OUT/new.jsonl (the records not listed yet), the export database (the records not
    appended yet) and OUT/errors.jsonl (this pass's failures). What cannot be written is
    noted, and kept for the next pass."""
    out, handed = store.root, Handed()
    announced = state.announced("news")
    try:
        write_new_list(out, announced)
        state.listed(a.url for a in announced)
        handed.listed = len(announced)
    except OSError as exc:
        handed.notes.append(f"{out / NEW_FILE} cannot be written: {exc.strerror}")
    waiting = state.announced("unexported") if database is not None else []
    if database is not None and waiting:
        ids = {a.doc_id for a in waiting if a.doc_id} | {
            a.replaced_id for a in waiting if a.replaced_id
        }
        try:
            handed.exported = append_to_export(database, out, waiting, state.records_of(ids))
            state.exported(a.url for a in waiting)
        except (OSError, ValueError, sqlite3.Error) as exc:
            handed.notes.append(f"{database} cannot be appended to: {exc}")
    try:
        store.write_errors(failed)
    except OSError as exc:
        handed.notes.append(f"{out / ERRORS_FILE} cannot be written: {exc.strerror}")
    return handed
