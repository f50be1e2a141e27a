"""A forked process beside this one that answers its requests: work done on a spare core.

The stages after reading run in one process. On a document given spare cores (`page_processes`
above one), a sidecar takes a pure piece of that work (align's word segmentation, which costs
as much as normalizing): forked once the reading is done, it gets ready (`prepare`: loading a
model) while this process goes on, then answers each request this process sends with
`serve(request)`, on what it holds from the fork (copy-on-write). A sidecar that fails, dies or
cannot be forked answers None, and this process does that work itself, as it would have
anyway: nothing depends on the sidecar but the time.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from typing import Any, Generic, NoReturn, TypeVar

Q = TypeVar("Q")
R = TypeVar("R")


class Sidecar(Generic[Q, R]):
    """The parent's end: `ask`, then `answer`, as often as needed."""

    def __init__(self, pid: int, conn: Connection) -> None:
        self.pid = pid
        self._conn: Connection | None = conn

    def ask(self, request: Q) -> bool:
        """Send a request (the answer is taken with `answer`); False: the sidecar is gone."""
        if self._conn is None:
            return False
        try:
            self._conn.send(request)
        except Exception:  # it died (a broken pipe), or the request does not pickle
            self.stop()
            return False
        return True

    def answer(self) -> R | None:
        """The answer to the request sent last (waiting for it); None if serving it raised, or
        the sidecar died (it is then stopped: later requests are refused)."""
        if self._conn is None:
            return None
        try:
            message = self._conn.recv()
        except Exception:  # it died (EOFError), or what it sent does not unpickle
            message = _Failed()
        if isinstance(message, _Failed):
            self.stop()
            return None
        answer: R = message
        return answer

    def stop(self) -> None:
        """Kill and reap the sidecar (again: nothing)."""
        if self._conn is None:
            return
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        self._conn.close()
        self._conn = None
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


class _Failed:
    """What a sidecar sends when serving a request raised."""


@contextmanager
def sidecar(serve: Callable[[Q], R],
            prepare: Callable[[], object] | None = None) -> Iterator[Sidecar[Q, R] | None]:
    """Inside the block, a forked sidecar runs `prepare()`, then answers requests with `serve`;
    None if the system refuses a process. It is stopped when the block ends. Fork it from a
    process with no other thread running: the sidecar has only the forking thread, and a lock
    another thread held stays held in it."""
    try:
        mine, theirs = Pipe(duplex=True)
    except OSError:
        yield None
        return
    try:
        pid = os.fork()
    except OSError:
        mine.close()
        theirs.close()
        yield None
        return
    if pid == 0:
        mine.close()
        _sidecar_main(serve, prepare, theirs)
    theirs.close()
    car: Sidecar[Q, R] = Sidecar(pid, mine)
    try:
        yield car
    finally:
        car.stop()


def _sidecar_main(serve: Callable[[Any], object], prepare: Callable[[], object] | None,
                  conn: Connection) -> NoReturn:
    try:
        gc.freeze()  # what the parent made is not walked (and so not copied) by collections
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        if prepare is not None:
            with contextlib.suppress(Exception):  # a failure shows when a request is served
                prepare()
        while True:
            try:
                request = conn.recv()
            except EOFError:  # the parent is done with it
                break
            try:
                answer = serve(request)
            except Exception:
                conn.send(_Failed())
            else:
                conn.send(answer)
    finally:
        os._exit(0)  # never the parent's exit handlers, buffers or finalizers
