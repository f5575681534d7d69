"""Find numbers typed into prose that the data already holds, in any spelling a writer might use:
"2,788,000 GPU-hours", "2.788 million", "$5.576M", "5.576 million dollars", "2.19 dollars", "79.8%",
and short ones that carry a unit: "$8 billion", "$60", "8.9%", "$60-65 billion".

A typed number matches a figure when the figure, rounded to as many significant digits as were typed,
equals it. A number with fewer than three significant digits is too common to judge on its own, so it
is checked only when it carries a dollar sign, a percent sign or a scale word, and then only against
figures of the same kind (dollars, percentages, other amounts) whose value it equals exactly. Bare
years are skipped; "405B" glued to its B is a model's name (Llama 3.1 405B), not an amount.
"""

from __future__ import annotations

import math
import re

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
SCALE = r"thousand|million|billion|trillion|bn|tn"
NUMBER = re.compile(
    r"(?<![\w.,])(\$\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"(?:\s?({SCALE})\b|(k|m)\b|\s?(%|per ?cent\b)|(?=[A-Za-z]))?",
    re.I,
)
# "$60-65 billion": the first number of a range takes the scale written after the second.
RANGE = re.compile(rf"(\$?\d[\d,.]*)\s?[-–]\s?(\$?\d[\d,.]*\s?({SCALE})\b)", re.I)
DOLLARS_AFTER = re.compile(r"\s?dollars?\b", re.I)
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
    """(as typed, value, significant digits, kind) for each number in prose worth checking.
    kind is "usd", "percent", "scaled" (a scale word, no currency) or None (a bare number)."""
    text = LINK_TARGET.sub(" ", MACRO.sub(" ", text))
    text = RANGE.sub(lambda m: f"{m.group(1)} {m.group(3)} to {m.group(2)}", text)
    for match in NUMBER.finditer(text):
        raw = match.group(2)
        scale = (match.group(3) or match.group(4) or "").lower()
        percent = match.group(5) is not None
        glued = (
            not scale
            and not percent
            and match.end() < len(text)
            and text[match.end()].isalpha()
            and not DOLLARS_AFTER.match(text, match.end())
        )
        if glued:  # 405B, 3B, H800: names, not amounts
            continue
        value = float(raw.replace(",", "")) * SCALES.get(scale, 1)
        digits = significant_digits(raw)
        if match.group(1) or DOLLARS_AFTER.match(text, match.end()):
            kind = "usd"
        elif percent:
            kind = "percent"
        else:
            kind = "scaled" if scale else None
        if digits < 3 and kind is None:
            continue
        if kind is None and "." not in raw and "," not in raw and 1900 <= value <= 2100:
            continue  # a year
        yield match.group(0).strip(), value, digits, kind


def same_kind(kind: str | None, figure) -> bool:
    fmt = figure.format or ""
    if kind == "usd":
        return fmt.startswith("usd")
    if kind == "percent":
        return fmt == "percent"
    return fmt != "percent"


def figures_typed(text: str, figures: dict) -> list[str]:
    """'figure_id (as typed)' for each typed number that equals a figure's value."""
    found = []
    for typed, value, digits, kind in typed_numbers(text):
        for figure_id, figure in figures.items():
            if not figure.value:
                continue
            if digits >= 3:
                hit = math.isclose(float(f"{figure.value:.{digits}g}"), value, rel_tol=1e-9)
            else:
                hit = same_kind(kind, figure) and math.isclose(figure.value, value, rel_tol=1e-9)
            if hit:
                found.append(f"{figure_id} ({typed})")
                break
    return found
