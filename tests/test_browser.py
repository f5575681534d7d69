"""A real reader in Chromium: every page draws its charts with no error and no outside request,
instant navigation keeps charts whole, the theme toggle re-colours them, phones don't scroll sideways."""

from __future__ import annotations

import pytest
from reader import PHONE, search

from local_site import nav_pages

PAGES = nav_pages()


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
    boxes = [c.bounding_box() for c in r.page.locator(".plotly-chart").all()]
    for box in filter(None, boxes):  # None: a chart the phone layout hides behind a stepper (the timeline's)
        assert box["width"] <= PHONE["width"], box
    assert not r.page.evaluate(HEADINGS_WITH_AN_EMPTY_LINE), "a heading's permalink wrapped onto a line of its own"
    assert not r.errors, r.errors


# Headings taller than their words by half a line or more: an (invisible) permalink wrapped below them.
HEADINGS_WITH_AN_EMPTY_LINE = """[...document.querySelectorAll('article h2, article h3')].filter(h => {
    const link = h.querySelector('.headerlink');
    if (!link || !h.firstChild || h.firstChild === link) return false;
    const words = document.createRange();
    words.setStartBefore(h.firstChild);
    words.setEndBefore(link);
    const lineHeight = parseFloat(getComputedStyle(h).lineHeight) || 20;
    return h.getBoundingClientRect().height - words.getBoundingClientRect().height > lineHeight / 2;
}).map(h => h.id)"""


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
