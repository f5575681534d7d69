"""Every chart builder: it draws real data, says what the data says, and is deterministic."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from charts import compute, compute_recipe, distilled_models, effects, pipeline, prices, release_prices
from charts.fields import DataError
from charts.loader import load
from charts.numbers import format_value, sci, trim
from charts.render import figure_html, spec_json, to_csv
from local_site import ROOT

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
    (bars,) = spec["data"]
    assert dict(zip(bars["y"], bars["x"])) == {row.model: row.output for row in DATA.api_prices}


# What each title claims, worked out again here straight from the data (not from the chart code).
def by_id(rows, row_id):
    return next(row for row in rows if row.id == row_id)


def two_figures(value: float) -> str:
    return f"{float(f'{value:.2g}'):,.0f}" if value >= 10 else f"{float(f'{value:.2g}'):g}"


def claim_api_prices(data):
    r1, o1 = by_id(data.api_prices, "deepseek-r1"), by_id(data.api_prices, "openai-o1")
    return [f"charged {o1.output / r1.output:.0f} times"]


def claim_workload_calculator(data):
    task = data.workloads[0]
    r1, o1 = prices.price_of(data, "deepseek-r1"), prices.price_of(data, "openai-o1")
    ratio = prices.task_cost(o1, task) / prices.task_cost(r1, task)
    return [f"{ratio:.0f} times" if ratio >= 10 else f"{ratio:.1f} times", o1.model, r1.model]


def claim_training_costs(data):
    parts = {p.part: p.usd for p in by_id(data.training_costs, "deepseek-v3").parts}
    return [f"${parts['final_run'] / 1e6:.1f} million", f"{two_figures(parts['hardware'] / parts['final_run'])} times"]


def claim_training_compute(data):
    flop = {m.id: m.flop for m in data.training_compute.models}
    return [f"1/{flop['llama-3-1-405b'] / flop['deepseek-v3']:.0f} of the compute"]


def claim_compute_recipe(data):
    models = {m.id: m for m in data.training_compute.models}
    v3, llama = models["deepseek-v3"], models["llama-3-1-405b"]
    by_active = v3.active_params * v3.training_tokens < llama.active_params * llama.training_tokens
    by_total = v3.total_params * v3.training_tokens < llama.total_params * llama.training_tokens
    assert by_active != by_total, "the comparison no longer flips with the parameters counted"
    assert by_active, "counted by active parameters, V3 no longer used less"
    return [f"whether {v3.model} used less compute than {llama.model} depends on which parameters you count"]


def claim_benchmarks_frontier(data):
    both = [
        b
        for b in data.benchmarks.benchmarks
        if not b.id.endswith("-distill")
        and {"deepseek-r1", "openai-o1-1217"} <= set(b.scores)
        and "points" not in b.metric
    ]
    gap = {b.name: b.scores["deepseek-r1"] - b.scores["openai-o1-1217"] for b in both}
    widest = max(gap, key=lambda name: abs(gap[name]))
    above, below = sum(g > 0 for g in gap.values()), sum(g < 0 for g in gap.values())
    return [f"above o1 on {above} of the {len(both)} tests", f"below on {below}", f"widest gap was {widest}"]


def claim_benchmarks_distilled(data):
    tests = [b for b in data.benchmarks.benchmarks if b.id in distilled_models.DISTILLED_TESTS]
    small = [m for m in data.benchmarks.models if m.group == "distilled"]
    winners = [m.name for m in small if all(t.scores[m.id] > t.scores["openai-o1-mini"] for t in tests)]
    sizes = sorted(float(name.rsplit("-", 1)[1].rstrip("B")) for name in winners)
    return [" and ".join(f"{s:g}B" for s in sizes) + f" versions beat o1-mini on all {len(tests)} tests"]


def claim_market_falls(data):
    falls = sorted(data.market, key=lambda r: r.loss_usd, reverse=True)
    assert falls[0].id == "nvidia-2025-01-27", "Nvidia's fall is no longer the largest"
    return ["the largest one-day loss", f"{falls[0].loss_usd / falls[1].loss_usd:.1f} times the next largest"]


def claim_release_prices(data):
    """The rise is the first busy-hour or all-day price of the big model above R1's launch price that held
    30 days or more (a launch list price that held two days is a dot on the chart, not the title's rise);
    the cut is the lowest such price before it, against R1's launch price."""
    r1 = next(p for p in data.api_prices if p.id == "deepseek-r1")
    big = sorted(
        (r for r in data.api_price_history if "big" in release_prices.lines_of(r.api_names) and r.period != "off_peak"),
        key=lambda r: r.date_effective,
    )
    held = [(r, (later.date_effective - r.date_effective).days) for r, later in zip(big, big[1:])] + [(big[-1], 999)]
    rise = next((r.date_effective for r, days in held if r.output > r1.output and days >= 30), None)
    if rise is None:
        return ["still below R1's launch price"]
    lowest = min(r.output for r in big if r.date_effective < rise)
    assert lowest < r1.output, "no longer a cut before the rise"
    return [f"cut its price {1 - lowest / r1.output:.0%}", "then raised it above R1's launch price"]


def claim_app_actions(data):
    bans = sum(1 for r in data.app_actions if r.action == "ban_government_devices")
    public = sum(1 for r in data.app_actions if r.action in ("data_protection_order", "app_store_removal"))
    if bans <= public:
        return ["As many governments"]
    return [
        f"mostly kept DeepSeek's app off official devices ({bans} bans)",
        f"only {public} acted to stop it for everyone",
    ]


def claim_efficiency_factors(data):
    """What is left after each cut or share (100 minus a cut), and the speed-ups, worked out here again."""
    factors = data.training_compute.factors
    left = [
        f.value if f.effect == "share_left" else 100 - f.value for f in factors if f.effect in ("share_left", "cut")
    ]
    faster = [f.value for f in factors if f.effect == "faster"]
    assert all(0 < v < 100 for v in left) and all(v > 1 for v in faster), "no longer a fraction / faster"
    return [f"down to {min(left):.4g}% of the older way", f"up to {max(faster):.4g}× as fast"]


def claim_competing_estimates(data):
    """Both panels: every GPU figure in the data, and the dollar figures the chart draws."""
    from charts.competing_estimates import DOLLARS

    gpus = [f.value for f in data.figures.values() if f.unit == "GPUs"]
    dollars = [data.figures[figure_id].value for figure_id, _ in DOLLARS]
    assert all(data.figures[figure_id].format.startswith("usd") for figure_id, _ in DOLLARS)
    return [
        f"chip figures differ {two_figures(max(gpus) / min(gpus))}-fold",
        f"spending figures {two_figures(max(dollars) / min(dollars))}-fold",
    ]


def claim_export_controls_timeline(data):
    """The US rules' directions in date order, each run of one direction counted once."""
    rules = sorted((e for e in data.timeline if e.lane == "us_rules"), key=lambda e: e.date)
    runs = []
    for rule in rules:
        if rule.direction != "unchanged" and rule.direction not in runs[-1:]:
            runs.append(rule.direction)
    return ["US chip rules " + ", then ".join(runs) + ","]


CLAIMS = {
    name.removeprefix("claim_").replace("_", "-"): f for name, f in globals().items() if name.startswith("claim_")
}


CLAIMLESS: set[str] = set()  # titles that state no number or ranking


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_title_states_a_claim_the_data_supports_or_none(chart_id):
    title = CHARTS[chart_id].title
    if chart_id in CLAIMLESS:
        assert not any(ch.isdigit() for ch in title), f"{title!r} states a number no test checks"
        return
    assert chart_id in CLAIMS, f"add claim_{chart_id.replace('-', '_')}() deriving this title's claim from the data"
    for part in CLAIMS[chart_id](DATA):
        assert part in title, f"{part!r} (from the data) is not in {title!r}"


def charts_with_o1_output_price(project, price: float) -> dict:
    """The charts built from a copy of the data where o1's output price is `price`."""
    path = project / "data/api_prices.yaml"
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if row["id"] == "openai-o1":
            row["output"] = price
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    return {chart.id: chart for chart in pipeline.all_charts(load(project))}


def test_a_title_follows_the_data_when_it_changes(project_copy):
    changed = charts_with_o1_output_price(project_copy, 21.9)
    assert "charged 10 times" in changed["api-prices"].title


def test_the_multiplier_is_computed_from_the_two_flop_figures():
    models = {m.id: m for m in DATA.training_compute.models}
    expected = models["llama-3-1-405b"].flop / models["deepseek-v3"].flop
    assert compute.multiplier(DATA) == pytest.approx(expected)
    assert f"{expected:.1f} times" in CHARTS["training-compute"].summary


def test_the_training_cost_title_never_says_the_rented_value_was_paid():
    """DeepSeek owns its chips: the run's figure is the chip time priced at a rental rate, not money paid. The
    misleading-headline worksheet teaches exactly that, and its chart's title must not say otherwise."""
    title = CHARTS["training-costs"].title
    assert not re.search(r"\b(paid|spent|cost)\b[^;]*one training run", title), title


def test_a_summary_changes_when_the_data_changes(project_copy):
    changed = charts_with_o1_output_price(project_copy, 123.0)
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


def test_the_timeline_labels_six_to_eight_key_events_and_marks_r1_and_each_rules_period():
    spec = json.loads(spec_json(CHARTS["export-controls-timeline"]))
    labels = [note["text"] for note in spec["layout"]["annotations"] if note.get("yref") == "y"]
    key = [e for e in DATA.timeline if e.headline]
    assert 6 <= len(labels) == len(key) <= 8
    r1 = next(e for e in DATA.timeline if e.id == "deepseek-r1-2025-01")
    lines = [s for s in spec["layout"]["shapes"] if s["type"] == "line"]
    assert [line["x0"] for line in lines] == [r1.date.isoformat()]
    bands = [s for s in spec["layout"]["shapes"] if s["type"] == "rect" and s.get("fillcolor")]
    ruled = [e for e in DATA.timeline if e.in_force_until]
    assert sorted(b["x0"] for b in bands) == sorted(e.date.isoformat() for e in ruled)
    by_id = {e.id: e for e in DATA.timeline}
    ends = {b["x0"]: b["x1"] for b in bands}
    for event in ruled:
        if event.in_force_until != "open":
            assert ends[event.date.isoformat()] == by_id[event.in_force_until].date.isoformat()


def test_the_timelines_phone_picture_shows_the_period_its_controls_name():
    """The phone layout once showed the months around R1 while the controls said "since 2022"."""
    import html
    import re

    from charts.images import variant

    chart = CHARTS["export-controls-timeline"]
    checked = re.search(r'data-range="([^"]+)" checked', chart.controls_html)
    assert checked, "no period is chosen by default"
    period = json.loads(html.unescape(checked.group(1)))
    for phone in (False, True):
        assert variant(chart, phone)["layout"]["xaxis"]["range"] == period, "phone" if phone else "desk"


def test_the_timelines_key_events_are_labelled_on_a_desk_and_numbered_as_in_the_stepper_on_a_phone():
    spec = json.loads(spec_json(CHARTS["export-controls-timeline"]))
    key = [e for e in sorted(DATA.timeline, key=lambda e: (e.date, e.id)) if e.headline]
    desk = [n for n in spec["layout"]["annotations"] if n.get("yref") == "y"]
    assert [n["x"] for n in desk] == [e.date.isoformat() for e in key]
    words = {"tightened": "tightened", "loosened": "loosened", "unchanged": "changed no rule"}
    assert [n["text"] for n in desk] == [
        e.headline + (f" · <b>{words[e.direction]}</b>" if e.lane == "us_rules" else "") for e in key
    ], "each key US rule's label says what it did"
    numbers = [n["text"] for n in spec["phone"]["annotations"] if n.get("yref") == "y" and "<i>" not in n["text"]]
    assert numbers == [f"<b>{i}</b>" for i in range(1, len(key) + 1)]
    stepper = CHARTS["export-controls-timeline"].narrow_html
    numbers = re.findall(r'<span class="step-n">(\d+)</span>', stepper)
    assert numbers == [str(i) for i in range(1, len(key) + 1)], "the stepper numbers its steps as the chart does"
    dates = re.findall(r'data-date="([0-9-]+)"', stepper)
    assert dates == [e.date.isoformat() for e in key], "step n is the chart's key event n"


def test_a_rule_ended_by_an_unknown_event_stops_the_build_with_one_line(project_copy):
    path = project_copy / "data/timeline.yaml"
    rows = yaml.safe_load(path.read_text())
    next(row for row in rows if row.get("in_force_until"))["in_force_until"] = "no-such-event"
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))
    with pytest.raises(DataError) as error:
        pipeline.all_charts(load(project_copy))
    message = str(error.value)
    assert "\n" not in message and "data/timeline.yaml" in message and "in_force_until" in message


