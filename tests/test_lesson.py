"""The lesson: plans that add up, questions whose numbers come from data/, one-page worksheets with keys apart,
and a projector view that steps with the keyboard from file://."""

from __future__ import annotations

import re
import subprocess

import pytest
import yaml
from markupsafe import escape

from charts.fields import FIGURE_KINDS, DataError
from charts.lesson import LessonData, Texts, load_lesson
from charts.loader import load
from charts.pipeline import FAMILIES, all_charts
from local_site import ROOT

PAPERS = {"a4": (595, 842), "letter": (612, 792)}  # points


def lesson_of(root=ROOT) -> LessonData:
    data = load(root)
    derived = {k: v for family in FAMILIES if hasattr(family, "derived") for k, v in family.derived(data).items()}
    return load_lesson(root, data, derived, {chart.id: chart.columns for chart in all_charts(data)})


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def pdf_text(path) -> str:
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def test_every_plan_adds_up_and_has_students_present_and_take_the_quiz():
    lesson = lesson_of()
    assert {plan.minutes_per_lesson * len(plan.lessons) for plan in lesson.plans} >= {20, 45, 90}
    for plan in lesson.plans:
        for part in plan.lessons:
            assert sum(step.minutes for step in part.steps) == plan.minutes_per_lesson, plan.id
        kinds = {step.kind for part in plan.lessons for step in part.steps}
        assert {"present", "quiz"} <= kinds, plan.id
        assert plan.materials and plan.night_before


def test_the_hook_headline_carries_no_citation_tag():
    for activity in lesson_of().activities:
        if activity.headline:
            assert "fig." not in activity.headline, "a headline in a lesson on headlines must not carry a tag"


def edit_lesson(project, change):
    path = project / "data" / "lesson.yaml"
    document = yaml.safe_load(path.read_text())
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


BAD_LESSONS = {
    "a plan that does not add up": (
        lambda doc: doc["plans"][0]["lessons"][0]["steps"][0].update(minutes=7),
        r"data/lesson\.yaml: entry \"twenty-minutes\", field plans\[0\]: .*add up to \d+ minutes, not 20",
    ),
    "an unknown figure in a question": (
        lambda doc: doc["activities"][0]["questions"][0].update(ask="How much is {{ num.no_such_figure }}?"),
        r'data/lesson\.yaml: entry "[a-z-]+", field questions\[0\]\.ask: unknown figure "no_such_figure"',
    ),
    "an unknown chart": (
        lambda doc: doc["activities"][2].update(chart="no-such-chart"),
        r'data/lesson\.yaml: entry "[a-z-]+", field chart: unknown chart id "no-such-chart"',
    ),
    "an unknown worksheet in a plan step": (
        lambda doc: doc["plans"][1]["lessons"][0]["steps"][1].update(
            activities=["misleading-headline", "no-such-sheet"]
        ),
        r'data/lesson\.yaml: entry "[a-z-]+", step "[^"]+", field lessons\[0\]\.steps\[1\]\.activities\[1\]: '
        r'unknown activity "no-such-sheet"',
    ),
    "an unknown projector screen in a plan step": (
        lambda doc: doc["plans"][2]["lessons"][1]["steps"][0].update(projector=["no-such-screen"]),
        r'data/lesson\.yaml: entry "[a-z-]+", step "[^"]+", field lessons\[1\]\.steps\[0\]\.projector\[0\]: '
        r'unknown activity "no-such-screen"',
    ),
}


@pytest.mark.parametrize("case", BAD_LESSONS, ids=list(BAD_LESSONS))
def test_a_bad_lesson_file_stops_with_one_message_naming_file_entry_and_field(project_copy, case):
    change, message = BAD_LESSONS[case]
    edit_lesson(project_copy, change)
    with pytest.raises(DataError, match=message):
        lesson_of(project_copy)


