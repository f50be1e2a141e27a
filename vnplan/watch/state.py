"""What `vnplan watch` remembers between passes: an SQLite database in OUT (`OUT/watch.db`).

`documents` holds one row per URL seen (an entry, or an attachment of an entry's page): the
source that found it, when, the validators its server sent (ETag, Last-Modified), the sha256
of its bytes, its record in OUT and the record's id, and its status. A row's validators and
sha256 are written only once its record is (or its conversion failed for good), so a pass
killed at any point leaves rows that the next pass simply does again. `news` marks records
converted and not yet listed in new.jsonl, `unexported` those not yet appended to an export
database. `sources` holds each source's last run, last success and last error.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal

from vnplan.fetch import Validators

STATE_FILE = "watch.db"
Status = Literal["pending", "converted", "failed", "filtered"]
News = Literal["new", "changed"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    name TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    kind TEXT,
    last_run TEXT,
    last_success TEXT,
    last_error TEXT
);
CREATE TABLE IF NOT EXISTS documents (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    entry TEXT NOT NULL,
    found_on TEXT,
    first_seen TEXT NOT NULL,
    last_checked TEXT,
    updated TEXT,
    etag TEXT,
    last_modified TEXT,
    sha256 TEXT,
    record TEXT,
    doc_id TEXT,
    status TEXT NOT NULL,
    error TEXT,
    converted_at TEXT,
    news TEXT,
    previous TEXT,
    unexported INTEGER NOT NULL DEFAULT 0,
    replaced_id TEXT
);
CREATE INDEX IF NOT EXISTS documents_entry ON documents (entry);
CREATE UNIQUE INDEX IF NOT EXISTS documents_record ON documents (record);
"""


@dataclass(frozen=True)
class Known:
    """A URL as the state knows it."""

    url: str
    source: str
    entry: str
    found_on: str | None
    status: Status
    record: str | None
    sha256: str | None
    validators: Validators
    updated: dt.datetime | None
    doc_id: str | None
    first_seen: str
    converted_at: str | None

    @property
    def settled(self) -> bool:
        """Its bytes were dealt with (a record, a lasting failure, filtered out): a pass asks
        its server only whether they changed."""
        return self.sha256 is not None and self.status != "pending"


@dataclass(frozen=True)
class Announced:
    """A record converted new or changed, for new.jsonl and the export database."""

    url: str
    source: str
    found_on: str | None
    record: str
    doc_id: str | None
    sha256: str
    news: News
    previous: str | None
    converted_at: str
    replaced_id: str | None


