"""Doing more with less: each engineering effect against its own starting point.

Three panels, one meaning each and every row going one way: what is left of the older way (the
older way = 100%, every dot lower), how many times as fast (the older way = 1×, every dot higher),
and the prices paid for them (from zero, every mark higher). A grey ring is the older way, a blue
dot DeepSeek's design, a red cross a price paid (its own mark from charts/theme.py, so a cost never
reads as a gain); each row says its number and what it is measured against. Nothing is multiplied
together. The words of each row come from charts/effects.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.effects import drawn, row_lines, sentence
from charts.fields import DataError
from charts.numbers import trim
from charts.render import Chart
from charts.schema import Data
from charts.text import label, wrapped
from charts.theme import ACTORS, MARK_WORDS, SIGNS, base_layout


@dataclass(frozen=True)
class Panel:
    title: str
    effects: tuple[str, ...]
    start: float  # where the older way sits
    direction: str  # "down": every dot below its ring; "up": every dot above it
    unit: str  # the tick labels' suffix
    said: str  # the panel in the words of the "In words" summary
    mark: str = "deepseek"  # the PALETTE key its marks are drawn in: DeepSeek's design, or a cost


PANELS = [
    Panel("What is left (older way = 100%)", ("share_left", "cut"), 100, "down", "%", "What is left of the older way"),
    Panel("Times as fast (older way = 1×)", ("faster",), 1, "up", "×", "Times as fast as the older way"),
    Panel("What it cost (smaller is better)", ("cost",), 0, "up", "%", "What it cost", "cost"),
]

# The layout in px, so every panel, row and gap has the room its text needs on a desk and on a phone.
LINE = 17  # one line of 13 px label text (Plotly spaces lines 1.3 em apart)
TITLE = 24  # the panel's title, at its top
ABOVE = 12  # from the bottom of a row's words to its dot's centre
ROW = 22  # from a dot's centre to the top of the next row's words
TICKS = 22  # the tick labels under a panel
GAP = 16  # between one panel's ticks and the next panel's title
MARGIN = {"t": 6, "b": TICKS + 8, "l": 10, "r": 14}
WIDTHS = {"desk": 660, "phone": 330}  # px for a line of words: the picture less its margins


def panel_rows(items, width: float) -> tuple[float, float, float]:
    """A panel's rows in px: the pitch from one dot to the next, the first dot's depth, the panel's height.

    Every row of a panel gets the room of its longest words, so the rows can sit at 0, 1, 2... in data
    and each layout (desk, phone) only sets the axis range that spaces them out."""
    lines = max(len(row_lines(f, width)) for f in items)
    pitch = LINE * lines + ABOVE + ROW
    first = TITLE + LINE * lines + ABOVE
    return pitch, first, first + pitch * (len(items) - 1) + 18


def placed(panels, width: float) -> tuple[dict, list[dict], int]:
    """Axis domains and ranges, the row words and panel titles, and the figure's height, for one width."""
    heights = [panel_rows(items, width)[2] for _, items in panels]
    plot = sum(heights) + (TICKS + GAP) * (len(panels) - 1)
    axes, notes, top = {}, [], 0.0
    for index, ((panel, items), height) in enumerate(zip(panels, heights)):
        suffix = "" if index == 0 else str(index + 1)
        pitch, first, _ = panel_rows(items, width)
        start = -first / pitch  # the panel's top, in rows
        axes[f"yaxis{suffix}"] = {
            "domain": [1 - (top + height) / plot, 1 - top / plot],
            "range": [start + height / pitch, start],
        }
        axes[f"xaxis{suffix}"] = {"domain": [0, 1]}
        where = {"xref": f"x{suffix} domain", "yref": f"y{suffix}", "x": 0, "xanchor": "left", "showarrow": False}
        notes.append({**where, "text": f"<b>{panel.title}</b>", "y": start, "yanchor": "top", "font": {"size": 14}})
        notes += [
            {
                **where,
                "text": "<br>".join(row_lines(f, width)),
                "y": row,
                "yanchor": "bottom",
                "align": "left",
                "yshift": ABOVE,
                "font": {"size": 13},
            }
            for row, f in enumerate(items)
        ]
        top += height + TICKS + GAP
    return axes, notes, int(plot + MARGIN["t"] + MARGIN["b"])


def title(factors) -> str:
    """The finding, from the data: how far the biggest cut went, and the biggest speed-up."""
    left = [drawn(f) for f in factors if f.effect in PANELS[0].effects]
    faster = [f.value for f in factors if f.effect in PANELS[1].effects]
    parts = []
    if left:
        parts.append(f"down to {trim(min(left))}% of the older way")
    if faster:
        parts.append(f"up to {trim(max(faster))}× as fast")
    return "Each trick saves on its own: " + ", or ".join(parts) if parts else "Each trick saves on its own"


