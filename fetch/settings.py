"""Settings of a Fetcher, checked once when they are made."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from vnplan.version import __version__  # the package's version (pyproject.toml reads it)

DEFAULT_USER_AGENT = f"vnplan/{__version__} (+https://github.com/vnplan/vnplan; research tool)"


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how long to fetch; times are in seconds, sizes in bytes.

    `deadline` bounds everything spent on one URL: robots.txt, waits, retries and redirects.
    Retries back off exponentially from `backoff`, each wait capped at `max_backoff`.
    `allow_private` lets redirects and attachments reach loopback, link-local and private
    addresses other than the start URL's own server (`addresses`).
    """

    user_agent: str = DEFAULT_USER_AGENT
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    deadline: float = 120.0
    retries: int = 3
    backoff: float = 0.5
    max_backoff: float = 30.0
    max_redirects: int = 5
    max_bytes: int = 50 * 2**20
    per_host_delay: float = 1.0
    respect_robots: bool = True
    cache_dir: Path | None = None
    allow_private: bool = False

    def __post_init__(self) -> None:
        ua = self.user_agent
        if not isinstance(ua, str) or not ua.strip() or any(c in ua for c in "\r\n\0"):
            raise ValueError("user_agent must be one non-empty line")
        for name in ("connect_timeout", "read_timeout", "deadline"):
            _check_number(name, getattr(self, name), positive=True)
        for name in ("backoff", "max_backoff", "per_host_delay"):
            _check_number(name, getattr(self, name), positive=False)
        for name in ("retries", "max_redirects"):
            _check_int(name, getattr(self, name), minimum=0)
        _check_int("max_bytes", self.max_bytes, minimum=1)
        for name in ("respect_robots", "allow_private"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be a bool")
        if self.cache_dir is not None and not isinstance(self.cache_dir, Path):
            if not isinstance(self.cache_dir, str):
                raise ValueError("cache_dir must be a path or None")
            object.__setattr__(self, "cache_dir", Path(self.cache_dir))


def _check_number(name: str, value: object, *, positive: bool) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, not {value!r}")
    if value < 0 or (positive and value == 0):
        raise ValueError(f"{name} must be {'> 0' if positive else '>= 0'}, not {value!r}")


def _check_int(name: str, value: object, *, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, not {value!r}")
