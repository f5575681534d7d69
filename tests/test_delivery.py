"""How pages and pictures reach a reader and a maintainer: no script holds up a page's first paint, the search
index comes when the reader reaches for search, and a chart's pictures are drawn again only when its figure
changed."""

from __future__ import annotations

import copy
import re
import zlib
from html.parser import HTMLParser

import pytest
from reader import Reader, search

from charts import images, pipeline
from charts.loader import load
from local_site import ROOT

CHARTS = {chart.id: chart for chart in pipeline.all_charts(load(ROOT))}


class Scripts(HTMLParser):
    """Every <script src> of a page that the parser would stop for (neither deferred nor async)."""

    def __init__(self):
        super().__init__()
        self.seen, self.blocking = 0, []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.seen += 1
            if "defer" not in attributes and "async" not in attributes and attributes.get("type") != "module":
                self.blocking.append(attributes["src"])


def test_no_page_has_a_script_that_holds_up_its_first_paint(site):
    pages = sorted(site["dir"].glob("*.html"))
    assert len(pages) > 10
    for page in pages:
        scripts = Scripts()
        scripts.feed(page.read_text(encoding="utf-8"))
        assert scripts.seen >= 3, f"{page.name}: found {scripts.seen} scripts; is the parser looking?"
        assert not scripts.blocking, f"{page.name}: scripts that block parsing and the first paint: {scripts.blocking}"


def test_a_charts_pictures_are_drawn_once_and_again_only_when_its_figure_changes(tmp_path):
    bundle = pipeline.plotly_bundle(ROOT)
    chosen = [CHARTS["api-prices"], CHARTS["market-falls"]]
    first = images.Pictures(chosen, tmp_path, bundle)
    assert len(first.todo) == 4 and first.drawing is not None
    drawn = first.result()
    for chart in chosen:
        for name, picture in drawn[chart.id].items():
            assert re.search(rf'viewBox="0 0 {picture.width} {picture.height}"', picture.svg), (chart.id, name)
            assert picture.svg.count("<text") > 3, (chart.id, name)
    assert len(list(tmp_path.glob("*.svg"))) == 4

    again = images.Pictures(chosen, tmp_path, bundle)
    assert again.todo == [] and again.drawing is None  # all from the cache: no browser starts
    assert again.result() == drawn

    changed = copy.deepcopy(CHARTS["market-falls"])
    changed.figure.data[0].name = "renamed in a test"
    third = images.Pictures([chosen[0], changed], tmp_path, bundle)
    assert sorted(path.name.split("-")[-2] for path, _ in third.todo) == ["desk", "phone"]
    assert all(path.name.startswith("market-falls-") for path, _ in third.todo)
    third.result()
    assert len(list(tmp_path.glob("*.svg"))) == 6


def painted_colours(png: bytes) -> int:
    """How many different byte values the PNG's pixel rows hold: a blank picture (one colour) gives very few."""
    data, at = b"", 8
    while at < len(png):
        length = int.from_bytes(png[at : at + 4], "big")
        kind = png[at + 4 : at + 8]
        if kind == b"IDAT":
            data += png[at + 8 : at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


@pytest.mark.parametrize("width", [390, 1366], ids=["phone", "desk"])
def test_every_chart_picture_is_painted_when_the_reader_reaches_it(browser, site, width):
    # Chromium once laid out a picture (right size, visible by every DOM measure) yet painted nothing:
    # content-visibility on the picture and the container query that picks the phone or desk drawing.
    # Only the pixels tell, so each picture on screen is photographed and must not be blank.
    context = browser.new_context(
        viewport={"width": width, "height": 800}, is_mobile=width < 500, has_touch=width < 500
    )
    page = context.new_page()
    blank = []
    try:
        for name in sorted(p.name for p in site["dir"].glob("*.html") if 'class="chart-picture' in p.read_text()):
            page.goto(site["url"] + name, wait_until="load")
            pictures = page.locator(".chart-picture").filter(visible=True)
            for index in range(pictures.count()):
                picture = pictures.nth(index)
                picture.scroll_into_view_if_needed()
                if painted_colours(picture.screenshot()) < 8:
                    blank.append(f"{name} picture {index + 1}")
    finally:
        context.close()
    assert not blank, f"pictures on screen but blank at {width} px: {blank}"


def test_the_search_index_is_fetched_only_when_the_reader_reaches_for_search(browser, mkdocs_site):
    r = Reader(browser, mkdocs_site, viewport={"width": 1366, "height": 800})
    page, requested = r.page, r.requested
    try:
        page.goto(mkdocs_site["url"] + "prices.html", wait_until="load")
        page.mouse.move(600, 500)  # over the text, not the search box
        for y in range(0, 4000, 500):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(40)
        page.wait_for_timeout(800)
        assert any(url.endswith("bundle.js") or "/bundle." in url for url in requested), "is the test watching?"
        assert not [url for url in requested if "search_index" in url], "the index came with the page"
        results = search(page, "export controls", linking_to="chips.html")
        assert results.count() >= 1
        assert [url for url in requested if url.endswith("search/search_index.json")]
    finally:
        r.close()
