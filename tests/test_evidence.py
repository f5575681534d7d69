"""Evidence at a glance: the mark after a figure, its popover, and the one legend that defines every
word the marks and verdicts use."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from reader import PHONE, Reader

from charts.loader import load
from charts.macros import cited
from local_site import ROOT, nav_pages

DATA = load(ROOT)
BARE_YEAR = re.compile(r"(?<![\d,.$])(1[89]\d\d|20\d\d)\W*$")


class TextBeforeMarks(HTMLParser):
    """The visible text that comes right before each evidence mark on a page."""

    def __init__(self):
        super().__init__()
        self.text, self.before = "", []

    def handle_starttag(self, tag, attrs):
        if "ev" in (dict(attrs).get("class") or "").split():
            self.before.append(self.text[-40:])

    def handle_data(self, data):
        self.text += data


@pytest.mark.parametrize("page", nav_pages())
def test_no_evidence_mark_follows_a_bare_year(site, page):
    parser = TextBeforeMarks()
    parser.feed((site["dir"] / page).read_text(encoding="utf-8"))
    after_year = [text for text in parser.before if BARE_YEAR.search(text)]
    assert not after_year, f"{page}: a mark right after a year: {after_year}"


def test_a_year_figure_has_no_mark_and_the_year_itself_opens_its_source():
    figure = next(f for f in DATA.figures.values() if f.format == "year")
    html = cited(DATA, figure)
    assert 'class="ev ' not in html
    assert f'href="sources.html#{figure.source}"' in html and "data-evidence=" in html
    assert f">{int(figure.value)}</a>" in html


def test_story_pages_carry_marks_of_every_kind_and_no_old_word_tags(site):
    kinds = set()
    for page in nav_pages():
        text = (site["dir"] / page).read_text(encoding="utf-8")
        kinds |= set(re.findall(r'class="ev ev-(\w+)"', text))
        assert 'class="cite' not in text, page
    assert kinds == {"reported", "estimate", "claim", "computed"}


def stayed(r, before: str, mark) -> bool:
    """Still on the same page, in the same document: Material's toc tracking may change the hash
    while the reader scrolls, but the mark's link to the source list was not followed."""
    now = urlparse(r.page.url)
    return (
        now.path == urlparse(before).path
        and now.fragment != mark.get_attribute("href").split("#")[1]
        and r.page.evaluate("window.__samePage === true")
    )


def source_of(mark) -> dict:
    source_id = mark.get_attribute("href").split("#")[1]
    return DATA.sources[source_id]


def first_mark(r, page="lab.html"):
    r.open(r.site["url"] + page)
    r.page.evaluate("window.__samePage = true")
    mark = r.page.locator("a.ev").first
    mark.scroll_into_view_if_needed()
    return mark


@pytest.fixture
def desktop(browser, site):
    r = Reader(browser, site)
    r.site = site
    yield r
    r.close()


@pytest.fixture
def phone(browser, site):
    r = Reader(browser, site, viewport=PHONE, has_touch=True, is_mobile=True)
    r.site = site
    yield r
    r.close()


def test_clicking_a_mark_opens_its_source_and_keeps_the_reader_on_the_page(desktop):
    mark = first_mark(desktop)
    url = desktop.page.url
    mark.click()
    popover = desktop.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    assert stayed(desktop, url, mark)
    assert source_of(mark).title in popover.inner_text()
    assert popover.locator("a[href$='sources.html#figure-kinds']").count() == 1
    assert popover.locator(f"a[href='{source_of(mark).url}']").count() == 1
    desktop.page.mouse.click(5, 300)  # anywhere else closes it
    popover.wait_for(state="detached")
    assert not desktop.errors, desktop.errors


def test_enter_on_a_focused_mark_opens_the_popover_without_leaving_the_page(desktop):
    mark = first_mark(desktop)
    url = desktop.page.url
    mark.focus()
    desktop.page.keyboard.press("Enter")
    popover = desktop.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    desktop.page.wait_for_timeout(300)
    assert stayed(desktop, url, mark)
    assert mark.get_attribute("aria-expanded") == "true"
    assert source_of(mark).title in popover.inner_text()


