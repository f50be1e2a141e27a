"""fetch stage: URL → bytes, politely and robustly, with the format sniffed from the bytes.

Typical use::

    with Fetcher(FetchSettings(cache_dir=Path("cache"))) as fetcher:
        page = fetcher.fetch(url)
        for link in fetcher.attachments(page):
            save(fetcher.fetch(link, found_on=page.url), Path("out"))
"""

from __future__ import annotations

from .document import FetchedDocument, Format, NotModified, Validators
from .errors import ERROR_CODES, ErrorCode, FetchError
from .fetcher import Fetcher
from .save import safe_file_name, save
from .settings import DEFAULT_USER_AGENT, FetchSettings

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
