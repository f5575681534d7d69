"""What a teacher found on the printed worksheets, each checked against the data so that it cannot come back:
keys a student can reproduce, tables that do not print the answers, tags explained where they are shown,
press articles named by who published them, charts with their title and a key to their marks."""

from __future__ import annotations

import re
import subprocess
from html import unescape

import pytest
from test_lesson import PAPERS, edit_lesson, lesson_of, pdf_text

from charts.calculators import recipe_flop, task_cost
from charts.compute import compute_of
from charts.fields import FIGURE_KINDS, DataError
from charts.loader import load
from charts.numbers import day, money, sci
from charts.pipeline import all_charts
from local_site import ROOT

DATA = load(ROOT)


def sheet_text(site, activity_id: str, paper: str = "a4", key: bool = False) -> str:
    folder, name = ("keys", f"{activity_id}-key") if key else ("worksheets", activity_id)
    return pdf_text(site["dir"] / "handouts" / folder / f"{name}-{paper}.pdf")


def activity(activity_id: str):
    return lesson_of().activity(activity_id)


def test_the_price_key_prices_all_input_at_the_not_cached_rate_as_the_sheet_says(site):
    calculator = activity("price-calculator")
    task = next(w for w in DATA.workloads if w.id == calculator.workload)
    prices = {p.id: p for p in DATA.api_prices}
    r1, o1 = prices["deepseek-r1"], prices["openai-o1"]
    sheet, key = sheet_text(site, calculator.id), sheet_text(site, calculator.id, key=True)
    assert 'price all input at the "not cached" rate' in sheet.lower()
    assert "on R1 and on o1" in sheet, "question 2 names the models"
    sheet_rule = {p.id: task_cost(p, task, cached_share=0) for p in (r1, o1)}
    for model, cost in sheet_rule.items():
        assert money(cost) in key, (model, money(cost))
    output_r1 = task_cost(r1, task, input_tokens=0)
    assert money(output_r1) in key and "a few cents" not in key, "question 1's key gives the output cost"
    # The calculator's own figure, with its cached share, appears only as the one line that says so.
    live = money(task_cost(o1, task))
    assert live != money(sheet_rule["openai-o1"]), "the test must tell the two rules apart"
    assert re.search(r"calculator counts \S+ of the input as cached.*" + re.escape(live), key)
    ratio = sheet_rule["openai-o1"] / sheet_rule["deepseek-r1"]
    assert f"About {round(ratio)} times here" in key
    # A student who rounds both totals to the cent first gets another whole number: the key accepts it too.
    rounded = round(sheet_rule["openai-o1"], 2) / round(sheet_rule["deepseek-r1"], 2)
    if round(rounded) != round(ratio):
        assert re.search(rf"accept about {round(rounded)} times", key, re.I), "the key accepts the rounded ratio"
    assert "how many times more does o1 cost" in sheet


def test_the_compute_recipe_sheet_does_not_print_its_answers_and_the_key_does(site):
    recipe = activity("compute-recipe")
    assert recipe.columns, "the sheet names the columns it shows"
    html = (site["dir"] / "handouts" / "worksheets" / f"{recipe.id}.html").read_text()
    headers = re.findall(r'<th scope="col">(.*?)</th>', html.split('<table class="sheet-table" id="table-')[1])
    assert headers == recipe.columns
    sheet, key = sheet_text(site, recipe.id), sheet_text(site, recipe.id, key=True)
    for model in ("deepseek-v3", "llama-3-1-405b"):
        for basis in ("active", "total"):
            answer = sci(recipe_flop(compute_of(DATA, model), basis))
            assert answer not in sheet, (model, basis, answer)
        assert sci(recipe_flop(compute_of(DATA, model), "active")) in key


def test_an_unknown_table_column_stops_the_build_naming_file_activity_and_field(project_copy):
    def change(document):
        recipe = next(a for a in document["activities"] if a["id"] == "compute-recipe")
        recipe["columns"] = ["Model", "No such column"]

    edit_lesson(project_copy, change)
    message = r'data/lesson\.yaml: entry "compute-recipe", field columns\[1\]: unknown column "No such column"'
    with pytest.raises(DataError, match=message):
        lesson_of(project_copy)


