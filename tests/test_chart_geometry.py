"""What a reader sees in each chart's static pictures (desk and phone), measured in a browser:
no text cut off at the picture's edge, no label printed over another, no score crossed by its line."""

from __future__ import annotations

import pytest

from charts import images, pipeline, release_prices
from charts.loader import load
from charts.numbers import money
from charts.theme import PALETTE
from local_site import CACHE, ROOT

DATA = load(ROOT)
CHARTS = pipeline.all_charts(DATA)
VARIANTS = ("desk", "phone")
# Every visible text and every drawn line of the picture, in px from its top left corner.
MEASURE = """() => {
  const svg = document.querySelector('svg'), origin = svg.getBoundingClientRect();
  const box = el => { const b = el.getBoundingClientRect();
    return {x0: b.left - origin.left, y0: b.top - origin.top, x1: b.right - origin.left, y1: b.bottom - origin.top}; };
  const texts = [...svg.querySelectorAll('text')]
    .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0)
    .map(t => { const m = t.getCTM(); return {text: t.textContent.trim(), rotated: Math.abs(m.b) > 0.01, ...box(t)}; });
  // A line's box grows by half its stroke (a vertical line's own box is 0 px wide).
  const lines = [...svg.querySelectorAll('path.js-line')].map(p => {
    const b = box(p), half = parseFloat(getComputedStyle(p).strokeWidth) / 2;
    return {stroke: getComputedStyle(p).stroke, x0: b.x0 - half, y0: b.y0 - half, x1: b.x1 + half, y1: b.y1 + half};
  });
  const points = [...svg.querySelectorAll('path.point')].map(box);
  const shapes = [...svg.querySelectorAll('.shapelayer path')].map(p => { const s = getComputedStyle(p);
    return {stroke: s.stroke, strokeWidth: parseFloat(s.strokeWidth), strokeOpacity: +s.strokeOpacity * +s.opacity, ...box(p)}; });
  const bars = [...svg.querySelectorAll('.barlayer g.point > path')].map(p => { const s = getComputedStyle(p);
    return {fill: s.fill, opacity: +s.opacity, ...box(p)}; });
  return {width: origin.width, height: origin.height, texts, lines, points, shapes, bars};
}"""


def rgb(hex_colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)))


def overlap(a: dict, b: dict, slack: float = 1.0) -> bool:
    return (
        min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > slack and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > slack
    )


@pytest.fixture(scope="module")
def measured(browser):
    pictures = images.pictures(CHARTS, ROOT / CACHE / "svg", pipeline.plotly_bundle(ROOT))
    page = browser.new_page()
    found = {}
    for chart_id, variants in pictures.items():
        for name, picture in variants.items():
            page.set_content(
                f'<body style="margin:0"><div style="width:{picture.width}px;height:{picture.height}px">'
                f"{picture.svg}</div></body>"
            )
            found[chart_id, name] = page.evaluate(MEASURE)
    page.close()
    return found


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("chart_id", [c.id for c in CHARTS])
def test_no_chart_text_is_cut_off_at_the_pictures_edge(measured, chart_id, variant):
    shot = measured[chart_id, variant]
    assert shot["texts"], "a picture with no text"
    cut = [
        t["text"]
        for t in shot["texts"]
        if t["x0"] < -0.5 or t["y0"] < -0.5 or t["x1"] > shot["width"] + 0.5 or t["y1"] > shot["height"] + 0.5
    ]
    assert not cut, f"cut off at the edge of the {variant} picture: {cut}"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("chart_id", [c.id for c in CHARTS])
