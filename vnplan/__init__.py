"""vnplan: Vietnamese provincial plans and news about them, as validated JSON.

The pipeline, one stage per package:
fetch (URL → bytes) → extract (bytes → lines → record) → normalize (names → entities) → schema.
"""

from __future__ import annotations

__version__ = "0.1.0"

from vnplan.pipeline import ConversionError, convert
from vnplan.schema import Document

__all__ = ["ConversionError", "Document", "__version__", "convert"]
