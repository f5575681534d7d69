"""Dated lists drawn as SVG diagrams: a few events from data/timeline.yaml, in order, on a line.

A list rather than a chart because the events carry words, not amounts; on a phone the date sits
above each event, on a wide screen beside it. Drawn by the same machinery as charts/diagrams.py.
"""

from __future__ import annotations

import textwrap

from charts.diagrams import FONT, Diagram
from charts.fields import DataError
from charts.numbers import day
from charts.schema import Data

CHARS = {"wide": 70, "narrow": 40}  # characters per line of an event's title at FONT size
LISTS = {
    "from-fund-to-r1": (
        "lab",
        [
            "fire-flyer-2-2021-01",
            "deepseek-llm-2023-11",
            "deepseek-v2-2024-05",
            "fire-flyer-paper-2024-08",
            "deepseek-v3-2024-12",
            "deepseek-r1-2025-01",
        ],
    ),
    "after-r1": (
        "deepseek",
        [
            "open-source-week-2025-02",
            "v3-0324-2025-03",
            "r1-0528-2025-05",
            "v3-1-2025-08",
            "nature-r1-2025-09",
            "v3-2-exp-2025-09",
            "v3-2-2025-12",
            "v4-preview-2026-04",
            "v4-final-2026-08",
            "v41-flash-2026-09",
        ],
    ),
}


def months(first, last) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def gap(earlier, later) -> str:
    """The time between two events, as a reader would say it: '12 days later', '1 year 2 months later'."""
    days = (later.date - earlier.date).days
    if days < 45:
        return f"{days} day{'s' if days != 1 else ''} later"
    years, rest = divmod(round(days / 30.44), 12)
    parts = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in ((years, "year"), (rest, "month")) if n]
    return " ".join(parts) + " later"


def rows(events, layout: str) -> tuple[list[dict], float]:
    """Each event's y position and wrapped title, and the gap before it, spaced by the time it took
    (five extra lines a year, at most 2.5 years' worth); the drawing's height."""
    font, y, out = FONT[layout], 8.0, []
    for i, event in enumerate(events):
        lines = textwrap.wrap(event.title, CHARS[layout])
        if i:
            extra = font * 5 * min((event.date - events[i - 1].date).days / 365, 2.5)
            out[-1]["gap"] = {"text": gap(events[i - 1], event), "y": y + font * 0.2 + extra / 2}
            y += font * 1.5 + extra
        top = y + font * (1.3 if layout == "narrow" else 0)  # on a phone the date takes its own line
        out.append({"date": day(event.date), "y": y, "top": top, "lines": lines, "gap": None})
        y = top + font * 1.3 * len(lines) + font * 1.1
    return out, y


def event_list(data: Data, list_id: str) -> Diagram:
    kind, ids = LISTS[list_id]
    by_id = {event.id: event for event in data.timeline}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise DataError(f'data/timeline.yaml: entry "{missing[0]}" is missing (the {list_id} diagram lists it)')
    events = sorted((by_id[i] for i in ids), key=lambda e: e.date)
    first, last, n = events[0], events[-1], len(events)
    r1 = by_id.get("deepseek-r1-2025-01", first)
    title = {
        "lab": f"From a trading fund's supercomputer to R1 in {last.date.year - first.date.year} years",
        "deepseek": f"In the {months(r1.date, last.date)} months after R1, DeepSeek put out {n} releases and "
        f"milestones, about one every {months(r1.date, last.date) / n:.0f} months",
    }[kind]
    return Diagram(
        id=list_id,
        title=title,
        caption="Oldest first; the longer the wait between two events, the longer the line (not to scale: the "
        "label gives the time).",
        summary=" ".join(f"{day(e.date)}: {e.title}." for e in events),
        sources=[e.source for e in events],
        template="event-list",
        params={"kind": kind, "layouts": {layout: rows(events, layout) for layout in CHARS}},
    )


def build(data: Data) -> list[Diagram]:
    return [event_list(data, list_id) for list_id in LISTS]
