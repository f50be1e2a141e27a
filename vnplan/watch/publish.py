"""What a pass hands on: earlier versions of changed records, `OUT/new.jsonl`, and rows
appended to an export database.

A changed document's earlier record is kept as `OUT/.versions/<record>@<sha256 prefix>.json`
(the prefix is of the bytes it was made from). The folder is hidden so that `compare` and
`export`, which read every record of OUT, count each document once, as it is now.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from vnplan.fetch.files import atomic_write
from vnplan.outputs.export import create_sql
from vnplan.outputs.records import one_per_document
from vnplan.outputs.rows import Value
from vnplan.outputs.tables import build_tables
from vnplan.schema import Document
from vnplan.store import inside

from .state import Announced

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
                ([_sql(v) for v in values] for values in table.values()),
            )
    con.close()
    return len(chosen)


def _sql(value: Value) -> object:
    """A value as `vnplan export` stores it: dates as ISO text, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
