"""On-disk cache keyed by URL, for ETag / Last-Modified revalidation.

Each URL has two files named by the sha256 of the URL: `<key>.body` (the bytes) and
`<key>.json` (validators, final URL, media types, time, size and sha256 of the body). Both
are written atomically, body first, so a reader never pairs metadata with a foreign body;
an entry whose body does not match its metadata is a miss.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .document import Validators
from .files import atomic_write

_VERSION = 1


@dataclass(frozen=True)
class CacheEntry:
    """One cached response. `content_type` is the server's header, `media_type` the sniffed one."""

    url: str
    final_url: str
    content: bytes
    media_type: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: datetime

    def conditional_headers(self) -> dict[str, str]:
        """If-None-Match / If-Modified-Since for revalidating this entry (may be empty)."""
        return Validators(self.etag, self.last_modified).headers()


def cache_key(url: str) -> str:
    """The file name stem for a URL: sha256 of the URL as given."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def load(cache_dir: Path, url: str) -> CacheEntry | None:
    """The entry for `url`, or None if missing, unreadable or inconsistent."""
    key = cache_key(url)
    try:
        meta = json.loads((cache_dir / f"{key}.json").read_text(encoding="utf-8"))
        content = (cache_dir / f"{key}.body").read_bytes()
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or meta.get("version") != _VERSION or meta.get("url") != url:
        return None
    if meta.get("sha256") != hashlib.sha256(content).hexdigest():
        return None
    try:
        return CacheEntry(
            url=url,
            final_url=str(meta["final_url"]),
            content=content,
            media_type=str(meta["media_type"]),
            content_type=_optional(meta.get("content_type")),
            etag=_optional(meta.get("etag")),
            last_modified=_optional(meta.get("last_modified")),
            fetched_at=datetime.fromisoformat(str(meta["fetched_at"])),
        )
    except (KeyError, ValueError):
        return None


def store(cache_dir: Path, entry: CacheEntry) -> None:
    """Write (or replace) the entry for `entry.url`."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    key = cache_key(entry.url)
    meta = {
        "version": _VERSION,
        "url": entry.url,
        "final_url": entry.final_url,
        "media_type": entry.media_type,
        "content_type": entry.content_type,
        "etag": entry.etag,
        "last_modified": entry.last_modified,
        "fetched_at": entry.fetched_at.isoformat(),
        "size": len(entry.content),
        "sha256": hashlib.sha256(entry.content).hexdigest(),
    }
    body_path = cache_dir / f"{key}.body"
    if not body_path.exists() or body_path.read_bytes() != entry.content:
        atomic_write(body_path, entry.content)
    text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
    atomic_write(cache_dir / f"{key}.json", text.encode("utf-8"))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)
