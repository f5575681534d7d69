"""The sums a lesson text may call, beside {{ num.ID }} and {{ fig.ID }}: each reads the site's data and
formats its answer as the site does, so a question and its key never type a number.

The price sums follow the worksheet's rule for 14-17 year olds: all input is priced at the not-cached rate.
`live_cost` is the exception, the site calculator's figure, which counts the task's cached share of input at
the cheaper cached price.
"""

from __future__ import annotations

import math

from charts.calculators import recipe_flop, task_cost
from charts.numbers import money, sci, trim


def dollars(value: float) -> str:
    """A sum a student can redo: exact to a thousandth of a cent, with the site's rounding beside it if they differ."""
    exact = f"${trim(value, 5)}"
    rounded = money(value)
    return exact if exact == rounded else f"{exact} (about {rounded})"


def helpers(texts) -> dict:
    """The names a lesson text can use; every figure a sum reads is remembered as a source of the sheet."""
    from charts.compute import BASELINE, CHALLENGER, compute_of
    from charts.lesson import _Lookup
    from charts.prices import price_of

    data = texts.data

    def workload(workload_id):
        found = next((w for w in data.workloads if w.id == workload_id), None)
        if found is None:
            raise KeyError(f'unknown workload "{workload_id}" (not in data/workloads.yaml)')
        return found

    def price(model):
        row = price_of(data, model)
        texts.used.append(row.source)
        return row

    def uncached(w, model):
        return task_cost(price(model), workload(w), cached_share=0)

    def output_only(w, model):
        row = price(model)
        return task_cost(row, workload(w), input_tokens=0, cached_share=0)

    def times(a, b):
        ratio = data.figures[a].value / data.figures[b].value
        texts.number(a), texts.number(b)
        return f"{trim(ratio, 0 if ratio >= 10 else 1)} times"

    def recipe_times(basis):
        ratio = recipe_flop(compute_of(data, BASELINE), basis) / recipe_flop(compute_of(data, CHALLENGER), basis)
        return f"{trim(ratio, 1)} times"

    def cost_times(w, dear, cheap):
        ratio = uncached(w, dear) / uncached(w, cheap)
        return f"{trim(ratio, 0 if ratio >= 10 else 1)} times"

    def rounded_times(w, dear, cheap):
        """The same ratio as a student gets who rounds both totals to the cent first."""
        ratio = round(uncached(w, dear), 2) / round(uncached(w, cheap), 2)
        return f"{trim(ratio, 0 if ratio >= 10 else 1)} times"

    return {
        "num": _Lookup(texts.number),
        "fig": _Lookup(texts.cited),
        "times": times,
        "tokens": lambda w, field: trim(getattr(workload(w), field), 0),
        "task_cost": lambda w, model: dollars(uncached(w, model)),
        "output_cost": lambda w, model: dollars(output_only(w, model)),
        "input_cost": lambda w, model: dollars(uncached(w, model) - output_only(w, model)),
        "cost_times": cost_times,
        "rounded_times": rounded_times,
        "live_cost": lambda w, model: money(task_cost(price(model), workload(w))),
        "cached_share": lambda w: f"{trim(workload(w).cached_share * 100, 0)}%",
        "recipe": lambda model, basis: sci(recipe_flop(compute_of(data, model), basis)),
        "recipe_times": recipe_times,
        "log_steps": lambda a, b: trim(math.log10(data.figures[a].value / data.figures[b].value), 1),
    }
