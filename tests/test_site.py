"""The built site: every page is there, links resolve, nothing comes from another host,
and no page types a number that the data holds."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from typed_numbers import figures_typed

from charts.loader import load
from local_site import ROOT, SUBPATH, nav_pages

DOCS = ROOT / "docs"
STORY_PAGES = sorted(p for p in DOCS.glob("*.md"))


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links, self.assets = set(), [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("script", "img", "iframe", "source") and attrs.get("src"):
            self.assets.append(attrs["src"])
        if tag == "link" and attrs.get("href") and attrs.get("rel") not in ("canonical", "alternate"):
            self.assets.append(attrs["href"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_every_page_in_the_nav_is_built(site):
    for page in nav_pages():
        assert (site["dir"] / page).exists(), page


def test_no_page_shows_an_unrendered_macro_or_a_macro_error(site):
    for page in nav_pages():
        text = (site["dir"] / page).read_text()
        assert "{{" not in text and "{%" not in text, page
        assert "Macro Rendering Error" not in text, page


def test_every_internal_link_and_anchor_resolves(site):
    pages = {path: parse(path) for path in site["dir"].rglob("*.html")}
    broken = []
    for path, parsed in pages.items():
        for href in parsed.links:
            url = urlparse(href)
            if url.scheme or href.startswith("//") or href.startswith("mailto:"):
                continue
            if url.path.startswith("/"):  # absolute links (the 404 page) must stay under the sub-path
                assert url.path.startswith(SUBPATH), f"{path.name}: {href} escapes the sub-path"
                url = url._replace(path=str(site["dir"] / url.path[len(SUBPATH) :]))
            target = (path.parent / url.path).resolve() if url.path else path
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.name}: {href}")
            elif url.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if url.fragment not in ids:
                    broken.append(f"{path.name}: {href} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_pages_load_no_script_style_font_or_image_from_another_host(site):
    for page in nav_pages():
        for asset in parse(site["dir"] / page).assets:
            assert urlparse(urljoin("http://site.test/", asset)).netloc == "site.test", (page, asset)


def test_plotly_is_served_from_the_site_and_is_the_partial_bundle(site):
    bundle = site["dir"] / "generated" / "plotly.min.js"
    assert bundle.exists()
    size = bundle.stat().st_size
    assert size < 2_000_000, f"{size} bytes: the full bundle slipped in (run `make js`)"


def test_a_page_without_charts_never_downloads_plotly(reader, site):
    """Read to the bottom, hover and click around: plotly.js is for pages with charts only."""
    r = reader(viewport={"width": 1366, "height": 800})
    page, requested = r.page, r.requested
    page.goto(site["url"] + "glossary.html", wait_until="load")
    assert "plotly-chart" not in page.content()
    for _ in range(6):
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(150)
    page.mouse.move(400, 400)
    page.keyboard.press("Tab")
    page.wait_for_timeout(800)
    assert requested, "the page made no requests at all: the test is not watching"
    assert not [url for url in requested if "plotly" in url]


@pytest.mark.parametrize("page", STORY_PAGES, ids=lambda p: p.name)
def test_no_page_types_a_figure_that_the_data_holds(page):
    typed = figures_typed(page.read_text(), load(ROOT).figures)
    assert not typed, f"{page.name} types figures held in data/: {typed} (write {{{{ fig.ID }}}} instead)"


@pytest.mark.parametrize("page", STORY_PAGES, ids=lambda p: p.name)
def test_no_page_types_a_dollar_amount_or_a_percentage(page):
    text = re.sub(r"\{\{.*?\}\}", " ", page.read_text())
    found = re.findall(r"\$\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:%|per ?cent\b)", text)
    assert not found, f"{page.name} types {found}: put the number in data/ and write {{{{ fig.ID }}}}"


@pytest.mark.parametrize(
    "prose, figure_id",
    [
        ("The run took 2,788,000 GPU-hours.", "v3_gpu_hours"),
        ("It cost 5.576 million dollars.", "v3_final_run_cost_usd"),
        ("Output costs 2.19 dollars per million tokens.", "r1_output_price"),
        ("Output costs $2.19 per million tokens.", "r1_output_price"),
        ("The fund manages $8 billion.", "high_flyer_aum_usd"),
        ("Meta planned $60-65 billion for 2025.", "meta_capex_2025_low"),
        ("o1 charges $60 per million output tokens.", "o1_output_price"),
        ("Nvidia rose 8.9% the next day.", "nvidia_rebound_pct_2025_01_28"),
    ],
)
def test_the_typed_number_guard_catches_other_spellings(prose, figure_id):
    assert any(hit.startswith(figure_id + " ") for hit in figures_typed(prose, load(ROOT).figures))


def test_the_typed_number_guard_leaves_short_bare_counts_alone():
    figures = load(ROOT).figures
    assert {figures["taiwan_nsb_failed_checks"].value, figures["taiwan_nsb_checks"].value} == {8, 15}
    assert figures_typed("DeepSeek failed 8 of the 15 checks.", figures) == []
