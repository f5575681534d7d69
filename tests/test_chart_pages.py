"""Charts as a reader meets them in Chromium: a picture from the first paint, nothing that moves, a
phone swipe that scrolls, text that stays readable, and calculators whose state lives in the URL."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs

import pytest
from reader import engage_charts

from charts import calculators, compute, compute_recipe, pipeline
from charts.loader import load
from charts.theme import SCHEMES
from local_site import ROOT

DATA = load(ROOT)
CHART_IDS = [chart.id for chart in pipeline.all_charts(DATA)]
PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
DESK = {"viewport": {"width": 1366, "height": 800}}
FLOOR = 11  # px: the smallest chart text allowed on a 390 px phone

# Rendered size of every text in an SVG: font size times the scale of its transform (NOTES.md).
TEXT_SIZES = """root => [...root.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
    const m = t.getScreenCTM();
    return [t.textContent.trim(), parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b)];
})"""

LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
    if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});"""


@pytest.fixture(scope="module")
def pages_of(site):
    """Chart id -> the page that shows it."""
    found = {}
    for page in sorted(site["dir"].glob("*.html")):
        for chart_id in re.findall(r'id="chart-([a-z0-9-]+)"', page.read_text()):
            found.setdefault(chart_id, page.name)
    return found


def chart_pages(pages_of) -> list[str]:
    return sorted(set(pages_of.values()))


def show_chart(page, chart_id: str) -> None:
    """Tick a figure's "Show all events" box where the phone layout puts a stepper in the chart's place.

    Ticked without the focus a reader's tap brings, which already engages the chart (a focus in its
    figure does): the tests that call this look at the picture first."""
    more = page.locator(f"#figure-{chart_id} .chart-more input")
    if more.count() and more.is_visible():
        more.evaluate("e => { e.checked = true; }")


