"""The export-control timeline: US rules, Nvidia's China chips, DeepSeek's releases, markets."""

from __future__ import annotations

import datetime as dt
import json

import plotly.graph_objects as go

from charts.numbers import day
from charts.render import TEMPLATES, Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, axis, base_layout

# Short lane names: they sit beside the plot and must leave room for it on a phone.
LANES = [
    ("us_rules", "US rules", "us_government"),
    ("nvidia_chips", "Nvidia chips", "nvidia"),
    ("deepseek", "DeepSeek", "deepseek"),
    ("markets", "Markets", "other"),
]
LANE_NAMES = {key: name for key, name, _ in LANES}


def periods(first: dt.date, last: dt.date) -> dict[str, tuple[str, str]]:
    """Zoom choices as date ranges (keyboard-friendly buttons instead of Plotly's range selector)."""
    end = (last + dt.timedelta(days=75)).isoformat()  # just past the latest event, not into empty months
    return {
        "All": (f"{first.year - 1}-07-01", end),
        "Since the 2022 rules": ("2022-01-01", end),
        "Last 12 months": ((last - dt.timedelta(days=365)).isoformat(), end),
    }


def export_controls_timeline(data: Data) -> Chart:
    events = sorted(data.timeline, key=lambda e: (e.date, e.id))
    sources = {s.id: s for s in data.sources.values()}
    traces = []
    for lane, name, actor in LANES:
        lane_events = [e for e in events if e.lane == lane]
        if not lane_events:
            continue
        traces.append(
            go.Scatter(
                name=name,
                x=[e.date.isoformat() for e in lane_events],
                y=[name] * len(lane_events),
                mode="markers",
                meta=[actor] * len(lane_events),
                marker={
                    "color": ACTORS[actor].colour,
                    "size": 13,
                    "symbol": ACTORS[actor].symbol,
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
    layout = base_layout(
        height=400,
        hovermode="closest",
        hoverlabel={"align": "left"},
        xaxis=axis(
            "",
            type="date",
            range=list(periods(first, last)["All"]),
        ),
        yaxis=axis("", categoryorder="array", categoryarray=[name for _, name, _ in reversed(LANES)], fixedrange=True),
        margin={"t": 16},
    )
    counts = {name: sum(1 for e in events if e.lane == lane) for lane, name, _ in LANES}
    rules = [e for e in events if e.lane == "us_rules"]
    summary = (
        f"The timeline holds {len(events)} dated events from {first:%B %Y} to {last:%B %Y}: "
        + ", ".join(f"{count} in “{name}”" for name, count in counts.items())
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
        periods=[(name, json.dumps(list(span))) for name, span in periods(first, last).items()],
    )
    chart = Chart(
        id="export-controls-timeline",
        title="US chip rules tightened step by step while DeepSeek kept releasing models",
        caption="Each marker is one dated event in one of four lanes.",
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
    chart.phone = {"height": 460}
    return chart


def build(data: Data) -> list[Chart]:
    return [export_controls_timeline(data)]
