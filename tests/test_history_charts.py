"""The two charts of what happened after R1: DeepSeek's price history and governments' actions on the app."""

from __future__ import annotations

import pytest
import yaml

from charts import app_actions, release_prices
from charts.fields import DataError
from charts.loader import load
from charts.numbers import day, money
from charts.price_notes import COUNT
from local_site import ROOT

DATA = load(ROOT)


def test_the_price_history_ends_at_the_latest_peak_price_of_each_line():
    for line, api_name in (("big", "deepseek-v4-pro"), ("small", "deepseek-flash")):
        rows = [r for r in DATA.api_price_history if api_name in r.api_names and r.period == "peak"]
        latest = max(rows, key=lambda r: r.date_effective)
        assert release_prices.steps(DATA, line)[-1][1] == latest.output


def test_the_price_history_starts_from_the_launch_day_prices():
    r1 = next(p for p in DATA.api_prices if p.id == "deepseek-r1")
    first = release_prices.steps(DATA, "big")[0]
    assert (first[0], first[1]) == (r1.as_of, r1.output)


def test_the_price_chart_title_follows_whether_prices_rose_above_the_launch_price(project_copy):
    chart = release_prices.release_prices(DATA)
    assert "raised it above R1's launch price" in chart.title
    path = project_copy / "data/api_price_history.yaml"
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if "deepseek-v4-pro" in row["api_names"]:
            row["output"] = 1.0
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    cheaper = release_prices.release_prices(load(project_copy))
    assert "still below R1's launch price" in cheaper.title and "raised" not in cheaper.title
    assert money(1.0) in cheaper.summary


def test_the_price_chart_draws_one_line_and_at_most_a_dot_for_a_brief_price():
    """Four DeepSeek lines in one blue told apart by dash and weight hid the point: one line now,
    the main model at busy hours, and the other series in the table and the summary."""
    chart = release_prices.release_prices(DATA)
    lines = [t for t in chart.figure.data if "lines" in t.mode]
    dots = [t for t in chart.figure.data if t.mode == "markers"]
    assert len(lines) == 1 and len(dots) <= 1 and len(chart.figure.data) == len(lines) + len(dots)
    big = release_prices.steps(DATA, "big")
    (line,) = lines
    assert line.y[-1] == big[-1][1] and line.y[0] == big[0][1]


def test_the_summary_and_the_table_carry_every_price_series():
    chart = release_prices.release_prices(DATA)
    assert len(chart.rows) == len(DATA.api_price_history)
    for line in release_prices.LINES:
        points = release_prices.steps(DATA, line)
        for which in (1, 2):  # busy hours or all day; quiet hours
            values = [p[which] for p in points]
            said = f"{money(values[0])} at first, {money(min(values))} at its lowest"
            assert said in chart.summary and f"and {money(values[-1])} last" in chart.summary, (line, which)


def test_the_app_actions_summary_counts_every_action_and_each_ban():
    chart = app_actions.app_actions(DATA)
    bans = sum(1 for r in DATA.app_actions if r.action == "ban_government_devices")
    assert f"We count {len(DATA.app_actions)} government actions" in chart.summary
    assert f"{bans} barred it from official devices only" in chart.summary
    assert len(chart.rows) == len(DATA.app_actions)


def test_the_app_actions_title_changes_when_public_blocks_outnumber_device_bans(project_copy):
    path = project_copy / "data/app_actions.yaml"
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if row["action"] == "ban_government_devices":
            row["action"] = "data_protection_order"
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    chart = app_actions.app_actions(load(project_copy))
    assert "mostly kept" not in chart.title


def test_a_price_row_naming_an_unknown_later_page_stops_the_build(project_copy):
    path = project_copy / "data/api_price_history.yaml"
    rows = yaml.safe_load(path.read_text())
    rows[-1]["still_listed_in"] = "no-such-page"
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    with pytest.raises(DataError, match=r'entry "[a-z0-9-]+", field still_listed_in: unknown source id "no-such-page"'):
        release_prices.release_prices(load(project_copy))


def test_the_app_actions_chart_names_who_acted_and_counts_each_kind_on_both_screens():
    """Direct labels: who acted is written on the chart (desk and phone), not left to the tooltips."""
    chart = app_actions.app_actions(DATA)
    for notes in (chart.figure.layout.annotations, chart.phone["annotations"]):
        written = " ".join(n["text"] if isinstance(n, dict) else n.text for n in notes).replace("<br>", " ")
        for row in DATA.app_actions:
            assert app_actions.who(row) in written, f"{app_actions.who(row)} is not named on the chart"
        for kind, name in app_actions.KINDS:
            count = sum(1 for r in DATA.app_actions if r.action == kind)
            assert f"<b>{name}</b> ({count})" in written