def test_every_worksheet_that_shows_a_tag_explains_it_in_the_sites_own_words(site):
    explained, beyond = 0, False
    for a in lesson_of().activities:
        html = (site["dir"] / "handouts" / "worksheets" / f"{a.id}.html").read_text()
        body, _, key = html.partition('<p class="sheet-tags">')
        shown = set(re.findall(r'class="tag tag-([a-z]+)"', body))
        key_text = re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", key.split("</p>")[0])))
        for kind in sorted(shown):
            short = DATA.legend.figure_kind(kind).short
            assert short[1:] in key_text, (a.id, kind)
            explained += 1
        # and every kind its questions name (the quiz: "Reported, estimate or claim?", "more than a claim")
        asks = " ".join(q.ask + " " + " ".join(q.choices) for q in a.questions)
        named = {kind for kind in FIGURE_KINDS if re.search(rf"\b{kind}\b", asks, re.I)}
        for kind in sorted(named):
            assert DATA.legend.figure_kind(kind).short[1:] in key_text, (a.id, kind)
        assert set(re.findall(r'class="tag tag-([a-z]+)"', key.split("</p>")[0])) == shown | named, a.id
        beyond = beyond or bool(named - shown)
    assert explained and beyond  # the quiz's questions name kinds its numbers do not show


def test_the_quiz_names_only_the_tags_the_sheets_define(site):
    quiz = sheet_text(site, "quiz")
    quoted = set(re.findall(r'"([a-z]+)"', " ".join(q.ask for q in activity("quiz").questions)))
    assert quoted <= set(FIGURE_KINDS), quoted
    assert "documented" not in quiz.lower()


def test_a_press_claim_names_its_publication_and_date_never_the_articles_title(site):
    checked = 0
    for a in lesson_of().activities:
        if not a.claim:
            continue
        article = next(s for s in DATA.seeds if any(c.id == a.claim for c in s.claims))
        for text in (sheet_text(site, a.id), sheet_text(site, a.id, key=True)):
            assert article.title not in text
            assert day(article.published or article.published_after) in text
            if article.outlet:
                assert article.outlet in text
            assert "not from this site" in text
        checked += 1
    assert checked


def test_the_log_scale_sheet_prints_the_charts_title_and_a_key_to_its_marks(site):
    log = activity("log-scale")
    chart = next(c for c in all_charts(DATA) if c.id == log.chart)
    for paper in PAPERS:
        text = sheet_text(site, log.id, paper)
        assert re.sub(r"\s+", " ", chart.title) in text
        assert "Filled dot" in text and "Hollow ring" in text
        if any("rental prices" in q.ask for q in log.questions):
            assert "at rental prices (what renting" in text, "the sheet says what 'at rental prices' means"


def test_the_log_scale_key_says_which_values_vanish_on_an_ordinary_scale():
    """On an ordinary axis up to the biggest value, a value under 1% of it sits within a hair of zero: the key
    must name exactly those dots, not every final run."""
    log = activity("log-scale")
    answer = log.questions[-1].answer
    drawn = [p.usd for r in DATA.training_costs for p in r.parts if p.part in ("final_run", "add_on_run", "hardware")]
    top = max(drawn)
    tiny = sorted(v for v in drawn if v < top / 100)
    named = {f: DATA.figures[f].value for f in re.findall(r"num\.(\w+)", answer)}
    named_tiny = sorted({v for v in named.values() if v < top / 100})
    assert tiny and named_tiny == tiny, (named_tiny, tiny)
    assert "every" not in answer


def test_the_headline_fact_box_calls_the_run_one_thing():
    """The GPU-hours, the hourly price and the cost they multiply to describe the same run: their labels must
    not read as a contradiction ("full training" against "final run only")."""
    box = activity("misleading-headline").figures
    figures = {f: DATA.figures[f] for f in box}
    found = 0
    for a in box:
        for b in box:
            for c in box:
                if len({a, b, c}) == 3 and abs(figures[a].value * figures[b].value / figures[c].value - 1) < 1e-3:
                    for f in (a, c):
                        if figures[f].unit != "per GPU-hour":
                            assert "final training run" in figures[f].label, figures[f].label
                            assert "full training" not in figures[f].label
                    found += 1
    assert found, "the fact box holds the sum hours x price = cost"


