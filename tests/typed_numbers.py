"""Find numbers typed into prose that the data already holds, in any spelling a writer might use:
"2,788,000 GPU-hours", "2.788 million", "$5.576M", "5.576 million dollars", "2.19 dollars", "79.8%".

A typed number matches a figure when the figure, rounded to as many significant digits as were typed,
equals it. Numbers with fewer than three significant digits are too common to judge, and so are bare
years; "405B" glued to its B is a model's name (Llama 3.1 405B), not an amount.
"""

from __future__ import annotations

import math
import re

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
NUMBER = re.compile(
    r"(?<![\w.,])(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s?(thousand|million|billion|trillion|bn|tn)\b|(k|m)\b|(?=[A-Za-z]))?",
    re.I,
)
MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
LINK_TARGET = re.compile(r"\]\([^)]*\)|https?://\S+|\b(?:href|src|id)=\"[^\"]*\"")


def significant_digits(raw: str) -> int:
    digits = raw.replace(",", "")
    whole, _, fraction = digits.partition(".")
    whole = whole.lstrip("0")
    if fraction:
        return len(whole) + len(fraction) if whole else len(fraction.lstrip("0"))
    return len(whole.rstrip("0")) or 1


def typed_numbers(text: str):
    """(as typed, value, significant digits) for each number in prose worth checking."""
    text = LINK_TARGET.sub(" ", MACRO.sub(" ", text))
    for match in NUMBER.finditer(text):
        raw = match.group(2)
        scale = (match.group(3) or match.group(4) or "").lower()
        glued = (
            match.group(3) is None
            and match.group(4) is None
            and match.end() < len(text)
            and text[match.end()].isalpha()
        )
        if glued:  # 405B, 3B, H800: names, not amounts
            continue
        value = float(raw.replace(",", "")) * SCALES.get(scale, 1)
        digits = significant_digits(raw)
        if digits < 3:
            continue
        if not scale and "." not in raw and "," not in raw and 1900 <= value <= 2100:
            continue  # a year
        yield match.group(0).strip(), value, digits


def figures_typed(text: str, figures: dict) -> list[str]:
    """'figure_id (as typed)' for each typed number that equals a figure's value."""
    found = []
    for typed, value, digits in typed_numbers(text):
        for figure_id, figure in figures.items():
            if figure.value and math.isclose(float(f"{figure.value:.{digits}g}"), value, rel_tol=1e-9):
                found.append(f"{figure_id} ({typed})")
                break
    return found