def swipe_up(page, x: float, y: float, distance: int = 250) -> None:
    """One finger, from (x, y) upwards, as a phone sends it (NOTES.md: CDP touch events)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]})
    for step in range(1, 11):
        point = {"x": x, "y": y - distance * step / 10}
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [point]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    page.wait_for_timeout(400)


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_a_one_finger_swipe_that_starts_on_a_live_chart_scrolls_the_page_and_leaves_the_chart_as_it_was(
    reader, site, pages_of, chart_id
):
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of[chart_id], wait_until="load")
    show_chart(r.page, chart_id)
    box = r.page.locator(f"#chart-{chart_id}").locator("xpath=..")
    box.scroll_into_view_if_needed()
    box.tap()  # a tap is engaging: the live chart arrives
    r.page.wait_for_selector(f"#chart-{chart_id}[data-chart-drawn]")
    r.page.evaluate(f"document.getElementById('chart-{chart_id}').scrollIntoView({{block: 'start'}})")
    axes = f"JSON.stringify(Object.entries(document.getElementById('chart-{chart_id}')._fullLayout).filter(([k]) => /^[xy]axis\\d*$/.test(k)).map(([k, a]) => [k, a.range]))"
    before_axes, before_y = r.page.evaluate(axes), r.page.evaluate("window.scrollY")
    rect = box.bounding_box()
    swipe_up(r.page, rect["x"] + rect["width"] / 2, min(rect["y"] + rect["height"] * 0.6, 700))
    assert r.page.evaluate("window.scrollY") - before_y > 100, "the page did not scroll: the chart took the swipe"
    assert r.page.evaluate(axes) == before_axes, "the swipe zoomed or panned the chart"
    assert not r.errors, r.errors


def visible_texts(page, selector: str) -> list[tuple[str, float]]:
    sizes = []
    for handle in page.query_selector_all(selector):
        if handle.is_visible():
            sizes += handle.evaluate(TEXT_SIZES)
    return sizes


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_no_chart_text_is_smaller_than_11_px_on_a_390_px_phone_in_the_picture_or_the_live_chart(
    reader, site, pages_of, chart_id
):
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of[chart_id], wait_until="load")
    show_chart(r.page, chart_id)
    figure = f"#figure-{chart_id}"
    picture = visible_texts(r.page, f"{figure} .chart-picture svg")
    assert picture, "no picture text found"
    box = r.page.locator(f"{figure} .chart-box")
    box.scroll_into_view_if_needed()
    box.tap()
    r.page.wait_for_selector(f"#chart-{chart_id}[data-chart-drawn]")
    live = visible_texts(r.page, f"#chart-{chart_id} svg.main-svg")
    small = [(text, round(size, 1)) for text, size in picture + live if size < FLOOR - 0.05]
    assert not small, small


def test_every_charts_picture_is_on_screen_at_first_paint_with_plotly_blocked_and_with_no_script(
    browser, site, pages_of
):
    for scripts in (True, False):
        context = browser.new_context(java_script_enabled=scripts, **DESK)
        page = context.new_page()
        page.route("**/plotly.min.js", lambda route: route.abort())
        try:
            for name in chart_pages(pages_of):
                page.goto(site["url"] + name, wait_until="load")
                for figure in page.locator("figure.chart-figure").all():
                    picture = figure.locator(".chart-picture-desk")
                    rect = picture.bounding_box()
                    assert rect and rect["height"] > 150 and rect["width"] > 500, (name, rect)
                    assert picture.locator("svg text").count() > 3
                    assert page.evaluate("typeof window.Plotly") == "undefined"
        finally:
            context.close()


@pytest.mark.parametrize("form", [PHONE, DESK], ids=["phone", "desk"])
def test_no_chart_page_shifts_more_than_0_02_through_load_scroll_and_the_swap_to_live_charts(
    reader, site, pages_of, form
):
    r = reader(**form)
    r.page.add_init_script(LAYOUT_SHIFT)
    for name in chart_pages(pages_of):
        r.page.goto(site["url"] + name, wait_until="load")
        height = r.page.evaluate("document.body.scrollHeight")
        for y in range(0, height, 400):
            r.page.evaluate(f"window.scrollTo(0, {y})")
            r.page.wait_for_timeout(20)
        engage_charts(r.page)
        r.page.wait_for_timeout(300)
        shift = r.page.evaluate("window.__shift")
        assert shift <= 0.02, f"{name}: cumulative layout shift {shift:.3f}"
    assert not r.errors, r.errors


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_pictures_and_the_live_charts_take_the_schemes_colours_generated_from_python(
    reader, site, pages_of, scheme
):
    r = reader(color_scheme=scheme)
    r.page.goto(site["url"] + pages_of["api-prices"], wait_until="load")
    if scheme == "dark":
        r.page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    expected = SCHEMES[scheme]["text"]
    rgb = "rgb({}, {}, {})".format(*(int(expected[i : i + 2], 16) for i in (1, 3, 5)))
    fill = r.page.evaluate(
        "getComputedStyle(document.querySelector('#figure-api-prices .chart-picture-desk svg text')).fill"
    )
    assert fill == rgb
    engage_charts(r.page)
    assert r.page.evaluate("document.getElementById('chart-api-prices')._fullLayout.font.color") in (rgb, expected)


def test_the_browser_code_holds_no_colour_of_its_own():
    for script in (ROOT / "docs" / "javascripts").glob("*.js"):
        text = script.read_text()
        assert not re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", text), f"{script.name} has its own colours"


def query(page) -> dict:
    """The page's query now (page.url lags behind history.replaceState)."""
    return {k: v[0] for k, v in parse_qs(page.evaluate("location.search.slice(1)")).items()}


def test_a_shared_calculator_url_is_applied_and_changing_a_control_updates_the_url(reader, site, pages_of):
    r = reader(**DESK)
    task = DATA.workloads[-1]
    scenario = task.model_copy(update={"input_tokens": 500_000, "cached_share": 0.4})
    state = (
        f"task.workload=custom&task.input_tokens=500000&task.output_tokens={task.output_tokens}"
        f"&task.thinking_tokens={task.thinking_tokens}&task.cached_percent=40"
    )
    r.page.goto(f"{site['url']}{pages_of['workload-calculator']}?{state}", wait_until="load")
    form = r.page.locator("form[data-calculator=workload]")
    assert form.locator("input[name=input_tokens]").input_value() == "500000"
    assert form.locator("select[name=workload]").input_value() == "custom"
    assert form.locator("output[data-role=result]").inner_text() == calculators.task_headline(DATA, scenario)
    r.page.wait_for_selector("#chart-workload-calculator[data-chart-drawn]")  # the picture showed the default
    form.locator("input[name=output_tokens]").fill("7000")
    assert query(r.page)["task.output_tokens"] == "7000"
    assert query(r.page)["task.workload"] == "custom"
    assert not r.errors, r.errors


