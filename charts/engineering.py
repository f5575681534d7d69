"""Doing more with less: each engineering effect against its own starting point.

Three panels, because the effects mean different things: what is still needed (the older way =
100), how many times faster (the older way = 1×), and the prices paid for them. Each row is a
before -> after pair, named with what it is measured against; nothing is multiplied together.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.fields import DataError
from charts.render import Chart
from charts.schema import Data
from charts.text import label, wrapped
from charts.theme import ACTORS, base_layout, colour

# effect -> panel title, where the "before" dot sits, and the value's "after"
PANELS = [
    ("Less needed (the older way = 100)", ("share_left", "cut"), 100),
    ("Faster (the older way = 1×)", ("faster",), 1),
    ("Paid in return (percent)", ("cost",), 0),
]


def after(factor) -> float:
    if factor.effect == "cut":
        return 100 - factor.value
    return factor.value


def value_text(factor) -> str:
    if factor.effect == "cut":
        return f"{factor.value:g}% less"
    if factor.effect == "faster":
        return f"{factor.value:g}× as fast"
    return f"{factor.value:g}%"


def row_name(factor, width: int) -> str:
    """The effect's name, its value in bold, and what it is measured against, wrapped to width."""
    value = value_text(factor).replace(" ", "\u00a0")  # kept on one line, so it can be bold
    name = wrapped(f"{factor.name}: {value} · against {factor.baseline}", width)
    return name.replace(label(value), f"<b>{label(value)}</b>", 1)


def efficiency_factors(data: Data) -> Chart:
    """Each effect as a before -> after pair: they act on different things and must not be multiplied."""
    factors = data.training_compute.factors
    if not factors:
        raise DataError("data/training_compute.yaml: field factors is empty (the efficiency chart needs them)")
    panels = [(title, [f for f in factors if f.effect in effects], start) for title, effects, start in PANELS]
    panels = [p for p in panels if p[1]]
    sizes = [len(items) for _, items, _ in panels]
    figure = make_subplots(rows=len(panels), cols=1, vertical_spacing=0.15, row_heights=[n + 0.6 for n in sizes])
    notes = []
    for row, (title, items, start) in enumerate(panels, start=1):
        suffix = "" if row == 1 else str(row)
        ids = [f.id for f in items]
        figure.add_trace(  # from the starting point (or zero) to where each effect lands
            go.Scatter(
                x=[v for f in items for v in (start, after(f), None)],
                y=[v for i in ids for v in (i, i, None)],
                mode="lines",
                line={"color": ACTORS["other"].colour, "width": 3},
                meta="other",
                hoverinfo="skip",
            ),
            row=row,
            col=1,
        )
        if start:  # the starting point itself, in grey
            figure.add_trace(
                go.Scatter(
                    x=[start] * len(items),
                    y=ids,
                    mode="markers",
                    marker={"color": ACTORS["other"].colour, "size": 11},
                    meta=["other"] * len(items),
                    hovertemplate="Before: " + f"{start:g}" + "<extra></extra>",
                ),
                row=row,
                col=1,
            )
        figure.add_trace(
            go.Scatter(
                x=[after(f) for f in items],
                y=ids,
                mode="markers",
                marker={"color": colour("deepseek"), "size": 14},
                meta=["deepseek"] * len(items),
                customdata=[[label(f.explanation), f.status] for f in items],
                hovertemplate="%{customdata[0]}<br><i>%{customdata[1]}</i><extra></extra>",
            ),
            row=row,
            col=1,
        )
        highest = max([start] + [after(f) for f in items])
        # The panel's title sits under its axis, where it says what the numbers mean.
        figure.update_xaxes(
            range=[0, highest * 1.1], title={"text": f"<b>{title}</b>"}, automargin=True, row=row, col=1
        )
        # Reversed, with room above the first row for its name.
        figure.update_yaxes(
            range=[len(items) - 0.5, -1.4], showticklabels=False, showgrid=False, automargin=True, row=row, col=1
        )
        notes += [
            {
                "text": row_name(f, 72),
                "xref": f"x{suffix} domain",
                "yref": f"y{suffix}",
                "x": 0,
                "y": f.id,
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "yshift": 9,
                "showarrow": False,
                "font": {"size": 13},
            }
            for f in items
        ]
    figure.update_layout(base_layout(height=200 + 84 * len(factors), margin={"t": 24}, annotations=notes))
    summary = (
        "The DeepSeek reports give these separate effects, each against its own starting point: "
        + "; ".join(f"{f.name}: {value_text(f)}, against {f.baseline}" for f in factors)
        + ". Each applies to a different part of the work, so they cannot be multiplied into one total."
    )
    chart = Chart(
        id="efficiency-factors",
        title="Each saving is measured against its own starting point, so they cannot be multiplied",
        caption="Grey dot: the starting point each effect is measured against, named on its row. Blue dot: "
        "where DeepSeek's design lands. The last panel shows what DeepSeek gave up in return.",
        figure=figure,
        summary=summary,
        columns=["Effect", "Value", "Unit", "Measured against", "What it means", "Status"],
        rows=[[f.name, f.value, f.unit, f.baseline, f.explanation, f.status] for f in factors],
        cell_formats=[None, lambda v: f"{v:g}", None, None, None, None],
        sources=[f.source for f in factors],
    )
    # On a phone the row names wrap shorter and each row gets more room.
    by_id = {f.id: f for f in factors}
    chart.phone = {
        "height": 200 + 124 * len(factors),  # three-line names need room above each row
        "margin": {"t": 40},
        "annotations": [{**n, "text": row_name(by_id[n["y"]], 40)} if n["y"] in by_id else n for n in notes],
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [efficiency_factors(data)]
