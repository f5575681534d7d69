"""Labels and shaded periods of the export-control timeline, placed so neighbours do not collide.

The key events' labels are layout annotations rather than trace text, so the phone layout can swap
them: on a desk each key event carries its headline; on a phone, where a headline would not fit
beside its neighbours, it carries its number in the stepper of key events (charts/timeline_steps.py).
Every label sits at its lane's height (yref "y"), which is how the lane controls hide a lane's
labels and bands with its markers.
"""

from __future__ import annotations

from charts.fields import DataError
from charts.text import label
from charts.theme import ACTORS
from charts.timeline_steps import direction_word

LABEL_GAP = 9  # px between a key event's marker and its label
NEAR_LINE = 120  # days: a label centred this close to the R1 line would be crossed by it


def label_positions(events) -> dict[str, str]:
    """Where each key event's label goes, so neighbours in a lane do not overlap, nor run off the end."""
    positions, previous, last = {}, {}, events[-1].date
    for event in events:
        if not event.headline:
            continue
        before = previous.get(event.lane)
        if before and (event.date - before.date).days < 90:  # very close: split left and right
            positions[before.id], positions[event.id] = "top left", "top right"
        elif before and (event.date - before.date).days < 500 and positions[before.id] == "top center":
            positions[event.id] = "bottom center"
        else:
            positions[event.id] = "top center"
        previous[event.lane] = event
    for event_id, position in positions.items():
        if (last - next(e for e in events if e.id == event_id).date).days < 200:
            positions[event_id] = position.replace("center", "left")
    return positions


def headline(event) -> str:
    """A key event's label: its headline, and for a US rule what it did ("First US chip rule · tightened")."""
    word = direction_word(event)
    return label(event.headline) + (f" · <b>{word}</b>" if word else "")


def key_labels(events, lane_y: dict[str, int], line, numbered: bool = False, size: int = 13) -> list[dict]:
    """An annotation per key event: its headline, or (numbered) its place in the list of key events.

    line: the date of the dotted line (R1's release); a label near it turns away from it.
    """
    positions = label_positions(events)
    key = [e for e in events if e.headline]
    notes = []
    for number, event in enumerate(key, start=1):
        vertical, horizontal = positions[event.id].split()
        days = (event.date - line).days
        if horizontal == "center" and 0 <= days < NEAR_LINE:
            horizontal = "right"
        elif horizontal == "center" and -NEAR_LINE < days < 0:
            horizontal = "left"
        notes.append(
            {
                "x": event.date.isoformat(),
                "xref": "x",
                "y": lane_y[event.lane],
                "yref": "y",
                # "top left" puts the text to the left of the marker: its right edge at the marker.
                "xanchor": {"left": "right", "center": "center", "right": "left"}[horizontal],
                "xshift": {"left": -4, "center": 0, "right": 4}[horizontal],
                "yanchor": "bottom" if vertical == "top" else "top",
                "yshift": LABEL_GAP if vertical == "top" else -LABEL_GAP,
                "text": f"<b>{number}</b>" if numbered else headline(event),
                "showarrow": False,
                "font": {"size": size},
            }
        )
    return notes


def rule_bands(events, end: str, lanes: list[tuple[str, str, str]], lane_y: dict[str, int]) -> list[dict]:
    """A shaded band in the rules lane for each rule, from its date until the event that ended it.

    A grey band (China's rules) is also outlined in full colour: a faint grey fill all but vanishes on
    the dark page, while the palette keeps every actor's colour at 3:1 on both. The other bands keep
    no outline, which would cross the key events' labels in their lane."""
    by_id = {e.id: e for e in events}
    actors = {key: actor for key, _, actor in lanes}
    bands, filled = [], 0
    for event in events:
        if not event.in_force_until:
            continue
        shade = 0.16 if filled % 2 == 0 else 0.3  # neighbouring rules told apart by shade
        filled += 1
        if event.in_force_until != "open" and event.in_force_until not in by_id:
            raise DataError(
                f'data/timeline.yaml: entry "{event.id}", field in_force_until: '
                f'no event "{event.in_force_until}" (give an event id or open)'
            )
        until = end if event.in_force_until == "open" else by_id[event.in_force_until].date.isoformat()
        actor = actors[event.lane]
        y = lane_y[event.lane]
        band = {
            "type": "rect",
            "name": actor,  # the actor whose colour it takes (checked by the palette test)
            "xref": "x",
            "yref": "y",
            "x0": event.date.isoformat(),
            "x1": until,
            "y0": y - 0.32,
            "y1": y + 0.32,
            "layer": "below",
        }
        bands.append({**band, "fillcolor": ACTORS[actor].colour, "opacity": shade, "line": {"width": 0}})
        if actor == "other":
            bands.append({**band, "line": {"color": ACTORS[actor].colour, "width": 1.5}})
    return bands