def test_a_shared_timeline_period_and_lanes_in_the_url_are_applied_to_the_live_chart(reader, site, pages_of):
    r = reader(**DESK)
    page = site["url"] + pages_of["export-controls-timeline"]
    r.page.goto(page, wait_until="load")
    radios = r.page.locator("form[data-state=timeline] input[name=period]")
    last = radios.count() - 1
    span = radios.nth(last).get_attribute("data-range")
    r.page.goto(f"{page}?timeline.period={last}&timeline.lane=0", wait_until="load")
    assert radios.nth(last).is_checked()
    r.page.wait_for_selector("#chart-export-controls-timeline[data-chart-drawn]")
    chart = "document.getElementById('chart-export-controls-timeline')"
    assert r.page.evaluate(f"JSON.stringify({chart}.layout.xaxis.range)") == span.replace(" ", "")
    assert r.page.evaluate(f"{chart}.data[1].visible") == "legendonly"
    r.page.locator("form[data-state=timeline] input[name=period]").first.check()
    assert query(r.page)["timeline.period"] == "0"
    assert not r.errors, r.errors


def test_the_timeline_is_wider_than_the_text_column_on_a_laptop_and_drawn_at_full_size(reader, site, pages_of):
    r = reader(**DESK)
    r.page.goto(site["url"] + pages_of["export-controls-timeline"], wait_until="load")
    found = r.page.evaluate(
        """() => {
        const box = document.querySelector('#figure-export-controls-timeline .chart-box').getBoundingClientRect();
        const svg = document.querySelector('#figure-export-controls-timeline .chart-picture-desk svg');
        const text = [...document.querySelectorAll('.md-content__inner > p')].map(p => p.getBoundingClientRect());
        const toc = document.querySelector('.md-sidebar--secondary');
        return {box: [box.left, box.right], drawn: svg.viewBox.baseVal.width, page: window.innerWidth,
                text: Math.max(...text.map(t => t.width)),
                toc: toc && toc.getBoundingClientRect().width > 0 ? toc.getBoundingClientRect().left : null};
    }"""
    )
    width = found["box"][1] - found["box"][0]
    assert width > found["text"] + 100, f"the timeline ({width:.0f} px) is no wider than the text ({found['text']})"
    assert width == pytest.approx(found["drawn"], abs=2), "the desk picture is scaled, so its text is too"
    assert found["box"][1] <= found["page"], "the timeline runs off the page"
    assert found["toc"] is None or found["toc"] >= found["box"][1], "the timeline sits on the table of contents"


def test_on_a_phone_the_timeline_shows_the_period_the_reader_chose(reader, site, pages_of):
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of["export-controls-timeline"], wait_until="load")
    show_chart(r.page, "export-controls-timeline")
    radios = r.page.locator("form[data-state=timeline] input[name=period]")
    for index in (1, 0):
        span = radios.nth(index).get_attribute("data-range")
        radios.nth(index).check()
        r.page.wait_for_selector("#chart-export-controls-timeline[data-chart-drawn]")
        chart = "document.getElementById('chart-export-controls-timeline')"
        r.page.wait_for_function(f"JSON.stringify({chart}.layout.xaxis.range) === {span.replace(' ', '')!r}")
        shown = r.page.evaluate(f"{chart}._fullLayout.xaxis.range.map(String)")
        assert [d[:10] for d in shown] == [d[:10] for d in json.loads(span)], f"period {index}: shows {shown}"
    assert not r.errors, r.errors


