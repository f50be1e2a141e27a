"""A national strategy's decision, as the meta block of a pillar catalog names it.

The align stage links text to the strategy's pillars and the outputs name them: both read
this one description of the decision the pillars come from.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Strategy:
    """The decision a strategy is: Quyết định 2013/QĐ-TTg of 2021-11-30, by the Thủ tướng."""

    doc_type: str
    doc_number: str
    date: str
    title: str
    issuer: str

    @classmethod
    def from_meta(cls, block: Mapping[str, str]) -> Strategy:
        """The strategy a data file's meta block names (doc_type, doc_number, date, title,
        issuer)."""
        return cls(
            block["doc_type"], block["doc_number"], block["date"], block["title"], block["issuer"]
        )
