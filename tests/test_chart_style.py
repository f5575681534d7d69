"""The charts' shared visual language: one colour per actor, honest log axes, readable text."""

from __future__ import annotations

import json
import math
import re

import pytest

from charts import engineering, pipeline
from charts.loader import load
from charts.numbers import trim
from charts.render import spec_json
from charts.theme import ACTORS, BACKGROUNDS, MARK_WORDS, MIN_TEXT, PALETTE, SIGNS
from local_site import ROOT

DATA = load(ROOT)
CHARTS = {chart.id: chart for chart in pipeline.all_charts(DATA)}
SPECS = {chart_id: json.loads(spec_json(chart)) for chart_id, chart in CHARTS.items()}


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def as_list(value, length: int) -> list:
    return value if isinstance(value, list) else [value] * length


def coloured_points(trace: dict) -> list[tuple[object, str]]:
    """(actor named in meta, colour drawn) for every marker and line of a trace."""
    count = max(len(trace.get("x") or []), len(trace.get("y") or []), 1)
    meta = as_list(trace.get("meta"), count)
    pairs = []
    marker = trace.get("marker") or {}
    if "color" in marker:
        pairs += list(zip(meta, as_list(marker["color"], count)))
    if "color" in (marker.get("line") or {}):
        pairs += list(zip(meta, as_list(marker["line"]["color"], count)))
    if "color" in (trace.get("line") or {}):
        pairs += [(meta[0], trace["line"]["color"])]
    return pairs


def axes(spec: dict) -> dict[str, dict]:
    """Every axis of a chart, desk and phone layouts alike."""
    found = {}
    for where, layout in (("desk", spec["layout"]), ("phone", spec.get("phone") or {})):
        found.update({f"{where} {k}": v for k, v in layout.items() if k[:5] in ("xaxis", "yaxis")})
    return found


@pytest.mark.parametrize("actor", PALETTE)
def test_each_actor_colour_stands_out_from_the_light_and_the_dark_page(actor):
    for scheme, background in BACKGROUNDS.items():
        assert contrast(PALETTE[actor], background) >= 3, f"{actor} on {scheme}"


def test_each_actor_has_its_own_colour():
    assert len(set(PALETTE.values())) == len(PALETTE)


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_actor_has_the_same_colour_on_every_chart(chart_id):
    for trace in SPECS[chart_id]["data"]:
        for actor, drawn in coloured_points(trace):
            assert actor in PALETTE, f"a {trace['type']} trace draws {drawn} without naming its actor in meta"
            assert drawn == PALETTE[actor], f"{actor} drawn in {drawn}, not {PALETTE[actor]}"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_shaded_periods_and_reference_lines_take_their_actors_colour(chart_id):
    for where in (SPECS[chart_id]["layout"], SPECS[chart_id].get("phone") or {}):
        for shape in where.get("shapes") or []:
            drawn = [c for c in (shape.get("fillcolor"), (shape.get("line") or {}).get("color")) if c]
            if drawn:
                assert shape.get("name") in PALETTE, f"a shape drawn in {drawn} names no actor"
                assert all(c == PALETTE[shape["name"]] for c in drawn), f"{shape['name']} drawn in {drawn}"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_chart_uses_hatch_patterns_or_a_legend(chart_id):
    spec = SPECS[chart_id]
    for trace in spec["data"]:
        assert not ((trace.get("marker") or {}).get("pattern") or {}).get("shape"), "a hatch pattern"
    assert spec["layout"].get("showlegend") is False, "label the series on the chart instead of a legend"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_log_axes_have_one_labelled_grid_line_per_power_of_ten(chart_id):
    for name, axis in axes(SPECS[chart_id]).items():
        if axis.get("type") != "log":
            continue
        assert axis["dtick"] == 1, name
        exponents = [math.log10(v) for v in axis["tickvals"]]
        assert exponents == [round(e) for e in exponents], f"{name}: a tick that is not a power of ten"
        assert [round(e) for e in exponents] == list(range(round(exponents[0]), round(exponents[-1]) + 1))
        assert len(axis["ticktext"]) == len(axis["tickvals"])
        for value, text in zip(axis["tickvals"], axis["ticktext"]):
            digits = text.strip("$")
            assert digits not in ("2", "5", "20", "50"), f"{name}: a bare {text}"
            if text == f"{value:,.0f}" and value >= 100:  # a count written out: 100, 1,000, 10,000
                continue
            assert text.startswith(("$", "10")), f"{name}: {text} is not a full label"
            if text.startswith("10"):
                assert text == "10" + str(round(math.log10(value))).translate(
                    str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
                )


