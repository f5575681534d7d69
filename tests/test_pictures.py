"""A reader meets a picture early: every story chapter shows a chart or a diagram within its first two
screens, on a laptop and on a phone, and diagram text stays readable on the phone."""

from __future__ import annotations

import pytest
import yaml

from local_site import ROOT

STORY_SECTION = "The story"
SCREENS = {"laptop": {"width": 1366, "height": 800}, "phone": {"width": 390, "height": 844}}
FIRST_PICTURE = """() => {
  const shown = [...document.querySelectorAll('article figure.chart-figure, article figure.diagram-figure')]
    .filter(f => f.getBoundingClientRect().height > 0);
  return shown.length ? {top: shown[0].getBoundingClientRect().top + window.scrollY, id: shown[0].id} : null;
}"""
SMALLEST_DIAGRAM_TEXT = """() => Math.min(...[...document.querySelectorAll('article svg.dg text')]
  .filter(t => t.getBoundingClientRect().height > 0)
  .map(t => { const m = t.getScreenCTM(); return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b); }))"""


def chapters() -> list[str]:
    """Home and every page of the nav's story section, as built file names."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)["nav"]
    pages = []
    for item in nav:
        for title, value in item.items():
            if value == "index.md":
                pages.append("index.html")
            elif title == STORY_SECTION:
                pages += [page.replace(".md", ".html") for entry in value for page in entry.values()]
    return pages


@pytest.fixture(scope="module")
def screens(browser):
    contexts = {name: browser.new_context(viewport=size) for name, size in SCREENS.items()}
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("page_name", chapters())
def test_every_story_chapter_shows_a_picture_within_its_first_two_screens(screens, site, page_name, screen):
    page = screens[screen]
    page.goto(site["url"] + page_name, wait_until="load")
    picture = page.evaluate(FIRST_PICTURE)
    assert picture, f"{page_name} has no chart or diagram"
    limit = 2 * SCREENS[screen]["height"]
    assert picture["top"] < limit, (
        f"{page_name} at {screen}: first picture ({picture['id']}) starts {picture['top']:.0f} px down"
    )


def test_diagram_text_is_at_least_11_px_on_a_phone(screens, site):
    page = screens["phone"]
    checked = 0
    for page_name in chapters():
        page.goto(site["url"] + page_name, wait_until="load")
        if page.locator("article svg.dg").count():
            smallest = page.evaluate(SMALLEST_DIAGRAM_TEXT)
            assert smallest >= 11, f"{page_name}: diagram text {smallest:.1f} px on a 390 px phone"
            checked += 1
    assert checked >= 4
