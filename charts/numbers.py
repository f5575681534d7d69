"""How numbers are printed: one place, so prose, tables and charts agree."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def trim(value: float, decimals: int = 3) -> str:
    """1.500 -> '1.5', 2.0 -> '2', with thousands separators."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def sci(value: float) -> str:
    """3.4e24 -> '3.4 × 10²⁴' (three significant digits, half up, as calculators.js prints it)."""
    exact = Decimal(value)
    exponent = exact.adjusted()
    mantissa = exact.scaleb(-exponent).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if mantissa >= 10:  # 9.995 rounds up to the next power of ten
        exponent, mantissa = exponent + 1, Decimal(1)
    return f"{trim(float(mantissa), 2)} × 10{str(exponent).translate(SUPERSCRIPT)}"


def money(value: float) -> str:
    """Dollars, the one rule the site uses (docs/javascripts/calculators.js has the same, and a test
    compares the two on the same values): whole dollars from $100 ($1,234); cents below, left off a
    whole amount ($2, $2.19, $0.55); two significant digits under ten cents ($0.014, $0.00012).
    Rounding is half up, as JavaScript's toFixed does."""
    if value < 0:
        return "-" + money(-value)
    if value == 0:
        return "$0"
    if value >= 99.5:
        return f"${_rounded(value, 0):,.0f}"
    if value >= 0.095:
        cents = _rounded(value, 2)
        return f"${cents:,.0f}" if cents == int(cents) else f"${cents:,.2f}"
    decimals = 1 - math.floor(math.log10(value))
    return "$" + f"{_rounded(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")


def _rounded(value: float, decimals: int) -> Decimal:
    return Decimal(value).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def format_value(value: float, style: str) -> str:
    """Render a value in one of the formats listed in data/README.md."""
    scaled = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
    if style == "number":
        return trim(value, 2)
    if style == "year":
        return str(int(value))
    if style == "usd":
        return money(value)
    if style == "usd_million":
        return f"${trim(value / 1e6)} million"
    if style == "usd_billion":
        return f"${trim(value / 1e9, 2)} billion"
    if style == "usd_trillion":
        return f"${trim(value / 1e12, 2)} trillion"
    if style in scaled:
        return f"{trim(value / scaled[style])} {style}"
    if style == "percent":
        return f"{trim(value, 2)}%"
    if style == "sci":
        return sci(value)
    if style == "times":
        return f"{trim(value, 2)}×"
    raise ValueError(f"unknown format {style!r}")


def day(date) -> str:
    """27 January 2025 (no leading zero)."""
    return f"{date.day} {date:%B %Y}"


def compact_money(value: float) -> str:
    for size, word in ((1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if value >= size:
            return f"${trim(value / size, 3)} {word}"
    return money(value)


@dataclass(frozen=True)
class Computed:
    """A number we worked out from other data: its text and the (source id, status) of each input."""

    text: str
    cites: list[tuple[str, str]]


def short_money(value: float, words: bool = False) -> str:
    """Chart labels: $5.6M, $1.6B, $294k, $79M (two significant digits, three from 100 up).

    With words: $5.6 million, for titles."""
    for size, suffix, word in (
        (1e12, "T", "trillion"),
        (1e9, "B", "billion"),
        (1e6, "M", "million"),
        (1e3, "k", "thousand"),
    ):
        if value >= size:
            mantissa = value / size
            number = trim(float(f"{mantissa:.{3 if mantissa >= 100 else 2}g}"), 2)
            return f"${number} {word}" if words else f"${number}{suffix}"
    return money(value)


def about(value: float) -> str:
    """A ratio rounded to two significant figures for a headline: 286.9 -> '290', 11.5 -> '12'."""
    return f"{float(f'{value:.2g}'):,.0f}" if value >= 10 else trim(float(f"{value:.2g}"), 1)
