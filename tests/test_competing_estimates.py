"""The competing-estimates chart: every chip and spending figure, each saying what it counts and what kind it is."""

from __future__ import annotations

import yaml

from charts import competing_estimates
from charts.loader import load
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
