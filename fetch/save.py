"""Writing a fetched document to a folder under a safe name, never outside that folder."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from vnplan.formats import BY_NAME

from .document import FetchedDocument
from .errors import FetchError
from .files import atomic_write

MAX_STEM_BYTES = 120  # UTF-8 bytes; with hash and extension well under 255
_KNOWN_SUFFIXES = frozenset(
    ["pdf", "doc", "docx", "htm", "html", "shtml", "php", "asp", "aspx", "jsp", "txt", "rtf", "odt"]
)
_DASHES = re.compile(r"[-\s]+")


def safe_file_name(doc: FetchedDocument) -> str:
    """`<slug>-<hash>.<ext>`: the slug from the final URL's last path segment, the hash of
    the final URL, the extension from the sniffed format. "index" when the path is empty."""
    try:
        path = urlsplit(doc.final_url).path
    except ValueError:
        path = ""
    segment = unquote(path.rsplit("/", 1)[-1])
    stem = slugify(_drop_suffix(segment)) or "index"
    digest = hashlib.sha256(doc.final_url.encode("utf-8")).hexdigest()[:10]
    return f"{stem}-{digest}{BY_NAME[doc.format].suffixes[0]}"


def slugify(text: str) -> str:
    """Letters (Vietnamese kept, NFC), digits, "_" and "."; anything else becomes "-";
    no leading dots, at most MAX_STEM_BYTES bytes."""
    text = unicodedata.normalize("NFC", text)
    kept = []
    for char in text:
        if unicodedata.category(char).startswith("C"):
            continue  # control, format, private use, unassigned
        kept.append(char if char.isalnum() or char in "_." else "-")
    slug = _DASHES.sub("-", "".join(kept)).strip("-._")
    cut = slug.encode("utf-8")[:MAX_STEM_BYTES].decode("utf-8", errors="ignore")
    return cut.strip("-._")


def save(doc: FetchedDocument, out_dir: Path) -> Path:
    """Write `doc.content` atomically into `out_dir` (created if needed); return the path.

    Raises FetchError("unsafe_path") if the name would land anywhere but directly inside
    `out_dir`, e.g. through a symlink planted there.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir.resolve()
    target = root / safe_file_name(doc)
    if target.is_symlink() or target.resolve().parent != root or target.parent != root:
        raise FetchError("unsafe_path", doc.url, f"refusing to write {target} outside {root}")
    atomic_write(target, doc.content)
    return target


def _drop_suffix(name: str) -> str:
    stem, dot, suffix = name.rpartition(".")
    if dot and suffix.lower() in _KNOWN_SUFFIXES:
        return stem
    return name