def test_escape_closes_the_popover_and_focus_returns_to_the_mark(desktop):
    mark = first_mark(desktop)
    mark.focus()
    popover = desktop.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    desktop.page.keyboard.press("Tab")  # into the popover's first link
    assert desktop.page.evaluate("document.activeElement.closest('.ev-popover') !== null")
    desktop.page.keyboard.press("Escape")
    popover.wait_for(state="detached")
    assert desktop.page.evaluate("document.activeElement.classList.contains('ev')")
    assert mark.get_attribute("aria-expanded") == "false"


def test_hovering_a_mark_shows_the_popover_and_moving_away_hides_it(desktop):
    mark = first_mark(desktop)
    mark.hover()
    popover = desktop.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    desktop.page.mouse.move(5, 5)
    popover.wait_for(state="detached")


def test_tapping_a_mark_on_a_phone_opens_the_popover_and_keeps_the_reader_on_the_page(phone):
    mark = first_mark(phone)
    url = phone.page.url
    mark.tap()
    popover = phone.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    phone.page.wait_for_timeout(300)
    assert stayed(phone, url, mark)
    assert source_of(mark).title in popover.inner_text()
    box = popover.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert not phone.errors, phone.errors


def test_marks_still_open_popovers_after_instant_navigation(desktop):
    desktop.open(desktop.site["url"] + "prices.html")
    desktop.page.evaluate("window.__samePage = true; document.querySelector('article').dataset.old = 'yes'")
    desktop.page.locator(".md-sidebar--primary a.md-nav__link[href$='/lab.html']").click()
    desktop.page.wait_for_url(lambda url: "/lab.html" in url)
    desktop.page.wait_for_selector("article:not([data-old]) a.ev[role='button']")
    assert desktop.page.evaluate("window.__samePage === true")
    mark = desktop.page.locator("article a.ev").first
    mark.scroll_into_view_if_needed()
    url = desktop.page.url
    mark.click()
    desktop.page.locator(".ev-popover").wait_for(state="visible")
    assert stayed(desktop, url, mark)


def test_printing_shows_marks_as_small_superscripts_and_no_popover(desktop):
    mark = first_mark(desktop)
    mark.click()
    popover = desktop.page.locator(".ev-popover")
    popover.wait_for(state="visible")
    desktop.page.emulate_media(media="print")
    popover.wait_for(state="hidden")
    assert desktop.page.evaluate("[...document.querySelectorAll('.ev-popover')].every(e => !e.checkVisibility())")
    assert mark.is_visible()
    assert mark.bounding_box()["height"] < 14


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id"):
            self.ids.add(dict(attrs)["id"])


def test_every_verdict_and_figure_kind_used_in_the_data_is_defined_on_the_sources_and_method_page(site):
    page = (site["dir"] / "sources.html").read_text(encoding="utf-8")
    ids = Ids()
    ids.feed(page)
    kinds = {figure.status for figure in DATA.figures.values()} | {"computed"}
    verdicts = {claim.verdict for article in DATA.seeds for claim in article.claims}
    source_kinds = {source.kind for source in DATA.sources.values()}
    wanted = (
        [f"figure-kind-{kind}" for kind in kinds]
        + [f"verdict-{verdict}" for verdict in verdicts]
        + [f"source-kind-{kind.replace('_', '-')}" for kind in source_kinds]
    )
    missing = [anchor for anchor in wanted if anchor not in ids.ids]
    assert not missing, missing
    for kind in kinds:
        assert DATA.legend.figure_kind(kind).definition.split(",")[0].replace("'", "&#39;") in page
    for name in ("method", "verdict-lines", "dispute-statuses"):
        assert name in ids.ids, name


