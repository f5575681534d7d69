"""Turn a built chart into deterministic files: the figure HTML, its CSV, its spec.

A chart becomes a full <figure>: the takeaway title, a caption, the live chart and a real data
table in two tabs, a summary generated from the data (the chart's accessible description),
the sources line and the downloads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, StrictUndefined
from plotly.utils import PlotlyJSONEncoder

from charts.numbers import day
from charts.schema import SOURCE_KINDS, Data
from charts.theme import CONFIG

TEMPLATES = Environment(
    loader=PackageLoader("charts", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


@dataclass
class Chart:
    id: str
    title: str
    caption: str
    figure: go.Figure
    summary: str
    columns: list[str]
    rows: list[list[Any]]
    sources: list[str]
    cell_formats: list[Callable[[Any], str] | None] = field(default_factory=list)
    controls_html: str = ""
    hint: str = ""  # how to use the live chart; left off paper
    # Plotly layout overrides for a phone (390 px wide): height, margins, font sizes, annotations...
    # Merged into the layout (dicts key by key, anything else replaced) for the phone picture and
    # for the live chart on narrow screens; see phone_layout().
    phone: dict = field(default_factory=dict)


PHONE_WIDTH = 390  # px: the phone picture's width and the live chart's switch to the phone layout


def merged(base: dict, overrides: dict) -> dict:
    """base with overrides laid over it: nested dicts merge key by key, lists and values replace."""
    out = dict(base)
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merged(out[key], value)
        else:
            out[key] = value
    return out


def touch_safe(layout: dict) -> dict:
    """No zoom or pan on any axis, so a swipe that starts on a chart scrolls the page."""
    out = dict(layout, dragmode=False)
    for key in list(out):
        if re.fullmatch(r"[xy]axis\d*", key):
            out[key] = {**out[key], "fixedrange": True}
    for key in ("xaxis", "yaxis"):
        out.setdefault(key, {"fixedrange": True})
    return out


def phone_layout(chart: Chart, layout: dict) -> dict:
    return merged(layout, chart.phone)


def spec_json(chart: Chart) -> str:
    """The Plotly spec as compact JSON with sorted keys and no template, so builds are byte-identical."""
    spec = chart.figure.to_plotly_json()
    spec["layout"].pop("template", None)
    spec["layout"] = touch_safe(spec["layout"])
    if chart.phone:
        spec["phone"] = {
            key: {**value, "fixedrange": True} if re.fullmatch(r"[xy]axis\d*", key) else value
            for key, value in chart.phone.items()
        }
    spec["config"] = {**CONFIG, "toImageButtonOptions": {"filename": chart.id, "scale": 2}}
    return json.dumps(spec, cls=PlotlyJSONEncoder, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def to_csv(chart: Chart) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(chart.columns)
    for row in chart.rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def _cells(chart: Chart) -> list[list[str]]:
    formats = chart.cell_formats or [None] * len(chart.columns)
    out = []
    for row in chart.rows:
        out.append(["–" if v is None else (fmt(v) if fmt else str(v)) for v, fmt in zip(row, formats)])
    return out


def source_line(data: Data, source_ids: list[str]) -> list[dict]:
    """Facts for the sources line, straight from the registry so it cannot go stale."""
    seen, items = set(), []
    for source_id in source_ids:
        if source_id in seen:
            continue
        seen.add(source_id)
        source = data.sources[source_id]
        items.append(
            {
                "id": source.id,
                "title": source.title,
                "producer": source.producer,
                "kind": SOURCE_KINDS[source.kind],
                "date": source.date_published.isoformat(),
            }
        )
    return items


def figure_html(chart: Chart, data: Data) -> str:
    """The whole <figure> as one HTML block (no blank lines, so Markdown leaves it alone)."""
    html = TEMPLATES.get_template("figure.html.j2").render(
        chart=chart,
        spec=spec_json(chart),
        cells=_cells(chart),
        sources=source_line(data, chart.sources),
        as_of=day(max(data.sources[source].date_published for source in chart.sources)),
        checked=day(max(data.sources[source].date_accessed for source in chart.sources)),
    )
    return "\n".join(line for line in html.splitlines() if line.strip())