LAYOUT = """() => {
  const out = {wrapped: [], lines: [], rule: getComputedStyle(document.querySelector('.sheet')).getPropertyValue('--rule'),
    text: getComputedStyle(document.body).color};
  for (const cell of document.querySelectorAll('.sheet-table td')) {
    const t = cell.textContent.trim();
    if (!(/^\\S*\\d\\S*$/.test(t) || /^[\\d.]+ × 10\\S+$/.test(t))) continue;
    const range = document.createRange(); range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
    if (tops.size > 1) out.wrapped.push(t);
  }
  out.boxes = [];
  for (const box of document.querySelectorAll('.sheet-questions > li')) {
    const write = box.querySelector('.write');
    out.lines.push(write ? write.getBoundingClientRect().height : 0);
    if (write) { const r = write.getBoundingClientRect(); out.boxes.push([r.top, r.bottom, r.left, r.right]); }
  }
  return out;
}"""


def luminance(colour: str) -> float:
    channels = (
        [int(v) / 255 for v in re.findall(r"\d+", colour)[:3]]
        if "rgb" in colour
        else [int(colour.strip().lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    )
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ruled_lines_seen(pdf, boxes, tmp_path, dpi=60) -> list[tuple[int, int]]:
    """(lines drawn, lines seen) per writing box, on the PDF rasterised at a coarse `dpi` in grey: a line is
    a run of pixel rows that are mostly dark across the box. Boxes are CSS pixels from the sheet's top left,
    which prints at the 12 mm margin."""
    from handouts.printer import MARGIN_MM

    subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(tmp_path / "page")], check=True)
    raw = next(tmp_path.glob("page*.pgm")).read_bytes()
    magic, width, height, depth, pixels = raw.split(maxsplit=4)
    assert magic == b"P5" and depth == b"255"
    width, height = int(width), int(height)
    to_px = lambda css: round((MARGIN_MM / 25.4 + css / 96) * dpi)  # noqa: E731
    period = 6.3 / 25.4 * 96  # one ruled line per 6.3 mm, in CSS pixels
    found = []
    for top, bottom, left, right in boxes:
        x0, x1 = to_px(left) + 2, to_px(right) - 2
        dark = [
            sum(1 for v in pixels[y * width + x0 : y * width + x1] if v < 200) > 0.8 * (x1 - x0)
            for y in range(to_px(top), min(to_px(bottom) + 1, height))
        ]
        runs = sum(1 for i, d in enumerate(dark) if d and (i == 0 or not dark[i - 1]))
        found.append((int((bottom - top) // period), runs))
    for path in tmp_path.glob("page*.pgm"):
        path.unlink()
    return found


def test_in_print_numbers_never_wrap_lines_are_mid_grey_and_each_question_gets_its_lines(site, browser, tmp_path):
    from handouts.printer import TEXT_WIDTH_PX

    page = browser.new_page()
    page.emulate_media(media="print")
    mm = 96 / 25.4
    try:
        for a in lesson_of().activities:
            page.goto((site["dir"] / "handouts" / "worksheets" / f"{a.id}.html").as_uri(), wait_until="load")
            for paper, name in (("A4", "a4"), ("Letter", "letter")):
                page.set_viewport_size({"width": TEXT_WIDTH_PX[paper], "height": 1000})
                page.evaluate(f"document.documentElement.dataset.paper = '{name}'")
                found = page.evaluate(LAYOUT)
                assert not found["wrapped"], (a.id, paper, found["wrapped"])
                for question, height in zip(a.questions, found["lines"]):
                    assert height >= question.lines * 6 * mm, (a.id, paper, question.ask[:40], height)
                # Writing lines: darker than a faint #9a9a9a, lighter than the text.
                assert luminance(found["text"]) < luminance(found["rule"]) <= 0.2, (found["rule"], found["text"])
                # ... and every ruled line survives a 60 dpi rendering (a thin line once vanished there).
                pdf = site["dir"] / "handouts" / "worksheets" / f"{a.id}-{name}.pdf"
                for drawn, seen in ruled_lines_seen(pdf, found["boxes"], tmp_path):
                    assert seen >= drawn, (a.id, paper, f"{seen} of {drawn} lines visible at 60 dpi")
    finally:
        page.close()
    quiz = activity("quiz").questions
    for wanted in ("two reasons", "What evidence"):
        assert next(q for q in quiz if wanted in q.ask).lines >= 2, wanted


def test_a_sheet_whose_key_tells_r1_from_v3_says_in_its_intro_that_r1_was_built_on_v3():
    """The headline and press-claim keys turn on R1 being built on V3, which the sheets never said. (The quiz
    checks what the lesson taught, so it may ask without saying.)"""
    checked = 0
    for a in lesson_of().activities:
        answers = " ".join(q.answer for q in a.questions)
        if a.id == "quiz" or not (re.search(r"\bR1\b", answers) and re.search(r"\bV3\b", answers)):
            continue
        assert re.search(r"\bR1\b.*\bbuilt on\b.*\bV3\b", a.intro), f"{a.id}: the intro does not say R1 is built on V3"
        checked += 1
    assert checked


# A figure with its tag ends its clause: "27 times [computed] R1's" read as one phrase.
MID_PHRASE = re.compile(r"\{\{\s*fig\.\w+\s*\}\}(?!\s*(?:[.?!:;]|$))")


def test_a_figure_with_its_tag_ends_its_clause_in_every_question_key_and_verdict():
    from charts.lesson import _texts_of

    claims = {c.id: c for article in DATA.seeds for c in article.claims}
    checked = 0
    for a in lesson_of().activities:
        texts = [text for _, text in _texts_of(a)] + ([claims[a.claim].reason] if a.claim else [])
        for text in texts:
            checked += len(re.findall(r"\{\{\s*fig\.", text))
            assert not MID_PHRASE.search(text), f"{a.id}: a tagged figure sits mid-phrase in {text!r}"
    assert checked


def test_every_open_quiz_question_leaves_two_lines_and_a_verdict_key_lists_what_else_to_accept():
    verdicts = ("confirmed", "approximately right", "misleading", "wrong", "unverifiable")
    quiz = activity("quiz").questions
    for q in quiz:
        if not q.choices:
            assert q.lines >= 2, q.ask[:50]
    open_verdicts = [q for q in quiz if "verdict" in q.ask.lower() and not q.choices]
    assert open_verdicts
    for q in open_verdicts:
        named = [v for v in verdicts if v in q.answer.lower()]
        assert len(named) >= 2 and "accept" in q.answer.lower(), f"the key accepts only {named}"


def test_a_worksheet_chart_prints_its_grid_lines_darker_than_a_faint_grey(site, browser):
    """On a black-and-white photocopy the log-scale chart's pale grid lines vanished, and students count them:
    the picture a sheet prints draws every grid line darker than the faint #9a9a9a the writing lines left."""
    page, checked = browser.new_page(), 0
    try:
        for a in lesson_of().activities:
            html = (site["dir"] / "handouts" / "worksheets" / f"{a.id}.html").read_text()
            figure = re.search(r'<figure class="sheet-chart">.*?<img src="([^"]+)"', html, re.S)
            if not a.chart:
                continue
            assert figure, a.id
            page.goto((site["dir"] / figure.group(1)).as_uri())
            strokes = page.evaluate(
                "[...document.querySelectorAll('.xgrid, .ygrid')].map(e => getComputedStyle(e).stroke)"
            )
            assert strokes, a.id
            assert all(luminance(s) < luminance("#9a9a9a") for s in strokes), (a.id, set(strokes))
            checked += 1
    finally:
        page.close()
    assert checked


SPARE_PX = 12  # about 3 mm: room for a browser that sets the same text a hair taller


def test_every_worksheet_keeps_room_to_spare_on_its_page_at_both_paper_sizes(mkdocs_site, browser):
    """The writing lines stretch to fill the page, so a sheet always looks full; what matters is the least height
    it needs. A sheet that needs its whole page would spill onto a second one with the next Chromium's fonts."""
    from handouts.printer import TEXT_WIDTH_PX

    page = browser.new_page()
    page.emulate_media(media="print")
    tight = []
    try:
        for sheet in sorted((mkdocs_site["dir"] / "handouts" / "worksheets").glob("*.html")):
            for paper, width in TEXT_WIDTH_PX.items():
                page.set_viewport_size({"width": width, "height": 1000})
                page.goto(sheet.as_uri())
                page.evaluate(f"document.documentElement.dataset.paper = '{paper.lower()}'")
                full = page.evaluate("document.querySelector('.sheet').clientHeight")
                low, high = 0, full  # the least height at which nothing overflows, by bisection
                while high - low > 1:
                    middle = (low + high) // 2
                    over = page.evaluate(
                        f"(() => {{ const s = document.querySelector('.sheet'); s.style.height = '{middle}px';"
                        " return s.scrollHeight > s.clientHeight + 1; })()"
                    )
                    low, high = (middle, high) if over else (low, middle)
                if full - high < SPARE_PX:
                    tight.append(f"{sheet.stem} ({paper}): needs {high} of {full} px")
    finally:
        page.close()
    assert not tight, "shorten these in data/lesson.yaml (fewer lines or words): " + "; ".join(tight)
