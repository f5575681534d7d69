"""The market shock: Nvidia's one-day fall against the largest earlier one-day falls."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day, format_value
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import actor_of, axis, base_layout, colour, labels_above

SHOCK = "nvidia-2025-01-27"
NOT_REPORTED = "not reported"
SHOWN = 10  # the chart draws the largest falls; the Table view lists every one


def percent_words(row) -> str:
    """The fall in percent as the source gives it, or an explicit gap: never a blank, never a guess."""
    if row.percent_fall is None:
        return f"% {NOT_REPORTED}"
    return ("about " if row.percent_about else "") + f"{row.percent_fall:g}%"


def percent_cell(row) -> str:
    """The Table's and the CSV's "Fall (%)" cell: "17", "about 5", or "not reported"."""
    return NOT_REPORTED if row.percent_fall is None else percent_words(row).removesuffix("%")


# Nvidia's other falls: a pale fill of the same amber, so the record bar alone is solid, and an outline in the
# full amber, so they keep its hue on the dark page too (amber faded over the dark page alone turns brown).
PALE = 0.4  # their fill's opacity
OUTLINE = 2  # px: their outline, drawn as a shape (a bar's opacity would fade its own outline too)
GAP = {"desk": 0.2, "phone": 0.55}  # the space between bars, in category widths: the outlines follow the bars
SWATCH = '<span style="color:{}{}">■</span> {}'


def outlines(xs: list[float], pale: list[bool], gap: float) -> list[dict]:
    """An outline in the full amber around each pale bar (bar i sits at category i of the y axis)."""
    half = (1 - gap) / 2
    return [
        {
            "type": "rect",
            "name": "nvidia",
            "xref": "x",
            "yref": "y",
            "x0": 0,
            "x1": x,
            "y0": i - half,
            "y1": i + half,
            "line": {"color": colour("nvidia"), "width": OUTLINE},
            "layer": "above",
        }
        for i, (x, faded) in enumerate(zip(xs, pale))
        if faded
    ]


def key_annotation(company: str, highlighted: str, phone: bool = False) -> dict:
    """A key for the bar colours, above the plot (never among the bars); two lines on a phone."""
    nvidia, other = colour("nvidia"), colour("other")
    entries = [
        SWATCH.format(nvidia, "", highlighted),
        SWATCH.format(nvidia, f";fill-opacity:{PALE};stroke:{nvidia};stroke-width:1px", f"{company}'s other falls"),
        SWATCH.format(other, "", "other companies"),
    ]
    return {
        "x": 0,
        "xref": "paper",
        "xanchor": "left",
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "yshift": 20,
        "align": "left",
        "text": ("   ".join(entries[:2]) + "<br>" + entries[2]) if phone else "   ".join(entries),
        "showarrow": False,
        "font": {"size": 13},
    }


def record_label(name: str, text: str, end: float, yshift: int) -> dict:
    """The longest bar's value, written above its end, so the axis can stop just past that bar."""
    return {
        "x": end,
        "xref": "x",
        "xanchor": "right",
        "y": name,
        "yref": "y",
        "yanchor": "bottom",
        "yshift": yshift,
        "text": text,
        "showarrow": False,
        "font": {"size": 13},
    }


