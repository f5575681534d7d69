"""Turn a built chart into deterministic files: the figure HTML, its CSV, its spec.

A chart becomes a full <figure>: the takeaway title, a caption, the live chart and a real data
table in two tabs, a summary generated from the data (the chart's accessible description),
the sources line and the downloads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import plotly.graph_objects as go
from jinja2 import Environment, PackageLoader, StrictUndefined
from plotly.utils import PlotlyJSONEncoder

from charts.fields import SOURCE_KINDS
from charts.numbers import day
from charts.schema import Data
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
    # The desk picture's width: the text column's, or WIDE_WIDTH for a chart that takes the table of
    # contents' place beside it on a laptop (class chart-wide; see site.css).
    desk_width: int = 0
    # Static HTML that takes the chart's place in the phone layout (the timeline's stepper); the chart
    # then shows when the reader ticks the box labelled `narrow_more`, so nothing is lost on a phone.
    narrow_html: str = ""
    narrow_more: str = ""


# The chart box, in CSS px: the text column's width on a 1366 px laptop and on a 390 px phone (the
# page keeps 16 px each side). The static pictures are drawn at these widths, so they show at 1:1.
DESK_WIDTH = 688
WIDE_WIDTH = 930  # the text column and the table of contents' column together
PHONE_WIDTH = 358
HEIGHT = 420  # when a chart sets none


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


def cell_text(value: Any, fmt: Callable[[Any], str] | None) -> str:
    """A table cell as a reader sees it; dates read as in the prose (14 May 2020). The CSV keeps ISO dates."""
    if is_empty(value):
        return "–"
    if fmt:
        return fmt(value)
    if isinstance(value, dt.date):
        return day(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return day(dt.date.fromisoformat(value))
    return str(value)


def is_empty(value: Any) -> bool:
    """A cell with nothing to say: the desk table prints "–", a phone card leaves its line out."""
    return value is None or (isinstance(value, str) and not value.strip())


def _cells(chart: Chart) -> list[list[tuple[str, bool]]]:
    """Each cell as (text, empty)."""
    formats = chart.cell_formats or [None] * len(chart.columns)
    return [[(cell_text(v, fmt), is_empty(v)) for v, fmt in zip(row, formats)] for row in chart.rows]


def box_ratios(chart: Chart, pictures: dict | None) -> str:
    """The chart box's proportions on a desk and on a phone, fixed from the first paint (no layout shift)."""
    if pictures:
        desk, phone = pictures["desk"], pictures["phone"]
        return f"--desk-ratio: {desk.width} / {desk.height}; --phone-ratio: {phone.width} / {phone.height}"
    height = chart.figure.layout.height or HEIGHT
    return f"--desk-ratio: {chart.desk_width or DESK_WIDTH} / {height}; --phone-ratio: {PHONE_WIDTH} / {chart.phone.get('height', height)}"


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
                "date": day(source.date_published),
                "iso": source.date_published.isoformat(),
            }
        )
    return items


def figure_html(chart: Chart, data: Data, pictures: dict | None = None) -> str:
    """The whole <figure> as one HTML block (no blank lines, so Markdown leaves it alone).

    pictures: the chart's static SVGs by variant ("desk", "phone"; charts.images.Picture), shown
    from the first paint; without them (a build with --no-images) the box keeps its size, empty.
    """
    html = TEMPLATES.get_template("figure.html.j2").render(
        chart=chart,
        spec=spec_json(chart),
        cells=_cells(chart),
        sources=source_line(data, chart.sources),
        as_of=day(max(data.sources[source].date_published for source in chart.sources)),
        checked=day(max(data.sources[source].date_accessed for source in chart.sources)),
        pictures=pictures or {},
        ratios=box_ratios(chart, pictures),
    )
    return "\n".join(line for line in html.splitlines() if line.strip())
