"""underthesea's own files (its word list, its models), found without importing it: the
readers and the OCR repair build their data files from the word list, the segmenter reads
the models."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_WORD_LIST = ("corpus", "data", "Viet74K.txt")


def package_dir() -> Path | None:
    """Where underthesea is installed, or None."""
    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def word_list() -> Path | None:
    """underthesea's word list (Viet74K, one word a line), where underthesea is installed."""
    base = package_dir()
    path = base.joinpath(*_WORD_LIST) if base is not None else None
    return path if path is not None and path.is_file() else None
