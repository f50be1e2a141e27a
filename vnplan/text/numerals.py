"""Roman numerals as Vietnamese documents print them (I–LXXXIX: parts, groups, sections)."""

from __future__ import annotations

_ROMAN_VALUE = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(numeral: str) -> int | None:
    """Value of a well-formed roman numeral up to 89, else None."""
    total, prev = 0, 0
    for char in reversed(numeral):
        value = _ROMAN_VALUE.get(char)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total and to_roman(total) == numeral else None


def to_roman(value: int) -> str:
    parts = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for amount, letters in parts:
        while value >= amount:
            out += letters
            value -= amount
    return out