def test_a_key_that_says_the_numbers_come_from_the_labs_papers_shows_only_primary_reports():
    """The press-claim key tells students the fact box holds the labs' own word: every number in that box
    must then cite a paper by the lab (kind primary_report), not a press report of it."""
    lesson, data = lesson_of(), load(ROOT)
    claims = {c.id: c for article in data.seeds for c in article.claims}
    checked = 0
    for activity in lesson.activities:
        said = [q.answer for q in activity.questions if "own paper" in q.answer]
        if not said or not (activity.figures or activity.claim):  # only a sheet with a fact box
            continue
        box = activity.figures or [t for t in claims[activity.claim].checked_against if t in data.figures]
        kinds = {f: data.sources[data.figures[f].source].kind for f in box}
        assert box and set(kinds.values()) == {"primary_report"}, f"{activity.id}: {kinds}"
        # ... and names as their authors the producers the sheet's sources list, no other lab.
        producers = {data.sources[data.figures[f].source].producer.split(" (")[0] for f in box}  # "X (in Nature)"
        for answer in said:
            for producer in producers:
                assert producer in answer, f"{activity.id}: the key does not name {producer}, the sheet's source"
            others = {s.producer.split(" (")[0] for s in data.sources.values()} - producers
            named = [o for o in others if re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", answer)]
            assert not named, f"{activity.id}: the key names {named}, not the sheet's sources"
        checked += 1
    assert checked


def test_the_lesson_types_no_dollar_amount_percentage_or_figure_the_data_holds():
    from typed_numbers import figures_typed

    raw = (ROOT / "data" / "lesson.yaml").read_text()
    assert not re.findall(r"\$\s?\d|\b\d[\d,.]*\s?%", re.sub(r"\{\{.*?\}\}", " ", raw))
    typed = figures_typed(raw, load(ROOT).figures)
    assert not typed, f"data/lesson.yaml types {typed}: write {{{{ num.ID }}}}"


@pytest.mark.parametrize("paper", PAPERS)
def test_every_worksheet_is_exactly_one_page_with_its_key_in_a_separate_file(site, paper):
    data = load(ROOT)
    derived = {k: v for family in FAMILIES if hasattr(family, "derived") for k, v in family.derived(data).items()}
    texts = Texts(data, derived)
    for activity in lesson_of().activities:
        sheet = site["dir"] / "handouts" / "worksheets" / f"{activity.id}-{paper}.pdf"
        key = site["dir"] / "handouts" / "keys" / f"{activity.id}-key-{paper}.pdf"
        assert pdf_pages(sheet) == 1, sheet.name
        size = subprocess.run(["pdfinfo", str(sheet)], capture_output=True, text=True, check=True).stdout
        width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", size).groups())
        assert abs(width - PAPERS[paper][0]) < 2 and abs(height - PAPERS[paper][1]) < 2
        sheet_text, key_text = pdf_text(sheet), pdf_text(key)
        assert activity.title in sheet_text and "Name" in sheet_text
        assert "answer key" in key_text.lower() and "answer key" not in sheet_text.lower()
        # The last answer's opening words are on the key and nowhere on the sheet.
        answer = re.sub(r"<[^>]+>", "", str(texts.render(activity.questions[-1].answer)))
        opening = re.sub(r"\s+", " ", answer)[:25]
        assert opening and opening in key_text, (activity.id, opening)
        assert opening not in sheet_text, (activity.id, opening)
        assert site["url"] in sheet_text.replace(" ", ""), "the QR code's address is printed under it"


def test_worksheet_charts_are_vector_and_only_the_qr_code_is_a_picture(site):
    for sheet in (site["dir"] / "handouts" / "worksheets").glob("*-a4.pdf"):
        listing = subprocess.run(["pdfimages", "-list", str(sheet)], capture_output=True, text=True, check=True)
        assert len([line for line in listing.stdout.splitlines()[2:] if line.strip()]) <= 1, sheet.name
    assert "US dollars" in pdf_text(site["dir"] / "handouts" / "worksheets" / "log-scale-a4.pdf")


def test_the_teachers_page_links_every_worksheet_key_and_the_projector_view(site):
    html = (site["dir"] / "teachers.html").read_text()
    for activity in lesson_of().activities:
        for paper in PAPERS:
            for link in (
                f"handouts/worksheets/{activity.id}-{paper}.pdf",
                f"handouts/keys/{activity.id}-key-{paper}.pdf",
            ):
                assert f'href="{link}"' in html and (site["dir"] / link).exists(), link
    assert 'href="generated/projector.html"' in html and (site["dir"] / "generated" / "projector.html").exists()
    for plan in lesson_of().plans:
        assert f'id="plan-{plan.id}"' in html


def test_the_projector_view_steps_with_the_keyboard_from_a_file_url(site, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        page.goto((site["dir"] / "generated" / "projector.html").as_uri())
        visible = "[...document.querySelectorAll('.slide')].filter(s => !s.hidden).map(s => s.id)"
        assert page.evaluate(visible) == ["slide-1"]
        total = page.evaluate("document.querySelectorAll('.slide').length")
        lesson = lesson_of()
        assert total >= sum(len(a.questions) for a in lesson.activities)
        seen_chart = False
        for index in range(2, total + 1):
            page.keyboard.press("ArrowRight")
            assert page.evaluate(visible) == [f"slide-{index}"]
            image = page.query_selector(f"#slide-{index} img")
            if image:
                page.wait_for_function(f"document.querySelector('#slide-{index} img').complete")
                assert page.evaluate(f"document.querySelector('#slide-{index} img').naturalWidth") > 0
                seen_chart = True
            answer = page.query_selector(f"#slide-{index} .answer")
            if answer:
                assert not answer.is_visible()
                page.keyboard.press("a")
                assert answer.is_visible()
        assert seen_chart
        page.keyboard.press("Home")
        assert page.evaluate(visible) == ["slide-1"]
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('#slide-1 .text')).fontSize)")
        assert size >= 40, "large type for the back of the room"
    finally:
        page.close()


