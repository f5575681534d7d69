"""What a reader does with the charts: change the calculator, hide a timeline lane, download the CSV."""

from __future__ import annotations

import csv
import io
import urllib.request
from urllib.parse import urljoin

import pytest
from reader import Reader

from charts import calculators, compute, compute_recipe, prices
from charts.loader import load
from local_site import ROOT

DATA = load(ROOT)


@pytest.fixture
def reader(browser, site):
    r = Reader(browser, site)
    yield r
    r.close()


def chart_page(site, chart_id: str) -> str:
    """The first page that shows a chart, found in the built site."""
    for page in sorted(site["dir"].glob("*.html")):
        if f'id="chart-{chart_id}"' in page.read_text():
            return page.name
    pytest.fail(f"no page shows the chart {chart_id}")


def trace_values(r, chart_id, axis="y"):
    return r.page.evaluate(f"document.getElementById('chart-{chart_id}').data[0].{axis}")


def test_the_workload_calculator_matches_python_and_updates_when_an_input_changes(reader, site):
    reader.open(site["url"] + chart_page(site, "workload-calculator"))
    default = DATA.workloads[0]
    expected = [prices.task_cost(p, default) for p in DATA.api_prices]
    assert trace_values(reader, "workload-calculator", "x") == pytest.approx(expected, rel=1e-9)
    form = reader.page.locator("form[data-calculator=workload]")
    form.locator("input[name=output_tokens]").fill("1000000")
    reader.page.wait_for_function(
        "y => document.getElementById('chart-workload-calculator').data[0].x[0] !== y", arg=expected[0]
    )
    changed = [prices.task_cost(p, default, output_tokens=1_000_000) for p in DATA.api_prices]
    assert trace_values(reader, "workload-calculator", "x") == pytest.approx(changed, rel=1e-9)
    headline = form.locator("output[data-role=result]").inner_text()
    assert headline == calculators.task_headline(DATA, default.model_copy(update={"output_tokens": 1_000_000}))
    if len(DATA.workloads) > 1:
        other = DATA.workloads[1]
        form.locator("select[name=workload]").select_option(other.id)
        assert form.locator("input[name=input_tokens]").input_value() == str(other.input_tokens)
        assert trace_values(reader, "workload-calculator", "x") == pytest.approx(
            [prices.task_cost(p, other) for p in DATA.api_prices], rel=1e-9
        )
    assert not reader.errors, reader.errors


def test_the_compute_recipe_marks_the_way_of_counting_the_reader_chooses(reader, site):
    """The chart shows V3 counted both ways; the switch moves the halo to the chosen way's dot."""
    reader.open(site["url"] + chart_page(site, "compute-recipe"))
    v3 = compute.compute_of(DATA, compute.CHALLENGER)
    assert trace_values(reader, "compute-recipe", "x") == pytest.approx(
        [compute_recipe.recipe_flop(v3), compute_recipe.recipe_flop(v3, "total")]
    )
    halo = f"document.getElementById('chart-compute-recipe').data[{compute_recipe.HALO}].x[0]"
    assert reader.page.evaluate(halo) == pytest.approx(compute_recipe.recipe_flop(v3))
    reader.page.locator("form[data-calculator=recipe] input[value=total]").check()
    reader.page.wait_for_selector("#chart-compute-recipe[data-chart-drawn]")
    reader.page.wait_for_function(f"{halo} > {compute_recipe.recipe_flop(v3)}")
    assert reader.page.evaluate(halo) == pytest.approx(compute_recipe.recipe_flop(v3, "total"))
    assert trace_values(reader, "compute-recipe", "x") == pytest.approx(
        [compute_recipe.recipe_flop(v3), compute_recipe.recipe_flop(v3, "total")]
    ), "the values stay: only the emphasis moves"
    assert not reader.errors, reader.errors


@pytest.mark.parametrize("chart_id", ["api-prices", "training-compute", "market-falls"])
def test_the_table_view_and_the_csv_download_show_the_same_values_as_the_data(reader, site, chart_id):
    reader.open(site["url"] + chart_page(site, chart_id))
    figure = reader.page.locator(f"#figure-{chart_id}")
    figure.locator(f"label[for='tab-{chart_id}-table']").click()
    rows = figure.locator("table.chart-table tbody tr")
    href = figure.locator(".chart-downloads a[href$='.csv']").get_attribute("href")
    text = urllib.request.urlopen(urljoin(reader.page.url, href)).read().decode("utf-8")
    records = list(csv.DictReader(io.StringIO(text)))
    assert rows.count() == len(records)
    first_cells = [rows.nth(i).locator("th").inner_text() for i in range(rows.count())]
    assert first_cells == [record[next(iter(record))] for record in records]
    if chart_id == "api-prices":
        assert [float(r["Output ($)"]) for r in records] == [p.output for p in DATA.api_prices]
    if chart_id == "market-falls":
        assert sorted(float(r["Value lost (US$)"]) for r in records) == sorted(m.loss_usd for m in DATA.market)
    if chart_id == "training-compute":
        assert sorted(float(r["Training compute (FLOP)"]) for r in records) == sorted(
            m.flop for m in DATA.training_compute.models
        )


def test_the_timeline_lane_and_period_controls_work_from_the_keyboard(reader, site):
    reader.open(site["url"] + chart_page(site, "export-controls-timeline"))
    chart = "document.getElementById('chart-export-controls-timeline')"
    form = reader.page.locator("form[data-calculator=timeline]")
    box = form.locator("input[name=lane]").first
    box.focus()
    reader.page.keyboard.press("Space")
    reader.page.wait_for_function(f"{chart}.data[0].visible === 'legendonly'")
    before = reader.page.evaluate(f"{chart}.layout.xaxis.range[0]")
    form.locator("input[name=period]").last.check()
    reader.page.wait_for_function(f"String({chart}.layout.xaxis.range[0]) !== {before!r}")
    assert not reader.errors, reader.errors