@pytest.mark.parametrize("chart_id", CHARTS)
def test_huge_values_sit_on_a_log_axis_with_full_labels(chart_id):
    """The recipe chart once drew FLOP on a linear axis, which Plotly labels 0.5×10²⁵, 1×10²⁵..."""
    spec = SPECS[chart_id]
    for trace in spec["data"]:
        for letter in "xy":
            values = [v for v in trace.get(letter) or [] if isinstance(v, (int, float))]
            if not values or max(abs(v) for v in values) < 1e12:
                continue
            name = f"{letter}axis{trace.get(f'{letter}axis', letter)[1:]}"
            axis = spec["layout"].get(name) or {}
            assert axis.get("type") == "log" and axis.get("tickvals"), f"{name} shows {max(values):.2g} unlogged"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_bar_sits_on_a_log_axis(chart_id):
    spec = SPECS[chart_id]
    layout = spec["layout"]
    for trace in spec["data"]:
        if trace["type"] != "bar":
            continue
        value_axis = "x" if trace.get("orientation") == "h" else "y"
        reference = trace.get(f"{value_axis}axis", value_axis)
        key = f"{value_axis}axis{reference[1:]}"
        assert (layout.get(key) or {}).get("type") != "log", f"a bar on the log axis {key}"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_chart_text_is_set_below_12_px_or_left_for_plotly_to_shrink(chart_id):
    spec = SPECS[chart_id]
    layout = spec["layout"]
    assert layout["uniformtext"]["minsize"] >= 12 and layout["uniformtext"]["mode"] == "show"
    for trace in spec["data"]:
        for key in ("textfont", "insidetextfont", "outsidetextfont"):
            assert (trace.get(key) or {}).get("size", 12) >= 12, key
        assert trace.get("textposition") != "auto", "Plotly shrinks auto-placed labels"
    for where in (layout, spec.get("phone") or {}):
        assert (where.get("font") or {}).get("size", 13) >= 12
        for note in where.get("annotations") or []:
            assert (note.get("font") or {}).get("size", 13) >= 12, note["text"]


@pytest.mark.parametrize("chart_id", CHARTS)
def test_each_chart_has_a_phone_layout_so_the_browser_never_shrinks_its_text(chart_id):
    assert SPECS[chart_id].get("phone"), "without one, charts.js falls back to 11 px text on phones"


@pytest.mark.parametrize("chart_id", CHARTS)
def test_markers_sized_one_by_one_keep_their_full_colour(chart_id):
    """Plotly fades markers with a list of sizes to 0.7 (a "bubble chart"), below the palette's contrast."""
    for trace in SPECS[chart_id]["data"]:
        marker = trace.get("marker") or {}
        if isinstance(marker.get("size"), list):
            assert "opacity" in marker, "set marker.opacity, or Plotly draws these markers at 0.7"


