"""Every chart builder: it draws real data, says what the data says, and is deterministic."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from conftest import ROOT

from charts import compute, pipeline
from charts.loader import load
from charts.numbers import format_value, sci
from charts.render import figure_html, spec_json, to_csv

DATA = load(ROOT)
CHARTS = {chart.id: chart for chart in pipeline.all_charts(DATA)}


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_chart_has_traces_with_data_and_a_full_figure(chart_id):
    chart = CHARTS[chart_id]
    spec = json.loads(spec_json(chart))
    assert spec["data"], "no traces"
    assert all(len(trace.get("x") or trace.get("y") or []) > 0 for trace in spec["data"])
    html = figure_html(chart, DATA)
    for part in ("<figcaption", "plotly-chart", "<table", "chart-summary", "chart-sources", ".csv"):
        assert part in html, part
    assert chart.sources and all(source in DATA.sources for source in chart.sources)


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_chart_csv_has_one_row_per_table_row_and_parses(chart_id):
    chart = CHARTS[chart_id]
    rows = list(csv.reader(io.StringIO(to_csv(chart))))
    assert rows[0] == chart.columns
    assert len(rows) - 1 == len(chart.rows)
    # Every cell carries the row's value, so a CSV written with blank or shifted cells fails here.
    for written, row in zip(rows[1:], chart.rows):
        assert written == ["" if cell is None else str(cell) for cell in row]
    filled = sum(1 for row in rows[1:] for cell in row if cell)
    assert filled >= len(chart.rows) * len(chart.columns) / 2, "the CSV is mostly empty"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_chart_spec_is_identical_when_built_twice(chart_id):
    again = {chart.id: chart for chart in pipeline.all_charts(load(ROOT))}
    assert spec_json(CHARTS[chart_id]) == spec_json(again[chart_id])
    assert figure_html(CHARTS[chart_id], DATA) == figure_html(again[chart_id], DATA)


def test_the_price_chart_shows_each_models_output_price_from_the_data():
    spec = json.loads(spec_json(CHARTS["api-prices"]))
    output = next(trace for trace in spec["data"] if trace["name"] == "Output")
    assert output["y"] == [row.output for row in DATA.api_prices]


def test_the_multiplier_is_computed_from_the_two_flop_figures():
    models = {m.id: m for m in DATA.training_compute.models}
    expected = models["llama-3-1-405b"].flop / models["deepseek-v3"].flop
    assert compute.multiplier(DATA) == pytest.approx(expected)
    assert f"{expected:.1f} times" in CHARTS["training-compute"].summary


def test_a_summary_changes_when_the_data_changes(project_copy):
    path = project_copy / "data/api_prices.yaml"
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if row["id"] == "openai-o1":
            row["output"] = 123.0
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    changed = {chart.id: chart for chart in pipeline.all_charts(load(project_copy))}
    assert "$123" in changed["api-prices"].summary
    assert "$123" not in CHARTS["api-prices"].summary


def test_text_from_data_is_escaped_in_chart_labels_and_html(project_copy):
    attack = '</script><img src=x onerror="alert(1)">'
    path = project_copy / "data/timeline.yaml"
    rows = yaml.safe_load(path.read_text())
    rows[0]["title"] = attack
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))
    data = load(project_copy)
    chart = {c.id: c for c in pipeline.all_charts(data)}["export-controls-timeline"]
    html = figure_html(chart, data)
    assert "<img src=x" not in html and "</script>" not in html
    assert "&lt;/script&gt;&lt;img" in html  # shown as text in the table
    spec = json.loads(spec_json(chart))
    labels = json.dumps(spec["data"])
    assert "<img" not in labels and "&lt;img" in labels  # Plotly shows entities as text


@pytest.mark.parametrize(
    "value, style, expected",
    [
        (5576000, "usd_million", "$5.576 million"),
        (2.19, "usd", "$2.19"),
        (15, "usd", "$15"),
        (0.014, "usd", "$0.014"),
        (2788000, "million", "2.788 million"),
        (671e9, "billion", "671 billion"),
        (93.3, "percent", "93.3%"),
        (2048, "number", "2,048"),
        (3.8e25, "sci", "3.8 × 10²⁵"),
        (589e9, "usd_billion", "$589 billion"),
    ],
)
def test_numbers_print_the_same_way_everywhere(value, style, expected):
    assert format_value(value, style) == expected


def test_scientific_notation_keeps_two_significant_decimals():
    assert sci(3.29e24) == "3.29 × 10²⁴"
