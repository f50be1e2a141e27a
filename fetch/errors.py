"""The one exception of the fetch stage, with a stable code per kind of failure."""

from __future__ import annotations

from typing import Literal, get_args

ErrorCode = Literal[
    "http_404",
    "http_status",
    "timeout",
    "deadline",
    "connection",
    "too_many_redirects",
    "too_large",
    "robots_disallowed",
    "bad_url",
    "unsafe_path",
    "private_address",
]
ERROR_CODES: frozenset[str] = frozenset(get_args(ErrorCode))


class FetchError(Exception):
    """A URL that gave no document: `code` is stable for programs, the message is for people.

    `status` is the last HTTP status seen, when there was one.
    """

    def __init__(
        self, code: ErrorCode, url: str = "", message: str = "", status: int | None = None
    ) -> None:
        if code not in ERROR_CODES:
            raise ValueError(f"unknown FetchError code {code!r}")
        super().__init__(message or f"{code}: {url}")
        self.code: ErrorCode = code
        self.url = url
        self.status = status

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str, str, int | None]]:
        return (type(self), (self.code, self.url, str(self), self.status))
