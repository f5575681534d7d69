"""How charts reach the page: touch-safe specs, phone overrides, one palette and one money format."""

from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import ROOT

from charts import pipeline
from charts.loader import load
from charts.render import merged, spec_json

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
