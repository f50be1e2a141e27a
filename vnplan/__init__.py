"""vnplan: Vietnamese government documents and the news about them, as validated JSON.

The pipeline, one stage per package:
fetch (URL → bytes) → extract (bytes → lines → record) → normalize (names → entities)
→ align (units → strategy pillars) → schema (validated record) → outputs.

    >>> import vnplan
    >>> doc = vnplan.convert("samples/lang-son-227-kh-ubnd-2021.txt")
    >>> doc.kind, doc.doc_number
    ('plan', '227/KH-UBND')

`import vnplan` loads nothing heavy: `convert`, `ConvertOptions`, `Document` and the errors are
imported on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vnplan.version import __version__

if TYPE_CHECKING:
    from vnplan.errors import ConversionError
    from vnplan.pipeline import ConvertOptions, convert
    from vnplan.schema import Document

__all__ = ["ConversionError", "ConvertOptions", "Document", "__version__", "convert"]
_LAZY = {
    "ConversionError": "vnplan.errors",
    "ConvertOptions": "vnplan.pipeline",
    "convert": "vnplan.pipeline",
    "Document": "vnplan.schema",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'vnplan' has no attribute {name!r}")
