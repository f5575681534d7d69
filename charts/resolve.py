"""Figures read `from: dataset.row.field`: which fields of which datasets can be read, and how.

A figure the prose quotes that a chart dataset already holds is read from the row, never typed twice;
it takes the row's value, source, status and date.
"""

from __future__ import annotations

from charts.fields import DataError
from charts.numbers import trim
from charts.schema import Figure


def _published(sources: dict, source_id: str):
    return sources[source_id][1].date_published


def _api_price(row, field, sources):
    if field in ("input_cache_hit", "input_cache_miss", "output"):
        return getattr(row, field), row.source, row.status, row.as_of


def _price_change(row, field, sources):
    if field in ("input_cache_hit", "input_cache_miss", "output"):
        return getattr(row, field), row.source, row.status, row.date_effective


def _compute(row, field, sources):
    if field == "flop":
        return row.flop, row.source, row.status, row.released
    if field in ("total_params", "active_params", "training_tokens", "gpu_hours"):
        source = row.inputs_source or row.source
        return getattr(row, field), source, "reported", _published(sources, source)


def _factor(row, field, sources):
    if not field:
        return row.value, row.source, row.status, _published(sources, row.source)


def _training_cost(row, field, sources):
    part = next((p for p in row.parts if p.part == field), None)
    if part:
        return part.usd, part.source, part.status, _published(sources, part.source)


def _market(row, field, sources):
    # A rough percentage ("around 5%") is not a figure prose can quote as exact.
    if field == "loss_usd" or (field == "percent_fall" and not row.percent_about):
        return getattr(row, field), row.source, row.status, row.date


def _benchmark(row, field, sources):
    if field in row.scores:
        return row.scores[field], row.source, "reported", _published(sources, row.source)


# What `from: dataset.row.field` can read: the rows of each dataset, and how to read one field of a row
# as (value, source id, status, as-of date).
READABLE = {
    "api_prices": (lambda files: files["api_prices"][1], _api_price),
    "api_price_history": (lambda files: files["api_price_history"][1], _price_change),
    "training_compute": (lambda files: files["training_compute"][1].models, _compute),
    "factors": (lambda files: files["training_compute"][1].factors, _factor),
    "training_costs": (lambda files: files["training_costs"][1], _training_cost),
    "market": (lambda files: files["market"][1], _market),
    "benchmarks": (lambda files: files["benchmarks"][1].benchmarks, _benchmark),
}


def resolve(name: str, figure: Figure, files: dict, sources: dict) -> Figure:
    if figure.from_ is None:
        return figure
    dataset, _, rest = figure.from_.partition(".")
    row_id, _, field = rest.partition(".")
    if dataset not in READABLE:
        raise DataError(f'{name}: entry "{figure.id}", field from: unknown dataset "{dataset}"')
    rows, read = READABLE[dataset]
    row = next((r for r in rows(files) if r.id == row_id), None)
    found = read(row, field, sources) if row is not None else None
    if found is None or found[0] is None:
        raise DataError(f'{name}: entry "{figure.id}", field from: no value at "{figure.from_}"')
    value, source, status, as_of = found
    return figure.model_copy(update={"value": value, "source": source, "status": status, "as_of": as_of})


def worked_out_shares(name: str, compute, figures: dict):
    """The efficiency factors with every `share_of: [part, whole]` worked out from the two figures (percent,
    one decimal) and checked like a typed value; `figures` maps id -> (file, resolved figure)."""
    from pydantic import ValidationError

    factors = []
    for row in compute.factors:
        if row.share_of:
            missing = [f for f in row.share_of if f not in figures]
            if missing:
                raise DataError(f'{name}: entry "{row.id}", field share_of: unknown figure "{missing[0]}"')
            part, whole = (figures[f][1].value for f in row.share_of)
            value = round(part / whole * 100, 1)
            says = row.says.replace("{part}", trim(part)).replace("{whole}", trim(whole))
            try:
                type(row).model_validate({**row.model_dump(), "value": value, "share_of": None, "says": says})
            except ValidationError as error:
                message = error.errors()[0]["msg"].removeprefix("Value error, ")
                raise DataError(f'{name}: entry "{row.id}", field share_of: {message}') from None
            row = row.model_copy(update={"value": value, "says": says})
        factors.append(row)
    return compute.model_copy(update={"factors": factors})