def hue_and_saturation(hex_colour: str) -> tuple[float, float]:
    import colorsys

    r, g, b = (int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    h, _, s = colorsys.rgb_to_hls(r, g, b)
    return h * 360, s


def test_no_loss_is_drawn_green():
    """Green reads as a gain: the market falls (bars in their companies' colours) and the shock diagram's
    square of Nvidia's loss must be drawn in something else."""
    from charts.diagrams import COLOURS

    bars = [t for t in SPECS["market-falls"]["data"] if t["type"] == "bar"]
    losses = {c for t in bars for c in as_list(t["marker"]["color"], len(t["x"]))} | set(COLOURS["nvidia"])
    assert losses
    for drawn in losses:
        hue, saturation = hue_and_saturation(drawn)
        assert not (75 <= hue <= 170 and saturation > 0.2), f"a loss drawn in green ({drawn})"


SHAPE_WORDS = {"circle": "dots", "diamond": "diamonds", "square": "squares", "triangle-up": "triangles"}
SHAPE_WORDS["circle-open"] = "rings"
SHAPE_WORDS["x"] = "crosses"


def test_the_words_for_each_actors_mark_name_the_shape_it_is_drawn_with():
    for key, actor in {**ACTORS, **SIGNS}.items():
        assert MARK_WORDS[key].endswith(SHAPE_WORDS[actor.symbol]), f"{key} is drawn as {actor.symbol}"


def test_the_app_actions_caption_names_each_mark_the_chart_draws():
    """The caption once said "grey circles" for hollow rings and left the magenta squares' colour unsaid."""
    caption = CHARTS["app-actions"].caption.lower()
    drawn = {t["meta"][0] for t in SPECS["app-actions"]["data"] if t.get("mode") == "markers"}
    assert drawn
    for key in drawn:
        assert MARK_WORDS[key] in caption, f"the caption does not say {MARK_WORDS[key]!r}"


def test_the_distilled_bars_that_lose_are_grey_not_faded_blue():
    """Faded blue (marker opacity) turned dark navy on the dark page and the bars nearly vanished."""
    bars = [t for t in SPECS["benchmarks-distilled"]["data"] if t["type"] == "bar"]
    assert bars
    for bar in bars:
        assert bar["marker"].get("opacity", 1) == 1, "a faded bar"
        assert set(bar["meta"]) <= {"deepseek", "other"}
    assert {m for bar in bars for m in bar["meta"]} == {"deepseek", "other"}
    assert "blue where they beat o1-mini, grey" in CHARTS["benchmarks-distilled"].caption


def test_the_benchmark_key_is_in_the_caption_and_on_the_top_row():
    caption = CHARTS["benchmarks-frontier"].caption
    assert "dot = R1" in caption and "diamond = o1" in caption
    layout = SPECS["benchmarks-frontier"]["layout"]
    top = layout["yaxis"]["categoryarray"][0]
    keyed = {n["text"]: n["y"] for n in layout["annotations"] if n["text"] in ("<b>R1</b>", "<b>o1</b>")}
    assert keyed == {"<b>R1</b>": top, "<b>o1</b>": top}


def test_charts_with_an_openai_colour_name_it_in_the_caption():
    """GPT-4 was drawn in OpenAI's orange with no key."""
    for chart_id in ("training-compute", "training-costs"):
        drawn = {a for t in SPECS[chart_id]["data"] for a, _ in coloured_points(t)}
        if "openai" in drawn:
            assert "orange, OpenAI" in CHARTS[chart_id].caption, chart_id


def test_each_efficiency_effect_shows_its_starting_point_and_no_mark_sits_on_the_axis_edge():
    """The 0.25% dot sat on the axis, cut off, and the zero starting points were not drawn."""
    spec = SPECS["efficiency-factors"]
    marks = [t for t in spec["data"] if t.get("mode") == "markers"]
    starts = sum(len(t["x"]) for t in marks if t["meta"][0] == "other")
    lands = sum(len(t["x"]) for t in marks if t["meta"][0] in ("deepseek", "cost"))
    assert starts == lands > 0
    for name, axis in spec["layout"].items():
        if name.startswith("xaxis"):
            assert axis["range"][0] < min(x for t in marks if t.get("xaxis", "x") == "x" + name[5:] for x in t["x"])


def test_no_efficiency_axis_draws_a_line_left_of_where_its_panel_starts():
    """Left of the speed-ups' 1× a zero line read as "0×", with a gap to the older way's ring."""
    spec = SPECS["efficiency-factors"]
    for drawn in efficiency_panels():
        axis = spec["layout"][drawn["axis"].replace("x", "xaxis")]
        assert axis["zeroline"] is False, drawn["panel"].title
        floor = min(min(r["ring"], r["dot"]) for r in drawn["rows"])
        floor = 0 if drawn["panel"].unit == "%" else floor
        span = axis["range"][1] - axis["range"][0]
        assert floor - 0.06 * span < axis["range"][0] < floor, f"{drawn['panel'].title}: {axis['range']}"
        assert all(v >= floor for v in axis.get("tickvals", [floor])), "a tick left of the older way"


def test_the_costs_are_drawn_as_costs_not_as_deepseeks_gains():
    """Panel 3 drew DualPipe's 15.2% in the same blue dot as the savings: nothing said it was a price."""
    spec = SPECS["efficiency-factors"]
    costs = [f for f in DATA.training_compute.factors if f.effect == "cost"]
    (drawn,) = [d for d in efficiency_panels() if "cost" in d["panel"].effects]
    assert len(drawn["rows"]) == len(costs) and "smaller is better" in drawn["panel"].title
    marks = [t for t in spec["data"] if t.get("xaxis", "x") == drawn["axis"] and t.get("mode") == "markers"]
    ours = [t for t in marks if t["meta"][0] != "other"]
    assert ours and all(t["meta"][0] == "cost" and t["marker"]["color"] == PALETTE["cost"] for t in ours)
    assert all(t["marker"]["symbol"] == SIGNS["cost"].symbol != ACTORS["deepseek"].symbol for t in ours)
    assert PALETTE["cost"] not in {a.colour for a in ACTORS.values()}
    assert MARK_WORDS["cost"] in CHARTS["efficiency-factors"].caption.lower()
    others = [d for d in efficiency_panels() if d["axis"] != drawn["axis"]]
    assert all(
        t["meta"][0] == "deepseek"
        for d in others
        for t in spec["data"]
        if t.get("xaxis", "x") == d["axis"] and t.get("mode") == "markers" and t["meta"][0] != "other"
    )


def efficiency_panels() -> list[dict]:
    """Each panel of the efficiency chart as drawn: its declared direction, and per row the ring's x,
    the dot's x and the words above the row."""
    spec = SPECS["efficiency-factors"]
    by_title = {f"<b>{p.title}</b>": p for p in engineering.PANELS}
    panels = []
    for note in spec["layout"]["annotations"]:
        if note["text"] in by_title:
            axis = note["xref"].split()[0]  # "x2 domain" -> "x2"
            marks = {
                ("other" if t["meta"][0] == "other" else "ours"): t["x"]
                for t in spec["data"]
                if t.get("mode") == "markers" and t.get("xaxis", "x") == axis
            }
            words = sorted(
                (n["y"], n["text"])
                for n in spec["layout"]["annotations"]
                if n["xref"] == note["xref"] and n is not note
            )
            rows = [
                {"ring": ring, "dot": dot, "words": text}
                for ring, dot, (_, text) in zip(marks["other"], marks["ours"], words, strict=True)
            ]
            panels.append({"panel": by_title[note["text"]], "rows": rows, "axis": axis})
    return panels


def test_every_row_of_an_efficiency_panel_goes_the_panels_one_way():
    """Panel 1 once mixed shares used (5.5%) with shares saved (93.3% less) on one axis."""
    panels = efficiency_panels()
    assert len(panels) == len(engineering.PANELS)
    assert {p["panel"].direction for p in panels} == {"down", "up"}
    for drawn in panels:
        panel = drawn["panel"]
        for row in drawn["rows"]:
            assert row["ring"] == panel.start, row["words"]
            went = "down" if row["dot"] < row["ring"] else "up" if row["dot"] > row["ring"] else "nowhere"
            assert went == panel.direction, f"{row['words']!r} goes {went} in {panel.title!r}"


def test_each_efficiency_row_says_in_bold_the_number_its_dot_is_drawn_at():
    for drawn in efficiency_panels():
        suffix = drawn["panel"].unit
        for row in drawn["rows"]:
            assert f"<b>{trim(row['dot'])}{suffix}</b>" in row["words"], row["words"]
            assert "against " in row["words"], "the row no longer names what it is measured against"


def test_a_cut_is_drawn_as_what_is_left_and_its_row_says_both():
    rows = [r for d in efficiency_panels() for r in d["rows"]]
    for cut in [f for f in DATA.training_compute.factors if f.effect == "cut"]:
        row = next(r for r in rows if f"<b>{trim(cut.value)}%</b> less" in r["words"])
        assert row["dot"] == pytest.approx(100 - cut.value)


def test_the_efficiency_picture_is_short_on_a_phone_and_its_text_is_never_small():
    """It was 931 px tall at 358 px wide, with three or four lines above every row."""
    chart = CHARTS["efficiency-factors"]
    assert chart.phone["height"] <= 900
    sizes = [int(s) for n in chart.phone["annotations"] for s in re.findall(r"font-size:(\d+)px", n["text"])]
    assert sizes and min(sizes) >= MIN_TEXT
    assert all(n["font"]["size"] >= MIN_TEXT for n in chart.phone["annotations"])


@pytest.mark.parametrize("chart_id", CHARTS)
def test_no_tooltip_prints_a_dollar_sign_the_axis_already_adds(chart_id):
    """An unformatted %{x} or %{y} takes its axis's tick prefix: "$%{x}" on a dollar axis read "$$12"."""
    spec = SPECS[chart_id]
    for layout in (spec["layout"], {**spec["layout"], **(spec.get("phone") or {})}):
        for trace in spec["data"]:
            for letter in ("x", "y"):
                key = f"{letter}axis{trace.get(letter + 'axis', letter)[1:]}"
                hover = (trace.get("hovertemplate") or "").replace("%", "")
                if (layout.get(key) or {}).get("tickprefix") == "$":
                    assert f"${{{letter}}}" not in hover, hover
