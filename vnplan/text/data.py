"""The data files of the text stage (``data/*.json``), parsed on first use."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed JSON data file ``data/<name>.json``."""
    text = resources.files("vnplan.text").joinpath(f"data/{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data
