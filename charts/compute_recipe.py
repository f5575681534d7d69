"""The compute recipe: redo the training-compute arithmetic (6 x parameters x tokens) for DeepSeek-V3
and Llama 3.1 405B, counting V3's parameters two ways, with the form that recomputes it (calculators.py)."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from charts.calculators import recipe_controls, recipe_flop
from charts.compute import BASELINE, CHALLENGER, compute_of
from charts.fields import DataError
from charts.numbers import money, sci
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, actor_of, axis, base_layout, colour, labels_above, log_axis

BASES = ("active", "total")  # the two ways the recipe counts V3's parameters, in the order data[0] draws them
# The recipe chart's last trace is a soft halo round the V3 dot counted the way the form counts
# (active, as the page opens); calculators.js moves the halo when the reader changes what counts.
HALO = 3
ROW = 64  # px per row of the recipe chart: a name above, its dot below


def compute_recipe(data: Data) -> Chart:
    """Redo the arithmetic: which parameters count, and what a GPU-hour is assumed to cost.

    The picture shows both ways of counting DeepSeek-V3's parameters against Llama's line, so it says what
    the title says; the switch marks the way the result above the chart counts (calculators.js)."""
    models = [compute_of(data, CHALLENGER), compute_of(data, BASELINE)]
    for model in models:
        for field in ("active_params", "total_params", "training_tokens", "gpu_hours"):
            if getattr(model, field) is None:
                raise DataError(f'data/training_compute.yaml: entry "{model.id}", field {field}: needed by the recipe')
    price = data.figures.get("v3_gpu_hour_price")
    if price is None:
        raise DataError('data/figures: figure "v3_gpu_hour_price" is missing (the recipe starts from it)')
    v3, llama = models
    flops = [recipe_flop(v3, basis) for basis in BASES]
    line = recipe_flop(llama)
    if not flops[0] < line < flops[1]:
        raise DataError(
            f'data/training_compute.yaml: entry "{v3.id}": the recipe chart shows its compute on either side of '
            f"{llama.model}'s, which these figures no longer give"
        )
    billions = {"active": v3.active_params / 1e9, "total": v3.total_params / 1e9}
    rows = [
        label(f"{llama.model}: all {llama.active_params / 1e9:g}B parameters active"),
        label(f"{v3.model}, {billions['active']:g}B active parameters: 1/{line / flops[0]:.1f} of Llama's"),
        label(f"{v3.model}, all {billions['total']:g}B parameters: {flops[1] / line:.1f}× Llama's"),
    ]
    v3_actor, llama_actor = actor_of(v3.developer), actor_of(llama.developer)
    dots = [
        go.Scatter(  # data[0]: calculators.js marks the way of counting the form has chosen
            x=flops,
            y=rows[1:],
            mode="markers+text",
            marker={"size": 14, "color": colour(v3_actor), "symbol": ACTORS[v3_actor].symbol},
            meta=[v3_actor] * 2,
            text=[sci(f) for f in flops],
            textposition="middle right",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.3e} FLOP by the recipe<extra></extra>",
            showlegend=False,
        ),
        go.Scatter(  # Llama's compute marked in each of V3's rows (a line down the chart would cross their names)
            x=[line, line],
            y=rows[1:],
            mode="markers",
            marker={"symbol": "line-ns", "size": 20, "line": {"width": 3, "color": colour(llama_actor)}},
            meta=[llama_actor] * 2,
            hoverinfo="skip",
            showlegend=False,
        ),
        go.Scatter(
            x=[line],
            y=rows[:1],
            mode="markers+text",
            marker={
                "size": 14,
                "color": colour(llama_actor),
                "symbol": ACTORS[llama_actor].symbol,
                "line": {"width": 2, "color": colour(llama_actor)},
            },
            meta=[llama_actor],
            text=[sci(line)],
            textposition="middle right",
            cliponaxis=False,
            hovertemplate="%{y}: %{x:.3e} FLOP by the recipe<extra></extra>",
            showlegend=False,
        ),
        go.Scatter(  # data[HALO]: a halo round the dot counted the way the result above counts
            x=flops[:1],
            y=rows[1:2],
            mode="markers",
            marker={"symbol": "circle", "size": 34, "color": colour(v3_actor), "opacity": 0.3},
            meta=[v3_actor],
            hoverinfo="skip",
            showlegend=False,
        ),
    ]
    # Names the grey tick in both of V3's rows: right of it where V3's dot is left of it, and the reverse.
    tick_notes = [
        {
            "x": math.log10(line),  # annotations on a log axis take the power of ten
            "y": row,
            "xanchor": anchor,
            "xshift": 8 if anchor == "left" else -8,
            "text": "Llama's compute",
            "showarrow": False,
            "font": {"size": 12},
        }
        for row, anchor in ((rows[1], "left"), (rows[2], "right"))
    ]
    layout = base_layout(
        height=80 + ROW * len(rows),
        margin={"t": 10, "l": 4},
        # Room on the right for the values beside the dots.
        xaxis=log_axis("FLOP by the recipe (6 × parameters × tokens, log scale)", flops[0], flops[1], pad=(0, 0.6)),
        yaxis=axis("", categoryorder="array", categoryarray=rows[::-1], showticklabels=False, range=[-0.5, 2.7]),
        annotations=[*labels_above(rows, yshift=12), *tick_notes],
    )
    ratio = line / flops[0]
    summary = (
        f"With DeepSeek-V3's active parameters ({billions['active']:g} billion) and "
        f"{v3.training_tokens / 1e12:g} trillion tokens, the recipe gives {sci(flops[0])} FLOP; Llama 3.1 405B "
        f"({llama.active_params / 1e9:g} billion parameters, {llama.training_tokens / 1e12:g} trillion tokens) "
        f"gives {sci(line)}, {ratio:.1f} times as much. Counting all of V3's {billions['total']:g} "
        f"billion parameters instead gives {sci(flops[1])}, {flops[1] / line:.1f} times Llama's. At "
        f"{money(price.value)} per GPU-hour, V3's {v3.gpu_hours:,.0f} GPU-hours cost "
        f"{money(v3.gpu_hours * price.value)} and Llama's {llama.gpu_hours:,.0f} cost "
        f"{money(llama.gpu_hours * price.value)}."
    )
    controls = recipe_controls(models, price.value)
    power = math.floor(math.log10(flops[0]))  # for students: what the smallest value's power of ten means
    chart = Chart(
        id="compute-recipe",
        title=f"Redo the arithmetic: whether {v3.model} used less compute than {llama.model} depends on which "
        "parameters you count",
        caption="Training compute estimated with the usual rule of thumb, 6 × parameters × training tokens, on a log "
        "scale: each grid line is ten times the one before. The grey ticks mark Llama's compute; the two blue dots "
        f"count {v3.model}'s parameters two ways; the dot in a pale halo is the way the result above counts. "
        f"{sci(10**power).removeprefix('1 × ')} is a 1 followed by {power} zeros.",
        hint="Change what counts for DeepSeek-V3, or the assumed rental price of a GPU-hour.",
        figure=go.Figure(dots, layout),
        summary=summary,
        columns=[
            "Model",
            "Active parameters",
            "All parameters",
            "Training tokens",
            "GPU-hours",
            "Recipe FLOP (active)",
            "Recipe FLOP (all)",
        ],
        rows=[
            [
                m.model,
                m.active_params,
                m.total_params,
                m.training_tokens,
                m.gpu_hours,
                recipe_flop(m),
                recipe_flop(m, "total"),
            ]
            for m in models
        ],
        cell_formats=[None, sci, sci, sci, lambda v: f"{v:,.0f}", sci, sci],
        sources=[m.inputs_source or m.source for m in models] + [price.source],
        controls_html=controls,
    )
    short = [label(name.replace(f"{v3.model},", "V3,")) for name in rows]
    chart.phone = {
        "xaxis": {"title": {"text": "FLOP (log scale)"}},
        "annotations": [
            *({**note, "text": text} for note, text in zip(labels_above(rows, yshift=12), short)),
            *tick_notes,
        ],
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [compute_recipe(data)]
