"""The export-control timeline on a phone: a vertical stepper of the events the story turns on.

Static HTML, in the page from the first paint (no script): time runs down a line; each key event (a
`headline` in data/timeline.yaml) is a step with its number (the phone chart marks the same events
with it), date, lane (a mark in the actor's shape and colour, and the lane's name), headline and
meaning. A US rule says whether it tightened or loosened what China may buy (its `direction`) and how
long it was in force (`in_force_until`); a line above the steps sums up what all the US rules did, in turn. R1's release is the stepper's divider, between the events
before and after it. Colours are the --actor-* CSS variables generated from charts/theme.py.
"""

from __future__ import annotations

from charts.fields import DataError
from charts.numbers import day
from charts.render import TEMPLATES
from charts.theme import ACTORS

# The lane marks as small SVG shapes, one per marker symbol of charts/theme.py (14 x 14 view box).
SHAPES = {
    "circle": '<circle cx="7" cy="7" r="6"/>',
    "circle-open": '<circle cx="7" cy="7" r="5" fill="none" stroke="currentColor" stroke-width="2.5"/>',
    "square": '<rect x="1.5" y="1.5" width="11" height="11"/>',
    "square-open": '<rect x="2.2" y="2.2" width="9.6" height="9.6" fill="none" stroke="currentColor" stroke-width="2.5"/>',
    "line-ns-open": '<path d="M7 1V13" stroke="currentColor" stroke-width="2.5"/>',
    "triangle-up": '<path d="M7 0.8 13.4 12.6H0.6Z"/>',
    "diamond": '<path d="M7 0.5 13.5 7 7 13.5 0.5 7Z"/>',
}
# What a US rule did, in the words the stepper and the desk chart print, and its mark on both:
# filled, hollow, or a tick for an event that changed no rule.
DIRECTION_WORDS = {"tightened": "tightened", "loosened": "loosened", "unchanged": "changed no rule"}
DIRECTION_SYMBOLS = {"tightened": "square", "loosened": "square-open", "unchanged": "line-ns-open"}


def in_force(event, by_id: dict, numbers: dict[str, int]) -> str:
    """How long a rule held, from its in_force_until: the event that ended it (by its step number if it
    is a step, so no headline shows twice), or still in force."""
    if not event.in_force_until:
        return ""
    if event.in_force_until == "open":
        return "Still in force."
    end = by_id.get(event.in_force_until)
    if end is None:
        raise DataError(
            f'data/timeline.yaml: entry "{event.id}", field in_force_until: '
            f'no event "{event.in_force_until}" (give an event id or open)'
        )
    if end.id in numbers:
        return f"In force until {day(end.date)} (step {numbers[end.id]})."
    return f"In force until {day(end.date)}: {end.title}."


def direction_word(event) -> str:
    """ "tightened" or "loosened" for a US rule (the loader makes every US rule carry a direction)."""
    if event.lane != "us_rules":
        return ""
    if event.direction not in DIRECTION_WORDS:
        raise DataError(
            f'data/timeline.yaml: entry "{event.id}", field direction: '
            f"a US rule needs one of {', '.join(DIRECTION_WORDS)} (got {event.direction!r})"
        )
    return DIRECTION_WORDS[event.direction]


def symbol(event, actor: str) -> str:
    """An event's marker: its actor's shape, or for a US rule the shape of what it did."""
    if event.lane == "us_rules":
        direction_word(event)  # a US rule without a known direction stops the build here
        return DIRECTION_SYMBOLS[event.direction]
    return ACTORS[actor].symbol


def runs(events) -> list[dict]:
    """What the US rules did over time, oldest first, consecutive rules of one direction merged and those
    that changed no rule skipped: [{"direction": "tightened", "count": 6, "span": "Aug 2022 – Apr 2025"}, ...].
    The title's claim ("tightened, then loosened") and the line above the stepper both read it."""
    out: list[dict] = []
    for event in events:
        if event.lane != "us_rules" or direction_word(event) == DIRECTION_WORDS["unchanged"]:
            continue
        if out and out[-1]["direction"] == event.direction:
            out[-1].update(count=out[-1]["count"] + 1, last=event.date)
        else:
            out.append({"direction": event.direction, "count": 1, "first": event.date, "last": event.date})
    for run in out:
        run["word"] = DIRECTION_WORDS[run["direction"]]
        run["span"] = " – ".join(dict.fromkeys(f"{d:%b}\u00a0{d:%Y}" for d in (run["first"], run["last"])))
    return out


def steps(events, lanes: dict[str, tuple[str, str]], r1_id: str) -> list[dict]:
    """One step per key event, oldest first. lanes: lane key -> (lane name, actor key)."""
    by_id = {e.id: e for e in events}
    numbers = {e.id: number for number, e in enumerate((e for e in events if e.headline), start=1)}
    out = []
    for event in (e for e in events if e.headline):
        number = numbers[event.id]
        name, actor = lanes[event.lane]
        out.append(
            {
                "number": number,
                "date": day(event.date),
                "iso": event.date.isoformat(),
                "lane": name,
                "actor": actor.replace("_", "-"),
                "shape": SHAPES[symbol(event, actor)],
                "headline": event.headline,
                "meaning": event.meaning,
                "direction": event.direction if event.lane == "us_rules" else "",
                "direction_word": direction_word(event),
                "in_force": in_force(event, by_id, numbers),
                "r1": event.id == r1_id,
            }
        )
    return out


def stepper_html(events, lanes: dict[str, tuple[str, str]], r1_id: str) -> str:
    found = steps(events, lanes, r1_id)
    html = TEMPLATES.get_template("timeline-stepper.html.j2").render(steps=found, runs=runs(events))
    return "\n".join(line for line in html.splitlines() if line.strip())
