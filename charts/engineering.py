"""Doing more with less: what each engineering choice saved, each on its own panel."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.render import Chart
from charts.schema import Data, DataError
from charts.text import label, wrapped
from charts.theme import base_layout, colour


def efficiency_factors(data: Data) -> Chart:
    """Each saving on its own panel: they act on different things and must not be multiplied."""
    factors = data.training_compute.factors
    if not factors:
        raise DataError("data/training_compute.yaml: field factors is empty (the efficiency chart needs them)")
    groups = [("percent", "Percent"), ("times", "Times faster")]
    present = [(unit, title) for unit, title in groups if any(f.unit == unit for f in factors)]
    figure = make_subplots(
        rows=len(present),
        cols=1,
        subplot_titles=[title for _, title in present],
        vertical_spacing=0.18,
        row_heights=[sum(1 for f in factors if f.unit == unit) for unit, _ in present],
    )
    for row, (unit, _) in enumerate(present, start=1):
        items = [f for f in factors if f.unit == unit]
        figure.add_trace(
            go.Bar(
                x=[f.value for f in items],
                y=[wrapped(f.name, 34) for f in items],
                orientation="h",
                marker={"color": colour("deepseek")},
                meta=["deepseek"] * len(items),
                text=[f"{f.value:g}%" if unit == "percent" else f"{f.value:g}×" for f in items],
                textposition="outside",
                cliponaxis=False,
                customdata=[[label(f.explanation), f.status] for f in items],
                hovertemplate="%{customdata[0]}<br><i>%{customdata[1]}</i><extra></extra>",
                showlegend=False,
            ),
            row=row,
            col=1,
        )
        figure.update_xaxes(range=[0, max(f.value for f in items) * 1.25], automargin=True, row=row, col=1)
        figure.update_yaxes(automargin=True, autorange="reversed", row=row, col=1)
    figure.update_layout(base_layout(height=120 + 58 * len(factors), margin={"t": 30}, hoverlabel={"align": "left"}))
    figure.update_annotations(x=0, xanchor="left", font={"size": 13})  # panel titles: left, so phones keep them
    summary = (
        "The DeepSeek reports give these separate effects: "
        + "; ".join(f"{f.name}: {f.value:g}{'%' if f.unit == 'percent' else ' times'}" for f in factors)
        + ". Each applies to a different part of the work, so they cannot be multiplied into one total."
    )
    chart = Chart(
        id="efficiency-factors",
        title="Several separate savings, each measured on its own terms",
        caption="Each bar is one effect as its source reports it. They act on different things (memory, speed, "
        "compute per token), so no total is shown.",
        figure=figure,
        summary=summary,
        columns=["Effect", "Value", "Unit", "What it means", "Status"],
        rows=[[f.name, f.value, f.unit, f.explanation, f.status] for f in factors],
        cell_formats=[None, lambda v: f"{v:g}", None, None, None],
        sources=[f.source for f in factors],
    )
    chart.phone = {"height": 120 + 80 * len(factors)}
    return chart


def build(data: Data) -> list[Chart]:
    return [efficiency_factors(data)]
