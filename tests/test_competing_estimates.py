"""The competing-estimates chart: every chip and spending figure, each saying what it counts and what kind it is."""

from __future__ import annotations

import math

import pytest
import yaml

from charts import competing_estimates
from charts.fields import DataError
from charts.loader import load
from charts.numbers import about
from local_site import ROOT

DATA = load(ROOT)
CHART = competing_estimates.competing_estimates(DATA)


def points(chart):
    for trace in chart.figure.data:
        for x, y, text in zip(trace.x, trace.y, trace.text):
            yield trace.xaxis, x, y, text, trace.marker.symbol


def test_every_gpu_count_in_the_figures_is_on_the_chart():
    gpu_figures = {key for key, f in DATA.figures.items() if f.unit == "GPUs"}
    shown = {y for _, _, y, _, _ in points(CHART)}
    assert gpu_figures and gpu_figures <= shown


def test_gpus_and_dollars_never_share_an_axis_and_both_axes_are_log():
    axes = {}
    for axis, _, figure_id, _, _ in points(CHART):
        axes.setdefault(axis, set()).add(DATA.figures[figure_id].format.startswith("usd"))
    assert len(axes) == 2 and all(len(kinds) == 1 for kinds in axes.values())
    assert CHART.figure.layout.xaxis.type == CHART.figure.layout.xaxis2.type == "log"


def test_each_dot_says_its_kind_in_words_and_by_shape():
    for _, _, figure_id, text, symbol in points(CHART):
        status = DATA.figures[figure_id].status
        assert text.endswith(status) and symbol == competing_estimates.SYMBOL[status]
    counted = {a.text for a in CHART.figure.layout.annotations}
    assert {counts for _, counts in competing_estimates.GPUS + competing_estimates.DOLLARS} <= counted


def test_the_title_spread_follows_the_data(project_copy):
    path = project_copy / "data" / "figures" / "disputed.yaml"
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if row["id"] == "semianalysis_gpu_count":
            row["value"] = 102400
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    changed = competing_estimates.competing_estimates(load(project_copy))
    smallest = min(f.value for key, f in DATA.figures.items() if f.unit == "GPUs")
    assert f"differ {round(102400 / smallest, -1):,.0f}-fold" in changed.title
    assert "102,400, estimate" in {text for _, _, _, text, _ in points(changed)}


def panels(chart):
    """(x axis, y axis, category order, shapes, annotations) of each panel, as the spec draws them."""
    layout = chart.figure.layout
    for ref in ("", "2"):
        yield (
            layout[f"xaxis{ref}"],
            list(layout[f"yaxis{ref}"].categoryarray),
            [s for s in layout.shapes if s.yref == f"y{ref}"],
            [a for a in layout.annotations if a.yref == f"y{ref}"],
        )


def test_each_panel_groups_its_dots_in_a_band_by_what_the_figure_counts():
    """A reader once had to read all 11 row labels to see which figures count one run and which a whole fleet."""
    for _, order, shapes, notes in panels(CHART):
        drawn = [y for _, _, y, _, _ in points(CHART) if y in order]
        bands = sorted(shapes, key=lambda s: s.y0)
        scopes = sorted({DATA.figures[y].scope for y in drawn}, key=list(competing_estimates.GROUPS).index)
        assert len(bands) == len(scopes) == 2, "one band per kind of count"
        for band, scope in zip(bands, scopes):
            inside = {y for y in drawn if band.y0 < order.index(y) < band.y1}
            assert inside == {y for y in drawn if DATA.figures[y].scope == scope}, f"the {scope} band"
            headings = [a.text for a in notes if a.text.startswith("<b>") and band.y0 < order.index(a.y) < band.y1]
            noun = "CHIPS" if DATA.figures[drawn[0]].unit == "GPUs" else "SPENDING"
            assert headings == [f"<b>{competing_estimates.GROUPS[scope].format(noun)}</b>"]


def test_each_panel_draws_an_arrow_from_its_smallest_to_its_largest_figure_with_the_ratio():
    for _, order, _, notes in panels(CHART):
        values = [DATA.figures[y].value for _, _, y, _, _ in points(CHART) if y in order]
        (arrow,) = [a for a in notes if a.showarrow]
        assert (arrow.ax, arrow.x) == pytest.approx((math.log10(min(values)), math.log10(max(values))))
        assert any(f"<b>{about(max(values) / min(values))}×</b>" in a.text for a in notes)
        assert f"about {about(max(values) / min(values))} times" in CHART.summary


def test_the_chip_axis_writes_counts_out():
    """10², 10³, 10⁴ are a code students do not read; 100, 1,000, 10,000 are not."""
    chips = CHART.figure.layout.xaxis
    assert list(chips.ticktext) == [f"{v:,.0f}" for v in chips.tickvals] and "1,000" in chips.ticktext
    assert all(t.startswith("$") for t in CHART.figure.layout.xaxis2.ticktext)


def test_a_figure_without_a_scope_stops_the_build(project_copy):
    path = project_copy / "data" / "figures" / "disputed.yaml"
    rows = yaml.safe_load(path.read_text())
    next(row for row in rows if row["id"] == "semianalysis_gpu_count").pop("scope")
    path.write_text(yaml.safe_dump(rows, sort_keys=False))
    with pytest.raises(DataError) as error:
        competing_estimates.competing_estimates(load(project_copy))
    assert "semianalysis_gpu_count" in str(error.value) and "field scope" in str(error.value)