def test_the_offline_copy_linked_from_the_teachers_page_holds_the_site_worksheets_and_projector(site):
    import zipfile

    html = (site["dir"] / "teachers.html").read_text()
    assert 'href="downloads/deepseek-story-offline.zip"' in html
    with zipfile.ZipFile(site["dir"] / "downloads" / "deepseek-story-offline.zip") as archive:
        names = set(archive.namelist())
    assert {"index.html", "teachers.html", "generated/projector.html"} <= names
    assert any(name.startswith("handouts/worksheets/") and name.endswith("-a4.pdf") for name in names)
    assert not any(name.startswith("downloads/") for name in names), "the copy does not hold itself"


CHART_SCREEN = """(index) => {
  const slide = document.querySelector('#slide-' + index), img = slide.querySelector('.picture img');
  const box = img.getBoundingClientRect(), scale = Math.min(box.width / img.naturalWidth, box.height / img.naturalHeight);
  const size = el => parseFloat(getComputedStyle(el).fontSize);
  return {
    chart: slide.dataset.chart,
    kicker: slide.querySelector('.kicker').textContent.trim(),
    heading: slide.querySelector('.chart-heading').textContent.replace(/\\s+/g, ' ').trim(),
    kickerAbove: slide.querySelector('.kicker').getBoundingClientRect().bottom <= slide.querySelector('.chart-heading').getBoundingClientRect().top,
    larger: size(slide.querySelector('.chart-heading')) >= 1.25 * size(slide.querySelector('.kicker')),
    bottom: Math.max(...[...slide.children].map(child => child.getBoundingClientRect().bottom)),
    controls: document.querySelector('.controls').getBoundingClientRect().top,
    overflow: [document.scrollingElement.scrollHeight - innerHeight, document.scrollingElement.scrollWidth - innerWidth,
               slide.scrollHeight - slide.clientHeight],
    plot: [img.naturalWidth * scale / innerWidth, img.naturalHeight * scale / innerHeight],
  };
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_a_projector_chart_screen_is_headed_by_the_charts_takeaway_and_fits_the_screen(mkdocs_site, browser, size):
    """The heading is the chart's own title (as its figure on the site shows it), the activity's name the kicker
    above it; the plot stays large and nothing on the screen scrolls or hides behind the controls."""
    data = load(ROOT)
    titles = {chart.id: chart.title for chart in all_charts(data)}
    expected = [(a.title, a.chart) for a in lesson_of().activities if a.chart]  # a `table` is a table screen
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    try:
        page.goto((mkdocs_site["dir"] / "generated" / "projector.html").as_uri())
        total = page.evaluate("document.querySelectorAll('.slide').length")
        seen = []
        for index in range(1, total + 1):
            if index > 1:
                page.keyboard.press("ArrowRight")
            if not page.query_selector(f"#slide-{index}.slide-chart"):
                continue
            page.wait_for_function(f"document.querySelector('#slide-{index} img').complete")
            screen = page.evaluate(CHART_SCREEN, index)
            seen.append((screen["kicker"], screen["chart"]))
            assert screen["heading"] == titles[screen["chart"]], screen
            assert screen["kickerAbove"] and screen["larger"], screen
            assert max(screen["overflow"]) <= 0, f"slide {index} scrolls at {size}: {screen['overflow']}"
            assert screen["bottom"] <= screen["controls"] + 1, f"slide {index} runs under the controls at {size}"
            width, height = screen["plot"]
            assert width >= 0.6 or height >= 0.5, f"slide {index}'s plot is small at {size}: {screen['plot']}"
        assert seen == expected
    finally:
        page.close()


def test_each_plan_step_links_every_material_it_names(mkdocs_site):
    """Worksheets as their A4 and Letter PDFs, the printed reader likewise, and projector screens opened at the
    activity's first screen; a step that hands something out names it (no "worksheets below")."""
    from charts.lesson import HEADLINE
    from charts.lesson_pages import HEADLINE_KICKER, PROJECTOR, reader_pdf, screen_name, worksheet_pdf

    site, lesson = mkdocs_site["dir"], lesson_of()
    html = (site / "teachers.html").read_text()
    projector = (site / PROJECTOR).read_text()
    openers = dict(
        re.findall(
            r'<section class="slide slide-(?:title|headline|vote)" id="slide-(\d+)".*?<h1 class="[^"]*">(.*?)</h1>',
            projector,
            re.S,
        )
    )
    for plan in lesson.plans:
        section = re.search(rf'<section class="lesson-plan" id="plan-{plan.id}">(.*?)</section>', html, re.S).group(1)
        cells = re.findall(r'<td class="step-materials"[^>]*>(.*?)</td>', section, re.S)
        steps = [step for part in plan.lessons for step in part.steps]
        assert len(cells) == len(steps), plan.id
        for step, cell in zip(steps, cells):
            where = f"{plan.id}: {step.title}"
            if step.kind in ("work", "read"):
                assert step.activities or step.reader, f"{where} hands nothing out"
            links = re.findall(r'href="([^"]+)"', cell)
            expected = [worksheet_pdf(a, p) for a in step.activities for p in PAPERS]
            expected += [reader_pdf(p) for p in PAPERS] if step.reader else []
            assert sorted(link for link in links if not link.startswith(PROJECTOR)) == sorted(expected), where
            for link in expected:
                assert (site / link).exists(), f"{where}: {link} is not in the site"
            screens = [link.split("#slide-")[1] for link in links if link.startswith(PROJECTOR + "#slide-")]
            shown = [HEADLINE_KICKER if a == HEADLINE else screen_name(lesson, a) for a in step.projector]
            assert [openers[n] for n in screens] == shown, where
            assert len(screens) + len(expected) == len(links), f"{where}: a link to nothing named"