def test_the_compute_recipe_from_a_shared_url_counts_all_parameters_and_its_price_moves_the_cost_bars(
    reader, site, pages_of
):
    r = reader(**DESK)
    r.page.goto(site["url"] + pages_of["compute-recipe"] + "?recipe.basis=total", wait_until="load")
    assert r.page.locator("form[data-state=recipe] input[value=total]").is_checked()
    r.page.wait_for_selector("#chart-compute-recipe[data-chart-drawn]")
    halo = r.page.evaluate(f"document.getElementById('chart-compute-recipe').data[{compute_recipe.HALO}].x[0]")
    assert halo == pytest.approx(calculators.recipe_flop(compute.compute_of(DATA, compute.CHALLENGER), "total")), (
        "the shared scenario counts all parameters: that dot is the highlighted one"
    )
    drawn = r.page.evaluate("document.getElementById('chart-compute-recipe').data[0].x[1]")
    assert drawn == pytest.approx(calculators.recipe_flop(compute.compute_of(DATA, compute.CHALLENGER), "total"))
    bar = r.page.locator("form[data-state=recipe] [data-role=cost-bar]").first
    before = bar.evaluate("e => e.getBoundingClientRect().width")
    r.page.locator("form[data-state=recipe] input[name=gpu_hour_price]").fill("4")
    assert bar.evaluate("e => e.getBoundingClientRect().width") > before * 1.5
    assert query(r.page)["recipe.gpu_hour_price"] == "4"
    assert not r.errors, r.errors


@pytest.mark.parametrize("chart_id", ["workload-calculator", "compute-recipe"])
def test_on_a_phone_a_calculators_result_and_its_chart_stay_in_view_from_its_first_control(
    reader, site, pages_of, chart_id
):
    """The fresh reader found the form pushing the chart below the fold while they changed a control."""
    r = reader(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    r.page.goto(site["url"] + pages_of[chart_id], wait_until="load")
    form = r.page.locator(f"form[data-chart=chart-{chart_id}]")
    form.locator("input, select").first.evaluate("e => e.scrollIntoView({block: 'start'})")
    r.page.wait_for_timeout(100)
    first = form.locator("input, select").first.bounding_box()
    chart = r.page.locator(f"#figure-{chart_id} .chart-box").bounding_box()
    # 0.4 screens: the form once took 365-395 px here (task description, one field a row, long labels).
    assert chart["y"] - first["y"] < 0.4 * 844, f"the chart starts {chart['y'] - first['y']:.0f} px below the control"
    result = form.locator("[data-role=result]").bounding_box()
    assert result["y"] >= 0 and result["y"] + result["height"] <= 844, f"the result is off screen: {result}"


def test_the_recipes_cost_bars_say_where_their_track_ends_and_the_dearest_run_fills_it_at_the_top_price(
    reader, site, pages_of
):
    """A grey track with no stated end made the bars' lengths mean nothing."""
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of["compute-recipe"], wait_until="load")
    form = r.page.locator("form[data-state=recipe]")
    models = [compute.compute_of(DATA, compute.CHALLENGER), compute.compute_of(DATA, compute.BASELINE)]
    low, high, _ = calculators.PRICE_RANGE
    top = max(m.gpu_hours for m in models) * high
    assert form.locator("[data-role=cost-top]").inner_text() == calculators.money(top)
    slider = form.locator("input[name=gpu_hour_price]")
    slider.fill(str(high))
    widths = form.locator("[data-role=cost-bar]").evaluate_all(
        "bars => bars.map(b => [b.getBoundingClientRect().width, b.parentElement.getBoundingClientRect().width])"
    )
    for model, (bar, track) in zip(models, widths):
        assert bar == pytest.approx(track * model.gpu_hours * high / top, abs=1), model.model
    ends = form.locator(".recipe-cost-ends").bounding_box()
    assert ends["width"] == pytest.approx(widths[0][1], abs=1), "the scale spans the bars' track"
    assert not r.errors, r.errors


def test_a_negative_token_count_gets_a_visible_message_and_leaves_the_chart_alone(reader, site, pages_of):
    r = reader(**DESK)
    r.page.goto(site["url"] + pages_of["workload-calculator"], wait_until="load")
    form = r.page.locator("form[data-calculator=workload]")
    form.locator("input[name=output_tokens]").fill("20000")
    r.page.wait_for_selector("#chart-workload-calculator[data-chart-drawn]")
    before = r.page.evaluate("document.getElementById('chart-workload-calculator').data[0].x")
    form.locator("input[name=input_tokens]").fill("-5")
    message = form.locator("#error-input_tokens")
    assert message.is_visible() and "0 or more" in message.inner_text()
    assert form.locator("input[name=input_tokens]").get_attribute("aria-invalid") == "true"
    assert r.page.evaluate("document.getElementById('chart-workload-calculator').data[0].x") == before
    form.locator("input[name=input_tokens]").fill("5000")
    assert message.is_hidden()