def test_a_legend_that_misses_a_verdict_stops_the_build(project_copy):
    from charts.fields import DataError

    legend = project_copy / "data" / "legend.yaml"
    text = legend.read_text()
    legend.write_text(text.replace("  - id: misleading\n", "  - id: misled\n"))
    with pytest.raises(DataError, match=r"data/legend.yaml: .*misleading"):
        load(project_copy)


def test_every_dispute_status_line_links_its_status_words_to_their_definitions(site):
    sources = Ids()
    sources.feed((site["dir"] / "sources.html").read_text(encoding="utf-8"))
    names = {term.id.replace("_", "-"): term.name.lower() for term in DATA.legend.dispute_statuses}
    lines = 0
    for page in nav_pages():
        html = (site["dir"] / page).read_text(encoding="utf-8")
        for line in re.findall(r"<p><strong>Status:</strong>(.*?)</p>", html, re.S):
            lines += 1
            links = re.findall(
                r'<a class="dispute-status" href="sources\.html#dispute-([\w-]+)"[^>]*>([^<]+)</a>', line
            )
            assert links, f"{page}: a status line with no link to the legend: {line[:80]}"
            for anchor, word in links:
                assert f"dispute-{anchor}" in sources.ids, f"{page}: no definition for {anchor}"
                assert word == names[anchor], f"{page}: status word {word!r} does not name {anchor}"
    assert lines >= 5, "the disputed page has lost its status lines"


TAP_TARGETS = """() => {
  const marks = [...document.querySelectorAll('article a.ev')].filter(m => m.getClientRects().length);
  const out = [];
  for (const mark of marks) {
    mark.scrollIntoView({block: 'center', inline: 'center'});
    const shape = mark.querySelector('svg').getBoundingClientRect();
    const cx = shape.left + shape.width / 2, cy = shape.top + shape.height / 2;
    const missed = [];
    for (const dx of [-11.5, -6, 0, 6, 11.5]) for (const dy of [-11.5, -6, 0, 6, 11.5]) {
      const hit = document.elementFromPoint(cx + dx, cy + dy);
      if (!hit || hit.closest('a.ev') !== mark) missed.push([dx, dy, hit ? hit.tagName + '.' + hit.className : null]);
    }
    out.push({label: mark.getAttribute('aria-label').slice(0, 60), missed});
  }
  return out;
}"""
LINE_SPREAD = """() => [...document.querySelectorAll('article p')].filter(p => p.querySelector('a.ev')).map(p => {
  const lineHeight = parseFloat(getComputedStyle(p).lineHeight);
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const tops = [];
  while (walker.nextNode()) {
    const range = document.createRange();
    range.selectNodeContents(walker.currentNode);
    for (const r of range.getClientRects()) if (r.height > 0) tops.push(r.top);
  }
  tops.sort((a, b) => a - b);
  let lines = 0, last = -Infinity;
  for (const top of tops) if (top - last > lineHeight / 2) { lines += 1; last = top; }
  return {text: p.textContent.slice(0, 50), height: p.getBoundingClientRect().height, lines, lineHeight};
})"""


@pytest.mark.parametrize("page", ["training-cost.html", "prices.html"])
def test_on_a_phone_every_mark_is_a_tap_target_of_at_least_24_px_and_no_line_is_spread(browser, site, page):
    r = Reader(browser, site, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        r.page.goto(site["url"] + page, wait_until="load")
        marks = r.page.evaluate(TAP_TARGETS)
        assert len(marks) >= 10, f"{page}: only {len(marks)} marks to measure"
        small = [m for m in marks if m["missed"]]
        assert not small, f"{page}: {len(small)} of {len(marks)} marks have a target under 24 x 24 px: {small[:3]}"
        spread = [p for p in r.page.evaluate(LINE_SPREAD) if p["height"] > p["lines"] * p["lineHeight"] + 1]
        assert not spread, f"{page}: marks push lines apart: {spread[:3]}"
    finally:
        r.close()