# What a step's words use, and the word the plan's materials line must then carry. (The room's own board
# is taken for granted.)
USES = {
    r"whiteboard": "whiteboard",
    r"\bcards?\b": "card",
    r"\bdevices?\b|\bphones?\b|interactive page": "device",
    r"printed reader": "reader",
    r"\bproject": "projector",
    r"\bworksheets?\b|\bsheets?\b": "worksheet",
    r"printed quiz": "quiz",
}


def test_every_material_a_step_uses_is_named_on_its_plans_materials_line():
    for plan in lesson_of().plans:
        line = " ".join(plan.materials).lower()
        for step in (step for part in plan.lessons for step in part.steps):
            needed = [word for pattern, word in USES.items() if re.search(pattern, step.do, re.I)]
            needed += ["reader"] * step.reader + ["projector"] * bool(step.projector)
            needed += ["quiz" if a == "quiz" else "worksheet" for a in step.activities]
            missing = [word for word in needed if word not in line]
            assert not missing, f"{plan.id}: the step {step.title!r} uses {missing}, not on the materials line"


DURATION = r"\b(one|two|three|four|five|\d+)[- ](minute|second)s?\b"
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def seconds(found: tuple[str, str]) -> int:
    count, unit = found
    count = WORDS.get(count.lower()) or int(count)
    return count * (60 if unit.lower() == "minute" else 1)


def test_what_a_group_prepares_lasts_as_long_as_the_time_it_is_given_to_present():
    """A work step that says how long the talk it prepares runs must match the present step after it
    ("a one-minute answer", then "two minutes to show" had left the teacher guessing)."""
    compared = 0
    for plan in lesson_of().plans:
        for part in plan.lessons:
            for work, present in zip(part.steps, part.steps[1:]):
                if work.kind != "work" or present.kind != "present":
                    continue
                prepared = {seconds(found) for found in re.findall(DURATION, work.do, re.I)}
                given = {seconds(found) for found in re.findall(DURATION, present.do, re.I)}
                if prepared and given:
                    assert prepared == given, f"{plan.id}: {work.title!r} prepares {prepared}, presents {given}"
                    compared += 1
    assert compared


QUESTION_SECONDS = 30  # the class's one question to each group, and its answer


