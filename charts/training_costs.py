"""What training runs cost: the famous DeepSeek figure is the tip of an iceberg.

A log dot plot (never bars on a log axis): for each model, one training run against the chips it
ran on. Two kinds of cost only; the other things the data counts (amortized runs, a CEO's floor)
are in the table, because more categories would hide the point.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import about, compact_money, short_money
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import actor_of, axis, base_layout, colour, colour_key, labels_above, log_axis

PART_NAMES = {
    "final_run": "Final run, at rental prices",
    "final_run_amortized": "Final run, as chip wear and power",
    "add_on_run": "Extra step on an earlier model",
    "research_and_experiments": "Research and trial runs",
    "hardware": "Chips and servers, bought",
    "total_program": "Everything (a floor or total)",
}
RUN, CHIPS = ("final_run", "add_on_run"), "hardware"  # the two kinds of cost on the chart


def v3_parts(data: Data) -> dict:
    v3 = next((r for r in data.training_costs if r.id == "deepseek-v3"), None)
    if v3 is None:
        raise DataError('data/training_costs.yaml: entry "deepseek-v3" is missing (the cost chart is about it)')
    parts = {p.part: p for p in v3.parts}
    for needed in ("final_run", CHIPS):
        if needed not in parts:
            raise DataError(f'data/training_costs.yaml: entry "deepseek-v3", field parts: no part "{needed}"')
    return parts


def chips_to_run(data: Data) -> float:
    """How many times the reported final run the estimated chips cost: the chart's headline."""
    parts = v3_parts(data)
    return parts[CHIPS].usd / parts["final_run"].usd


def training_costs(data: Data) -> Chart:
    runs = [r for r in data.training_costs if any(p.part in RUN or p.part == CHIPS for p in r.parts)]
    names = [label(r.model + (" (extra step)" if any(p.part == "add_on_run" for p in r.parts) else "")) for r in runs]
    traces = []
    for run, name in zip(runs, names):
        actor = actor_of(run.developer)
        points = [p for p in run.parts if p.part in RUN] + [p for p in run.parts if p.part == CHIPS]
        traces.append(
            go.Scatter(
                x=[p.usd for p in points],
                y=[name] * len(points),
                mode="lines+markers+text",
                line={"color": colour(actor), "width": 2},
                # A run is a small filled dot (the tip); the chips a large open one (the bulk).
                marker={
                    "color": colour(actor),
                    "size": [11 if p.part in RUN else 18 for p in points],
                    "opacity": 1,  # sizes in a list make Plotly call it a bubble chart and fade it to 0.7
                    "symbol": ["circle" if p.part in RUN else "circle-open" for p in points],
                    "line": {"width": 3, "color": colour(actor)},
                },
                meta=[actor] * len(points),
                # An add-on step says so beside its dot, so it never reads as the model's whole cost.
                text=[short_money(p.usd) + (": that step only" if p.part == "add_on_run" else "") for p in points],
                textposition=["middle left" if p.part == "final_run" else "middle right" for p in points],
                textfont={"size": 13},
                cliponaxis=False,
                customdata=[[PART_NAMES[p.part], p.status] for p in points],
                hovertemplate="%{y}<br>%{customdata[0]}: $%{x:,.0f} (%{customdata[1]})<extra></extra>",
            )
        )
    values = [p.usd for r in runs for p in r.parts if p.part in RUN or p.part == CHIPS]
    parts = v3_parts(data)
    v3_name = names[[r.id for r in runs].index("deepseek-v3")]
    # Direct labels on the story's row instead of a legend.
    notes = [
        {"x": parts["final_run"].usd, "text": "one training run"},
        {"x": parts[CHIPS].usd, "text": "the chips (estimate)", "xanchor": "right"},
    ]
    layout = base_layout(
        height=90 + 62 * len(runs),
        margin={"t": 30},
        xaxis=log_axis(
            "US dollars (log scale: each grid line is 10×)",
            min(values),
            max(values),
            dollars=True,
            pad=(0.5, 0.2),
        ),
        yaxis=axis("", autorange="reversed", showgrid=False),
        annotations=[
            {
                "x": math.log10(n["x"]),  # annotations on a log axis take the power of ten
                "y": v3_name,
                "text": n["text"],
                "xanchor": n.get("xanchor", "center"),
                "showarrow": False,
                "yshift": 22,
                "font": {"size": 13},
            }
            for n in notes
        ],
    )
    times = chips_to_run(data)
    summary = (
        f"DeepSeek reported {compact_money(parts['final_run'].usd)} for the final training run of DeepSeek-V3. "
        f"An outside estimate of the chips DeepSeek owns is {compact_money(parts[CHIPS].usd)}, about {about(times)} "
        "times as much, a cost shared by all of its work. For the other models, the chips used for one run also "
        "cost several times the run itself. The sources give other kinds of cost too, listed in the data table; "
        "costs of different kinds should not be added together."
    )
    chart = Chart(
        id="training-costs",
        title=f"DeepSeek's famous {short_money(parts['final_run'].usd, words=True)} covered one training run; "
        f"its chips cost an estimated {about(times)} times as much",
        caption="Small dots: one final training run, priced at cloud rental rates. Rings: the chips and servers "
        "bought, which serve many runs: DeepSeek's whole fleet, and for the others the cluster the run used. Reported figures come from the developer; the rest are outside estimates. "
        + colour_key([(run.model, run.developer) for run in runs]),
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Model", "Developer", "Year", "What it counts", "US dollars", "Status", "Note"],
        rows=[
            [run.model, run.developer, run.year, PART_NAMES[p.part], p.usd, p.status, p.note or ""]
            for run in data.training_costs
            for p in run.parts
        ],
        cell_formats=[None, None, None, None, compact_money, None, None],
        sources=[p.source for run in data.training_costs for p in run.parts],
    )
    # On a phone the names go above their rows and the category notes below the first row.
    chart.phone = {
        "height": 110 + 84 * len(runs),
        "margin": {"l": 4, "r": 4},
        "xaxis": {"title": {"text": "US dollars (log scale)"}},
        "yaxis": {"showticklabels": False},
        # Shorter notes, each ending at its dot, so the two keep apart on a narrow screen.
        "annotations": labels_above(names)
        + [
            {**note, "text": text, "xanchor": "right", "yshift": -22}
            for note, text in zip(layout["annotations"], ("one run", "the chips"))
        ],
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [training_costs(data)]