def test_a_price_that_held_only_days_is_a_labelled_dot_not_a_spike_and_is_explained_in_the_caption():
    """Readers saw a tall spike: V4-Pro's launch list price, which held two days. It is a hollow dot with
    a label on both screens, left out of the line, and told in the caption."""
    big = release_prices.steps(DATA, "big")
    r1 = next(p for p in DATA.api_prices if p.id == "deepseek-r1")
    brief = [a for a, b in zip(big, big[1:]) if a[1] > r1.output and (b[0] - a[0]).days < release_prices.BRIEF]
    assert brief, "the data no longer has a brief price spike; drop this test"
    chart = release_prices.release_prices(DATA)
    line = next(t for t in chart.figure.data if "lines" in t.mode)
    dots = next(t for t in chart.figure.data if t.mode == "markers")
    for point in brief:
        assert point[0].isoformat() not in line.x and point[0].isoformat() in dots.x
        assert point[1] in dots.y
        for notes in (chart.figure.layout.annotations, chart.phone["annotations"]):
            texts = [n["text"] if isinstance(n, dict) else n.text for n in notes]
            assert any(money(point[1]) in t and "days" in t for t in texts), f"{point} is not labelled"
        assert f"Hollow dot: {release_prices.short_model(point[3])}'s list price" in chart.caption
        assert money(point[1]) in chart.caption


def test_the_brief_list_price_hangs_from_the_line_on_a_stalk_and_every_step_is_labelled():
    """A fresh reader took the hollow dot for a stray point and read the 81 % cut as one drop: a dotted
    stalk now joins the dot to the price the line settled at, and every level of the line has its price."""
    big = release_prices.steps(DATA, "big")
    chart = release_prices.release_prices(DATA)
    dots = next(t for t in chart.figure.data if t.mode == "markers")
    line = next(t for t in chart.figure.data if "lines" in t.mode)
    for x, y in zip(dots.x, dots.y):
        after = next(p for p in big if p[0].isoformat() > x)  # the price that ended the brief one
        assert after[1] in line.y
        stalks = [s for s in chart.figure.layout.shapes if s.x0 == s.x1 == x]
        assert [(s.y0, s.y1) for s in stalks] == [(after[1], y)], "the dot is not joined to the line"
    levels = {y for before, y in zip(line.y, line.y[1:]) if y != before}
    for notes in (chart.figure.layout.annotations, chart.phone["annotations"]):
        texts = " ".join(n["text"] if isinstance(n, dict) else n.text for n in notes)
        assert all(money(y) in texts for y in levels), "a step of the line has no price on it"
    low = min(line.y)
    downs = sum(1 for a, b in zip(line.y, line.y[1 : line.y.index(low) + 1]) if b < a)
    assert downs < 2 or f"in {COUNT.get(downs, downs)} steps" in texts.replace("<br>", " "), "one cut, or in steps?"
    assert "per million output tokens" in chart.phone["yaxis"]["title"]["text"]


def test_only_the_rows_the_title_counts_stand_out_and_each_row_writes_its_count():
    """A fresh reader spent five seconds on the magenta/grey split, a key only in the caption and tiny
    marks: now only the title's rows draw big marks in colour, the key is on the chart, each row's count
    is written after its marks, and the other rows sit under a heading, in grey."""
    chart = app_actions.app_actions(DATA)
    counted = {"data_protection_order", "app_store_removal", "ban_government_devices"}
    assert {kind for kind, _ in app_actions.KINDS[: app_actions.FOCUS]} == counted
    grey = app_actions.ACTORS["other"].colour
    for trace in chart.figure.data:
        for (when, _, what), colour, size in zip(trace.customdata, trace.marker.color, trace.marker.size):
            row = next(r for r in DATA.app_actions if app_actions.label(r.what) == what and day(r.date) == when)
            if row.action in counted:
                assert (
                    size > app_actions.SIZE and colour == app_actions.ACTORS[app_actions.actor(row.jurisdiction)].colour
                )
            else:
                assert size == app_actions.SIZE and colour == grey, f"{row.id} is not grey"
    for notes in (chart.figure.layout.annotations, chart.phone["annotations"]):
        texts = [n["text"] if isinstance(n, dict) else n.text for n in notes]
        assert any(app_actions.ACTORS["us_government"].colour in t and "US" in t for t in texts), "no key"
        for kind, _ in app_actions.KINDS:
            count = sum(1 for r in DATA.app_actions if r.action == kind)
            assert texts.count(f"<b>{count}</b>") >= 1
        counts = [t for t in texts if t.startswith("<b>") and t.strip("<b/>").isdigit()]
        assert len(counts) == len(app_actions.KINDS), "a row without its count written after its marks"
        assert any("in neither count" in t for t in texts)
