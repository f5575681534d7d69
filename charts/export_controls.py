"""The export-control timeline: US rules, Nvidia's China chips, DeepSeek's releases, markets.

The few events the story turns on (those with a `headline` in data/timeline.yaml) are labelled;
the rest are small dots to hover. A line marks R1's release; bands show how long each rule was in
force (`in_force_until`). On a phone the same key events also come as a list above the chart.
"""

from __future__ import annotations

import datetime as dt
import json

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day
from charts.render import TEMPLATES, Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, axis, base_layout

# Short lane names: they sit beside the plot and must leave room for it on a phone. Top to bottom.
LANES = [
    ("us_rules", "US rules", "us_government"),
    ("china_rules", "China rules", "other"),
    ("nvidia_chips", "Nvidia chips", "nvidia"),
    ("deepseek", "DeepSeek", "deepseek"),
    ("markets", "Markets", "other"),
]
LANE_NAMES = {key: name for key, name, _ in LANES}
LANE_Y = {key: len(LANES) - 1 - index for index, (key, _, _) in enumerate(LANES)}  # top lane highest
R1 = "deepseek-r1-2025-01"


def periods(first: dt.date, last: dt.date) -> dict[str, tuple[str, str]]:
    """Zoom choices as date ranges (keyboard-friendly buttons instead of Plotly's range selector)."""
    end = (last + dt.timedelta(days=75)).isoformat()  # just past the latest event, not into empty months
    return {
        "Since the 2022 rules": ("2022-01-01", end),
        "All": (f"{first.year - 1}-07-01", end),
        "Last 12 months": ((last - dt.timedelta(days=365)).isoformat(), end),
    }


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


def rule_bands(events, end: str) -> list[dict]:
    """A shaded band in the rules lane for each rule, from its date until the event that ended it."""
    by_id = {e.id: e for e in events}
    bands = []
    for event in events:
        if not event.in_force_until:
            continue
        shade = 0.16 if len(bands) % 2 == 0 else 0.3  # neighbouring rules told apart by shade
        if event.in_force_until != "open" and event.in_force_until not in by_id:
            raise DataError(
                f'data/timeline.yaml: entry "{event.id}", field in_force_until: '
                f'no event "{event.in_force_until}" (give an event id or open)'
            )
        until = end if event.in_force_until == "open" else by_id[event.in_force_until].date.isoformat()
        actor = dict((k, a) for k, _, a in LANES)[event.lane]
        y = LANE_Y[event.lane]
        bands.append(
            {
                "type": "rect",
                "name": actor,  # the actor whose colour it takes (checked by the palette test)
                "xref": "x",
                "yref": "y",
                "x0": event.date.isoformat(),
                "x1": until,
                "y0": y - 0.32,
                "y1": y + 0.32,
                "fillcolor": ACTORS[actor].colour,
                "opacity": shade,
                "line": {"width": 0},
                "layer": "below",
            }
        )
    return bands