def test_every_market_fall_shows_its_percent_or_says_it_was_not_reported():
    """Three bars once showed dollars only, silently; a rough figure must read as rough."""
    chart = CHARTS["market-falls"]
    (bars,) = json.loads(spec_json(chart))["data"]
    largest = sorted(DATA.market, key=lambda r: r.loss_usd)[-len(bars["x"]) :]
    assert bars["x"] == [r.loss_usd / 1e9 for r in largest], "the chart draws the largest falls, in order"
    cells = {(row[0], row[1]): row[chart.columns.index("Fall (%)")] for row in chart.rows}
    assert len(cells) == len(DATA.market), "the Table lists every fall"
    for r in DATA.market:
        cell = cells[r.company, r.date.isoformat()]
        if r.percent_fall is None:
            assert cell == "not reported"
        else:
            assert cell == ("about " if r.percent_about else "") + f"{r.percent_fall:g}"
    written = {a["text"] for a in json.loads(spec_json(chart))["layout"]["annotations"]}
    for r, text, where in zip(largest, bars["text"], bars["textposition"]):
        assert where == "outside" or text in written, "a bar's value is neither beside it nor above it"
        if r.percent_fall is None:
            assert "% not reported" in text
        else:
            assert ("about " if r.percent_about else "") + f"{r.percent_fall:g}%" in text, text
    assert any(r.percent_fall is None or r.percent_about for r in DATA.market), "the gaps this test guards are gone"
    drawn, listed = len(bars["x"]), len(DATA.market)
    if drawn < listed:
        assert f"{drawn} largest" in chart.summary and f"all {listed}" in chart.summary