def test_every_group_talks_and_takes_the_class_question_inside_the_present_step():
    """Five groups of two minutes filled the ten minutes and left no time for the class's question."""
    checked = 0
    for plan in lesson_of().plans:
        for part in plan.lessons:
            for work, present in zip(part.steps, part.steps[1:]):
                talks = [seconds(found) for found in re.findall(DURATION, present.do, re.I)]
                if (
                    work.kind != "work"
                    or present.kind != "present"
                    or not re.search(r"\beach group\b", present.do, re.I)
                ):
                    continue
                groups = len(work.activities)
                assert talks and groups, f"{plan.id}: {present.title!r} says no talk length or no groups"
                needed = groups * (max(talks) + QUESTION_SECONDS)
                assert needed <= present.minutes * 60, f"{plan.id}: {groups} groups need {needed} s"
                checked += 1
    assert checked


def test_a_present_step_that_puts_each_groups_sheet_on_the_projector_opens_each_activity():
    checked = 0
    for plan in lesson_of().plans:
        for part in plan.lessons:
            for work, present in zip(part.steps, part.steps[1:]):
                if work.kind == "work" and present.kind == "present" and "projector" in present.do:
                    assert present.projector == work.activities, f"{plan.id}: {present.title!r}"
                    checked += 1
    assert checked


SUMS = re.compile(r"\{\{[^}]*\b(task_cost|output_cost|input_cost|recipe)\(")  # a key that works out a sum


def test_a_plan_whose_sheets_need_sums_lists_calculators_per_pair():
    lesson = lesson_of()
    summing = {a.id for a in lesson.activities if any(SUMS.search(q.answer) for q in a.questions)}
    assert summing, "no sheet works out a sum: the test would check nothing"
    for plan in lesson.plans:
        handed = {a for part in plan.lessons for step in part.steps for a in step.activities}
        line = " ".join(plan.materials)
        has = re.search(r"\bcalculators, one per (pair|student)\b", line, re.I)
        if handed & summing:
            assert has, f"{plan.id} hands out {sorted(handed & summing)} but lists no calculators"


def test_going_through_the_quiz_in_under_a_minute_an_answer_has_students_swap_and_mark():
    """Nine answers in five minutes leave no time to discuss: the step must say students mark each other's."""
    lesson = lesson_of()
    per_question = len(lesson.activity("quiz").questions)
    checked = 0
    for plan in lesson.plans:
        for step in (step for part in plan.lessons for step in part.steps):
            if step.kind == "discuss" and "quiz" in step.projector and step.minutes < per_question:
                assert re.search(r"\bswap", step.do, re.I) and re.search(r"\bmark", step.do, re.I), step.do
                checked += 1
    assert checked


# Every box inside a plan section that reaches past the viewport's right edge, and every material link with
# whether it is drawn whole inside the viewport.
PLAN_LAYOUT = """section => {
  const width = document.documentElement.clientWidth;
  const wide = [...section.querySelectorAll('*')].filter(e => e.getClientRects().length)
    .filter(e => { const r = e.getBoundingClientRect(); return r.right > width + 0.5 || r.left < -0.5; })
    .map(e => e.tagName + '.' + e.className);
  const links = [...section.querySelectorAll('.step-materials a')].map(a => {
    const r = a.getBoundingClientRect();
    return [a.textContent, r.width > 0 && r.left >= 0 && r.right <= width + 0.5];
  });
  const rows = [...section.querySelectorAll('tbody tr')].map(tr => getComputedStyle(tr).display);
  return {wide, links, rows, scroll: document.documentElement.scrollWidth, width};
}"""


def test_a_plan_reads_on_a_phone_as_cards_without_sideways_scrolling_and_stays_a_table_on_a_desk(reader, site):
    """At 390 px the plan tables had scrolled sideways with the Material column cut off."""
    for plan in lesson_of().plans:
        steps = sum(len(part.steps) for part in plan.lessons)
        for name, viewport in (("phone", (390, 844)), ("desk", (1366, 800))):
            r = reader(viewport={"width": viewport[0], "height": viewport[1]})
            r.page.goto(site["url"] + "teachers.html", wait_until="load")
            seen = r.page.locator(f"#plan-{plan.id}").evaluate(PLAN_LAYOUT)
            assert seen["scroll"] <= seen["width"], f"{plan.id} on the {name}: the page scrolls sideways"
            assert not seen["wide"], f"{plan.id} on the {name}: wider than the viewport: {seen['wide']}"
            assert seen["links"] and all(whole for _, whole in seen["links"]), f"{plan.id} on the {name}: {seen}"
            assert len(seen["rows"]) == steps
            assert set(seen["rows"]) == ({"block"} if name == "phone" else {"table-row"}), (plan.id, name)
            if name == "phone":
                heading = r.page.locator(f"#plan-{plan.id} tbody tr").first.evaluate(
                    "tr => [tr.querySelector('.step-minutes'), tr.querySelector('.step-title')]"
                    ".map(e => getComputedStyle(e).display + ' ' + getComputedStyle(e).fontWeight)"
                )
                assert heading == ["inline 700", "inline 700"], "minutes and step make the card's heading"


