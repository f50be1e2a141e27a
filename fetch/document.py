"""The value the fetch stage hands on: one URL's bytes, what they are, and where they came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from vnplan.formats import FormatName as Format

__all__ = ["FetchedDocument", "Format", "NotModified", "Validators"]


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
    etag: str | None = None  # the validators the server sent with the body (or its 304)
    last_modified: str | None = None

    @property
    def validators(self) -> Validators:
        return Validators(self.etag, self.last_modified)


@dataclass(frozen=True)
class Validators:
    """What a server said identifies the version of a body it sent: its ETag and its
    Last-Modified, either of which may be missing."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        """If-None-Match / If-Modified-Since asking for the body only if it changed (may be
        empty: nothing to ask with).

        >>> Validators('"v2"', None).headers()
        {'If-None-Match': '"v2"'}
        """
        headers: dict[str, str] = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@dataclass(frozen=True)
class NotModified:
    """A conditional request the server answered 304: the body is as it was. `final_url` is
    where the answer came from (after redirects), `validators` the ones to ask with next."""

    url: str
    final_url: str
    validators: Validators
    checked_at: datetime
