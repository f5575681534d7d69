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
from charts.theme import ACTORS, MARK_WORDS, base_layout, colour

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


# The layout in px, so every panel, row and gap has the room its text needs on a desk and on a phone.
LINE = 17  # one line of 13 px label text (Plotly spaces lines 1.3 em apart)
TITLE = 30  # the panel's title, at its top
ROW = 34  # under a row's name: the gap to its dot, the dot, and the space before the next row's name
TICKS = 26  # the tick labels under a panel
GAP = 30  # between one panel's ticks and the next panel's title
MARGIN = {"t": 8, "b": TICKS + 6, "l": 10, "r": 14}


def panel_rows(items, width: int) -> tuple[float, float, float]:
    """A panel's rows in px: the pitch from one dot to the next, the first dot's depth, the panel's height.

    Every row of a panel gets the room of its longest name, so the rows can sit at 0, 1, 2... in data
    and each layout (desk, phone) only sets the axis range that spaces them out."""
    lines = max(row_name(f, width).count("<br>") + 1 for f in items)
    pitch = LINE * lines + ROW
    first = TITLE + LINE * lines + 17
    return pitch, first, first + pitch * (len(items) - 1) + 20


def placed(panels, width: int) -> tuple[dict, list[dict], int]:
    """Axis domains and ranges, the row names and panel titles, and the figure's height, for one width."""
    heights = [panel_rows(items, width)[2] for _, items, _ in panels]
    plot = sum(heights) + (TICKS + GAP) * (len(panels) - 1)
    axes, notes, top = {}, [], 0.0
    for index, ((title, items, _), height) in enumerate(zip(panels, heights)):
        suffix = "" if index == 0 else str(index + 1)
        pitch, first, _ = panel_rows(items, width)
        start = -first / pitch  # the panel's top, in rows
        axes[f"yaxis{suffix}"] = {
            "domain": [1 - (top + height) / plot, 1 - top / plot],
            "range": [start + height / pitch, start],
        }
        axes[f"xaxis{suffix}"] = {"domain": [0, 1]}
        notes.append(
            {
                "text": f"<b>{title}</b>",
                "xref": f"x{suffix} domain",
                "yref": f"y{suffix}",
                "x": 0,
                "y": start,
                "xanchor": "left",
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": 14},
            }
        )
        notes += [
            {
                "text": row_name(f, width),
                "xref": f"x{suffix} domain",
                "yref": f"y{suffix}",
                "x": 0,
                "y": row,
                "xanchor": "left",
                "yanchor": "bottom",
                "align": "left",
                "yshift": 10,
                "showarrow": False,
                "font": {"size": 13},
            }
            for row, f in enumerate(items)
        ]
        top += height + TICKS + GAP
    return axes, notes, int(plot + MARGIN["t"] + MARGIN["b"])


def efficiency_factors(data: Data) -> Chart:
    """Each effect as a before -> after pair: they act on different things and must not be multiplied."""
    factors = data.training_compute.factors
    if not factors:
        raise DataError("data/training_compute.yaml: field factors is empty (the efficiency chart needs them)")
    panels = [(title, [f for f in factors if f.effect in effects], start) for title, effects, start in PANELS]
    panels = [p for p in panels if p[1]]
    figure = make_subplots(rows=len(panels), cols=1)
    for row, (_, items, start) in enumerate(panels, start=1):
        rows = list(range(len(items)))
        figure.add_trace(  # from the starting point (or zero) to where each effect lands
            go.Scatter(
                x=[v for f in items for v in (start, after(f), None)],
                y=[v for r in rows for v in (r, r, None)],
                mode="lines",
                line={"color": ACTORS["other"].colour, "width": 3},
                meta="other",
                hoverinfo="skip",
            ),
            row=row,
            col=1,
        )
        # The starting point itself: a grey ring, wide enough to show around a blue dot that lands near it.
        figure.add_trace(
            go.Scatter(
                x=[start] * len(items),
                y=rows,
                mode="markers",
                marker={
                    "color": ACTORS["other"].colour,
                    "symbol": "circle-open",
                    "size": 20,
                    "line": {"width": 3, "color": ACTORS["other"].colour},
                },
                meta=["other"] * len(items),
                cliponaxis=False,
                hovertemplate="Before: " + f"{start:g}" + "<extra></extra>",
            ),
            row=row,
            col=1,
        )
        figure.add_trace(
            go.Scatter(
                x=[after(f) for f in items],
                y=rows,
                mode="markers",
                marker={"color": colour("deepseek"), "size": 13},
                meta=["deepseek"] * len(items),
                cliponaxis=False,
                customdata=[[label(f.explanation), f.status] for f in items],
                hovertemplate="%{customdata[0]}<br><i>%{customdata[1]}</i><extra></extra>",
            ),
            row=row,
            col=1,
        )
        highest = max([start] + [after(f) for f in items])
        # A little room left of zero, so a mark at or near zero is not cut off by the axis.
        figure.update_xaxes(range=[-highest * 0.04, highest * 1.1], automargin=False, row=row, col=1)
        figure.update_yaxes(
            showticklabels=False, showgrid=False, zeroline=False, showline=False, ticks="", row=row, col=1
        )
    axes, notes, height = placed(panels, 72)  # on a desk, names wrap at 72 characters
    figure.update_layout(base_layout(height=height, margin=MARGIN, annotations=notes, **axes))
    summary = (
        "The DeepSeek reports give these separate effects, each against its own starting point: "
        + "; ".join(f"{f.name}: {value_text(f)}, against {f.baseline}" for f in factors)
        + ". Each applies to a different part of the work, so they cannot be multiplied into one total."
    )
    chart = Chart(
        id="efficiency-factors",
        title="Each saving is measured against its own starting point, so they cannot be multiplied",
        caption=f"{MARK_WORDS['other'].capitalize()[:-1]}: the starting point each effect is measured against, "
        "named on its row (zero in the last panel). Blue dot: "
        "where DeepSeek's design lands. The last panel shows what DeepSeek gave up in return.",
        figure=figure,
        summary=summary,
        columns=["Effect", "Value", "Unit", "Measured against", "What it means", "Status"],
        rows=[[f.name, f.value, f.unit, f.baseline, f.explanation, f.status] for f in factors],
        cell_formats=[None, lambda v: f"{v:g}", None, None, None, None],
        sources=[f.source for f in factors],
    )
    # On a phone the row names wrap at 40 characters: the same rows, spaced out for taller names.
    axes, notes, height = placed(panels, 40)
    chart.phone = {"height": height, "annotations": notes, **axes}
    return chart


def build(data: Data) -> list[Chart]:
    return [efficiency_factors(data)]
