"""What training runs cost, split by what each figure counts (final run, add-on step, chips, everything)."""

from __future__ import annotations

import math

import plotly.graph_objects as go

from charts.numbers import compact_money
from charts.render import Chart
from charts.schema import Data, DataError
from charts.text import label
from charts.theme import OKABE_ITO, PATTERNS, axis, base_layout

PARTS = [
    ("final_run", "Final run, at rental prices", OKABE_ITO["blue"]),
    ("final_run_amortized", "Final run, as chip wear and power", OKABE_ITO["sky"]),
    ("add_on_run", "Extra step on an earlier model", OKABE_ITO["green"]),
    ("research_and_experiments", "Research and trial runs", OKABE_ITO["yellow"]),
    ("hardware", "Chips and servers, bought", OKABE_ITO["orange"]),
    ("total_program", "Everything (a floor or total)", OKABE_ITO["purple"]),
]
PART_NAMES = {key: name for key, name, _ in PARTS}


def training_costs(data: Data) -> Chart:
    runs = data.training_costs
    traces = []
    for index, (part, name, colour) in enumerate(PARTS):
        items = [(run, p) for run in runs for p in run.parts if p.part == part]
        if not items:
            continue
        traces.append(
            go.Bar(
                name=name,
                y=[label(run.model) for run, _ in items],
                x=[p.usd for _, p in items],
                orientation="h",
                marker={
                    "color": colour,
                    "pattern": {"shape": PATTERNS[index], "fgcolor": "rgba(0,0,0,0.35)", "fillmode": "overlay"},
                },
                text=[compact_money(p.usd) for _, p in items],
                textposition="outside",
                cliponaxis=False,
                customdata=[[p.status] for _, p in items],
                hovertemplate="%{y}<br>" + name + ": $%{x:,.0f} (%{customdata[0]})<extra></extra>",
            )
        )
    layout = base_layout(
        height=max(360, 90 * len(runs)),
        barmode="group",
        # Log axis range in powers of ten, with room on the right for the value labels.
        xaxis=axis(
            "US dollars (log scale)",
            type="log",
            range=[
                math.log10(min(p.usd for r in runs for p in r.parts)) - 0.5,
                math.log10(max(p.usd for r in runs for p in r.parts)) + 0.9,
            ],
        ),
        yaxis=axis("", autorange="reversed"),
    )
    v3 = next((r for r in runs if r.id == "deepseek-v3"), None)
    if v3 is None:
        raise DataError('data/training_costs.yaml: entry "deepseek-v3" is missing (the cost chart is about it)')
    v3_parts = {p.part: p for p in v3.parts}
    summary = (
        f"DeepSeek reported {compact_money(v3_parts['final_run'].usd)} for the final training run of DeepSeek-V3. "
        + (
            f"An outside estimate of the chips DeepSeek owns is {compact_money(v3_parts['hardware'].usd)}, "
            "a different kind of cost that is shared by all of its work. "
            if "hardware" in v3_parts
            else ""
        )
        + f"The chart compares {len(runs)} models; bars of different colors count different things and "
        "should not be added together."
    )
    return Chart(
        id="training-costs",
        title="The famous DeepSeek figure counts one training run, not the chips, the staff or the failures",
        caption="What each figure counts is shown by color and hatching. Reported figures come from the developer; "
        "estimates from outside analysts; claims are unsupported statements.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Model", "Developer", "Year", "What it counts", "US dollars", "Status", "Note"],
        rows=[
            [run.model, run.developer, run.year, PART_NAMES[p.part], p.usd, p.status, p.note or ""]
            for run in runs
            for p in run.parts
        ],
        cell_formats=[None, None, None, None, compact_money, None, None],
        sources=[p.source for run in runs for p in run.parts],
    )


def build(data: Data) -> list[Chart]:
    return [training_costs(data)]