def test_a_shared_url_with_a_cache_share_over_100_percent_says_so_instead_of_clamping_silently(reader, site, pages_of):
    r = reader(**DESK)
    r.page.goto(site["url"] + pages_of["workload-calculator"] + "?task.cached_percent=150", wait_until="load")
    message = r.page.locator("#error-cached_percent")
    assert message.is_visible() and "150" in message.inner_text()


def test_the_price_history_title_takes_at_most_two_lines_on_a_phone(reader, site, pages_of):
    """Its takeaway once ran to four lines on a 390 px phone."""
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of["release-prices"], wait_until="load")
    title = r.page.locator("#title-release-prices")
    lines = title.evaluate(
        "e => { const s = getComputedStyle(e); const h = e.getBoundingClientRect().height;"
        " return h / (parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.2); }"
    )
    assert 0.5 < lines < 2.5, f"the title takes {lines:.1f} lines"


def test_chart_tables_become_labelled_cards_on_a_phone(reader, site, pages_of):
    r = reader(**PHONE)
    r.page.goto(site["url"] + pages_of["market-falls"], wait_until="load")
    r.page.locator("label[for='tab-market-falls-table']").click()
    table = r.page.locator("#table-market-falls")
    assert table.locator("thead").evaluate("e => getComputedStyle(e).display") == "none"
    cell = table.locator("tbody td").first
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label.strip('"').startswith(cell.get_attribute("data-label"))
    assert r.page.evaluate("document.documentElement.scrollWidth") <= 390
    # The table's caption (the chart's title) spans the cards; it was once squeezed to one word a line.
    widths = table.evaluate(
        "t => [t.querySelector('caption').getBoundingClientRect().width, t.getBoundingClientRect().width]"
    )
    assert widths[0] >= 0.9 * widths[1], widths


def test_a_phone_card_leaves_out_its_empty_fields_and_the_desk_table_keeps_them(reader, site, pages_of):
    """The timeline's cards once printed "US rule: –" on every event that is not a US rule (55 of 69)."""
    chart = next(c for c in pipeline.all_charts(DATA) if c.id == "export-controls-timeline")
    empty = sum(value is None or value == "" for row in chart.rows for value in row[1:])
    assert empty, "the timeline's table has no empty cell left: this test no longer tests anything"
    column = chart.columns.index("US rule")
    rules = sum(row[column] is not None for row in chart.rows)
    shown = {}
    for name, options in (("phone", PHONE), ("desk", DESK)):
        r = reader(**options)
        r.page.goto(site["url"] + pages_of[chart.id], wait_until="load")
        r.page.locator(f"label[for='tab-{chart.id}-table']").click()
        shown[name] = r.page.locator(f"#table-{chart.id} tbody td").evaluate_all(
            "cells => cells.filter(c => c.getClientRects().length).map(c => [c.dataset.label, c.innerText.trim()])"
        )
    cells = len(chart.rows) * (len(chart.columns) - 1)
    assert len(shown["desk"]) == cells  # the desk table keeps every cell, "–" where there is nothing
    assert len(shown["phone"]) == cells - empty
    assert not [cell for cell in shown["phone"] if cell[1] in ("", "–")]
    assert sum(label == "US rule" for label, _ in shown["phone"]) == rules


def test_print_shows_every_charts_picture_even_after_the_live_chart_arrived(reader, site, pages_of):
    r = reader(**DESK)
    r.page.goto(site["url"] + pages_of["market-falls"], wait_until="load")
    engage_charts(r.page)
    r.page.emulate_media(media="print")
    for figure in r.page.locator("figure.chart-figure").all():
        assert figure.locator(".plotly-chart").is_hidden()
        assert figure.locator(".chart-picture-desk svg").is_visible()