def test_the_market_falls_key_names_each_bar_colour_on_desk_and_phone():
    from charts.theme import ACTORS, MARK_WORDS

    chart = CHARTS["market-falls"]
    spec = json.loads(spec_json(chart))
    (bars,) = spec["data"]
    for layout in (spec["layout"], spec["phone"]):
        key = " ".join(a["text"] for a in layout["annotations"] if "■" in a["text"])
        for actor in set(bars["meta"]):
            assert f'color:{ACTORS[actor].colour}">■</span>' in key, f"no key for {actor}'s bars"
            assert MARK_WORDS[actor].split()[0] in chart.caption, f"the caption does not name {actor}'s colour"
    assert "Nvidia" in key


def test_the_market_falls_single_out_the_record_and_stop_the_axis_just_past_it():
    """7 of 10 bars were amber, the axis ran to $800 against a $589 maximum, and the key sat among the bars."""
    from charts.market_falls import SHOCK
    from charts.theme import PALETTE

    chart = CHARTS["market-falls"]
    spec = json.loads(spec_json(chart))
    (bars,) = spec["data"]
    largest = sorted(DATA.market, key=lambda r: r.loss_usd)[-len(bars["x"]) :]
    full = [r.id for r, o in zip(largest, bars["marker"]["opacity"]) if o == 1 and r.company == "Nvidia"]
    assert full == [SHOCK], "only the record is in full Nvidia colour; Nvidia's other falls are paler"
    assert any(r.company == "Nvidia" and r.id != SHOCK for r in largest), "no other Nvidia fall left to fade"
    for layout in (spec["layout"], spec["phone"]):
        end = {**spec["layout"]["xaxis"], **layout["xaxis"]}["range"][1]
        assert max(bars["x"]) < end <= 1.1 * max(bars["x"]), f"the axis runs to {end}"
        (key,) = [a for a in layout["annotations"] if "■" in a["text"]]
        assert key["yref"] == "paper" and key["y"] >= 1 and key["yanchor"] == "bottom", "the key sits in the plot"
        assert "opacity" in key["text"], "the key shows the paler tint"
        assert f"stroke:{PALETTE['nvidia']}" in key["text"], "the key shows the pale bars' outline in the full amber"
    assert len(chart.caption) <= 220, "the subtitle ran to six lines on a phone"


