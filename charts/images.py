"""The static pictures of every chart: a desk and a phone variant, drawn before any script.

Each chart is drawn twice, as the browser would draw it (the same template-free spec, by the same
plotly.js): at the text column's width on a 1366 px laptop and at its width on a 390 px phone (with
the chart's `phone` overrides). The scheme colours are drawn as placeholder colours and then
rewritten to CSS custom properties, so one inline SVG follows light and dark with no script (and
falls back to the light colours wherever our CSS is absent). charts.svg_export draws them in the
machine's Chromium. An SVG whose figure has not changed is reused from .build-cache/svg/, so
editing one number redraws one chart; a build whose pictures are all cached starts no browser.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from charts.render import DESK_WIDTH, HEIGHT, PHONE_WIDTH, Chart, merged, spec_json
from charts.svg_export import Drawing
from charts.theme import SCHEMES

# Drawn in place of the scheme's colours, then rewritten to CSS variables (none is a real colour).
PLACEHOLDERS = {"text": "#010203", "grid": "#040506", "line": "#070809"}


def css_variable(role: str) -> str:
    return f"var(--chart-{role}, {SCHEMES['light'][role]})"


@dataclass(frozen=True)
class Picture:
    svg: str  # inline SVG, colours as CSS variables
    width: int
    height: int


def variant(chart: Chart, phone: bool) -> dict:
    """The figure as plotly.js draws it in the browser, with placeholder scheme colours."""
    spec = json.loads(spec_json(chart))
    layout = merged(spec["layout"], spec.get("phone", {})) if phone else spec["layout"]
    layout = merged(
        layout,
        {
            "width": PHONE_WIDTH if phone else chart.desk_width or DESK_WIDTH,
            "height": layout.get("height") or HEIGHT,
            "font": {"color": PLACEHOLDERS["text"]},
            "paper_bgcolor": "rgba(0,0,0,0)",
            "plot_bgcolor": "rgba(0,0,0,0)",
            "template": {},  # plotly.js's defaults, as in the browser, not plotly.py's template
        },
    )
    colours = {
        "gridcolor": PLACEHOLDERS["grid"],
        "linecolor": PLACEHOLDERS["line"],
        "zerolinecolor": PLACEHOLDERS["line"],
        "tickcolor": PLACEHOLDERS["line"],
    }
    for key in [k for k in layout if re.fullmatch(r"[xy]axis\d*", k)]:
        layout[key] = {**layout[key], **colours}
    return {"data": spec["data"], "layout": layout}


def fingerprint(figure: dict) -> str:
    return hashlib.sha256(json.dumps(figure, sort_keys=True).encode()).hexdigest()[:20]


def rgb(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def inline(svg: str, chart_id: str, name: str) -> str:
    """plotly.js's SVG made fit to sit in the page: stable unique ids, scheme colours as variables."""
    match = re.search(r'id="defs-([0-9a-f]+)"', svg)
    if match:  # plotly.js names clip paths after a random id per plot: fix it, unique per variant
        svg = svg.replace(match.group(1), f"-{chart_id}-{name}-")
    for role, colour in PLACEHOLDERS.items():
        svg = svg.replace(rgb(colour), css_variable(role))
    if "var(--chart-" in "".join(re.findall(r'(?:fill|stroke)="[^"]*"', svg)):
        raise RuntimeError(f"chart {chart_id}: a scheme colour sits in an SVG attribute, where CSS variables fail")
    # The page sizes the picture (CSS), the viewBox keeps its proportions.
    return re.sub(r'^<svg class="main-svg"([^>]*?) width="\d+" height="\d+" style=""', r"<svg\1", svg, count=1)


def standalone(svg: str) -> str:
    """The inline SVG as a file of its own (download, print elsewhere): light colours on white."""
    for role in PLACEHOLDERS:
        svg = svg.replace(css_variable(role), rgb(SCHEMES["light"][role]))
    width, height = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups()
    svg = svg.replace("<svg ", f'<svg width="{width}" height="{height}" ', 1)
    return re.sub(r"(<svg[^>]*>)", rf'\1<rect width="{width}" height="{height}" fill="#ffffff"/>', svg, count=1)


class Pictures:
    """Every chart's desk and phone picture. Drawing what the cache lacks starts at once, in the
    background (in `browser`, a Drawing already started, if given); result() waits for it."""

    def __init__(self, charts: list[Chart], cache: Path, bundle: Path, browser: Drawing | None = None):
        cache.mkdir(parents=True, exist_ok=True)
        self.wanted, self.todo = {}, []
        for chart in charts:
            for name, phone in (("desk", False), ("phone", True)):
                figure = variant(chart, phone)
                path = cache / f"{chart.id}-{name}-{fingerprint(figure)}.svg"
                self.wanted[chart.id, name] = (path, figure)
                if not path.exists():
                    self.todo.append((path, figure))
        self.drawing = None
        if self.todo:
            self.drawing = (browser or Drawing(bundle)).draw([figure for _, figure in self.todo])
        elif browser:
            browser.cancel()

    def result(self) -> dict[str, dict[str, Picture]]:
        if self.drawing:
            for (path, _), svg in zip(self.todo, self.drawing.result()):
                temporary = path.with_suffix(".tmp")  # never a half-written picture in the cache
                temporary.write_text(svg, encoding="utf-8")
                temporary.replace(path)
        out: dict[str, dict[str, Picture]] = {}
        for (chart_id, name), (path, figure) in self.wanted.items():
            svg = inline(path.read_text(encoding="utf-8"), chart_id, name)
            out.setdefault(chart_id, {})[name] = Picture(svg, figure["layout"]["width"], figure["layout"]["height"])
        return out


def pictures(charts: list[Chart], cache: Path, bundle: Path) -> dict[str, dict[str, Picture]]:
    return Pictures(charts, cache, bundle).result()


def cache_is_empty(cache: Path) -> bool:
    """A clean build: every picture will be drawn, so the browser may start before the charts are built."""
    return not cache.is_dir() or not any(cache.glob("*.svg"))


def write_files(found: dict[str, dict[str, Picture]], folder: Path) -> None:
    """The desk picture of each chart as a light SVG file, for the download link."""
    for chart_id, variants in found.items():
        (folder / f"{chart_id}.svg").write_text(standalone(variants["desk"].svg), encoding="utf-8")
