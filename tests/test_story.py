"""The story reads as a story: "Next" walks the chapters in order and never into the teachers' page,
each chapter shows its number and reading time and ends with a pull into the next, and the
"In short" and evidence boxes are set at body size or larger."""

from __future__ import annotations

import re

import pytest

from charts import chapters
from local_site import ROOT

CHAPTERS = [path.replace(".md", ".html") for _, path in chapters.story(ROOT)]
AFTER_THE_STORY = "claims.html"  # the last chapter's "Next": the claims check, not teacher material
TEACHER_PAGES = {"teachers.html"}
EVIDENCE_BOXES = (".admonition.abstract", ".admonition.quote", ".admonition.success", ".admonition.warning")


@pytest.fixture
def phone(browser, site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page
    context.close()


def test_the_next_link_walks_the_chapters_in_order_and_never_into_teacher_material(phone, site):
    phone.goto(site["url"] + "index.html", wait_until="load")
    walked = []
    for _ in range(len(CHAPTERS) + 1):
        phone.goto(phone.locator("a.md-footer__link--next").evaluate("a => a.href"), wait_until="load")
        walked.append(phone.url.rsplit("/", 1)[1].split("#")[0])
    assert walked == CHAPTERS + [AFTER_THE_STORY]
    assert not TEACHER_PAGES & set(walked)


def test_teacher_and_reference_pages_sit_in_their_own_section_after_the_story():
    nav = chapters.mkdocs_nav(ROOT)
    titles = [next(iter(item)) for item in nav]
    story_at = titles.index(chapters.STORY_SECTION)
    later = [path for item in nav[story_at + 1 :] for value in item.values() for path in _paths(value)]
    assert {"teachers.md", "claims.md", "glossary.md", "sources.md"} <= set(later)
    assert later[-1] == "teachers.md", "the teachers' page comes last, after every reader's page"


def _paths(value):
    if isinstance(value, list):
        for entry in value:
            for inner in entry.values():
                yield from _paths(inner)
    else:
        yield value


def test_every_chapter_shows_its_number_and_reading_time_under_its_title(phone, site):
    for number, (page, (_, path)) in enumerate(zip(CHAPTERS, chapters.story(ROOT), strict=True), start=1):
        phone.goto(site["url"] + page, wait_until="load")
        meta = phone.locator("article .chapter-meta")
        minutes = chapters.minutes(chapters.words((ROOT / "docs" / path).read_text()))
        assert meta.inner_text() == f"Chapter {number} of {len(CHAPTERS)} · {minutes} min read", page
        # Right under the title, above "In short", on the first screen of a phone.
        below_title = phone.evaluate(
            "() => document.querySelector('article h1').nextElementSibling.classList.contains('chapter-meta')"
        )
        assert below_title, page
        assert meta.bounding_box()["y"] < 844, page


def test_reading_time_counts_the_words_a_reader_reads():
    assert chapters.words("Nvidia lost {{ fig.nvidia_loss }} in [one day](shock.md#x).") == 6
    assert chapters.words("{{ chart.market_falls }}") == 0
    assert chapters.minutes(chapters.WORDS_PER_MINUTE + 1) == 2


@pytest.mark.parametrize("page", CHAPTERS)
def test_each_chapter_ends_with_a_line_that_pulls_into_the_next(page):
    path = ROOT / "docs" / page.replace(".html", ".md")
    last = path.read_text().rstrip().split("\n\n")[-1]
    following = CHAPTERS[CHAPTERS.index(page) + 1] if page != CHAPTERS[-1] else AFTER_THE_STORY
    links = re.findall(r"\]\(([^)#]+)", last)
    assert links == [following.replace(".html", ".md")], f"{page} should end with one link to {following}"
    assert len(last.split()) <= 30, f"{page}: the pull into the next chapter is one short line"


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_in_short_and_the_evidence_boxes_are_at_body_size_or_larger(phone, site, scheme):
    for page in CHAPTERS:
        phone.goto(site["url"] + page, wait_until="load")
        phone.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
        body = phone.evaluate(
            "() => parseFloat(getComputedStyle(document.querySelector('article > p:not(.chapter-meta)')).fontSize)"
        )
        for box in EVIDENCE_BOXES:
            sizes = phone.evaluate(
                "sel => [...document.querySelectorAll(`article ${sel} p`)].map(p => parseFloat(getComputedStyle(p).fontSize))",
                box,
            )
            assert all(size >= body for size in sizes), f"{page} {box}: {sizes} smaller than the body's {body}px"
        assert phone.locator("article .admonition.abstract").count() == 1, f'{page} has one "In short"'


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_headings_are_set_in_the_full_contrast_text_colour(phone, site, scheme):
    phone.goto(site["url"] + CHAPTERS[0], wait_until="load")
    phone.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    colours = phone.evaluate(
        "() => ({body: getComputedStyle(document.querySelector('article > p:not(.chapter-meta)')).color,"
        " headings: [...document.querySelectorAll('article h1, article h2, article h3')]"
        ".map(h => getComputedStyle(h).color)})"
    )
    assert colours["headings"] and set(colours["headings"]) == {colours["body"]}


def test_the_home_page_lists_the_chapters_in_reading_order_with_their_numbers():
    listed = re.findall(r"\[(\d+)\. [^\]]+\]\(([\w-]+\.md)\)", (ROOT / "docs" / "index.md").read_text())
    assert listed == [(str(n), path) for n, (_, path) in enumerate(chapters.story(ROOT), start=1)]


def chapter_texts():
    return {path: (ROOT / "docs" / path).read_text() for _, path in chapters.story(ROOT)}


def pages_naming(figures, texts):
    return {path for path, text in texts.items() if any(re.search(rf"\b{f}\b", text) for f in figures)}


def test_the_chip_count_dispute_is_told_in_full_only_in_what_is_disputed():
    # Elsewhere a chapter gives a one-line reminder and a link, never the counts themselves.
    counts = ("alexandr_wang_h100_claim", "semianalysis_gpu_count", "semianalysis_h100_count")
    assert pages_naming(counts, chapter_texts()) == {"disputed.md"}


def test_the_training_cost_arithmetic_is_worked_only_in_the_cost_chapter():
    # GPU-hours times the assumed rent: other chapters quote the result with what it counts.
    assert pages_naming(("v3_gpu_hour_price", "v3_gpu_hours"), chapter_texts()) == {"training-cost.md"}


def test_the_compute_multiplier_is_framed_one_way_in_every_chapter():
    for path, text in chapter_texts().items():
        assert not re.search(r"eleventh|twelfth|\b1/1\d\b|a tenth of the compute", text, re.I), path
        for use in re.finditer(r"\{\{ fig\.compute_multiplier \}\}", text):
            assert re.match(r"\**\s+as much", text[use.end() :]), f'{path}: write "... used N times as much"'


def test_no_line_of_a_page_starts_with_a_year_and_a_full_stop():
    # Inside a list, a wrapped line starting "2026. " becomes a new numbered item and the year is lost
    # (it happened to a question on the prices page).
    for path in sorted((ROOT / "docs").glob("*.md")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            assert not re.match(r"\s*(1[89]|20)\d\d\.\s", line), f"{path.name}:{number}: {line.strip()}"


def test_a_glossary_tooltip_on_a_phone_reads_like_body_text_and_leaves_its_term_visible(phone, site):
    phone.goto(site["url"] + "engineering.html", wait_until="load")
    term = phone.locator("article p abbr").first
    term.scroll_into_view_if_needed()
    term.hover()
    tip = phone.locator(".md-tooltip2--active .md-tooltip2__inner")
    tip.wait_for(state="visible")
    assert len(tip.inner_text()) > len(term.inner_text()) + 20  # the explanation, not just the term
    style = tip.evaluate("e => [getComputedStyle(e).fontSize, getComputedStyle(e).fontWeight]")
    body = phone.evaluate("() => getComputedStyle(document.querySelector('article p')).fontSize")
    # At least 85% of the body text's size, and not bold.
    assert float(style[0].rstrip("px")) >= 0.85 * float(body.rstrip("px")), (style, body)
    assert int(style[1]) < 600, style
    box, under = tip.bounding_box(), term.bounding_box()
    overlaps = box["y"] < under["y"] + under["height"] and under["y"] < box["y"] + box["height"]
    assert not overlaps, (box, under)
