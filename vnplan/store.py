"""OUT/, the folder a batch writes: one record per input, `errors.jsonl`, and a lock.

Only the process that holds `OUT/.lock` writes there, so two runs on one folder cannot undo each
other's work: the second is refused with a clear message. Every file is written atomically (a
temporary file renamed into place, with the user's umask), so OUT only ever holds whole files;
temporary files left by a run that was killed are removed by the next one, never those of a run
still going. A record is "done" when the one in OUT was made from the same bytes by the same
extractor version, and a re-run skips it.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO

from vnplan.fetch.files import NAME_MAX, atomic_write, new_file_mode, remove_orphan_temps
from vnplan.schema import Document, ErrorRecord
from vnplan.version import __version__

ERRORS_FILE = "errors.jsonl"
LOCK_FILE = ".lock"
CACHE_DIR = ".cache"  # the default fetch cache, OUT/.cache (hidden: folder walks skip it)
MAX_NAME_BYTES = 200  # a longer record name is cut and given a hash (NAME_MAX is 255)


class OutUnavailable(Exception):
    """OUT cannot be used: another run holds it, or it cannot be created or written."""


class Store:
    """One run's hold on OUT. Use as a context manager: it takes the lock and clears the
    temporary files dead runs left; leaving releases the lock."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lock: IO[bytes] | None = None

    def __enter__(self) -> Store:
        self.open()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def open(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise OutUnavailable(f"cannot write to {self.root}: it is a file, not a folder")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.root / LOCK_FILE, os.O_RDWR | os.O_CREAT, new_file_mode())
        except OSError as exc:
            raise OutUnavailable(f"cannot write to {self.root}: {exc.strerror}") from None
        handle = os.fdopen(fd, "r+b")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = handle.read().decode("ascii", "replace").strip()
            handle.close()
            who = f" (process {holder})" if holder.isdigit() else ""
            raise OutUnavailable(
                f"{self.root} is being written by another vnplan run{who}; wait for it to"
                " finish, or give another output folder"
            ) from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n".encode())
        handle.flush()
        self._lock = handle
        for folder in (self.root, self.root / CACHE_DIR):
            remove_orphan_temps(folder)

    def close(self) -> None:
        if self._lock is not None:
            self._lock.close()  # closing the file releases the lock
            self._lock = None

    @property
    def lock_fd(self) -> int | None:
        """The lock's file descriptor (worker processes close their copy)."""
        return self._lock.fileno() if self._lock is not None else None

    def path(self, name: str) -> Path | None:
        """OUT/name if that is a plain file name directly inside OUT, else None."""
        return inside(self.root, name)

    def is_done(self, name: str, sha256: str, uri: str | None = None) -> bool:
        """Is OUT/name a record of exactly these bytes (sha256), by this extractor version,
        and — when `uri` is given — made from that URI?"""
        path = self.path(name)
        if path is None or not path.is_file():
            return False
        try:
            record = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError):
            return False
        source = record.get("source") if isinstance(record, dict) else None
        if not isinstance(source, dict):
            return False
        return bool(
            (uri is None or source.get("uri") == uri)
            and source.get("sha256") == sha256
            and record.get("extractor_version") == __version__
        )

    def write_record(self, name: str, text: str) -> None:
        """Write a record as OUT/name atomically; OSError if the disk refuses it."""
        path = self.path(name)
        if path is None:
            raise OSError(f"refusing to write {name!r} outside {self.root}")
        atomic_write(path, text.encode("utf-8"))

    def write_errors(self, failed: Iterable[ErrorRecord]) -> None:
        """OUT/errors.jsonl: one line per input that failed in this run (removed when none did)."""
        lines = [error.model_dump_json() for error in failed]
        path = self.root / ERRORS_FILE
        if not lines:
            path.unlink(missing_ok=True)
            return
        atomic_write(path, ("\n".join(lines) + "\n").encode("utf-8"))