def test_the_recipe_picture_shows_both_ways_of_counting_against_llama():
    """The still picture once showed only the active-parameter count while the title spoke of both."""
    v3, llama = compute.compute_of(DATA, compute.CHALLENGER), compute.compute_of(DATA, compute.BASELINE)
    spec = json.loads(spec_json(CHARTS["compute-recipe"]))
    drawn = [(x, trace.get("mode")) for trace in spec["data"] for x in trace["x"]]
    v3_both = [compute_recipe.recipe_flop(v3, "active"), compute_recipe.recipe_flop(v3, "total")]
    assert spec["data"][0]["x"] == pytest.approx(v3_both), "data[0] is V3 counted both ways (calculators.js)"
    assert any(x == pytest.approx(compute_recipe.recipe_flop(llama)) for x, _ in drawn), "Llama's compute is not drawn"
    assert spec["data"][0]["text"] == [sci(v) for v in v3_both]
    halo = spec["data"][compute_recipe.HALO]
    assert len(spec["data"]) - 1 == compute_recipe.HALO, "calculators.js moves the last trace"
    assert (halo["x"], halo["y"]) == (spec["data"][0]["x"][:1], spec["data"][0]["y"][:1]), (
        "the way the page opens with (active) is the highlighted dot"
    )
    assert isinstance(spec["data"][0]["marker"]["size"], int), "both ways are drawn the same size: the halo marks"
    names = [a["text"] for a in spec["layout"]["annotations"]]
    assert any(f"{v3.active_params / 1e9:g}B active" in n for n in names)
    assert any(f"all {v3.total_params / 1e9:g}B" in n for n in names)
    for layout in (spec["layout"], spec["phone"]):  # the ticks marking Llama's compute are named on both screens
        named = [a["y"] for a in layout["annotations"] if a["text"] == "Llama's compute"]
        assert sorted(named) == sorted(spec["data"][1]["y"]), "each of V3's rows names Llama's tick"