def market_falls(data: Data) -> Chart:
    every = sorted(data.market, key=lambda r: r.loss_usd)
    shock = next((r for r in every if r.id == SHOCK), None)
    if shock is None:
        raise DataError(f'data/market.yaml: entry "{SHOCK}" is missing (the market chart highlights it)')
    rows = every[-SHOWN:]  # the chart draws the largest; the table lists them all
    if shock not in rows:
        raise DataError(f'data/market.yaml: entry "{SHOCK}" is not among the {SHOWN} largest falls the chart draws')
    names = [label(f"{r.company}, {r.date.day} {r.date:%b %Y}") for r in rows]
    names = [f"<b>{n}</b>" if r.id == SHOCK else n for n, r in zip(names, rows)]
    actors = [actor_of(r.company) for r in rows]
    if actor_of(shock.company) != "nvidia":
        raise DataError(
            f"data/market.yaml: entry \"{SHOCK}\" is no longer Nvidia's (the chart keys it in Nvidia's colour)"
        )
    # The shock in full colour; the same company's other falls in a paler tint of it; other companies grey.
    opacity = [PALE if a == "nvidia" and r.id != SHOCK else 1 for a, r in zip(actors, rows)]
    highlighted = f"{shock.company}'s record" if rows[-1].id == SHOCK else f"{shock.company}, {day(shock.date)}"
    # The dollars and, beside them, the % fall: a big company can lose more dollars on a smaller move.
    values = [format_value(r.loss_usd, "usd_billion").replace(" billion", "B") + " · " + percent_words(r) for r in rows]
    texts = [f"<b>{v}</b>" if r.id == SHOCK else v for v, r in zip(values, rows)]
    # The longest bar's value goes above its end; the others' beside their bars, with room kept for them.
    losses = [r.loss_usd / 1e9 for r in rows]
    end = max(losses[-1] * 1.03, *(v * 1.45 for v in losses[:-1]))
    trace = go.Bar(
        x=[r.loss_usd / 1e9 for r in rows],
        y=names,
        orientation="h",
        marker={"color": [colour(a) for a in actors], "opacity": opacity},
        meta=actors,
        text=texts,
        textposition=["outside"] * (len(rows) - 1) + ["none"],
        textfont={"size": 13},
        cliponaxis=False,
        customdata=[[percent_words(r)] for r in rows],
        hovertemplate="%{y}<br>Lost $%{x:.0f} billion in one day (%{customdata[0]})<extra></extra>",
        showlegend=False,
    )
    layout = base_layout(
        height=max(280, 70 + 42 * len(rows)),
        margin={"r": 20, "t": 44},
        xaxis=axis("Value lost in one day (billion US$) · and the % fall", range=[0, end], tickprefix="$"),
        yaxis=axis("", range=[-0.5, len(rows) - 0.1]),
        annotations=[key_annotation(shock.company, highlighted), record_label(names[-1], texts[-1], losses[-1], 17)],
        bargap=GAP["desk"],
        shapes=outlines(losses, [o < 1 for o in opacity], GAP["desk"]),
    )
    runner_up = rows[-2] if rows[-1].id == SHOCK else rows[-1]
    summary = (
        f"On {day(shock.date)} {shock.company} lost {format_value(shock.loss_usd, 'usd_billion')} of market value"
        + (f", a fall of {percent_words(shock)}" if shock.percent_fall else "")
        + f". The next largest fall shown is {runner_up.company}'s on {day(runner_up.date)}, "
        f"{format_value(runner_up.loss_usd, 'usd_billion')}. These are losses in dollars, not in percent; "
        "a bigger company can lose more dollars on a smaller percentage move. "
        f"The chart shows the {len(rows)} largest falls; the Table lists all {len(every)} we found, with their sources."
    )
    chart = Chart(
        id="market-falls",
        title=(
            f"{shock.company}'s fall on {day(shock.date)} was the largest one-day loss of market value on record, "
            f"{shock.loss_usd / runner_up.loss_usd:.1f} times the next largest"
            if rows[-1].id == SHOCK
            else f"{shock.company}'s fall on {day(shock.date)} ranks number {len(rows) - rows.index(shock)} of "
            f"the {len(rows)} largest one-day losses shown"
        ),
        caption=f"Market value lost in one trading day (US$, not adjusted for inflation) and the % fall; "
        f"{shock.company} amber, other companies grey. The {len(rows)} largest falls we found reported, not a "
        f"complete list; all {len(every)} are in the Table.",
        figure=go.Figure([trace], layout),
        summary=summary,
        columns=["Company", "Date", "Value lost (US$)", "Fall (%)", "Status"],
        rows=[[r.company, r.date.isoformat(), r.loss_usd, percent_cell(r), r.status] for r in reversed(every)],
        cell_formats=[
            None,
            None,
            lambda v: format_value(v, "usd_billion"),
            lambda v: v if v == NOT_REPORTED else f"{v}%",
            None,
        ],
        sources=list(dict.fromkeys(r.source for r in every)),
    )
    # On a phone the names go above the bars, so the bars and their labels get the full width.
    chart.phone = {
        "height": 90 + 56 * len(rows),
        "bargap": GAP["phone"],
        "shapes": outlines(losses, [o < 1 for o in opacity], GAP["phone"]),
        "xaxis": {"title": {"text": "Billion US$ lost in one day"}, "dtick": 200},
        "yaxis": {"showticklabels": False},
        "margin": {"l": 4, "r": 18, "t": 62},
        "annotations": [
            *labels_above(names, yshift=14),
            record_label(names[-1], texts[-1], losses[-1], 14),
            key_annotation(shock.company, highlighted, phone=True),
        ],
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [market_falls(data)]