def test_the_projector_ends_on_the_opening_headline_for_the_re_vote_and_the_plans_re_vote_opens_it(mkdocs_site):
    """The 45-minute plan's re-vote had no screen with the headline: the last screen shows it again, read from
    the same activity as the opening one."""
    from charts.lesson_pages import PROJECTOR, VOTE_TITLE

    site, lesson = mkdocs_site["dir"], lesson_of()
    projector = (site / PROJECTOR).read_text()
    slides = re.findall(r'<section class="slide slide-(\w+)" id="slide-(\d+)"(.*?)</section>', projector, re.S)
    kind, last, body = slides[-1]
    opening = re.findall(r'<p class="text">(.*?)</p>', next(b for k, _, b in slides if k == "headline"))
    assert kind == "vote" and VOTE_TITLE in body and opening
    assert re.findall(r'<p class="text">(.*?)</p>', body) == opening
    plan = next(plan for plan in lesson.plans if plan.id == "forty-five-minutes")
    revote = [step for part in plan.lessons for step in part.steps if re.search(r"vote .*again", step.do, re.I)]
    assert revote and all(step.projector == ["vote"] for step in revote)
    html = (site / "teachers.html").read_text()
    section = re.search(r'<section class="lesson-plan" id="plan-forty-five-minutes">(.*?)</section>', html, re.S)
    assert f'href="{PROJECTOR}#slide-{last}"' in section.group(1)


def test_the_teachers_page_jump_line_opens_the_projector_at_each_activity_the_quiz_and_the_vote(mkdocs_site, browser):
    """From file://, each "Jump to" link opens the projector view showing its own screen, at the top."""
    from charts.lesson_pages import PROJECTOR, VOTE_TITLE

    site, lesson = mkdocs_site["dir"], lesson_of()
    line = re.search(r'<p class="projector-jump">(.*?)</p>', (site / "teachers.html").read_text(), re.S).group(1)
    links = re.findall(r'<a href="([^"]+)">(.*?)</a>', line)
    assert [name for _, name in links] == [a.title for a in lesson.activities] + [VOTE_TITLE]
    for href, name in links:
        assert href.startswith(PROJECTOR + "#slide-"), href
        page = browser.new_page(viewport={"width": 1366, "height": 768})  # a fresh tab, as a click opens it
        try:
            page.goto((site / PROJECTOR).as_uri() + href[len(PROJECTOR) :])
            page.wait_for_function("document.body.className === 'js'")
            shown = page.evaluate(
                "[...document.querySelectorAll('.slide')].filter(s => !s.hidden)"
                ".map(s => [s.id, s.querySelector('h1').textContent, s.getBoundingClientRect().top])"
            )
            assert shown == [[href.split("#")[1], name, 0]], (href, shown)
        finally:
            page.close()


def projector_slides(site) -> list[tuple[str, str]]:
    """(kind, inner HTML) of every projector screen, in order."""
    html = (site / "generated" / "projector.html").read_text()
    return re.findall(r'<section class="slide slide-(\w+)" id="slide-\d+"[^>]*>(.*?)</section>', html, re.S)


