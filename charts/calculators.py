"""The calculators' controls: what the page is about, in the reader's hands.

The task calculator says how many times as much one model costs as another for the chosen task;
the compute recipe recomputes the training compute and what the final runs would cost at a
rental price. docs/javascripts/calculators.js runs the same formulas (tests compare the two), and
keeps each control's state in the page's URL so a scenario can be shared.
"""

from __future__ import annotations

import json

from charts.fields import DataError
from charts.numbers import money
from charts.render import TEMPLATES
from charts.schema import Data

# The comparison the prices page is about: R1 against the model it was measured against.
CHEAP, DEAR = "deepseek-r1", "openai-o1"


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


def pair(data: Data):
    prices = {p.id: p for p in data.api_prices}
    for wanted in (CHEAP, DEAR):
        if wanted not in prices:
            raise DataError(f'data/api_prices.yaml: entry "{wanted}" is missing (the task calculator compares it)')
    return prices[CHEAP], prices[DEAR]


def times(ratio: float) -> str:
    """27.4 -> '27', 2.46 -> '2.5': whole numbers from ten, one decimal below (as calculators.js)."""
    return f"{ratio:.0f}" if ratio >= 10 else f"{ratio:.1f}"


def task_headline(data: Data, workload) -> str:
    """The result the page is about, e.g. 'For this task OpenAI o1 costs 27× as much as DeepSeek-R1'."""
    cheap, dear = pair(data)
    cost_cheap, cost_dear = task_cost(cheap, workload), task_cost(dear, workload)
    if cost_cheap == 0:
        return "Enter some tokens to see what the task costs."
    return (
        f"For this task {dear.model} costs {times(cost_dear / cost_cheap)}× as much as {cheap.model}: "
        f"{money(cost_dear)} against {money(cost_cheap)}."
    )


def workload_controls(data: Data) -> str:
    cheap, dear = pair(data)
    default = data.workloads[0]
    prices = [
        {
            "id": p.id,
            "model": p.model,
            "hit": p.input_cache_hit,
            "miss": p.input_cache_miss,
            "out": p.output,
            "reasoning": p.reasoning,
        }
        for p in data.api_prices
    ]
    return TEMPLATES.get_template("calculator.html.j2").render(
        prices=json.dumps(prices, sort_keys=True),
        compare=json.dumps({"cheap": cheap.id, "dear": dear.id}),
        workloads=data.workloads,
        default=default,
        workloads_json=json.dumps([w.model_dump() for w in data.workloads], sort_keys=True),
        headline=task_headline(data, default),
    )


# The rental prices the compute recipe's slider offers, in US$ per GPU-hour.
PRICE_RANGE = (0.5, 6.0, 0.25)


def recipe_costs(models, price: float) -> list[dict]:
    """Each final run's cost at a rental price, and its bar's length against the dearest possible cost."""
    scale = max(m.gpu_hours for m in models) * PRICE_RANGE[1]
    return [
        {"model": m.model, "cost": money(m.gpu_hours * price), "share": round(100 * m.gpu_hours * price / scale, 2)}
        for m in models
    ]


def recipe_flop(model, basis: str = "active") -> float:
    """The usual rule of thumb: training compute is about 6 x parameters x training tokens."""
    params = model.total_params if basis == "total" else model.active_params
    return 6 * params * model.training_tokens


def recipe_headline(models, basis: str, price: float) -> str:
    """What the recipe gives, said so the multiplier is at least one (calculators.js says the same)."""
    flops = [recipe_flop(m, basis if i == 0 else "active") for i, m in enumerate(models)]
    more, less = (models[1], models[0]) if flops[1] >= flops[0] else (models[0], models[1])
    ratio = max(flops[1] / flops[0], flops[0] / flops[1])
    costs = " and ".join(f"{m.model} {money(m.gpu_hours * price)}" for m in models)
    return (
        f"By this recipe {more.model} used {ratio:.1f} times the compute of {less.model}. "
        f"At {money(price)} per GPU-hour, the final runs would cost {costs}."
    )


def recipe_controls(models, price: float) -> str:
    low, high, step = PRICE_RANGE
    if not low <= price <= high:
        raise DataError(f"data/figures: figure v3_gpu_hour_price ({price}) is outside the recipe's slider {low}-{high}")
    return TEMPLATES.get_template("recipe.html.j2").render(
        models=json.dumps(
            [
                {
                    "model": m.model,
                    "active_params": m.active_params,
                    "total_params": m.total_params,
                    "training_tokens": m.training_tokens,
                    "gpu_hours": m.gpu_hours,
                }
                for m in models
            ],
            sort_keys=True,
        ),
        challenger=models[0],
        price=price,
        price_text=money(price),
        headline=recipe_headline(models, "active", price),
        low=low,
        high=high,
        step=step,
        costs=recipe_costs(models, price),
        scale=max(m.gpu_hours for m in models) * high,
        top_text=money(max(m.gpu_hours for m in models) * high),
        top_model=max(models, key=lambda m: m.gpu_hours).model,
        high_text=money(high),
    )
