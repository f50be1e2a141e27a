"""Write the export tables as SQLite, Parquet or JSON Lines; every file written atomically.

SQLite: one file, the tables of `tables.py` (dates as ISO text, booleans as 0/1), indexes on the
join keys. Parquet: one file per table in a folder (pyarrow). JSON Lines: the records
themselves, one schema-v1 record per line. A file is written to a temporary name beside its
target and renamed into place, so a reader never sees half of one.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnplan.outputs.rows import ColumnType, Value
from vnplan.outputs.tables import Table
from vnplan.schema import Document

SQL_TYPES: dict[ColumnType, str] = {
    "text": "TEXT",
    "integer": "INTEGER",
    "real": "REAL",
    "date": "TEXT",
    "boolean": "INTEGER",
}


class MissingDependency(Exception):
    """A library an export needs is not installed."""


class OutputPathError(Exception):
    """An output path that cannot be written as asked (a folder where a file goes, …)."""


def check_file_target(path: Path) -> None:
    """Raise OutputPathError unless a file can be written at `path`."""
    if path.is_dir():
        raise OutputPathError(f"{path} is a folder; give a file name inside it or elsewhere")
    if path.exists() and not path.is_file():
        raise OutputPathError(f"{path} exists and is not a regular file")
    _check_parent(path.parent)


def check_folder_target(path: Path) -> None:
    """Raise OutputPathError unless `path` is a folder or can be made one."""
    if path.exists() and not path.is_dir():
        raise OutputPathError(f"{path} is a file; give a folder for the Parquet files")
    _check_parent(path)


def _check_parent(folder: Path) -> None:
    """The nearest existing ancestor of `folder` must be a folder we may write into."""
    existing = folder
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise OutputPathError(f"{existing} is a file, so nothing can be written under it")
    if not os.access(existing, os.W_OK | os.X_OK):
        raise OutputPathError(f"no permission to write in {existing}")


@contextmanager
def _failing_as(path: Path) -> Iterator[None]:
    """A failure while writing `path` (or the temporary file beside it, or the disk filling
    up under SQLite or pyarrow) is an OSError that names `path`, the file asked for."""
    try:
        yield
    except sqlite3.Error as exc:
        raise OSError(errno.EIO, f"the database cannot be written ({exc})", str(path)) from exc
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror or str(exc), str(path)) from exc


def _temp_beside(path: Path, suffix: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".vnplan-", suffix=suffix, dir=path.parent)
    os.close(fd)
    return Path(name)


def _publish(tmp: Path, path: Path) -> None:
    """Move a finished temp file into place, readable as a plain new file would be."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, path)


def write_text_atomic(path: Path, text: str) -> None:
    with _failing_as(path):
        tmp = _temp_beside(path, ".tmp")
        try:
            tmp.write_text(text, "utf-8", newline="")
            _publish(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


def sql_value(value: Value) -> object:
    """A value as the export database stores it: dates as ISO text, booleans as 0/1."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def create_sql(table: Table) -> list[str]:
    """The CREATE TABLE and CREATE INDEX statements of one table."""
    cols = [f'"{name}" {SQL_TYPES[kind]}' for name, kind in table.columns]
    key = ", ".join(f'"{k}"' for k in table.key)
    if table.primary:
        cols.append(f"PRIMARY KEY ({key})")
    statements = [f'CREATE TABLE "{table.name}" ({", ".join(cols)})']
    if not table.primary:
        statements.append(f'CREATE INDEX "{table.name}_key" ON "{table.name}" ({key})')
    return statements


def write_sqlite(tables: Sequence[Table], path: Path) -> None:
    """A fresh SQLite database at `path` holding `tables` (an existing file is replaced)."""
    with _failing_as(path):
        tmp = _temp_beside(path, ".db")
        tmp.unlink()
        try:
            _fill_sqlite(tables, tmp)
            _publish(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)


def _fill_sqlite(tables: Sequence[Table], path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        with con:
            for table in tables:
                for statement in create_sql(table):
                    con.execute(statement)
                marks = ", ".join("?" for _ in table.columns)
                con.executemany(
                    f'INSERT INTO "{table.name}" VALUES ({marks})',
                    ([sql_value(v) for v in values] for values in table.values()),
                )
    finally:
        con.close()


def _pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingDependency(
            "Parquet export needs pyarrow, which vnplan installs; reinstall it with "
            "`pip install pyarrow`"
        ) from exc
    return pa, pq


def _arrow_table(table: Table, pa: Any) -> Any:
    types = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "date": pa.date32(),
        "boolean": pa.bool_(),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in table.columns])
    rows = list(table.values())
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    arrays = [
        pa.array(list(values), type=types[kind])
        for values, (_, kind) in zip(columns, table.columns, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


def write_parquet(tables: Sequence[Table], folder: Path) -> list[Path]:
    """One `<table>.parquet` per table in `folder`; the paths written."""
    pa, pq = _pyarrow()
    with _failing_as(folder):
        folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table in tables:
        path = folder / f"{table.name}.parquet"
        with _failing_as(path):
            tmp = _temp_beside(path, ".parquet")
            try:
                pq.write_table(_arrow_table(table, pa), tmp, compression="zstd")
                _publish(tmp, path)
            finally:
                tmp.unlink(missing_ok=True)
        written.append(path)
    return written


def jsonl_text(docs: Sequence[Document]) -> str:
    """The records, one JSON object per line, in output order."""
    lines = (json.dumps(d.model_dump(mode="json"), ensure_ascii=False) for d in docs)
    return "".join(f"{line}\n" for line in lines)
