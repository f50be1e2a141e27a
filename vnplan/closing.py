"""`Closing`: a resource used in a `with` block, closed when the block is left."""

from __future__ import annotations

from types import TracebackType
from typing import Self


class Closing:
    """Leaving `with resource:` calls `resource.close()`, whatever ended the block."""

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
