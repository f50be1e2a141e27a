"""Stopping `vnplan watch` cleanly: SIGTERM and Ctrl-C between documents, and between passes."""

from __future__ import annotations

import signal
import time
from types import FrameType


class StopRequests:
    """SIGTERM and SIGINT (Ctrl-C) as a request to stop once the documents being converted
    are done; a second one stops at once (KeyboardInterrupt). Use as a context manager."""

    def __init__(self) -> None:
        self.requested = False
        self.by_ctrl_c = False  # the request was SIGINT (a person), not SIGTERM (a service)
        self._previous: dict[int, object] = {}

    def __call__(self) -> bool:
        return self.requested

    def __enter__(self) -> StopRequests:
        for signum in (signal.SIGTERM, signal.SIGINT):
            self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        self.by_ctrl_c = signum == signal.SIGINT

    def sleep(self, seconds: float) -> None:
        """Wait `seconds`, or until a stop is asked for."""
        until = time.monotonic() + seconds
        while not self.requested and (left := until - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))
