"""What the models cost to use: list prices per million tokens, and the task calculator built on them."""

from __future__ import annotations

import json

import plotly.graph_objects as go

from charts.numbers import Computed, day, money
from charts.render import TEMPLATES, Chart
from charts.schema import Data, DataError
from charts.text import label
from charts.theme import OKABE_ITO, PATTERNS, axis, base_layout

PRICE_PARTS = [
    ("input_cache_hit", "Input, cached", OKABE_ITO["sky"]),
    ("input_cache_miss", "Input, not cached", OKABE_ITO["blue"]),
    ("output", "Output", OKABE_ITO["orange"]),
]


def price_of(data: Data, model_id: str):
    for row in data.api_prices:
        if row.id == model_id:
            return row
    raise DataError(f'data/api_prices.yaml: entry "{model_id}" is missing (the price charts compare against it)')


def scale_controls(chart_id: str, axis_name: str = "yaxis") -> str:
    """A linear/log switch as plain HTML radios: keyboard-friendly, themed like the page."""
    return TEMPLATES.get_template("scale-controls.html.j2").render(chart_id=chart_id, axis=axis_name)


def api_prices(data: Data) -> Chart:
    rows = data.api_prices
    models = [label(row.model) for row in rows]
    traces = []
    for index, (key, name, colour) in enumerate(PRICE_PARTS):
        values = [getattr(row, key) for row in rows]
        traces.append(
            go.Bar(
                name=name,
                x=models,
                y=values,
                marker={
                    "color": colour,
                    "pattern": {"shape": PATTERNS[index], "fgcolor": "rgba(0,0,0,0.35)", "fillmode": "overlay"},
                },
                text=[money(v) if v is not None else "" for v in values],
                textposition="outside",
                textfont={"size": 10},
                cliponaxis=False,
                hovertemplate="%{x}<br>" + name + ": $%{y} per million tokens<extra></extra>",
            )
        )
    layout = base_layout(
        height=440,
        barmode="group",
        margin={"t": 16},
        bargroupgap=0.06,
        xaxis=axis(""),
        yaxis=axis("US dollars per million tokens", type="linear", rangemode="tozero"),
    )
    r1, o1 = price_of(data, "deepseek-r1"), price_of(data, "openai-o1")
    as_of = max(row.as_of for row in rows)
    summary = (
        f"For each million tokens of output, {r1.model} cost {money(r1.output)} and {o1.model} cost "
        f"{money(o1.output)}, about {o1.output / r1.output:.0f} times as much. For ordinary (uncached) input the "
        f"prices were {money(r1.input_cache_miss)} and {money(o1.input_cache_miss)}. "
        f"The cheapest output price in the chart is {money(min(r.output for r in rows))} "
        f"({min(rows, key=lambda r: r.output).model}); the most expensive is {money(max(r.output for r in rows))} "
        f"({max(rows, key=lambda r: r.output).model})."
    )
    return Chart(
        id="api-prices",
        title=f"At launch, {r1.model} charged a small fraction of {o1.model}'s price per token",
        caption=f"List prices per million tokens, in US dollars, as of {day(as_of)}. "
        "Cached input is text the service has seen recently and can reuse.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Model", "Provider", "Input, cached ($)", "Input, not cached ($)", "Output ($)", "As of"],
        rows=[
            [r.model, r.provider, r.input_cache_hit, r.input_cache_miss, r.output, r.as_of.isoformat()] for r in rows
        ],
        cell_formats=[None, None, money, money, money, None],
        sources=[r.source for r in rows],
        controls_html=scale_controls("api-prices"),
    )


