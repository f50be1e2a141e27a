"""The server's Content-Type header, read for what it claims (the bytes decide the format:
`vnplan.formats.sniff_served`)."""

from __future__ import annotations


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """(media type, charset) of a Content-Type header value, lower-cased; None where absent."""
    if not value:
        return None, None
    raw_media, _, params = value.partition(";")
    media = raw_media.strip().lower() or None
    charset: str | None = None
    for param in params.split(";"):
        key, _, raw = param.partition("=")
        if key.strip().lower() == "charset":
            charset = raw.strip().strip("\"'").strip().lower() or None
    return media, charset
