"""Static SVGs of every chart, in the light scheme, for print and for download.

kaleido drives the machine's Chromium; all figures go through one session, which is several
times quicker than one call per figure. An SVG whose figure has not changed is reused from
.build-cache/svg/, so editing one number re-exports one chart, not all of them.
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio
from plotly.utils import PlotlyJSONEncoder

from charts.theme import LIGHT

PRINT_WIDTH = 760  # px: the text column of an A4 or Letter page at 96 dpi


def light(figure: go.Figure) -> go.Figure:
    fig = copy.deepcopy(figure)
    fig.update_layout(font_color=LIGHT["text"], paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", width=PRINT_WIDTH)
    fig.update_xaxes(gridcolor=LIGHT["grid"], linecolor=LIGHT["line"])
    fig.update_yaxes(gridcolor=LIGHT["grid"], linecolor=LIGHT["line"])
    return fig


def fingerprint(figure: go.Figure) -> str:
    text = json.dumps(figure.to_plotly_json(), cls=PlotlyJSONEncoder, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def write_images(charts, folder: Path, cache: Path) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    todo = []
    for chart in charts:
        figure = light(chart.figure)
        cached = cache / f"{chart.id}-{fingerprint(figure)}.svg"
        if not cached.exists():
            todo.append((chart, figure, cached))
    if todo:
        pio.write_images(
            [figure for _, figure, _ in todo],
            [cached for _, _, cached in todo],
            format="svg",
            width=PRINT_WIDTH,
            height=[figure.layout.height or 420 for _, figure, _ in todo],
        )
        for chart, _, cached in todo:
            cached.write_text(stable_ids(cached.read_text(encoding="utf-8"), chart.id), encoding="utf-8")
    for chart in charts:
        figure = light(chart.figure)
        shutil.copyfile(cache / f"{chart.id}-{fingerprint(figure)}.svg", folder / f"{chart.id}.svg")


def stable_ids(svg: str, chart_id: str) -> str:
    """plotly.js names its clip paths after a random id per plot: fix it, so builds are byte-identical."""
    match = re.search(r'id="defs-([0-9a-f]+)"', svg)
    if not match:
        return svg
    return svg.replace(match.group(1), f"-{chart_id}-")