def test_the_app_rows_the_title_counts_as_for_everyone_say_so():
    """The title's count of actions "for everyone" once matched no row: the one row named so showed 1 mark of 3."""
    from charts.app_actions import KINDS

    everyone = [kind for kind, name in KINDS if name.startswith("For everyone")]
    assert set(everyone) == {"data_protection_order", "app_store_removal"}
    count = sum(1 for r in DATA.app_actions if r.action in everyone)
    assert f"only {count} acted to stop it for everyone" in CHARTS["app-actions"].title
    names = [a["text"] for a in json.loads(spec_json(CHARTS["app-actions"]))["layout"]["annotations"]]
    assert sum(n.startswith("<b>For everyone") for n in names) == len(everyone)


def test_what_is_left_after_a_cut_is_worked_out_from_the_reported_cut(project_copy):
    """The efficiency chart draws a cut of 93.3% as 6.7% left: a number no file types."""
    path = project_copy / "data/training_compute.yaml"
    doc = yaml.safe_load(path.read_text())
    cut = next(f for f in doc["factors"] if f["effect"] == "cut")
    cut["value"] = 90
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    chart = {c.id: c for c in pipeline.all_charts(load(project_copy))}["efficiency-factors"]
    spec = json.loads(spec_json(chart))
    rows = [n["text"] for n in spec["layout"]["annotations"] if "<b>90%</b> less" in n["text"]]
    assert len(rows) == 1 and "<b>10%</b>" in rows[0]
    dots = [x for t in spec["data"] if t.get("mode") == "markers" and t["meta"][0] == "deepseek" for x in t["x"]]
    assert 10 in dots and 90 not in dots
    assert f"{cut['trick']} " in chart.summary and "10%" in chart.summary


