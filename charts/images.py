"""Static SVGs of every chart, in the light scheme, for print and for download.

kaleido drives the machine's Chromium; all figures go through one session, which is several
times quicker than one call per figure.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

from charts.theme import LIGHT

PRINT_WIDTH = 760  # px: the text column of an A4 or Letter page at 96 dpi


def light(figure: go.Figure) -> go.Figure:
    fig = copy.deepcopy(figure)
    fig.update_layout(
        font_color=LIGHT["text"],
        paper_bgcolor="#ffffff",
        plot_bgcolor="#ffffff",
        width=PRINT_WIDTH,
    )
    fig.update_xaxes(gridcolor=LIGHT["grid"], linecolor=LIGHT["line"])
    fig.update_yaxes(gridcolor=LIGHT["grid"], linecolor=LIGHT["line"])
    return fig


def write_images(charts, folder: Path) -> None:
    figures = [light(chart.figure) for chart in charts]
    paths = [folder / f"{chart.id}.svg" for chart in charts]
    pio.write_images(
        figures,
        paths,
        format="svg",
        width=PRINT_WIDTH,
        height=[figure.layout.height or 420 for figure in figures],
    )
    for chart, path in zip(charts, paths):
        path.write_text(stable_ids(path.read_text(encoding="utf-8"), chart.id), encoding="utf-8")


def stable_ids(svg: str, chart_id: str) -> str:
    """plotly.js names its clip paths after a random id per plot: fix it, so builds are byte-identical."""
    match = re.search(r'id="defs-([0-9a-f]+)"', svg)
    if not match:
        return svg
    return svg.replace(match.group(1), f"-{chart_id}-")
