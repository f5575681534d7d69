"""What the models cost to use: list prices per million tokens, and the task calculator built on them."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.calculators import pair, task_cost, times, workload_controls
from charts.fields import DataError
from charts.numbers import Computed, day, money
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import actor_of, axis, base_layout, colour, colour_key


def price_of(data: Data, model_id: str):
    for row in data.api_prices:
        if row.id == model_id:
            return row
    raise DataError(f'data/api_prices.yaml: entry "{model_id}" is missing (the price charts compare against it)')


def output_ratio(data: Data) -> float:
    """How many times R1's output price o1 charged: the price chart's headline."""
    return price_of(data, "openai-o1").output / price_of(data, "deepseek-r1").output


def api_prices(data: Data) -> Chart:
    """One series, horizontal: the output price, which is what a reasoning model mostly bills."""
    rows = sorted(data.api_prices, key=lambda r: r.output)
    actors = [actor_of(r.provider) for r in rows]
    trace = go.Bar(
        x=[r.output for r in rows],
        y=[label(r.model) for r in rows],
        orientation="h",
        marker={"color": [colour(a) for a in actors]},
        meta=actors,
        text=[money(r.output) for r in rows],
        textposition="outside",
        textfont={"size": 14},
        cliponaxis=False,
        customdata=[money(r.output) for r in rows],
        hovertemplate="%{y}: %{customdata} per million output tokens<extra></extra>",
    )
    layout = base_layout(
        height=80 + 46 * len(rows),
        margin={"t": 8, "r": 40},
        bargap=0.3,
        xaxis=axis("US dollars per million output tokens", rangemode="tozero", tickprefix="$"),
        yaxis=axis(""),
    )
    r1, o1 = price_of(data, "deepseek-r1"), price_of(data, "openai-o1")
    as_of = max(row.as_of for row in rows)
    summary = (
        f"For each million tokens of output, {r1.model} cost {money(r1.output)} and {o1.model} cost "
        f"{money(o1.output)}, about {output_ratio(data):.0f} times as much. For ordinary (uncached) input the "
        f"prices were {money(r1.input_cache_miss)} and {money(o1.input_cache_miss)}. "
        f"The cheapest output price in the chart is {money(rows[0].output)} ({rows[0].model}); "
        f"the most expensive is {money(rows[-1].output)} ({rows[-1].model}). The table also gives input prices."
    )
    chart = Chart(
        id="api-prices",
        title=f"At launch, {o1.model} charged {output_ratio(data):.0f} times {r1.model}'s price for each token it wrote",
        caption=f"List price per million output tokens (the text a model writes, including hidden reasoning), "
        f"in US dollars, as of {day(as_of)}. Input prices are in the table.",
        figure=go.Figure([trace], layout),
        summary=summary,
        columns=["Model", "Provider", "Input, cached ($)", "Input, not cached ($)", "Output ($)", "As of"],
        rows=[
            [r.model, r.provider, r.input_cache_hit, r.input_cache_miss, r.output, r.as_of.isoformat()]
            for r in data.api_prices
        ],
        cell_formats=[None, None, money, money, money, None],
        sources=[r.source for r in rows],
    )
    chart.phone = {
        "height": 60 + 56 * len(rows),
        "margin": {"r": 48},
        "xaxis": {"title": {"text": "$ per million output tokens"}},
    }
    return chart


SLIVER = 3  # px of outline round each calculator bar, so the cheapest is at least this wide


def workload_calculator(data: Data) -> Chart:
    if not data.workloads:
        raise DataError("data/workloads.yaml: at least one task is needed for the calculator")
    prices, default = data.api_prices, data.workloads[0]
    costs = [task_cost(p, default) for p in prices]
    # Horizontal, in the data's order top to bottom: long model names read on a phone, and the
    # cheapest bar keeps its price beside it however short it is.
    trace = go.Bar(
        x=costs,
        y=[label(p.model) for p in prices],
        orientation="h",
        # An outline in the bar's own colour: a task costing 1/400 of the dearest still shows a bar, not a hairline.
        marker={
            "color": [colour(actor_of(p.provider)) for p in prices],
            "line": {"width": SLIVER, "color": [colour(actor_of(p.provider)) for p in prices]},
        },
        meta=[actor_of(p.provider) for p in prices],
        text=[money(c) for c in costs],
        textposition="outside",
        textfont={"size": 14},
        cliponaxis=False,
        hovertemplate="%{y}: $%{x:.4f} for this task<extra></extra>",
        showlegend=False,
    )
    layout = base_layout(
        height=80 + 46 * len(prices),
        margin={"t": 8, "r": 56},
        bargap=0.3,
        xaxis=axis("US dollars for the whole task", rangemode="tozero", tickprefix="$"),
        yaxis=axis("", autorange="reversed"),
    )
    cheapest = min(zip(costs, prices), key=lambda pair: pair[0])
    dearest = max(zip(costs, prices), key=lambda pair: pair[0])
    summary = (
        f"Default task: {default.name.lower()} ({default.description} We assume {default.input_tokens:,} input tokens, "
        f"{default.output_tokens:,} output tokens, {default.thinking_tokens:,} hidden thinking tokens for reasoning "
        f"models, and {default.cached_share:.0%} of input served from cache.) At list prices it costs "
        f"{money(cheapest[0])} with {cheapest[1].model} and {money(dearest[0])} with {dearest[1].model}."
    )
    controls = workload_controls(data)
    cheap, dear = pair(data)
    chart = Chart(
        id="workload-calculator",
        title=f"{default.name}: {dear.model} costs {times(task_cost(dear, default) / task_cost(cheap, default))} "
        f"times as much as {cheap.model}, at list prices",
        caption="Cost of one task at each model's list price. The tasks and their token counts are our rough "
        "assumptions, not measurements. " + colour_key([(p.model, p.provider) for p in prices]),
        hint="Pick a task or type your own token counts; the chart recomputes.",
        figure=go.Figure([trace], layout),
        summary=summary,
        columns=["Task", "Model", "Cost at list price (US$)"],
        rows=[[w.name, p.model, round(task_cost(p, w), 4)] for w in data.workloads for p in prices],
        cell_formats=[None, None, money],
        sources=[p.source for p in prices],
        controls_html=controls,
    )
    chart.phone = {
        "height": 60 + 56 * len(prices),
        "margin": {"r": 56},
        "xaxis": {"title": {"text": "US$ for the task"}},
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [api_prices(data), workload_calculator(data)]


def derived(data: Data) -> dict[str, Computed]:
    """Ratios the prose quotes, computed here so they follow the prices."""
    r1, o1 = price_of(data, "deepseek-r1"), price_of(data, "openai-o1")
    cites = [(r1.source, r1.status), (o1.source, o1.status)]
    return {
        "r1_o1_output_ratio": Computed(f"{output_ratio(data):.0f} times", cites),
        "r1_o1_input_ratio": Computed(f"{o1.input_cache_miss / r1.input_cache_miss:.0f} times", cites),
    }