def test_the_efficiency_summary_says_every_row_and_why_they_cannot_be_multiplied():
    chart = CHARTS["efficiency-factors"]
    for factor in DATA.training_compute.factors:
        assert f"{effects.sentence(factor)} (against {factor.baseline})" in chart.summary
    assert "cannot be multiplied" in chart.summary and "cannot be multiplied" in chart.caption


def test_a_share_the_data_does_not_report_is_worked_out_from_its_two_figures(project_copy):
    """DualPipe's 15.2% was typed, as if DeepSeek reported it: it is 20 of the H800's 132 blocks."""
    shared = [f for f in DATA.training_compute.factors if f.share_of]
    assert shared, "no efficiency factor is worked out any more"
    for factor in shared:
        part, whole = (DATA.figures[f].value for f in factor.share_of)
        assert factor.value == pytest.approx(100 * part / whole, abs=0.05) and factor.kind == "computed"
        row = next(r for r in CHARTS["efficiency-factors"].rows if r[0] == factor.name)
        assert row[-1] == "computed"
    path = project_copy / "data/figures/engineering.yaml"
    doc = yaml.safe_load(path.read_text())
    next(f for f in doc if f["id"] == shared[0].share_of[0])["value"] = 33
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    chart = {c.id: c for c in pipeline.all_charts(load(project_copy))}["efficiency-factors"]
    whole = DATA.figures[shared[0].share_of[1]].value
    assert f"{trim(100 * 33 / whole, 1)}%" in chart.summary
    assert f"sets aside 33 of each chip's {trim(whole)} processing blocks" in chart.summary, "the blocks are typed"


def test_a_share_row_must_not_name_its_two_figures_unless_it_is_a_share(project_copy):
    """{part} and {whole} are filled in from share_of: a typed value has no two figures to fill them with."""
    path = project_copy / "data/training_compute.yaml"
    doc = yaml.safe_load(path.read_text())
    next(f for f in doc["factors"] if f["effect"] == "faster")["says"] = "runs {value} as fast on {whole} chips"
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True))
    with pytest.raises(DataError, match=r"says must contain \{value\} and nothing else"):
        load(project_copy)


def test_the_cheapest_task_cost_is_drawn_as_a_bar_not_a_hairline():
    """The fresh reader saw DeepSeek-V3's $0.0086 as a 1-px sliver beside o1's $3.92."""
    spec = json.loads(spec_json(CHARTS["workload-calculator"]))
    bars = spec["data"][0]
    assert bars["marker"]["line"]["width"] >= 2
    assert bars["marker"]["line"]["color"] == bars["marker"]["color"], "the outline is the bar's own colour"