def export_controls_timeline(data: Data) -> Chart:
    events = sorted(data.timeline, key=lambda e: (e.date, e.id))
    sources = {s.id: s for s in data.sources.values()}
    r1 = next((e for e in events if e.id == R1), None)
    if r1 is None:
        raise DataError(f'data/timeline.yaml: entry "{R1}" is missing (the timeline marks R1\'s release)')
    positions = label_positions(events)
    traces = []
    for lane, name, actor in LANES:
        lane_events = [e for e in events if e.lane == lane]
        if not lane_events:
            continue
        traces.append(
            go.Scatter(
                name=name,
                x=[e.date.isoformat() for e in lane_events],
                y=[LANE_Y[lane]] * len(lane_events),
                mode="markers+text",
                meta=[actor] * len(lane_events),
                marker={
                    "color": ACTORS[actor].colour,
                    "size": [15 if e.headline else 8 for e in lane_events],
                    "opacity": [1 if e.headline else 0.55 for e in lane_events],
                    "symbol": ACTORS[actor].symbol,
                },
                text=[label(e.headline or "") for e in lane_events],
                textposition=[positions.get(e.id, "top center") for e in lane_events],
                textfont={"size": 13},
                cliponaxis=False,
                customdata=[
                    [label(e.title), label(e.meaning), label(sources[e.source].producer), e.status] for e in lane_events
                ],
                hovertemplate=(
                    "<b>%{customdata[0]}</b><br>%{x|%-d %b %Y}<br>%{customdata[1]}"
                    "<br><i>Source: %{customdata[2]} (%{customdata[3]})</i><extra></extra>"
                ),
            )
        )
    first, last = events[0].date, events[-1].date
    spans = periods(first, last)
    default = next(iter(spans.values()))
    r1_line = {
        "type": "line",
        "name": "deepseek",
        "xref": "x",
        "yref": "paper",
        "x0": r1.date.isoformat(),
        "x1": r1.date.isoformat(),
        "y0": 0,
        "y1": 1,
        "line": {"color": ACTORS["deepseek"].colour, "width": 2, "dash": "dot"},
    }
    r1_note = {
        "x": r1.date.isoformat(),
        "xref": "x",
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": f"<b>{label(r1.headline or r1.title)} released, {day(r1.date)}</b>",
        "showarrow": False,
        "font": {"size": 13},
    }
    layout = base_layout(
        height=440,
        hovermode="closest",
        hoverlabel={"align": "left"},
        margin={"t": 30},
        shapes=rule_bands(events, spans["All"][1]) + [r1_line],
        annotations=[r1_note],
        xaxis=axis("", type="date", range=list(default)),
        yaxis=axis(
            "",
            range=[-0.6, len(LANES) - 0.4],
            tickvals=[LANE_Y[key] for key, _, _ in LANES],
            ticktext=[name for _, name, _ in LANES],
            showgrid=False,
        ),
    )
    rules = [e for e in events if e.lane == "us_rules"]
    key = [e for e in events if e.headline]
    summary = (
        f"The timeline holds {len(events)} dated events from {first:%B %Y} to {last:%B %Y}, in {len(LANES)} lanes: "
        + ", ".join(f"{sum(1 for e in events if e.lane == lane)} in “{name}”" for lane, name, _ in LANES)
        + ". The labelled ones: "
        + "; ".join(f"{day(e.date)}, {e.headline}" for e in key)
        + ". "
        + (
            f"The first US rule shown is “{rules[0].title}” ({day(rules[0].date)}); "
            f"the latest is “{rules[-1].title}” ({day(rules[-1].date)})."
            if rules
            else ""
        )
    )
    controls = TEMPLATES.get_template("timeline-controls.html.j2").render(
        lanes=[trace.name for trace in traces],
        periods=[(name, json.dumps(list(span))) for name, span in spans.items()],
        steps=[(day(e.date), LANE_NAMES[e.lane], e.headline, e.meaning) for e in key],
    )
    chart = Chart(
        id="export-controls-timeline",
        title="US chip rules tightened, then loosened, while DeepSeek kept releasing models",
        caption="Large markers are the events the story turns on; small ones are the rest. Shading shows how "
        "long a rule was in force; the dotted line is R1's release.",
        hint="Hover or tap a marker for what it meant and who reports it; choose the lanes and the period "
        "above the chart.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Date", "Lane", "Event", "What it meant", "Status", "Source"],
        rows=[
            [e.date.isoformat(), LANE_NAMES[e.lane], e.title, e.meaning, e.status, sources[e.source].title]
            for e in events
        ],
        sources=[e.source for e in events],
        controls_html=controls,
    )
    # On a phone: the months around R1; the list above the chart tells the whole story.
    chart.phone = {
        "height": 420,
        "xaxis": {
            "range": [(r1.date - dt.timedelta(days=120)).isoformat(), (r1.date + dt.timedelta(days=240)).isoformat()],
            "nticks": 4,
        },
        # Lane names go under their lanes, so the plot keeps the full width.
        "yaxis": {"showticklabels": False},
        "margin": {"t": 34, "l": 4},
        "annotations": [{**r1_note, "text": f"<b>{label(r1.headline or r1.title)}</b>"}]
        + [
            {
                "x": 0,
                "xref": "paper",
                "xanchor": "left",
                "y": LANE_Y[key],
                "yref": "y",
                "yanchor": "top",
                "yshift": -10,
                "text": f"<i>{name}</i>",
                "showarrow": False,
                "font": {"size": 12},
            }
            for key, name, _ in LANES
        ],
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [export_controls_timeline(data)]
