"""How charts reach the page: touch-safe specs, phone overrides, one palette and one money format."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import subprocess

import pytest

from charts import calculators, images, pipeline
from charts.browser import theme_css
from charts.loader import load
from charts.numbers import money, sci
from charts.render import DESK_WIDTH, PHONE_WIDTH, cell_text, merged, spec_json
from charts.theme import SCHEMES
from local_site import ROOT

DATA = load(ROOT)
CHARTS = {chart.id: chart for chart in pipeline.all_charts(DATA)}


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_chart_can_be_zoomed_or_panned_so_a_swipe_scrolls_the_page(chart_id):
    spec = json.loads(spec_json(CHARTS[chart_id]))
    layouts = [spec["layout"], spec.get("phone", {})]
    assert spec["layout"]["dragmode"] is False
    axes = [value for layout in layouts for key, value in layout.items() if key[1:5] == "axis"]
    assert axes and all(value["fixedrange"] is True for value in axes)


def test_phone_overrides_merge_nested_settings_and_replace_lists():
    base = {"height": 400, "margin": {"l": 10, "r": 10}, "annotations": [{"text": "a"}, {"text": "b"}]}
    phone = {"height": 520, "margin": {"r": 40}, "annotations": [{"text": "c"}]}
    assert merged(base, phone) == {"height": 520, "margin": {"l": 10, "r": 40}, "annotations": [{"text": "c"}]}
    assert base["margin"] == {"l": 10, "r": 10}, "the base layout is left as it was"


def test_a_charts_phone_overrides_travel_in_its_spec_with_its_axes_fixed():
    chart = dataclasses.replace(CHARTS["api-prices"], phone={"height": 600, "yaxis2": {"title": {"text": "x"}}})
    spec = json.loads(spec_json(chart))
    assert spec["phone"]["height"] == 600
    assert spec["phone"]["yaxis2"]["fixedrange"] is True


def run_js_numbers(calls: list[tuple[str, float]]) -> list[str]:
    """Run calculators.js's own number formats in Node on the given values."""
    script = """
const vm = require("vm"), fs = require("fs");
const context = {window: {}, document: {addEventListener() {}}, URLSearchParams};
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[1], "utf8"), context);
const calls = JSON.parse(process.argv[2]);
console.log(JSON.stringify(calls.map(([name, value]) => context.window.deepseekNumbers[name](value))));
"""
    result = subprocess.run(
        ["node", "-e", script, str(ROOT / "docs" / "javascripts" / "calculators.js"), json.dumps(calls)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


MONEY_VALUES = [0, 2, 2.19, 2.2, 0.55, 0.14, 15, 60, 0.00012, 0.014, 0.05, 0.125, 0.0949, 0.095, 99.49, 99.5]
MONEY_VALUES += [1234.5, 5_576_000, 61_680_000, 3.9225, 0.02184, 1.005, 7.5, -2.5]


def test_python_and_the_browser_print_money_and_powers_of_ten_the_same_way():
    prices = [v for p in DATA.api_prices for v in (p.input_cache_hit, p.input_cache_miss, p.output) if v is not None]
    money_values = (
        MONEY_VALUES + prices + [calculators.task_cost(p, w) for p in DATA.api_prices for w in DATA.workloads]
    )
    sci_values = [3.29e24, 3.79e25, 5.96e24, 1.125, 9.999e24, 0.005, 0.0] + [
        m.flop for m in DATA.training_compute.models
    ]
    ratios = [27.4, 9.96, 2.46, 10.0, 1.0]
    calls = [("money", v) for v in money_values] + [("sci", v) for v in sci_values] + [("times", v) for v in ratios]
    expected = [money(v) for v in money_values] + [sci(v) for v in sci_values] + [calculators.times(v) for v in ratios]
    assert run_js_numbers(calls) == expected


def test_money_keeps_small_amounts_and_leaves_cents_off_whole_dollars():
    assert money(0.00012) == "$0.00012"
    assert money(2) == "$2" and money(2.2) == "$2.20"
    assert money(1234.5) == "$1,235"


def test_table_dates_read_as_in_the_prose():
    assert cell_text(dt.date(2020, 5, 14), None) == "14 May 2020"
    assert cell_text("2025-01-27", None) == "27 January 2025"
    assert cell_text(None, None) == "–"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_chart_table_shows_a_machine_date(chart_id):
    chart = CHARTS[chart_id]
    formats = chart.cell_formats or [None] * len(chart.columns)
    cells = [cell_text(value, fmt) for row in chart.rows for value, fmt in zip(row, formats)]
    assert not [c for c in cells if re.search(r"\b\d{4}-\d\d-\d\d\b", c)]


def test_the_generated_stylesheet_carries_both_schemes_colours_from_python():
    css = theme_css()
    for scheme, selector in (("light", ':root, [data-md-color-scheme="default"]'), ("dark", "slate")):
        block = next(line for line in css.splitlines() if selector in line)
        for role, colour in SCHEMES[scheme].items():
            assert f"--chart-{role}: {colour};" in block


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_charts_pictures_take_the_scheme_colours_as_css_variables(chart_id):
    found = images.pictures([CHARTS[chart_id]], ROOT / ".build-cache" / "svg", pipeline.plotly_bundle(ROOT))[chart_id]
    for picture in found.values():
        assert "var(--chart-text" in picture.svg
        drawn_grid = re.search(r'class="[xy]grid', picture.svg)  # app-actions draws no axes, so no grid
        assert not drawn_grid or "var(--chart-grid" in picture.svg
        assert not any(images.rgb(c) in picture.svg for c in images.PLACEHOLDERS.values())
        assert 'width="' not in picture.svg.split(">", 1)[0]  # sized by the page, not fixed
    # The desk picture at the text column's width, or a wide chart's own (the timeline's).
    assert found["phone"].width == PHONE_WIDTH and found["desk"].width == (CHARTS[chart_id].desk_width or DESK_WIDTH)
