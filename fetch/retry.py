"""When to try again: exponential backoff and the server's Retry-After."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504}) | frozenset(range(505, 600))


def is_retryable_status(status: int) -> bool:
    """429 Too Many Requests and every 5xx are worth another try."""
    return status in RETRY_STATUSES


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Seconds to wait before retry number `attempt` + 1 (0-based): base·2^attempt, capped."""
    if base <= 0:
        return 0.0
    return min(cap, base * 2.0 ** min(attempt, 62))


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or HTTP date), None if unusable.

    A date in the past means 0. `now` must be timezone-aware.
    """
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:  # "1.5" is out of spec but unambiguous
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())
