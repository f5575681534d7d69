"""Words on and about the price-history chart: labels at the line's turning points and its other steps,
the label on a list price that held only days, and a sentence per price series for the "In words" summary."""

from __future__ import annotations

import re

from charts.numbers import day, money
from charts.schema import Data
from charts.theme import MIN_TEXT


def short_model(name: str) -> str:
    """ "DeepSeek-V4-Pro-0813, peak hours" -> "V4-Pro"; "DeepSeek-V4-Flash (preview)" -> "V4-Flash"."""
    name = name.split(" (")[0].split(",")[0].removeprefix("DeepSeek-")
    return re.sub(r"-\d{4}$", "", name)


def note(x, y: float, text: str, xanchor: str, yanchor: str, **extra) -> dict:
    return {
        "x": x,
        "y": y,
        "text": text,
        "showarrow": False,  # an arrow's colour cannot follow the dark scheme
        "xanchor": xanchor,
        "yanchor": yanchor,
        "align": xanchor if xanchor != "center" else "center",
        "font": {"size": MIN_TEXT},
        **extra,
    }


def turning_labels(line: list[tuple], low: tuple, cut: float, end) -> tuple[list[dict], list[dict]]:
    """Labels at the line's start, its lowest price and its end (desk, then phone): the three points
    the chart's point turns on."""
    start, last = line[0], line[-1]
    now = f"{short_model(last[3])} now, at busy hours"
    desk = [
        note(
            start[0].isoformat(),
            start[1],
            f"{short_model(start[3])} at launch: <b>{money(start[1])}</b>",
            "left",
            "bottom",
            yshift=4,
        ),
        note(end.isoformat(), last[1], f"{now}: <b>{money(last[1])}</b>", "right", "bottom", yshift=4),
    ]
    phone = [
        {**desk[0], "text": f"{short_model(start[3])} at launch:<br><b>{money(start[1])}</b>"},
        {**desk[1], "text": f"{now}:<br><b>{money(last[1])}</b>"},
    ]
    if cut and low is not start and low is not last:
        cuts = cuts_to(line, low)
        steps = f" in {COUNT.get(cuts, cuts)} steps" if cuts > 1 else ""
        desk.append(
            note(
                low[0].isoformat(),
                low[1],
                f"Cut {cut:.0%}{steps} to <b>{money(low[1])}</b>",
                "left",
                "bottom",
                xshift=4,
                yshift=4,
            )
        )
        phone.append(
            {
                **desk[-1],
                "text": f"Cut {cut:.0%}<br>{steps.strip()}<br>to <b>{money(low[1])}</b>".replace("<br><br>", "<br>"),
            }
        )
    return desk, phone


COUNT = {2: "two", 3: "three", 4: "four", 5: "five"}


def cuts_to(line: list[tuple], low: tuple) -> int:
    """How many steps down the line took from its start to its lowest price."""
    upto = line[: line.index(low) + 1]
    return sum(1 for before, after in zip(upto, upto[1:]) if after[1] < before[1])


def step_labels(line: list[tuple], low: tuple) -> tuple[list[dict], list[dict]]:
    """A plain price (no bold, no words) at every step of the line that the turning labels leave out,
    so a cut in two steps reads as two steps (desk, then phone: the same labels)."""
    labels = []
    for before, point in zip(line, line[1:-1]):
        if point is low or point[1] == before[1]:  # a change at quiet hours only leaves the line level
            continue
        if point[1] < before[1]:  # a step down: the price left of the drop, under the higher line
            labels.append(note(point[0].isoformat(), point[1], money(point[1]), "right", "middle", xshift=-5))
        else:  # a step up: the price on top of the new level
            labels.append(note(point[0].isoformat(), point[1], money(point[1]), "left", "bottom", xshift=4, yshift=2))
    return labels, [dict(n) for n in labels]


def spike_note(data: Data, point: tuple, following: tuple) -> tuple[dict, dict, str]:
    """The label beside the hollow dot of a list price that held only days (desk, then phone), and a
    sentence for the caption. "About" when the day the next price began is not pinned down."""
    model, days = short_model(point[3]), (following[0] - point[0]).days
    ended_by = [r for r in data.api_price_history if r.date_effective == following[0] and r.output == following[1]]
    about = "about " if any(r.uncertain for r in ended_by) else ""
    off = f"{1 - following[1] / point[1]:.0%}" if following[1] is not None else ""
    desk = note(
        point[0].isoformat(),
        point[1],
        f"{model}'s list price at launch, <b>{money(point[1])}</b>,<br>charged for {about}{days} days"
        + (f", then {off} off" if off else ""),
        "right",
        "middle",
        xshift=-10,
    )
    phone = {
        **desk,
        "text": f"{model}'s launch list price,<br><b>{money(point[1])}</b>, for {about}{days} days"
        + (f";<br>then {off} off" if off else ""),
    }
    said = f"Hollow dot: {model}'s list price at its launch, {money(point[1])}, charged for {about}{days} days" + (
        f" until a {off} launch discount." if off else "."
    )
    return desk, phone, said


def series_words(name: str, points: list[tuple], which: int) -> str:
    """One price series in a sentence: where it started, its lowest and highest, where it ends."""
    values = [(p[which], p[0]) for p in points]
    lowest, highest = min(values), max(values, key=lambda v: (v[0], -v[1].toordinal()))
    return (
        f"{name} cost {money(values[0][0])} at first, {money(lowest[0])} at its lowest (from {day(lowest[1])}), "
        f"{money(highest[0])} at its highest (from {day(highest[1])}) and {money(values[-1][0])} last."
    )
