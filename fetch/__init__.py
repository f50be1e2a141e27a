"""fetch stage: URL → bytes, politely and robustly, with the format sniffed from the bytes.

Typical use::

    with Fetcher(FetchSettings(cache_dir=Path("cache"))) as fetcher:
        page = fetcher.fetch(url)
        for link in fetcher.attachments(page):
            save(fetcher.fetch(link, found_on=page.url), Path("out"))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .document import FetchedDocument, Format, NotModified, Validators
from .errors import ERROR_CODES, ErrorCode, FetchError
from .save import safe_file_name, save
from .settings import DEFAULT_USER_AGENT, FetchSettings

if TYPE_CHECKING:
    from .fetcher import Fetcher

__all__ = [
    "DEFAULT_USER_AGENT",
    "ERROR_CODES",
    "ErrorCode",
    "FetchError",
    "FetchSettings",
    "FetchedDocument",
    "Fetcher",
    "Format",
    "NotModified",
    "Validators",
    "safe_file_name",
    "save",
]


def __getattr__(name: str) -> Any:
    """`Fetcher` is imported on first use: it loads httpx, which reading files never needs."""
    if name == "Fetcher":
        from .fetcher import Fetcher

        return Fetcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
