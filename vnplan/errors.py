"""The one exception vnplan raises for an input that gives no record.

Every stage raises `ConversionError` with a stable `code` — the same code the command line
writes to `errors.jsonl` — and a message for people. Fetching a URL raises `vnplan.fetch.FetchError`
(its own codes: `http_404`, `timeout`, `robots_disallowed` …); `vnplan.convert` of a local
file or bytes raises `ConversionError` only.
"""

from __future__ import annotations


class ConversionError(Exception):
    """An input that gives no record: `code` is stable for programs, the message is for people.

    >>> error = ConversionError("empty", "the file is empty")
    >>> error.code, str(error)
    ('empty', 'the file is empty')
    """

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    def __reduce__(self) -> tuple[type[ConversionError], tuple[str, str]]:
        return (type(self), (self.code, str(self)))
