"""A real reader in Chromium: every page draws its charts with no error and no outside request,
instant navigation keeps charts whole, the theme toggle re-colours them, phones don't scroll sideways."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from local_site import nav_pages

PAGES = nav_pages()
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def engage_charts(page, timeout=15000) -> int:
    """Scroll to each chart and move the mouse over it (what loads plotly.js); wait until all are live."""
    charts = page.locator(".plotly-chart")
    count = charts.count()
    for index in range(count):
        box = page.locator(".chart-box").nth(index)
        box.scroll_into_view_if_needed()
        box.hover()
    if count:
        page.wait_for_function(
            "n => document.querySelectorAll('.plotly-chart[data-chart-drawn]').length >= n && [...document.querySelectorAll('.plotly-chart')].every(e => e.querySelector('.main-svg'))",
            arg=count,
            timeout=timeout,
        )
    return count


class Reader:
    """A page plus what it logged: console errors, uncaught exceptions and requests to other hosts."""

    def __init__(self, browser, site, viewport=DESKTOP, **options):
        self.context = browser.new_context(viewport=viewport, **options)
        self.page = self.context.new_page()
        self.origin = urlparse(site["url"]).netloc
        self.errors, self.outside = [], []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https") and url.netloc != self.origin:
            self.outside.append(request.url)

    def open(self, url):
        self.page.goto(url, wait_until="load")
        self.wait_for_charts()

    def wait_for_charts(self):
        """Go to every chart and point at it, as a reader would: the live chart replaces the picture."""
        return engage_charts(self.page)

    def close(self):
        self.context.close()


# Material's header holds its search box and lists results in .md-search-result; Zensical's header holds a
# button that opens a dialog, inside a shadow root (which Playwright's selectors enter), with a combobox
# and a listbox of options.
SEARCH_OPENER = "input.md-search__input, button.md-search__button"
SEARCH_INPUT = "input.md-search__input, dialog input[role=combobox]"
SEARCH_RESULT_LINKS = (".md-search-result__link", "[role=listbox] a[role=option]")


def search(page, words: str, linking_to: str = ""):
    """Type into the header search as a reader does; the result links to `linking_to`, once one has appeared."""
    page.wait_for_timeout(500)  # typed right after load, the query can reach the search worker before it listens
    page.locator(SEARCH_OPENER).filter(visible=True).first.click()
    page.locator(SEARCH_INPUT).filter(visible=True).first.focus()  # Zensical's dialog opens a moment later
    page.keyboard.type(words, delay=20)
    to = f"[href*='{linking_to}']" if linking_to else ""  # CSS: an empty [href*=''] matches nothing
    results = page.locator(", ".join(link + to for link in SEARCH_RESULT_LINKS))
    results.first.wait_for(timeout=20000)
    return results


@pytest.fixture
def reader(browser, site):
    readers = []

    def make(**options):
        readers.append(Reader(browser, site, **options))
        return readers[-1]

    yield make
    for r in readers:
        r.close()


def test_every_chart_is_shown_and_drawn_on_some_page(reader, site):
    from charts import pipeline
    from charts.loader import load
    from local_site import ROOT

    wanted = {chart.id for chart in pipeline.all_charts(load(ROOT))}
    seen = set()
    r = reader()
    for page in PAGES:
        if "plotly-chart" not in (site["dir"] / page).read_text():
            continue
        r.open(site["url"] + page)
        seen |= set(r.page.eval_on_selector_all(".plotly-chart[data-chart-drawn]", "els => els.map(e => e.id)"))
    assert {f"chart-{i}" for i in wanted} <= seen, wanted - {s.removeprefix("chart-") for s in seen}


def test_instant_navigation_draws_charts_and_keeps_plotly_styles(reader, site):
    r = reader()
    r.open(site["url"] + "prices.html")
    r.page.evaluate("window.__sameDocument = true")
    r.page.locator(".md-sidebar--primary a.md-nav__link[href$='/training-cost.html']").click()
    r.page.wait_for_url(lambda url: "/training-cost.html" in url)
    # The URL changes before Material swaps the content in: wait for the new page's own chart.
    r.page.wait_for_selector("#chart-training-compute", state="attached")
    assert r.page.evaluate("window.__sameDocument === true"), "navigation reloaded the page (site_url mismatch?)"
    r.wait_for_charts()
    r.page.locator(".md-sidebar--primary a.md-nav__link[href$='/chips.html']").click()
    r.page.wait_for_url(lambda url: "/chips.html" in url)
    r.page.wait_for_selector("#chart-export-controls-timeline", state="attached")
    r.wait_for_charts()
    position = r.page.evaluate("getComputedStyle(document.querySelector('.plotly-chart .main-svg')).position")
    assert position == "absolute", "plotly's CSS was lost on navigation: the chart layers stack"
    assert r.page.locator(".plotly-chart .modebar").first.evaluate("e => getComputedStyle(e).flexDirection") != "column"
    assert not r.errors, r.errors


def test_toggling_dark_mode_recolours_the_charts(reader, site):
    r = reader()
    r.open(site["url"] + "prices.html")
    colour = "document.querySelector('.plotly-chart')._fullLayout.font.color"
    before = r.page.evaluate(colour)
    r.page.locator("label[title='Switch to dark mode']").first.click()
    r.page.wait_for_function(f"{colour} !== {before!r}")
    after = r.page.evaluate(colour)
    assert r.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    assert after != before
    assert not r.errors, r.errors


@pytest.mark.parametrize("page", PAGES)
def test_phone_width_never_scrolls_sideways(reader, site, page):
    r = reader(viewport=PHONE, is_mobile=True, has_touch=True)
    r.open(site["url"] + page)
    overflow = r.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page} is {overflow}px wider than the phone"
    for box in [c.bounding_box() for c in r.page.locator(".plotly-chart").all()]:
        assert box["width"] <= PHONE["width"], box
    assert not r.errors, r.errors


def test_the_table_tab_shows_the_data_and_the_chart_comes_back_whole(reader, site):
    r = reader()
    r.open(site["url"] + "prices.html")
    figure = r.page.locator("#figure-api-prices").first
    figure.locator("label[for='tab-api-prices-table']").click()
    assert figure.locator("table.chart-table").is_visible()
    assert figure.locator("table.chart-table tbody tr").count() >= 3
    figure.locator("label[for='tab-api-prices-chart']").click()
    width = figure.locator(".plotly-chart .main-svg").first.evaluate("e => e.getBoundingClientRect().width")
    assert width > 250


def test_a_reader_who_scrolls_past_every_chart_without_touching_one_never_loads_plotly(reader, site):
    r = reader(viewport={"width": 1280, "height": 700})
    requested = []
    r.page.on("request", lambda request: "plotly" in request.url and requested.append(request.url))
    pages = [p for p in PAGES if "plotly-chart" in (site["dir"] / p).read_text()]
    for page in pages:
        r.page.goto(site["url"] + page, wait_until="load")
        r.page.mouse.move(5, 5)  # the pointer rests on the page's edge, off every chart
        height = r.page.evaluate("document.body.scrollHeight")
        for y in range(0, height, 500):
            r.page.evaluate(f"window.scrollTo(0, {y})")
            r.page.wait_for_timeout(30)
        assert r.page.evaluate("typeof window.Plotly") == "undefined", f"{page}: plotly.js loaded before it was needed"
    assert not requested, requested
    r.wait_for_charts()
    assert r.page.evaluate("typeof window.Plotly") == "object"
    assert not r.errors, r.errors


def test_the_header_search_finds_a_page_by_words_from_its_title(reader, site):
    import re

    title = re.search(r"<h1[^>]*>([^<]+)", (site["dir"] / "chips.html").read_text()).group(1).strip()  # not its ¶ link
    r = reader()
    r.open(site["url"] + "index.html")
    # A search box the theme did not style (a copied partial of the other theme) stretches the header.
    assert r.page.locator(".md-header").bounding_box()["height"] < 80
    assert search(r.page, title, linking_to="chips.html").count() >= 1
    assert r.page.get_by_text("Initializing search").filter(visible=True).count() == 0
    assert not r.errors, r.errors