def test_no_label_is_printed_over_another(measured, chart_id, variant):
    texts = [t for t in measured[chart_id, variant]["texts"] if not t["rotated"]]
    clashes = [(a["text"], b["text"]) for i, a in enumerate(texts) for b in texts[i + 1 :] if overlap(a, b, 2)]
    assert not clashes, f"labels on top of each other in the {variant} picture: {clashes}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_o1_mini_line_crosses_no_score_of_the_distilled_models(measured, variant):
    shot = measured["benchmarks-distilled", variant]
    references = [line for line in shot["lines"] if line["stroke"] == rgb(PALETTE["openai"])]
    assert len(references) == 4, "one o1-mini line per panel"
    scores = [t for t in shot["texts"] if t["text"].replace(".", "").isdigit() and t["text"] not in ("0", "50", "100")]
    assert len(scores) >= 4 * 6, "a score for each model in each panel"
    crossed = [t["text"] for t in scores for line in references if overlap(t, line, 0)]
    assert not crossed, f"the o1-mini line runs through these scores: {crossed}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_engineering_panels_leave_no_empty_band_between_rows(measured, variant):
    """On a phone the panels once stood 100 px apart, with empty room above their first rows."""
    shot = measured["efficiency-factors", variant]
    drawn = sorted((b["y0"], b["y1"]) for b in shot["texts"] + shot["points"])
    assert len(shot["points"]) >= 8
    widest, reached = 0.0, drawn[0][1]
    for top, bottom in drawn[1:]:
        widest, reached = max(widest, top - reached), max(reached, bottom)
    assert widest < 48, f"an empty band {widest:.0f} px tall in the {variant} picture"


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_price_chart_draws_one_line_and_labels_its_launch_its_low_and_where_it_ends(measured, variant):
    """Four lines in one blue once hid the point; one line now, labelled where the story turns."""
    shot = measured["release-prices", variant]
    drawn = [line for line in shot["lines"] if line["stroke"] == rgb(PALETTE["deepseek"])]
    assert len(drawn) == len(shot["lines"]) == 1, f"{len(shot['lines'])} lines in the {variant} picture"
    big = release_prices.steps(DATA, "big")
    low = min(p[1] for p in big)
    for words, value in (("at launch:", big[0][1]), ("Cut", low), ("now, at busy hours:", big[-1][1])):
        assert any(words in t["text"] and money(value) in t["text"] for t in shot["texts"]), (words, value)


def grown(box: dict, px: float) -> dict:
    return {**box, "x0": box["x0"] - px, "y0": box["y0"] - px, "x1": box["x1"] + px, "y1": box["y1"] + px}


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_r1_and_o1_labels_stand_apart_from_each_other_and_the_marks(measured, variant):
    """On a phone the two labels once touched and read "o1R1" (the general overlap test allows 2 px)."""
    shot = measured["benchmarks-frontier", variant]
    labels = [t for t in shot["texts"] if t["text"] in ("R1", "o1")]
    assert sorted(t["text"] for t in labels) == ["R1", "o1"]
    first, second = labels
    assert not overlap(grown(first, 3), grown(second, 3), 0), f"R1 and o1 labels closer than 6 px: {labels}"
    on_marks = [t["text"] for t in labels for point in shot["points"] if overlap(grown(t, 1), point, 0)]
    assert not on_marks, f"a direct label sits on a mark in the {variant} picture: {on_marks}"


@pytest.mark.parametrize("variant", VARIANTS)
def test_each_o1_mini_label_sits_on_top_of_its_line(measured, variant):
    """The reference line once stopped half a row short of its label and hid behind the bars."""
    shot = measured["benchmarks-distilled", variant]
    labels = [t for t in shot["texts"] if t["text"].startswith("o1-mini ")]
    lines = [s for s in shot["shapes"] if s["stroke"] == rgb(PALETTE["openai"])]
    assert len(labels) == len(lines) == 4
    for label in labels:
        below = [s for s in lines if s["x0"] - 1 <= (label["x0"] + label["x1"]) / 2 <= s["x1"] + 1]
        assert below and abs(below[0]["y0"] - label["y1"]) < 6, f"{label['text']} is not on top of its line"


def test_the_app_action_marks_are_big_enough_to_tap_and_see_on_a_phone(measured):
    points = measured["app-actions", "phone"]["points"]
    assert points
    assert min(p["x1"] - p["x0"] for p in points) >= 20, "app-action marks narrower than 20 px on a phone"


@pytest.mark.parametrize("variant", VARIANTS)
def test_nvidias_other_falls_are_outlined_in_the_full_amber_around_their_own_bars(measured, variant):
    """Faded amber alone read as brown on the dark page, and the key's "Nvidia's other falls" was hard to match."""
    shot = measured["market-falls", variant]
    amber = rgb(PALETTE["nvidia"])
    bars = [b for b in shot["bars"] if b["fill"] == amber]
    record = [b for b in bars if b["opacity"] == 1]
    pale = [b for b in bars if b["opacity"] < 1]
    assert len(record) == 1 and pale, "one solid amber bar, the record, and the other Nvidia falls paler"
    outlines = [s for s in shot["shapes"] if s["stroke"] == amber]
    assert len(outlines) == len(pale)
    assert all(s["strokeOpacity"] == 1 and s["strokeWidth"] >= 1.5 for s in outlines), "a faint outline"
    half = outlines[0]["strokeWidth"] / 2 + 1
    for bar in pale:
        around = [s for s in outlines if all(abs(s[k] - bar[k]) <= half for k in ("x0", "y0", "x1", "y1"))]
        assert around, f"a pale Nvidia bar without its outline in the {variant} picture: {bar}"
    assert not [s for s in outlines if abs(s["y0"] - record[0]["y0"]) <= half], "the record bar is outlined too"
