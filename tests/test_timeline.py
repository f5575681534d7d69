"""The export-control timeline: what each US rule did comes from the data, and on a phone the picture is a
vertical stepper of the key events, there at first paint with no script, readable, and swipeable."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from test_chart_pages import swipe_up

from charts import pipeline
from charts.fields import DataError
from charts.loader import load
from charts.numbers import day
from local_site import ROOT

DATA = load(ROOT)
CHART_ID = "export-controls-timeline"
EVENTS = sorted(DATA.timeline, key=lambda e: (e.date, e.id))
KEY = [e for e in EVENTS if e.headline]
R1 = next(e for e in EVENTS if e.id == "deepseek-r1-2025-01")
WORDS = {"tightened": "tightened", "loosened": "loosened", "unchanged": "changed no rule"}
PHONE = {"viewport": {"width": 390, "height": 800}, "is_mobile": True, "has_touch": True}
FIGURE = f"#figure-{CHART_ID}"
STEPPER = f"{FIGURE} ol.timeline-stepper"
RULES = [e for e in EVENTS if e.lane == "us_rules" and e.direction != "unchanged"]  # those that changed a rule
TURNS = [RULES[0].direction] + [b.direction for a, b in zip(RULES, RULES[1:]) if b.direction != a.direction]


def timeline_chart(data):
    return next(chart for chart in pipeline.all_charts(data) if chart.id == CHART_ID)


def rewrite_timeline(project, change) -> None:
    path = project / "data/timeline.yaml"
    rows = yaml.safe_load(path.read_text())
    change(rows)
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))


def first_us_rule(rows) -> dict:
    return next(row for row in rows if row["lane"] == "us_rules")


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda rows: first_us_rule(rows).pop("direction"), "a US rule needs a direction"),
        (lambda rows: first_us_rule(rows).update(direction="stricter"), "Input should be"),
        (lambda rows: next(r for r in rows if r["lane"] == "deepseek").update(direction="tightened"), "only US rules"),
    ],
    ids=["missing", "unknown", "not-a-us-rule"],
)
def test_a_missing_or_unknown_direction_stops_the_build_naming_the_file_and_field(project_copy, change, expected):
    rewrite_timeline(project_copy, change)
    with pytest.raises(DataError) as error:
        timeline_chart(load(project_copy))
    message = str(error.value)
    assert "\n" not in message and message.startswith("data/timeline.yaml: ")
    assert "direction" in message and expected in message, message


def test_the_title_says_what_the_rules_did_in_the_order_the_data_has_it(project_copy):
    assert "tightened, then loosened" in timeline_chart(DATA).title

    def all_tightened(rows):
        for row in rows:
            if row.get("direction") == "loosened":
                row["direction"] = "tightened"

    rewrite_timeline(project_copy, all_tightened)
    title = timeline_chart(load(project_copy)).title
    assert "tightened," in title and "loosened" not in title, title


def test_the_stepper_holds_each_key_event_once_in_order_with_what_each_us_rule_did():
    html = timeline_chart(DATA).narrow_html
    steps = re.findall(r"<li .*?</li>", html, re.S)
    assert re.findall(r'data-date="([0-9-]+)"', html) == [e.date.isoformat() for e in KEY]
    for event, step in zip(KEY, steps):
        badge = re.search(r'class="rule-change rule-(\w+)">([^<]+)<', step)
        if event.lane == "us_rules":
            assert badge and badge.groups() == (event.direction, WORDS[event.direction]), step
        else:
            assert badge is None, step
    r1 = [step for step in steps if "step-r1" in step]
    assert len(r1) == 1 and f"released, {day(R1.date)}" in r1[0]


def test_the_line_above_the_steps_counts_what_the_us_rules_did_in_turn():
    html = timeline_chart(DATA).narrow_html
    line = re.search(r'<p class="stepper-rules".*?</p>', html, re.S).group(0)
    rules, turns = RULES, TURNS
    said = re.findall(r'rule-(\w+)">[^<]+</span> (\d+) times?', line)
    assert [d for d, _ in said] == turns
    assert sum(int(n) for _, n in said) == len(rules), "every US rule that changed something is counted once"
    for direction in set(turns):
        runs_total = sum(int(n) for d, n in said if d == direction)
        assert runs_total == sum(1 for e in rules if e.direction == direction), direction


# --- In the browser, at 390 px --------------------------------------------------------------------


@pytest.fixture(scope="module")
def page_name(site):
    return next(p.name for p in sorted(site["dir"].glob("*.html")) if f'id="figure-{CHART_ID}"' in p.read_text())


def shown(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_on_a_phone_the_stepper_is_the_picture_from_the_first_paint_with_no_script(browser, site, page_name):
    context = browser.new_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    try:
        page.goto(site["url"] + page_name, wait_until="load")
        assert shown(page, STEPPER), "no stepper on a phone"
        assert not shown(page, f"{FIGURE} .chart-box"), "the chart shows as well as the stepper"
        assert not shown(page, f"{FIGURE} form.chart-controls"), "controls for a chart that is not shown"
        steps = page.locator(f"{STEPPER} > li")
        assert steps.count() == len(KEY)
        text = page.locator(STEPPER).inner_text()
        for event in KEY:
            assert text.count(event.headline) == 1, f"{event.headline!r} appears {text.count(event.headline)} times"
        # Nothing is lost: the full chart is one tick away.
        more = page.locator(f"{FIGURE} .chart-more")
        assert more.is_visible() and str(len(EVENTS)) in more.inner_text()
        more.locator("input").check()
        assert shown(page, f"{FIGURE} .chart-picture-phone") and shown(page, f"{FIGURE} form.chart-controls")
    finally:
        context.close()


def test_every_us_rule_step_says_whether_it_tightened_or_loosened(reader, site, page_name):
    r = reader(**PHONE)
    r.page.goto(site["url"] + page_name, wait_until="load")
    for index, event in enumerate(KEY):
        step = r.page.locator(f"{STEPPER} > li").nth(index)
        badge = step.locator(".rule-change")
        if event.lane == "us_rules":
            assert badge.is_visible() and badge.inner_text() == WORDS[event.direction], event.id
        else:
            assert badge.count() == 0, event.id
    words = r.page.locator(f"{STEPPER} .rule-change").all_inner_texts()
    assert "tightened" in words and "loosened" in words, "the stepper shows no turn"
    line = r.page.locator(f"{FIGURE} .stepper-rules")
    assert line.is_visible() and line.bounding_box()["y"] < r.page.locator(STEPPER).bounding_box()["y"]
    assert line.locator(".rule-change").all_inner_texts() == [WORDS[d] for d in TURNS], "the line says the turns"


def test_the_r1_divider_sits_between_the_events_before_and_after_r1(reader, site, page_name):
    r = reader(**PHONE)
    r.page.goto(site["url"] + page_name, wait_until="load")
    before = max((e for e in KEY if e.date < R1.date), key=lambda e: e.date)
    after = min((e for e in KEY if e.date > R1.date), key=lambda e: e.date)

    def box(date):
        return r.page.locator(f'{STEPPER} > li[data-date="{date.isoformat()}"]').bounding_box()

    divider = r.page.locator(f"{STEPPER} > li.step-r1")
    assert divider.is_visible() and f"released, {day(R1.date)}" in divider.inner_text()
    line = divider.bounding_box()
    assert box(before.date)["y"] + box(before.date)["height"] <= line["y"] + 1, f"{before.id} is not above R1"
    assert line["y"] + line["height"] <= box(after.date)["y"] + 1, f"{after.id} is not below R1"
    assert line["width"] > 0.9 * r.page.locator(STEPPER).bounding_box()["width"], "the divider does not cross the list"


def test_no_stepper_text_is_smaller_than_11_px_and_a_swipe_on_it_scrolls_the_page(reader, site, page_name):
    r = reader(**PHONE)
    r.page.goto(site["url"] + page_name, wait_until="load")
    sizes = r.page.evaluate(
        """sel => [...document.querySelectorAll(sel + ' *')]
            .filter(e => [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
            .map(e => [e.textContent.trim().slice(0, 30), parseFloat(getComputedStyle(e).fontSize)])""",
        STEPPER,
    )
    assert len(sizes) >= 3 * len(KEY)
    small = [(text, size) for text, size in sizes if size < 11]
    assert not small, small
    stepper = r.page.locator(STEPPER)
    stepper.scroll_into_view_if_needed()
    r.page.evaluate("window.scrollBy(0, 50)")
    rect = stepper.bounding_box()
    before = r.page.evaluate("window.scrollY")
    swipe_up(r.page, rect["x"] + rect["width"] / 2, min(max(rect["y"], 0) + 300, 700))
    assert r.page.evaluate("window.scrollY") - before > 100, "the page did not scroll under the finger"
    assert not r.errors, r.errors


@pytest.mark.parametrize("width", [390, 540, 1366])
def test_the_stepper_shows_exactly_where_the_chart_would_take_its_phone_layout(reader, site, page_name, width):
    r = reader(viewport={"width": width, "height": 800})
    r.page.goto(site["url"] + page_name, wait_until="load")
    narrow = r.page.evaluate(f"document.querySelector('{FIGURE} .chart-tabs .tabbed-block').clientWidth < 520")
    assert shown(r.page, STEPPER) == narrow
    assert shown(r.page, f"{FIGURE} .chart-box") != narrow
    r.page.emulate_media(media="print")
    assert not shown(r.page, STEPPER), "the stepper prints"
    assert shown(r.page, f"{FIGURE} .chart-picture-desk"), "paper lacks the chart"


def test_show_all_on_a_phone_brings_the_live_chart_at_the_boxs_width_even_if_engaged_while_hidden(
    reader, site, page_name
):
    r = reader(**PHONE)
    r.page.goto(site["url"] + page_name, wait_until="load")
    chart = f"document.getElementById('chart-{CHART_ID}')"
    r.page.evaluate(f"window.deepseekCharts.engage({chart})")  # as a shared URL or a theme toggle would
    r.page.wait_for_function("typeof window.Plotly !== 'undefined'")
    r.page.wait_for_timeout(300)
    assert r.page.evaluate(f"{chart}.getAttribute('data-chart-drawn')") is None, "drawn into a hidden box"
    r.page.locator(f"{FIGURE} .chart-more input").check()
    r.page.wait_for_selector(f"#chart-{CHART_ID}[data-chart-drawn]")
    box = r.page.locator(f"{FIGURE} .chart-box").bounding_box()
    assert r.page.evaluate(f"{chart}._fullLayout.width") == pytest.approx(box["width"], abs=2)
    assert r.page.evaluate(f"getComputedStyle({chart}.querySelector('.main-svg')).position") == "absolute"
    assert not r.errors, r.errors


def test_the_in_words_summary_says_where_the_picture_starts_and_counts_the_events_before_it():
    """The printed picture starts at its default range; a summary that says the timeline runs from an earlier
    month must say the earlier events are only in the table."""
    chart = timeline_chart(DATA)
    start = dt.date.fromisoformat(str(chart.figure.layout.xaxis.range[0])[:10])
    earlier = [e for e in EVENTS if e.date < start]
    assert earlier, "the data holds events before the chart's first month (the 2020 fab rules)"
    assert (
        f"The chart starts in {start:%B %Y}; the table also lists the {len(earlier)} earlier events." in chart.summary
    )
    assert f"from {EVENTS[0].date:%B %Y}" in chart.summary