def error_record(input_name: str, code: str, message: str) -> ErrorRecord:
    """One line of errors.jsonl (names that are not UTF-8 shown as \\xNN, see `printable`)."""
    return ErrorRecord(
        input=printable(input_name),
        code=code,
        message=printable(message),
        extractor_version=__version__,
    )


def record_json(doc: Document) -> str:
    """A record as OUT holds it: indented JSON, one final newline."""
    text: str = doc.model_dump_json(indent=2)
    return text + "\n"


def sha256_file(path: str) -> str:
    """The sha256 of a file, read in blocks (never whole into memory)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(2**20), b""):
            digest.update(block)
    return digest.hexdigest()


def inside(out_dir: Path, name: str) -> Path | None:
    """OUT/name if that is a plain file name directly inside OUT, else None."""
    if not name or name.startswith(".") or "/" in name or "\\" in name or "\0" in name:
        return None
    if len(name.encode("utf-8", "surrogateescape")) > NAME_MAX:
        return None
    root = out_dir.resolve()
    path = root / name
    with contextlib.suppress(OSError):
        if path.is_symlink() or path.resolve().parent != root:
            return None
    return path


# -- names ----------------------------------------------------------------------------------


def printable(item: str) -> str:
    """A path as text every JSON writer and terminal takes: bytes of a file name that are not
    UTF-8 (which Python keeps as lone surrogates) are shown as \\xNN.

    >>> printable("k\\udcffe.txt")
    'k\\\\xffe.txt'
    """
    try:
        raw = item.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = item.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "backslashreplace")


def is_url(item: str) -> bool:
    return item.startswith(("http://", "https://"))


def output_names(inputs: list[str]) -> dict[str, str]:
    """Input → record file name: "<stem>.json", or "<stem>.<ext>.json" where stems collide.

    Names never start with a dot (a dot-file's record is named without it), and a stem too
    long for a file name is cut and given a hash of the whole.
    """
    stems = Counter(_stem(i) for i in inputs)
    names: dict[str, str] = {}
    used: set[str] = set()
    for item in inputs:
        stem = _stem(item)
        suffix = Path(_last_part(item)).suffix.lstrip(".").lower()
        suffix = "".join(c for c in suffix if c.isalnum())[:10]
        name = f"{stem}.json" if stems[stem] == 1 or not suffix else f"{stem}.{suffix}.json"
        names[item] = _unused(name[: -len(".json")], used)
    return names


def url_record_name(url: str, taken: set[str]) -> str:
    """A record name for a URL found on a page, unused so far in this run (added to `taken`)."""
    return _unused(url_stem(url), taken)


def url_stem(url: str) -> str:
    """A file-name stem for a URL: its last path segment made safe, and a hash of the URL."""
    stem = Path(_last_part(url)).stem or "document"
    digest = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:80]
    return f"{safe.lstrip('-_') or 'document'}-{digest}"


def _unused(base: str, used: set[str]) -> str:
    name, n = f"{base}.json", 2
    while name in used:
        name, n = f"{base}-{n}.json", n + 1
    used.add(name)
    return name


def _last_part(item: str) -> str:
    if is_url(item):
        path = item.split("?", 1)[0].split("#", 1)[0].rstrip("/")
        return path.rsplit("/", 1)[-1] or "index"
    return os.path.basename(item)


def _stem(item: str) -> str:
    if is_url(item):
        return url_stem(item)
    text = _last_part(item).encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _fit(Path(text).stem.lstrip(".") or "document")


def _fit(stem: str) -> str:
    """`stem`, or its start and a hash when it would make a name over MAX_NAME_BYTES."""
    raw = stem.encode("utf-8")
    if len(raw) <= MAX_NAME_BYTES:
        return stem
    digest = hashlib.sha256(raw).hexdigest()[:8]
    start = raw[: MAX_NAME_BYTES - 9].decode("utf-8", "ignore").rstrip(" .-")
    return f"{start}-{digest}"
