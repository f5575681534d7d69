"""The market shock: Nvidia's one-day fall against the largest earlier one-day falls."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.numbers import day, format_value
from charts.render import Chart
from charts.schema import Data, DataError
from charts.text import label
from charts.theme import OKABE_ITO, OTHER, axis, base_layout

SHOCK = "nvidia-2025-01-27"


def market_falls(data: Data) -> Chart:
    rows = sorted(data.market, key=lambda r: r.loss_usd)
    shock = next((r for r in rows if r.id == SHOCK), None)
    if shock is None:
        raise DataError(f'data/market.yaml: entry "{SHOCK}" is missing (the market chart highlights it)')
    names = [label(f"{r.company}, {r.date.day} {r.date:%b %Y}") for r in rows]
    trace = go.Bar(
        x=[r.loss_usd / 1e9 for r in rows],
        y=names,
        orientation="h",
        marker={
            "color": [OKABE_ITO["vermillion"] if r.id == SHOCK else OTHER for r in rows],
            "pattern": {"shape": ["" if r.id == SHOCK else "/" for r in rows]},
        },
        text=[format_value(r.loss_usd, "usd_billion") for r in rows],
        textposition="outside",
        cliponaxis=False,
        customdata=[[f"{r.percent_fall:g}%" if r.percent_fall else "n/a"] for r in rows],
        hovertemplate="%{y}<br>Lost $%{x:.0f} billion in one day (%{customdata[0]})<extra></extra>",
        showlegend=False,
    )
    layout = base_layout(
        height=max(280, 70 + 42 * len(rows)),
        xaxis=axis("Value lost in one day (billion US$)", range=[0, max(r.loss_usd for r in rows) / 1e9 * 1.3]),
        yaxis=axis(""),
    )
    runner_up = rows[-2] if rows[-1].id == SHOCK else rows[-1]
    summary = (
        f"On {day(shock.date)} {shock.company} lost {format_value(shock.loss_usd, 'usd_billion')} of market value"
        + (f", a fall of {shock.percent_fall:g}%" if shock.percent_fall else "")
        + f". The next largest fall shown is {runner_up.company}'s on {day(runner_up.date)}, "
        f"{format_value(runner_up.loss_usd, 'usd_billion')}. These are losses in dollars, not in percent; "
        "a bigger company can lose more dollars on a smaller percentage move."
    )
    return Chart(
        id="market-falls",
        title=(
            f"{shock.company}'s fall on {day(shock.date)} was the largest one-day loss of market value on record"
            if rows[-1].id == SHOCK
            else f"{shock.company}'s fall on {day(shock.date)} ranks number {len(rows) - rows.index(shock)} of "
            f"the {len(rows)} largest one-day losses shown"
        ),
        caption="Market value lost in a single trading day, in billions of US dollars (not adjusted for inflation).",
        figure=go.Figure([trace], layout),
        summary=summary,
        columns=["Company", "Date", "Value lost (US$)", "Fall (%)", "Status"],
        rows=[[r.company, r.date.isoformat(), r.loss_usd, r.percent_fall, r.status] for r in reversed(rows)],
        cell_formats=[None, None, lambda v: format_value(v, "usd_billion"), lambda v: f"{v:g}%", None],
        sources=[r.source for r in rows],
    )


def build(data: Data) -> list[Chart]:
    return [market_falls(data)]