def headers(body: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", h) for h in re.findall(r'<th scope="col">(.*?)</th>', body)]


def test_each_projector_activity_shows_what_its_questions_need_and_no_answers_before_them(mkdocs_site):
    """The press claim's fact box (its question 1 asks about it), the price calculator's task and price table,
    the compute recipe's inputs without the answer columns (its `columns`), not the chart that answers it."""
    lesson, data = lesson_of(), load(ROOT)
    texts, charts = Texts(data, {}), {chart.id: chart for chart in all_charts(data)}
    slides, by_activity, current = projector_slides(mkdocs_site["dir"]), {}, None
    titles = {a.title: a for a in lesson.activities}
    for kind, body in slides:
        if kind == "title":
            current = titles[re.search(r'<h1 class="text">(.*?)</h1>', body).group(1)]
        if current is not None and kind != "vote":
            by_activity.setdefault(current.id, []).append((kind, body))
    checked = set()
    for a in lesson.activities:
        shown = by_activity[a.id]
        kinds = [kind for kind, _ in shown]
        if a.claim:
            claim = next(c for s in data.seeds for c in s.claims if c.id == a.claim)
            box = a.figures or [f for f in claim.checked_against if f in data.figures]
            facts = next(body for kind, body in shown if kind == "facts")
            for figure in box:
                assert texts.number(figure) in facts and escape(data.figures[figure].label) in facts, figure
            assert kinds.index("facts") < kinds.index("question"), a.id
            checked.add("claim")
        if a.workload:
            w = next(w for w in data.workloads if w.id == a.workload)
            task = next(body for kind, body in shown if kind == "task")
            for count in (w.input_tokens, w.output_tokens, w.thinking_tokens):
                assert f"{count:,}" in task, (a.id, count)
            checked.add("task")
        if a.table:
            table = next(body for kind, body in shown if kind == "table")
            wanted = a.columns or charts[a.table].columns
            assert headers(table) == wanted, a.id
            hidden = [c for c in charts[a.table].columns if c not in wanted]
            assert not [c for c in hidden if c in table], f"{a.id}: the table shows an answer column"
            assert kinds.index("table") < kinds.index("question"), a.id
            checked.add("columns" if hidden else "table")
        if not a.chart:
            before = kinds[: kinds.index("question")] if "question" in kinds else kinds
            assert "chart" not in before, f"{a.id}: a chart screen the sheet does not print comes before its questions"
    assert checked == {"claim", "task", "table", "columns"}


# Each evidence tag on a screen: its kind, colour, border, size against the text it sits in, and placement.
PILLS = """() => [...document.querySelectorAll('.slide:not([hidden]) .tag')].map(t => {
  const s = getComputedStyle(t), around = getComputedStyle(t.parentElement.closest('p, li, h1, h2'));
  return {kind: t.className.replace('tag tag-', ''), color: s.color, border: s.borderTopStyle,
          width: parseFloat(s.borderTopWidth), ratio: parseFloat(s.fontSize) / parseFloat(around.fontSize),
          align: s.verticalAlign, text: t.parentElement.closest('li') ? t.parentElement.closest('li').innerText : ''};
})"""


def rgb(colour: str) -> str:
    colour = colour.lstrip("#")
    colour = "".join(c * 2 for c in colour) if len(colour) == 3 else colour
    return "rgb({}, {}, {})".format(*(int(colour[i : i + 2], 16) for i in (0, 2, 4)))


@pytest.mark.parametrize("size", [(1024, 768), (1366, 768)], ids=["1024x768", "1366x768"])
def test_projector_tags_are_readable_pills_and_a_tag_key_follows_the_opening_headline(mkdocs_site, browser, size):
    """Tags had been small grey superscript words ("27 times computed R1's" read as garbled): each is a pill in
    the site's colour for its kind, at least 60% of the text around it; the screen after the opening headline
    explains every tag the screens use, in data/legend.yaml's words, and every new screen fits."""
    from charts.projector import tag_colours

    data, colours = load(ROOT), tag_colours(ROOT)
    slides = projector_slides(mkdocs_site["dir"])
    kinds = [kind for kind, _ in slides]
    first = kinds.index("headline")
    assert kinds[first + 1] == "key"
    used = set(re.findall(r'class="tag tag-([a-z]+)"', "".join(b for k, b in slides if k != "key")))
    page = browser.new_page(viewport={"width": size[0], "height": size[1]})
    pills = []
    try:
        page.goto((mkdocs_site["dir"] / "generated" / "projector.html").as_uri())
        for index, kind in enumerate(kinds, start=1):
            if index > 1:
                page.keyboard.press("ArrowRight")
            on_screen = page.evaluate(PILLS)
            pills += on_screen
            if kind == "key":  # every kind, as the quiz asks about kinds no screen shows
                assert {p["kind"] for p in on_screen} == set(FIGURE_KINDS) >= used and used
                for pill in on_screen:
                    assert data.legend.figure_kind(pill["kind"]).short in pill["text"], pill
            if kind in ("key", "facts", "table", "task", "vote", "claim"):
                fits = page.evaluate(
                    """i => { const s = document.getElementById('slide-' + i);
                    const bottom = Math.max(...[...s.querySelectorAll('*')].map(e => e.getBoundingClientRect().bottom));
                    const right = Math.max(...[...s.querySelectorAll('*')].map(e => e.getBoundingClientRect().right));
                    return [bottom <= document.querySelector('.controls').getBoundingClientRect().top + 1,
                            right <= innerWidth, s.scrollHeight <= s.clientHeight + 1]; }""",
                    index,
                )
                assert all(fits), f"slide {index} ({kind}) does not fit at {size}: {fits}"
    finally:
        page.close()
    assert len(pills) >= len(used) + 2
    for pill in pills:
        assert pill["border"] == "solid" and pill["width"] >= 1, pill
        assert pill["color"] == rgb(colours[pill["kind"]]), pill
        assert pill["ratio"] >= 0.6, pill
        assert pill["align"] not in ("super", "sub", "top"), pill


def test_a_press_claim_is_shown_with_its_publisher_and_date_never_its_title_on_sheet_and_screen(mkdocs_site):
    """Students took the article's title for this site's own name: sheet and projector say who published it and
    when, as the seed record knows it, and never its title."""
    from charts.lesson import article_line

    data = load(ROOT)
    projector = (mkdocs_site["dir"] / "generated" / "projector.html").read_text()
    for activity in lesson_of().activities:
        if not activity.claim:
            continue
        article = next(s for s in data.seeds for c in s.claims if c.id == activity.claim)
        line = article_line(article)
        assert article.title not in projector and escape(article.title) not in projector, activity.id
        assert escape(line) in projector or line in projector, activity.id
        sheet = pdf_text(mkdocs_site["dir"] / "handouts" / "worksheets" / f"{activity.id}-a4.pdf")
        assert re.sub(r"\s+", " ", line)[:40] in re.sub(r"\s+", " ", sheet), activity.id
        assert article.title[:30] not in re.sub(r"\s+", " ", sheet), activity.id


def test_the_hook_opens_the_projector_at_a_headline_screen_that_does_not_say_it_misleads(mkdocs_site):
    """The hook spoiled itself: its screen said "spot the misleading headline" and the plans opened the activity's
    title. The headline screen has a neutral kicker and the vote's question, and every hook that projects the
    headline opens that screen."""
    from charts.lesson import HEADLINE
    from charts.lesson_pages import HEADLINE_KICKER, PROJECTOR, VOTE_QUESTION

    site, lesson = mkdocs_site["dir"], lesson_of()
    html = (site / PROJECTOR).read_text()
    slides = re.findall(r'<section class="slide slide-(\w+)" id="slide-(\d+)"[^>]*>(.*?)</section>', html, re.S)
    number, body = next((n, b) for k, n, b in slides if k == "headline")
    opening = next(a for a in lesson.activities if a.headline)
    assert re.search(r'<h1 class="kicker">(.*?)</h1>', body).group(1) == HEADLINE_KICKER
    assert VOTE_QUESTION in body and VOTE_QUESTION in next(b for k, _, b in slides if k == "vote")
    assert "mislead" not in body.lower() and opening.title not in body
    hooks = [
        s
        for p in lesson.plans
        for part in p.lessons
        for s in part.steps
        if "headline" in s.do.lower() and s.kind == "hook"
    ]
    assert len(hooks) == len(lesson.plans) and all(step.projector == [HEADLINE] for step in hooks)
    page = (site / "teachers.html").read_text()
    for plan in lesson.plans:
        section = re.search(rf'<section class="lesson-plan" id="plan-{plan.id}">(.*?)</section>', page, re.S)
        assert f'href="{PROJECTOR}#slide-{number}"' in section.group(1), plan.id


def test_a_plan_may_open_the_projector_only_at_an_activity_the_headline_or_the_vote(project_copy):
    edit_lesson(project_copy, lambda d: d["plans"][0]["lessons"][0]["steps"][0].update(projector=["headlines"]))
    with pytest.raises(DataError, match=r'lesson.yaml: entry "twenty-minutes".*projector\[0\]: unknown activity'):
        lesson_of(project_copy)


def test_table_and_task_screens_show_the_activitys_intro_and_the_price_table_its_unit(mkdocs_site):
    """The compute recipe's table screen lacked the rule its question needs, the price table its unit: table
    and task screens show the activity's intro as the sheet prints it, and the price table's screen says per
    million tokens in the sheet's own words."""
    lesson, data = lesson_of(), load(ROOT)
    texts, slides, current, seen = Texts(data, {}), projector_slides(mkdocs_site["dir"]), None, set()
    titles = {a.title: a for a in lesson.activities}
    for kind, body in slides:
        if kind == "title":
            current = titles[re.search(r'<h1 class="text">(.*?)</h1>', body).group(1)]
        if kind in ("table", "task"):
            intro = str(texts.render(current.intro))
            assert str(escape(intro)) in body or intro in body, (current.id, kind)
            seen.add(kind)
            if current.table == "api-prices" and kind == "table":
                sheet = (mkdocs_site["dir"] / "handouts" / "worksheets" / f"{current.id}.html").read_text()
                unit = re.search(r"[^.>]*per million tokens[^.<]*", body)
                assert unit and unit.group(0) in sheet, current.id
                seen.add("unit")
    assert seen == {"table", "task", "unit"}