def task_cost(price, workload, input_tokens=None, output_tokens=None, thinking_tokens=None, cached_share=None) -> float:
    """Dollars for one workload at one model's list prices. The same formula runs in calculators.js."""
    tokens_in = workload.input_tokens if input_tokens is None else input_tokens
    share = workload.cached_share if cached_share is None else cached_share
    out = workload.output_tokens if output_tokens is None else output_tokens
    thinking = workload.thinking_tokens if thinking_tokens is None else thinking_tokens
    hit = price.input_cache_hit if price.input_cache_hit is not None else price.input_cache_miss
    billed_out = out + (thinking if price.reasoning else 0)
    return (
        tokens_in * share * hit + tokens_in * (1 - share) * price.input_cache_miss + billed_out * price.output
    ) / 1e6


def workload_calculator(data: Data) -> Chart:
    if not data.workloads:
        raise DataError("data/workloads.yaml: at least one task is needed for the calculator")
    prices, default = data.api_prices, data.workloads[0]
    costs = [task_cost(p, default) for p in prices]
    trace = go.Bar(
        x=[label(p.model) for p in prices],
        y=costs,
        marker={
            "color": [OKABE_ITO["blue"] if p.provider == "DeepSeek" else OKABE_ITO["orange"] for p in prices],
            "pattern": {"shape": ["" if p.provider == "DeepSeek" else "/" for p in prices], "fillmode": "overlay"},
        },
        text=[money(c) for c in costs],
        textposition="outside",
        cliponaxis=False,
        hovertemplate="%{x}: $%{y:.4f} for this task<extra></extra>",
        showlegend=False,
    )
    layout = base_layout(
        height=380,
        margin={"t": 24},
        xaxis=axis(""),
        yaxis=axis("US dollars for the whole task", rangemode="tozero"),
    )
    cheapest = min(zip(costs, prices), key=lambda pair: pair[0])
    dearest = max(zip(costs, prices), key=lambda pair: pair[0])
    summary = (
        f"Default task: {default.name.lower()} ({default.description} We assume {default.input_tokens:,} input tokens, "
        f"{default.output_tokens:,} output tokens, {default.thinking_tokens:,} hidden thinking tokens for reasoning "
        f"models, and {default.cached_share:.0%} of input served from cache.) At list prices it costs "
        f"{money(cheapest[0])} with {cheapest[1].model} and {money(dearest[0])} with {dearest[1].model}."
    )
    controls = TEMPLATES.get_template("calculator.html.j2").render(
        prices=json.dumps(
            [
                {
                    "model": p.model,
                    "hit": p.input_cache_hit,
                    "miss": p.input_cache_miss,
                    "out": p.output,
                    "reasoning": p.reasoning,
                }
                for p in prices
            ],
            sort_keys=True,
        ),
        workloads=data.workloads,
        default=default,
        workloads_json=json.dumps([w.model_dump() for w in data.workloads], sort_keys=True),
    )
    return Chart(
        id="workload-calculator",
        title="The same task can cost a few cents or several dollars, depending on the model",
        caption="Cost of one task at each model's list price. The tasks and their token counts are our rough "
        "assumptions, not measurements.",
        hint="Pick a task or type your own token counts; the chart recomputes.",
        figure=go.Figure([trace], layout),
        summary=summary,
        columns=["Task", "Model", "Cost at list price (US$)"],
        rows=[[w.name, p.model, round(task_cost(p, w), 4)] for w in data.workloads for p in prices],
        cell_formats=[None, None, money],
        sources=[p.source for p in prices],
        controls_html=controls,
    )


def build(data: Data) -> list[Chart]:
    return [api_prices(data), workload_calculator(data)]


def derived(data: Data) -> dict[str, Computed]:
    """Ratios the prose quotes, computed here so they follow the prices."""
    r1, o1 = price_of(data, "deepseek-r1"), price_of(data, "openai-o1")
    cites = [(r1.source, r1.status), (o1.source, o1.status)]
    return {
        "r1_o1_output_ratio": Computed(f"{o1.output / r1.output:.0f} times", cites),
        "r1_o1_input_ratio": Computed(f"{o1.input_cache_miss / r1.input_cache_miss:.0f} times", cites),
    }
