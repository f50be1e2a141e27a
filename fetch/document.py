"""The value the fetch stage hands on: one URL's bytes, what they are, and where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vnplan.formats import FormatName as Format

__all__ = ["FetchedDocument", "Format"]


@dataclass(frozen=True)
class FetchedDocument:
    """One fetched URL. `media_type` and `format` come from the bytes, not the server's header.

    `text` and `charset` are set for html and txt only: the NFC text and the charset that
    decoded it. `format` "bin" means bytes of no kind the pipeline reads (e.g. a zip that is
    not a .docx).
    """

    url: str
    final_url: str
    content: bytes
    media_type: str
    format: Format
    charset: str | None
    text: str | None
    fetched_at: datetime
    from_cache: bool
    found_on: str | None = None
