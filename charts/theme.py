"""Colours, fonts and the base layout every chart starts from.

Figures are built neutral (transparent background, no text colour); docs/javascripts/charts.js
applies the light or dark text and grid colours of the reader's current scheme.
"""

from __future__ import annotations

# Okabe-Ito, without black (invisible in dark mode): safe for the common colour-vision deficiencies.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "grey": "#999999",
}
DEEPSEEK = OKABE_ITO["blue"]
OTHER = OKABE_ITO["grey"]
SEQUENCE = [OKABE_ITO[name] for name in ("blue", "orange", "green", "purple", "sky", "vermillion", "yellow", "grey")]
SYMBOLS = ["circle", "diamond", "square", "triangle-up", "x", "star", "cross", "hexagon"]
PATTERNS = ["", "/", ".", "x", "\\", "+", "-", "|"]

FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'

# Printed charts and static images use the light scheme.
LIGHT = {"text": "#1f2328", "grid": "#d0d7de", "line": "#8c959f"}


def base_layout(height: int = 420, **extra) -> dict:
    """Layout shared by all charts: compact margins, legend below, no colours tied to a scheme."""
    layout = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "pad": 2},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT_FAMILY, "size": 13},
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "legend": {"orientation": "h", "yanchor": "top", "y": -0.18, "xanchor": "left", "x": 0},
        "separators": ".,",
    }
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(layout.get(key), dict):
            layout[key] = {**layout[key], **value}
        else:
            layout[key] = value
    return layout


def axis(title: str = "", **extra) -> dict:
    return {"title": {"text": title}, "automargin": True, "zeroline": False, **extra}


# Plotly's own config: keep the modebar to what readers use.
CONFIG = {
    "displaylogo": False,
    "responsive": False,
    "scrollZoom": False,
    "modeBarButtonsToRemove": [
        "select2d",
        "lasso2d",
        "autoScale2d",
        "toggleSpikelines",
        "hoverClosestCartesian",
        "hoverCompareCartesian",
        "zoomIn2d",
        "zoomOut2d",
    ],
}
