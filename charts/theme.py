"""Colours, fonts, axes and the base layout every chart starts from.

One colour per actor, the same on every chart: DeepSeek, OpenAI, the US government, Nvidia, and
everyone else in grey. The colours come from the Okabe-Ito set (safe for the common colour-vision
deficiencies), nudged so that each keeps at least 3:1 contrast against both the light page (#ffffff)
and Material's dark "slate" page (#1e2129); a test checks both. No actor is green: the charts show
losses in their actors' colours (Nvidia's fall), and a loss drawn in green reads as a gain. Every trace names its actors in
`meta`, so a test can check that an actor looks the same everywhere.

Figures are built neutral (transparent background, no text colour); the static pictures and
docs/javascripts/charts.js take the text and grid colours of the reader's scheme from CSS variables
generated from SCHEMES below (charts/browser.py), as they take the actors' colours.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    colour: str
    symbol: str  # marker shape, so colour is never the only cue


ACTORS = {
    "deepseek": Actor("DeepSeek", "#2F7FC1", "circle"),
    "openai": Actor("OpenAI", "#D55E00", "diamond"),
    "us_government": Actor("US government", "#B5589A", "square"),
    "nvidia": Actor("Nvidia", "#A67400", "triangle-up"),  # Okabe-Ito's orange, darkened: amber, never olive
    "other": Actor("Other labs and companies", "#8C8C8C", "circle-open"),
}
# Marks that are not actors: a price paid for a saving (the engineering chart's costs), in a warning red
# no actor wears and as a cross no actor is drawn with, so a cost never reads as DeepSeek's gain.
SIGNS = {"cost": Actor("A price paid", "#D1365A", "x")}
# How a caption names each actor's mark, in the colour and shape the chart draws (a test checks them).
MARK_WORDS = {
    "deepseek": "blue dots",
    "openai": "orange diamonds",
    "us_government": "magenta squares",
    "nvidia": "amber triangles",
    "other": "grey rings",
    "cost": "red crosses",
}


def colour_key(models: list[tuple[str, str]]) -> str:
    """A caption sentence naming each developer colour a chart draws, e.g. "orange: OpenAI (GPT-4)",
    for (model name, developer) pairs; DeepSeek's and the grey labs' models are not listed one by one."""
    named: dict[str, list[str]] = {}
    for model, developer in models:
        named.setdefault(actor_of(developer), []).append(model)
    parts = [
        f"{MARK_WORDS[key].split()[0]}, "
        + (ACTORS[key].name.lower() if key == "other" else ACTORS[key].name)
        + ("" if key in ("deepseek", "other") else f" ({', '.join(dict.fromkeys(names))})")
        for key, names in sorted(named.items(), key=lambda item: list(ACTORS).index(item[0]))
    ]
    return "Color shows the developer: " + "; ".join(parts) + "."


PALETTE = {key: actor.colour for key, actor in {**ACTORS, **SIGNS}.items()}  # what the browser code receives
DEVELOPERS = {"deepseek": "deepseek", "openai": "openai", "nvidia": "nvidia"}
BACKGROUNDS = {"light": "#ffffff", "dark": "#1e2129"}


def actor_of(developer: str) -> str:
    """The actor key for a developer or company name ("DeepSeek", "OpenAI", "Meta" -> "other")."""
    return DEVELOPERS.get(developer.lower().replace(" ", ""), "other")


def colour(actor: str) -> str:
    return PALETTE[actor]


FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
MIN_TEXT = 12  # px: no chart text smaller, on any screen (Plotly must not shrink labels to fit)

# The reader's scheme: chart text, grid lines, axis lines, tooltip background. The browser gets them
# as CSS variables generated from here (charts/browser.py); print and the SVG files use light.
SCHEMES = {
    "light": {"text": "#1f2328", "grid": "#d0d7de", "line": "#8c959f", "hover": "#ffffff"},
    "dark": {"text": "#e6edf3", "grid": "#3d444d", "line": "#6e7681", "hover": "#161b22"},
}


def base_layout(height: int = 420, **extra) -> dict:
    """Layout shared by all charts: compact margins, no legend, no colours tied to a scheme."""
    layout = {
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "pad": 2},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "font": {"family": FONT_FAMILY, "size": 13},
        "hoverlabel": {"font": {"family": FONT_FAMILY, "size": 13}},
        "showlegend": False,  # direct labels instead of legends
        # Bar labels keep their size: Plotly would otherwise shrink them to fit, down to 5 px on a phone.
        "uniformtext": {"minsize": MIN_TEXT, "mode": "show"},
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


SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def power_label(exponent: int, dollars: bool = False, plain: bool = False) -> str:
    """A full label for a power of ten: $0.10, $1, $10k, $1M, $1B; 10²⁴; or, `plain`, 100 and 10,000."""
    if plain and not dollars and exponent >= 0:
        return f"{10**exponent:,}"
    if not dollars:
        return "10" + str(exponent).translate(SUPERSCRIPT)
    if exponent < 0:
        return f"${10**exponent:.2f}"
    for size, suffix in ((12, "T"), (9, "B"), (6, "M"), (3, "k")):
        if exponent >= size:
            return f"${10 ** (exponent - size)}{suffix}"
    return f"${10**exponent}"


def log_axis(
    title: str, low: float, high: float, dollars: bool = False, pad=(0.0, 0.0), plain: bool = False, **extra
) -> dict:
    """A log axis with one grid line per power of ten, each labelled in full (no bare 2s and 5s).

    The range covers whole powers of ten around [low, high], plus `pad` decades (left, right) for labels;
    `plain` writes counts a student reads at once (100, 1,000, 10,000) instead of 10², 10³, 10⁴.
    """
    first, last = math.floor(math.log10(low)), math.ceil(math.log10(high))
    exponents = range(first, last + 1)
    return axis(
        title,
        type="log",
        dtick=1,
        tickmode="array",
        tickvals=[10.0**e for e in exponents],
        ticktext=[power_label(e, dollars, plain) for e in exponents],
        minor={"showgrid": False},
        range=[first - pad[0], last + pad[1]],
        **extra,
    )


def labels_above(names: list[str], yaxis: str = "y", size: int = 13, yshift: int = 9) -> list[dict]:
    """Row names as text above each row, left-aligned: on a phone the plot keeps the full width."""
    return [
        {
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": name,
            "yref": yaxis,
            "yanchor": "bottom",
            "yshift": yshift,  # half a bar's thickness, for bars
            "text": name,
            "showarrow": False,
            "font": {"size": size},
        }
        for name in names
    ]


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