def add_panel(figure, row: int, panel: Panel, items) -> None:
    """One panel's dumbbells: a line from the older way to DeepSeek's mark, the grey ring, the mark.
    A cost's line and mark are drawn as a cost: red, a cross."""
    rows = list(range(len(items)))
    grey = ACTORS["other"].colour
    mark = SIGNS.get(panel.mark) or ACTORS[panel.mark]
    stroke = (mark.colour, panel.mark) if panel.mark in SIGNS else (grey, "other")
    figure.add_trace(
        go.Scatter(
            x=[v for f in items for v in (panel.start, drawn(f), None)],
            y=[v for r in rows for v in (r, r, None)],
            mode="lines",
            line={"color": stroke[0], "width": 3},
            meta=stroke[1],
            hoverinfo="skip",
        ),
        row=row,
        col=1,
    )
    # The older way: a grey ring, wide enough to show around a blue dot that lands near it.
    figure.add_trace(
        go.Scatter(
            x=[panel.start] * len(items),
            y=rows,
            mode="markers",
            marker={"color": grey, "symbol": "circle-open", "size": 20, "line": {"width": 3, "color": grey}},
            meta=["other"] * len(items),
            cliponaxis=False,
            customdata=[label(f.baseline) for f in items],
            hovertemplate="The older way: %{customdata}<extra></extra>",
        ),
        row=row,
        col=1,
    )
    figure.add_trace(
        go.Scatter(
            x=[drawn(f) for f in items],
            y=rows,
            mode="markers",
            marker={"color": mark.colour, "symbol": mark.symbol, "size": 13 if mark.symbol == "circle" else 15},
            meta=[panel.mark] * len(items),
            cliponaxis=False,
            customdata=[[wrapped(sentence(f), 40), wrapped(f.explanation, 40), f.kind] for f in items],
            hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br><i>%{customdata[2]}</i><extra></extra>",
            hoverlabel={"align": "left"},
        ),
        row=row,
        col=1,
    )
    highest = max([panel.start] + [drawn(f) for f in items])
    ticks = {"ticksuffix": panel.unit}
    if panel.unit == "×":  # one tick per whole time, from the older way's 1×
        whole = range(1, math.ceil(highest) + 1)
        ticks = {"tickmode": "array", "tickvals": list(whole), "ticktext": [f"{v}×" for v in whole]}
    # A little room left of the axis's first tick, so a mark at or near it is not cut off; no more room,
    # and no zero line: left of 1× a stray grid line read as "0×".
    floor = panel.start if panel.unit == "×" else 0  # percents from zero, times from the older way's 1×
    low = floor - (highest - floor) * 0.04
    figure.update_xaxes(range=[low, highest * 1.1], zeroline=False, automargin=False, row=row, col=1, **ticks)
    figure.update_yaxes(showticklabels=False, showgrid=False, zeroline=False, showline=False, ticks="", row=row, col=1)


def efficiency_factors(data: Data) -> Chart:
    """Each effect as a before -> after pair, one direction per panel; they must not be multiplied."""
    factors = data.training_compute.factors
    if not factors:
        raise DataError("data/training_compute.yaml: field factors is empty (the efficiency chart needs them)")
    panels = [(p, [f for f in factors if f.effect in p.effects]) for p in PANELS]
    panels = [(p, items) for p, items in panels if items]
    figure = make_subplots(rows=len(panels), cols=1)
    for row, (panel, items) in enumerate(panels, start=1):
        add_panel(figure, row, panel, items)
    axes, notes, height = placed(panels, WIDTHS["desk"])
    figure.update_layout(base_layout(height=height, margin=MARGIN, annotations=notes, **axes))
    headline = title(factors)
    summary = (
        " ".join(
            f"{p.said}: " + "; ".join(f"{sentence(f)} (against {f.baseline})" for f in items) + "."
            for p, items in panels
        )
        + " Each has its own starting point, so they cannot be multiplied into one total."
    )
    chart = Chart(
        id="efficiency-factors",
        title=headline,
        caption=f"{MARK_WORDS['other'].capitalize()}: the older way each trick is measured against, named on "
        f"its row. {MARK_WORDS['deepseek'].capitalize()}: DeepSeek's design. {MARK_WORDS['cost'].capitalize()}: "
        "what DeepSeek paid for it. Each has its own starting point and helps a different part of the work, "
        "so they cannot be multiplied together.",
        figure=figure,
        summary=summary,
        columns=["Effect", "Value", "Unit", "Measured against", "What it means", "Status"],
        rows=[[f.name, f.value, f.unit, f.baseline, f.explanation, f.kind] for f in factors],
        cell_formats=[None, lambda v: f"{v:g}", None, None, None, None],
        sources=[f.source for f in factors],
    )
    # On a phone the words wrap sooner: the same rows, spaced out for them.
    axes, notes, height = placed(panels, WIDTHS["phone"])
    chart.phone = {"height": height, "annotations": notes, **axes}
    return chart


def build(data: Data) -> list[Chart]:
    return [efficiency_factors(data)]
