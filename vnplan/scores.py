"""Precision, recall and F1 from counts: the one scoring rule of every evaluation (field
scores of records, pillar links, the benches)."""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass


@dataclass
class Counts:
    """True positives, false positives, false negatives. A side with nothing in it scores 1.0
    (nothing predicted: precision 1.0; nothing expected: recall 1.0)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @classmethod
    def of(cls, predicted: Set[object], expected: Set[object]) -> Counts:
        """The counts of a predicted set against the expected one."""
        tp = len(predicted & expected)
        return cls(tp, len(predicted) - tp, len(expected) - tp)

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    @property
    def expected(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
