"""URL checks and keys: which URLs may be fetched, and which host or origin they belong to."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .errors import FetchError

SCHEMES = frozenset({"http", "https"})


def check_url(url: str, *, asked: str | None = None) -> str:
    """`url` if it is an absolute http(s) URL with a host, else FetchError("bad_url").

    `asked` is the URL to name in the error when `url` is a redirect target.
    """
    who = asked if asked is not None else url
    if not isinstance(url, str) or not url or url != url.strip():
        raise FetchError("bad_url", who, f"not a URL: {url!r}")
    if any(ord(c) < 0x20 or c == "\x7f" for c in url):
        raise FetchError("bad_url", who, f"control characters in URL {url!r}")
    try:
        parts = urlsplit(url)
        hostname = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError as exc:
        raise FetchError("bad_url", who, f"malformed URL {url!r}: {exc}") from None
    if parts.scheme.lower() not in SCHEMES:
        raise FetchError("bad_url", who, f"only http and https URLs are fetched, not {url!r}")
    if not hostname:
        raise FetchError("bad_url", who, f"URL without a host: {url!r}")
    return url


def resolve(base: str, href: str) -> str:
    """`href` made absolute against `base`, without its #fragment."""
    absolute = urljoin(base, href.strip())
    return absolute.split("#", 1)[0]


def origin(url: str) -> str:
    """scheme://host[:port] of an http(s) URL, lower-cased: the unit robots.txt applies to."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    port = "" if parts.port in (None, default) else f":{parts.port}"
    return f"{parts.scheme.lower()}://{host}{port}"


def host_key(url: str) -> str:
    """host[:port] the per-host delay is kept for."""
    return origin(url).split("://", 1)[1]
