"""Text written on the price-history chart: each line's name at its end, and a label on a brief spike."""

from __future__ import annotations

from charts.numbers import money
from charts.schema import Data
from charts.theme import MIN_TEXT


def end_labels(ends: list[tuple[str, float]], gap: float, two_lines: bool = False) -> list[dict]:
    """Each line's name and latest price just right of where it ends, in the margin, so no label sits
    on a line; labels closer than `gap` dollars are pushed apart, upwards."""
    placed, notes = [], []
    for name, value in sorted(ends, key=lambda item: item[1]):
        y = max(value, placed[-1] + gap) if placed else value
        placed.append(y)
        notes.append(
            {
                "x": 1,
                "xref": "paper",
                "xanchor": "left",
                "xshift": 6,
                "y": y,
                "yanchor": "middle",
                "align": "left",
                "text": f"{name}:{'<br>' if two_lines else ' '}<b>{money(value)}</b>",
                "showarrow": False,
                "font": {"size": MIN_TEXT},
            }
        )
    return notes


def spike_note(data: Data, point: tuple, following: tuple) -> tuple[dict, dict, str]:
    """A label on a brief spike, naming the model and how long its price held (desk, then a narrower one
    for phones); and a sentence for the caption."""
    row = next(r for r in data.api_price_history if r.date_effective == point[0] and r.output == point[1])
    model, days = row.model.split(" (")[0].removeprefix("DeepSeek-"), (following[0] - point[0]).days
    off = f"{1 - following[1] / point[1]:.0%}" if following[1] is not None else ""
    cut = f", then {off} off" if off else ""
    note = {
        "x": point[0].isoformat(),
        "y": point[1],
        "text": f"{model}'s list price at launch, {money(point[1])},<br>held {days} days{cut}",
        "showarrow": False,
        "xanchor": "right",
        "yanchor": "top",
        "xshift": -4,
        "align": "right",
        "font": {"size": MIN_TEXT},
    }
    phone = {
        **note,
        "text": f"{model} list price<br>{money(point[1])} for {days} days" + (f",<br>then {off} off" if off else ""),
    }
    said = (
        f"The spike in {point[0]:%B %Y} is {model}'s list price at its launch, {money(point[1])}, which held "
        f"{days} days" + (f", until a {off} launch discount." if off else ".")
    )
    return note, phone, said
