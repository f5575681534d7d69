"""The export-control timeline: US rules, Nvidia's China chips, DeepSeek's releases, markets.

The few events the story turns on (those with a `headline` in data/timeline.yaml) are labelled;
the rest are small dots to hover. A line marks R1's release; bands show how long each rule was in
force (`in_force_until`). Each US rule's mark says what it did (`direction`): a filled square
tightened what China may buy, a hollow one loosened it, a tick changed no rule; the key rules' labels
say it in words. On a phone the picture is a vertical stepper of the key events (charts/timeline_steps.py),
and the chart, marking each with its step's number, shows when the reader asks for all events. On a
laptop the chart is wider than the text column.
"""

from __future__ import annotations

import datetime as dt
import json

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day
from charts.render import TEMPLATES, WIDE_WIDTH, Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, axis, base_layout
from charts.timeline_labels import key_labels, rule_bands
from charts.timeline_steps import DIRECTION_WORDS, direction_word, runs, stepper_html, symbol

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
# Text on the wide desk picture: it shrinks by about a third on paper and on a tablet.
DESK_TEXT = 15


def rules_key(size: int) -> str:
    """The US lane's key to its marks, drawn with the same shapes in the actor's colour."""
    colour = ACTORS["us_government"].colour
    return (
        f'<span style="font-size:{size}px"><span style="color:{colour}">■</span> {DIRECTION_WORDS["tightened"]}  '
        f'<span style="color:{colour}">□</span> {DIRECTION_WORDS["loosened"]}<br>'
        f'<span style="color:{colour}">|</span> {DIRECTION_WORDS["unchanged"]}</span>'
    )


def periods(first: dt.date, last: dt.date) -> dict[str, tuple[str, str]]:
    """Zoom choices as date ranges (keyboard-friendly buttons instead of Plotly's range selector)."""
    end = (last + dt.timedelta(days=75)).isoformat()  # just past the latest event, not into empty months
    return {
        "Since the 2022 rules": ("2022-01-01", end),
        "All": (f"{first.year - 1}-07-01", end),
        "Last 12 months": ((last - dt.timedelta(days=365)).isoformat(), end),
    }


def export_controls_timeline(data: Data) -> Chart:
    events = sorted(data.timeline, key=lambda e: (e.date, e.id))
    sources = {s.id: s for s in data.sources.values()}
    r1 = next((e for e in events if e.id == R1), None)
    if r1 is None:
        raise DataError(f'data/timeline.yaml: entry "{R1}" is missing (the timeline marks R1\'s release)')
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
                mode="markers",
                meta=[actor] * len(lane_events),
                marker={
                    "color": ACTORS[actor].colour,
                    "size": [15 if e.headline else 9 for e in lane_events],
                    # Full colour for the key events and every hollow mark (a thin ring fades on a dark page).
                    "opacity": [1 if e.headline or "open" in symbol(e, actor) else 0.8 for e in lane_events],
                    "symbol": [symbol(e, actor) for e in lane_events],
                    "line": {
                        "color": ACTORS[actor].colour,
                        "width": [2 if "open" in symbol(e, actor) else 0 for e in lane_events],
                    },
                },
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
        "font": {"size": DESK_TEXT},
    }
    layout = base_layout(
        height=440,
        hovermode="closest",
        hoverlabel={"align": "left"},
        margin={"t": 30},
        shapes=rule_bands(events, spans["All"][1], LANES, LANE_Y) + [r1_line],
        annotations=[r1_note] + key_labels(events, LANE_Y, r1.date, size=DESK_TEXT),
        font={"size": DESK_TEXT},
        xaxis=axis("", type="date", range=list(default)),
        yaxis=axis(
            "",
            range=[-0.6, len(LANES) - 0.4],
            tickvals=[LANE_Y[key] for key, _, _ in LANES],
            ticktext=[f"{name}<br>{rules_key(12)}" if key == "us_rules" else name for key, name, _ in LANES],
            showgrid=False,
        ),
    )
    rules = [e for e in events if e.lane == "us_rules"]
    key = [e for e in events if e.headline]
    summary = (
        f"The timeline holds {len(events)} dated events from {first:%B %Y} to {last:%B %Y}, in {len(LANES)} lanes: "
        + ", ".join(f"{sum(1 for e in events if e.lane == lane)} in “{name}”" for lane, name, _ in LANES)
        + ". "
        + (
            f"The chart starts in {dt.date.fromisoformat(default[0]):%B %Y}; the table also lists the "
            f"{len(earlier)} earlier events. "
            if (earlier := [e for e in events if e.date.isoformat() < default[0]])
            else ""
        )
        + "The labelled ones: "
        + "; ".join(f"{day(e.date)}, {e.headline}" for e in key)
        + ". "
        + (
            f"The first US rule shown is “{rules[0].title}” ({day(rules[0].date)}); "
            f"the latest is “{rules[-1].title}” ({day(rules[-1].date)})."
            if rules
            else ""
        )
        + " Of the {} US events, {} tightened what China may buy, {} loosened it and {} {}.".format(
            len(rules),
            *(sum(1 for e in rules if e.direction == way) for way in DIRECTION_WORDS),
            DIRECTION_WORDS["unchanged"],
        )
    )
    controls = TEMPLATES.get_template("timeline-controls.html.j2").render(
        lanes=[trace.name for trace in traces],
        periods=[(name, json.dumps(list(span))) for name, span in spans.items()],
    )
    chart = Chart(
        id="export-controls-timeline",
        title=f"US chip rules {', then '.join(run['word'] for run in runs(events))}, while DeepSeek kept releasing models",
        caption="Large markers are the events the story turns on; small ones are the rest. US rules: a filled "
        "square tightened what China may buy, a hollow one loosened it, a tick changed no rule. Shading shows how long a rule was in "
        "force; the dotted line is R1's release.",
        hint="Hover or tap a marker for what it meant and who reports it; choose the lanes and the period "
        "above the chart.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Date", "Lane", "Event", "US rule", "What it meant", "Status", "Source"],
        rows=[
            [
                e.date.isoformat(),
                LANE_NAMES[e.lane],
                e.title,
                direction_word(e) or None,
                e.meaning,
                e.status,
                sources[e.source].title,
            ]
            for e in events
        ],
        sources=[e.source for e in events],
        controls_html=controls,
        desk_width=WIDE_WIDTH,  # wider than the text column on a laptop: the years need the room
        narrow_html=stepper_html(events, {key: (name, actor) for key, name, actor in LANES}, R1),
        narrow_more=f"Show all {len(events)} events on the chart",
    )
    # On a phone (behind "Show all events"): the same period as the controls show, each key event marked
    # with its number in the stepper (a headline would not fit beside its neighbours).
    chart.phone = {
        "height": 420,
        "xaxis": {"nticks": 5},
        # Lane names go under their lanes, so the plot keeps the full width.
        "yaxis": {"showticklabels": False},
        "margin": {"t": 34, "l": 4},
        "font": {"size": 13},
        "annotations": [{**r1_note, "text": f"<b>{label(r1.headline or r1.title)}</b>", "font": {"size": 13}}]
        + key_labels(events, LANE_Y, r1.date, numbered=True)
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
