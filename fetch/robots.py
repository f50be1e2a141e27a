"""robots.txt: turning one origin's answer into a policy (RFC 9309, with a lenient 5xx)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

MAX_ROBOTS_BYTES = 512 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB


@dataclass(frozen=True)
class RobotsPolicy:
    """What one origin's robots.txt allows; `rules` None means everything. `note` says why a
    robots.txt was not used (e.g. it answered 503), for the run's log."""

    rules: RobotFileParser | None
    note: str | None = None

    def allows(self, user_agent: str, url: str) -> bool:
        """Whether `user_agent` may fetch `url`."""
        return self.rules is None or self.rules.can_fetch(user_agent, url)


def robots_url(origin: str) -> str:
    """Where an origin keeps its robots.txt."""
    return f"{origin}/robots.txt"


def policy_from_response(status: int, body: bytes, url: str) -> RobotsPolicy:
    """The policy a robots.txt response gives.

    2xx: its rules. 4xx (missing, forbidden): everything allowed, as RFC 9309 says. 5xx and
    anything else: everything allowed too (lenient, against RFC 9309's full disallow), noted.
    """
    if 200 <= status < 300:
        parser = RobotFileParser(url)
        text = body[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
        parser.parse(text.splitlines())
        return RobotsPolicy(parser)
    if 400 <= status < 500:
        return RobotsPolicy(None)
    return RobotsPolicy(None, f"{url} answered HTTP {status}; treating everything as allowed")


def unreachable_policy(url: str, reason: str) -> RobotsPolicy:
    """The policy when robots.txt could not be read at all: allowed, with a note."""
    return RobotsPolicy(None, f"{url} could not be read ({reason}); treating everything as allowed")
