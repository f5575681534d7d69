"""The compute multiplier: how much training compute each model used, and the recipe that estimates it."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import Computed, sci
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, actor_of, axis, base_layout, colour, colour_key, log_axis

BASELINE, CHALLENGER = "llama-3-1-405b", "deepseek-v3"


def compute_of(data: Data, model_id: str):
    for row in data.training_compute.models:
        if row.id == model_id:
            return row
    raise DataError(f'data/training_compute.yaml: entry "{model_id}" is missing (the multiplier is computed from it)')


def multiplier(data: Data) -> float:
    """How many times more training compute Llama 3.1 405B used than DeepSeek-V3."""
    return compute_of(data, BASELINE).flop / compute_of(data, CHALLENGER).flop


def training_compute(data: Data) -> Chart:
    rows = sorted(data.training_compute.models, key=lambda m: m.flop)
    names = [label(m.model) for m in rows]
    has_range = [m.flop_low is not None and m.flop_high is not None for m in rows]
    # A dot plot, not bars: on a log axis a bar's length depends on where the axis starts.
    actors = [actor_of(m.developer) for m in rows]
    trace = go.Scatter(
        x=[m.flop for m in rows],
        y=names,
        mode="markers+text",
        marker={
            "color": [colour(a) for a in actors],
            "symbol": [ACTORS[a].symbol for a in actors],
            "size": 14,
            "line": {"width": 2, "color": [colour(a) for a in actors]},
        },
        meta=actors,
        text=[sci(m.flop) for m in rows],
        textposition="top center",
        cliponaxis=False,
        customdata=[[m.status, label(data.sources[m.source].producer)] for m in rows],
        hovertemplate="%{y}: %{x:.2e} FLOP<br>%{customdata[0]} by %{customdata[1]}<extra></extra>",
        showlegend=False,
    )
    # Whiskers only where the source gives a range (a zero-length error bar still draws its caps).
    whiskers = [
        go.Scatter(
            x=[m.flop_low, m.flop_high],
            y=[label(m.model)] * 2,
            mode="lines+markers",
            line={"color": colour(actor_of(m.developer)), "width": 2},
            marker={"symbol": "line-ns", "size": 12, "line": {"width": 2, "color": colour(actor_of(m.developer))}},
            meta=[actor_of(m.developer)] * 2,
            hoverinfo="skip",
            showlegend=False,
        )
        for m, ranged in zip(rows, has_range)
        if ranged
    ]
    base, challenger = compute_of(data, BASELINE), compute_of(data, CHALLENGER)
    times = multiplier(data)
    layout = base_layout(
        height=max(320, 80 + 50 * len(rows)),
        xaxis=log_axis("Training compute (FLOP, log scale)", min(m.flop_low or m.flop for m in rows), rows[-1].flop),
        yaxis=axis("", categoryorder="array", categoryarray=names),
        margin={"t": 10},
        # The comparison the title makes, written beside the bigger model.
        annotations=[
            {
                "x": math.log10(base.flop),  # annotations on a log axis take the power of ten
                "y": label(base.model),
                "xanchor": "left",
                "xshift": 12,
                "text": f"<b>{times:.0f}× {label(challenger.model)}</b>",
                "showarrow": False,
                "font": {"size": 13},
            }
        ],
    )
    summary = (
        f"{base.model} used about {sci(base.flop)} FLOP to train and {challenger.model} about "
        f"{sci(challenger.flop)}, so the first used roughly {times:.1f} times as much compute. "
        f"Of the {len(rows)} models shown, the least compute went into {rows[0].model} and the most into "
        f"{rows[-1].model}. DeepSeek models are the blue dots."
    )
    chart = Chart(
        id="training-compute",
        title=f"{challenger.model} was trained with about 1/{times:.0f} of the compute of {base.model}",
        caption="Total compute used in training, in floating-point operations (FLOP), on a log scale: "
        "each grid line is ten times the one before. Whiskers show a range where the source gives one. "
        + colour_key([(m.model, m.developer) for m in rows]),
        figure=go.Figure([*whiskers, trace], layout),
        summary=summary,
        columns=["Model", "Developer", "Released", "Training compute (FLOP)", "Low", "High", "Status"],
        rows=[
            [m.model, m.developer, m.released.isoformat(), m.flop, m.flop_low, m.flop_high, m.status]
            for m in reversed(rows)
        ],
        cell_formats=[None, None, None, sci, sci, sci, None],
        sources=[m.source for m in rows],
    )
    short = label(challenger.model.removeprefix(f"{challenger.developer}-"))
    note = {**layout["annotations"][0], "text": f"<b>{times:.0f}× {short}</b>"}
    chart.phone = {"xaxis": {"title": {"text": "FLOP (log scale)"}}, "annotations": [note]}
    return chart


def build(data: Data) -> list[Chart]:
    return [training_compute(data)]


def derived(data: Data) -> dict[str, Computed]:
    base, challenger = compute_of(data, BASELINE), compute_of(data, CHALLENGER)
    values = {
        "compute_multiplier": Computed(
            f"{multiplier(data):.1f} times", [(base.source, base.status), (challenger.source, challenger.status)]
        )
    }
    if base.gpu_hours and challenger.gpu_hours:
        cites = [
            (base.inputs_source or base.source, "reported"),
            (challenger.inputs_source or challenger.source, "reported"),
        ]
        values["gpu_hour_multiplier"] = Computed(f"{base.gpu_hours / challenger.gpu_hours:.1f} times", cites)
    return values
