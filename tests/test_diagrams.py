"""Every explanatory diagram: drawn from data, described in words, readable on a phone."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from charts import diagrams
from charts.fields import DataError
from charts.loader import load
from local_site import ROOT

DATA = load(ROOT)
DIAGRAMS = {d.id: d for d in diagrams.build(DATA)}
SVG = "{http://www.w3.org/2000/svg}"
# The narrowest column each drawing is shown in: a 390 px phone leaves about 350 px for the figure;
# the wide drawing shows only when the figure is at least 600 px wide (site.css container query).
SHOWN_AT = {"narrow": 350, "wide": 600}


def parsed(diagram, layout):
    return ET.fromstring(diagrams.svg(diagram, layout, standalone=True))


def set_figure(project, file, figure_id, value):
    path = project / "data" / "figures" / file
    rows = yaml.safe_load(path.read_text())
    for row in rows:
        if row["id"] == figure_id:
            row["value"] = value
    path.write_text(yaml.safe_dump(rows, sort_keys=False))


@pytest.mark.parametrize("layout", diagrams.WIDTH)
@pytest.mark.parametrize("diagram_id", DIAGRAMS)
def test_each_diagram_has_a_title_a_description_and_a_caption(diagram_id, layout):
    diagram = DIAGRAMS[diagram_id]
    root = parsed(diagram, layout)
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text == diagram.title
    assert desc is not None and len(desc.text.split()) >= 20
    assert set(root.get("aria-labelledby").split()) == {title.get("id"), desc.get("id")}
    html = diagrams.figure_html(diagram, DATA)
    assert html.startswith("<figure") and "<figcaption" in html and "In words:" in html
    assert html.count("<svg") == len(diagrams.WIDTH) and "\n\n" not in html


@pytest.mark.parametrize("layout", diagrams.WIDTH)
@pytest.mark.parametrize("diagram_id", DIAGRAMS)
def test_text_is_at_least_11_px_where_each_drawing_is_shown(diagram_id, layout):
    root = parsed(DIAGRAMS[diagram_id], layout)
    scale = SHOWN_AT[layout] / float(root.get("viewBox").split()[2])
    texts = root.iter(f"{SVG}text")
    sizes = [float(t.get("font-size")) * scale for t in texts]
    assert sizes and min(sizes) >= 11, f"{diagram_id} ({layout}): smallest text {min(sizes):.1f} px"


def test_the_expert_diagram_draws_the_experts_the_data_gives(project_copy):
    set_figure(project_copy, "engineering.yaml", "v3_routed_experts", 144)
    set_figure(project_copy, "engineering.yaml", "v3_activated_experts", 6)
    changed = {d.id: d for d in diagrams.build(load(project_copy))}["mixture-of-experts"]
    for layout in diagrams.WIDTH:
        svg = diagrams.svg(changed, layout)
        assert "picks 6 of 144" in svg and "144 routed experts" in svg
        root = ET.fromstring(diagrams.svg(changed, layout, standalone=True))
        squares = [r for r in root.iter(f"{SVG}rect") if r.get("class") in ("dg-on", "dg-off")]
        assert len(squares) == 144 + 1  # every expert, plus the legend's sample square
        assert sum(r.get("class") == "dg-on" for r in squares) == 6 + 1
    assert "picks 8 of 256" not in diagrams.svg(changed, "wide")


def test_the_kv_cache_bars_are_drawn_to_the_reported_reduction(project_copy):
    path = project_copy / "data" / "training_compute.yaml"
    text = path.read_text()
    cut = next(f for f in DATA.training_compute.factors if f.id == "mla_kv_cache_reduction").value
    path.write_text(re.sub(rf"value: {cut:g}\b", "value: 75", text, count=1))
    changed = {d.id: d for d in diagrams.build(load(project_copy))}["kv-cache"]
    svg = diagrams.svg(changed, "wide")
    assert "25%, 75% smaller" in svg and f"{cut:g}% smaller" not in svg
    root = ET.fromstring(diagrams.svg(changed, "wide", standalone=True))
    kept = [float(r.get("height")) for r in root.iter(f"{SVG}rect") if r.get("class") == "dg-on"]
    assert kept and all(h == pytest.approx(170 * 0.25, abs=0.1) for h in kept)


def test_the_recipe_and_the_students_follow_the_distilled_models_in_the_data(project_copy):
    path = project_copy / "data" / "benchmarks.yaml"
    path.write_text(path.read_text().replace("R1-Distill-Llama-70B", "R1-Distill-Llama-90B"))
    changed = {d.id: d for d in diagrams.build(load(project_copy))}
    assert "1.5B to 90B" in changed["r1-recipe"].summary and "90B" in diagrams.svg(changed["distillation"], "narrow")
    assert "70B" not in diagrams.svg(changed["distillation"], "wide")


def test_a_distilled_model_count_that_disagrees_with_the_models_stops_the_build(project_copy):
    set_figure(project_copy, "reasoning.yaml", "r1_distilled_models_count", 7)
    with pytest.raises(DataError, match=r"data/benchmarks.yaml: 6 distilled models.*r1_distilled_models_count"):
        diagrams.build(load(project_copy))


def test_the_home_picture_squares_are_to_scale_and_its_title_follows_the_data():
    diagram = DIAGRAMS["scale-of-the-shock"]
    loss = DATA.figures["nvidia_loss_2025_01_27"].value
    run = DATA.figures["v3_final_run_cost_usd"].value
    root = ET.fromstring(diagrams.svg(diagram, "wide", standalone=True))
    big = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "dg-nv")
    dot = next(r for r in root.iter(f"{SVG}rect") if r.get("class") == "dg-on")
    assert (float(dot.get("width")) / float(big.get("width"))) ** 2 == pytest.approx(run / loss, rel=0.02)
    stated = int(re.search(r"more than ([\d,]+) times", diagram.title).group(1).replace(",", ""))
    assert stated <= loss / run < stated * 10


def test_dated_lists_say_and_show_the_time_between_events():
    from datetime import date
    from types import SimpleNamespace

    from charts import event_lists

    def event(y, m, d):
        return SimpleNamespace(date=date(y, m, d), title="An event")

    events = [event(2021, 1, 29), event(2023, 11, 29), event(2023, 12, 11), event(2024, 5, 6)]
    assert [event_lists.gap(a, b) for a, b in zip(events, events[1:])] == [
        "2 years 10 months later",
        "12 days later",
        "5 months later",
    ]
    for layout in event_lists.CHARS:
        rows, _ = event_lists.rows(events, layout)
        steps = [b["y"] - a["y"] for a, b in zip(rows, rows[1:])]
        assert steps[0] > steps[2] > steps[1], (layout, steps)  # a longer wait, a longer stretch of line
        assert [r["gap"]["text"] if r["gap"] else None for r in rows][-1] is None


def test_the_after_r1_title_gives_the_pace_the_listed_events_show():
    from charts import event_lists

    data = load(ROOT)
    by_id = {e.id: e for e in data.timeline}
    events = [by_id[i] for i in event_lists.LISTS["after-r1"][1]]
    r1, last = by_id["deepseek-r1-2025-01"].date, max(e.date for e in events)
    span = (last.year - r1.year) * 12 + last.month - r1.month
    title = event_lists.event_list(data, "after-r1").title
    numbers = [int(n) for n in re.findall(r"\d+", title.replace("R1", ""))]
    assert numbers == [span, len(events), round(span / len(events))], title
    assert all(e.date > r1 for e in events)


@pytest.mark.parametrize("layout", diagrams.WIDTH)
def test_the_teachers_arrow_ends_at_the_row_of_students(layout):
    """On a laptop the arrow once stopped 40 px above and left of the students, pointing at nothing."""
    root = parsed(DIAGRAMS["distillation"], layout)
    (arrow,) = [line for line in root.iter(f"{SVG}polyline") if line.get("marker-end")]
    (x0, y0), (x, y) = [tuple(map(float, point.split(","))) for point in arrow.get("points").split()[-2:]]
    students = [
        [float(c.get(k)) for k in ("cx", "cy", "r")]
        for c in root.iter(f"{SVG}circle")
        if "dg-student" in c.get("class")
    ]
    assert len(students) == len(diagrams.distilled(DATA))
    left, right = min(cx - r for cx, _, r in students), max(cx + r for cx, _, r in students)
    top, bottom = min(cy - r for _, cy, r in students), max(cy + r for _, cy, r in students)
    # The tip is within 12 px of the row's box and inside no student...
    gap = math.hypot(max(left - x, 0, x - right), max(top - y, 0, y - bottom))
    assert gap <= 12, f"the arrow ends {gap:.0f} px from the students ({layout})"
    assert all(math.hypot(x - cx, y - cy) >= r for cx, cy, r in students)
    # ...and it points at the row: going on along its last stretch, it runs into the row's box.
    ahead = [(x + (x - x0) * t / 100, y + (y - y0) * t / 100) for t in range(1, 200)]
    assert any(left <= px <= right and top <= py <= bottom for px, py in ahead), layout