@dataclass(frozen=True)
class SourceStatus:
    name: str
    url: str
    kind: str | None
    last_run: str | None
    last_success: str | None
    last_error: str | None
    counts: dict[str, int]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class State:
    """The database, open for one run. Every change is committed as it is made."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        if read_only:
            self._db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        else:
            self._db = sqlite3.connect(path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")  # whole transactions, kill -9 included
            self._db.executescript(_SCHEMA)
        self._db.row_factory = sqlite3.Row

    def __enter__(self) -> State:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    # -- reading ------------------------------------------------------------------------------

    def document(self, url: str) -> Known | None:
        row = self._db.execute("SELECT * FROM documents WHERE url = ?", (url,)).fetchone()
        return _known(row) if row else None

    def attachments_of(self, entry: str) -> list[Known]:
        rows = self._db.execute(
            "SELECT * FROM documents WHERE entry = ? AND url != entry ORDER BY rowid", (entry,)
        )
        return [_known(row) for row in rows]

    def walked_fully(self, source: str) -> bool:
        """Whether the source's last pass went through every entry it found (a pass killed or
        stopped in its middle did not: the next one reads on past what it had seen)."""
        row = self._db.execute(
            "SELECT last_run, last_success FROM sources WHERE name = ?", (source,)
        ).fetchone()
        return row is not None and row[1] is not None and row[1] >= row[0]

    def unfinished(self, source: str) -> list[str]:
        """The source's entries whose bytes were never dealt with (a pass stopped before, or
        their server failed): the next pass takes them up again."""
        rows = self._db.execute(
            "SELECT url FROM documents WHERE source = ? AND url = entry AND sha256 IS NULL"
            " ORDER BY rowid",
            (source,),
        )
        return [row[0] for row in rows]

    def record_names(self) -> set[str]:
        rows = self._db.execute("SELECT record FROM documents WHERE record IS NOT NULL")
        return {row[0] for row in rows}

    def records_of(self, doc_ids: Iterable[str]) -> list[str]:
        """The record files of every converted document with one of these ids."""
        ids = sorted(set(doc_ids))
        marks = ", ".join("?" for _ in ids)
        rows = self._db.execute(
            f"SELECT record FROM documents WHERE status = 'converted' AND doc_id IN ({marks})"
            " ORDER BY record",
            ids,
        )
        return [row[0] for row in rows]

    def announced(self, column: Literal["news", "unexported"]) -> list[Announced]:
        """Records converted and not yet listed in new.jsonl (`news`) or exported."""
        where = "news IS NOT NULL" if column == "news" else "unexported = 1"
        rows = self._db.execute(
            f"SELECT * FROM documents WHERE {where} AND status = 'converted' ORDER BY converted_at"
        )
        return [
            Announced(
                r["url"],
                r["source"],
                r["found_on"],
                r["record"],
                r["doc_id"],
                r["sha256"],
                r["news"] or "new",
                r["previous"],
                r["converted_at"],
                r["replaced_id"],
            )
            for r in rows
        ]

    def sources(self) -> list[SourceStatus]:
        counts: dict[str, dict[str, int]] = {}
        for row in self._db.execute(
            "SELECT source, status, COUNT(*) FROM documents GROUP BY source, status"
        ):
            counts.setdefault(row[0], {})[row[1]] = row[2]
        return [
            SourceStatus(
                r["name"],
                r["url"],
                r["kind"],
                r["last_run"],
                r["last_success"],
                r["last_error"],
                counts.get(r["name"], {}),
            )
            for r in self._db.execute("SELECT * FROM sources ORDER BY rowid")
        ]

    # -- a source's pass ----------------------------------------------------------------------

    def source_started(self, name: str, url: str) -> None:
        self._write(
            "INSERT INTO sources (name, url, last_run) VALUES (?, ?, ?) ON CONFLICT (name)"
            " DO UPDATE SET url = excluded.url, last_run = excluded.last_run",
            (name, url, now()),
        )

    def source_done(self, name: str, kind: str, error: str | None) -> None:
        """The source was walked: a success unless `error` (a page that failed) is given."""
        if error is None:
            self._write(
                "UPDATE sources SET kind = ?, last_success = ?, last_error = NULL WHERE name = ?",
                (kind, now(), name),
            )
        else:
            self._write(
                "UPDATE sources SET kind = ?, last_error = ? WHERE name = ?", (kind, error, name)
            )

    def source_failed(self, name: str, error: str) -> None:
        self._write("UPDATE sources SET last_error = ? WHERE name = ?", (error, name))

    # -- a document's pass --------------------------------------------------------------------

    def planned(self, url: str, source: str, entry: str, found_on: str | None, record: str) -> None:
        """A URL about to be converted into `record` (named once: later passes keep it)."""
        self._write(
            "INSERT INTO documents (url, source, entry, found_on, first_seen, record, status)"
            " VALUES (?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (url) DO UPDATE SET"
            " record = coalesce(documents.record, excluded.record)",
            (url, source, entry, found_on, now(), record),
        )

    def converted(
        self,
        url: str,
        sha256: str,
        validators: Validators,
        doc_id: str,
        *,
        news: News,
        previous: str | None,
        updated: dt.datetime | None,
    ) -> None:
        self._write(
            "UPDATE documents SET status = 'converted', sha256 = ?, etag = ?, last_modified = ?,"
            " replaced_id = CASE WHEN doc_id != ? THEN doc_id ELSE replaced_id END, doc_id = ?,"
            " converted_at = ?, last_checked = ?, news = ?, previous = ?, unexported = 1,"
            " updated = coalesce(?, updated), error = NULL WHERE url = ?",
            (
                sha256,
                validators.etag,
                validators.last_modified,
                doc_id,
                doc_id,
                now(),
                now(),
                news,
                previous,
                _time(updated),
                url,
            ),
        )

    def settled_without_record(
        self,
        url: str,
        status: Literal["failed", "filtered"],
        sha256: str | None,
        validators: Validators,
        error: str | None,
        updated: dt.datetime | None,
    ) -> None:
        """Bytes that gave no record: a lasting failure or a record the filters refused
        (`sha256` set: not tried again until they change), or a failure to try again."""
        self._write(
            "UPDATE documents SET status = ?, sha256 = ?, etag = ?, last_modified = ?, error = ?,"
            " last_checked = ?, updated = coalesce(?, updated) WHERE url = ?",
            (
                status,
                sha256,
                validators.etag if sha256 else None,
                validators.last_modified if sha256 else None,
                error,
                now(),
                _time(updated),
                url,
            ),
        )

    def unreachable(
        self, url: str, source: str, entry: str, found_on: str | None, error: str
    ) -> None:
        """A URL that could not be fetched: a new one is kept as failed (tried again next
        pass), a known one keeps what it had."""
        self._write(
            "INSERT INTO documents (url, source, entry, found_on, first_seen, status, error)"
            " VALUES (?, ?, ?, ?, ?, 'failed', ?) ON CONFLICT (url) DO UPDATE SET"
            " error = excluded.error, last_checked = ?",
            (url, source, entry, found_on, now(), error, now()),
        )

    def unchanged(self, url: str, validators: Validators, updated: dt.datetime | None) -> None:
        self._write(
            "UPDATE documents SET etag = ?, last_modified = ?, last_checked = ?,"
            " updated = coalesce(?, updated) WHERE url = ?",
            (validators.etag, validators.last_modified, now(), _time(updated), url),
        )

    def listed(self, urls: Iterable[str]) -> None:
        self._many("UPDATE documents SET news = NULL WHERE url = ?", urls)

    def exported(self, urls: Iterable[str]) -> None:
        self._many("UPDATE documents SET unexported = 0, replaced_id = NULL WHERE url = ?", urls)

    def _write(self, sql: str, values: tuple[object, ...]) -> None:
        with self._db:
            self._db.execute(sql, values)

    def _many(self, sql: str, urls: Iterable[str]) -> None:
        with self._db:
            self._db.executemany(sql, ((url,) for url in urls))


def _time(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _known(row: sqlite3.Row) -> Known:
    updated = dt.datetime.fromisoformat(row["updated"]) if row["updated"] else None
    return Known(
        url=row["url"],
        source=row["source"],
        entry=row["entry"],
        found_on=row["found_on"],
        status=row["status"],
        record=row["record"],
        sha256=row["sha256"],
        validators=Validators(row["etag"], row["last_modified"]),
        updated=updated,
        doc_id=row["doc_id"],
        first_seen=row["first_seen"],
        converted_at=row["converted_at"],
    )
