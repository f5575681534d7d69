"""The offline copy: unzipped anywhere and opened from file://, it draws every chart with no network."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from reader import engage_charts, search

from local_site import GENERATORS, build_site, copy_project


@pytest.fixture(scope="module", params=GENERATORS)
def unzipped(request, tmp_path_factory):
    work = tmp_path_factory.mktemp(f"offline-{request.param}")
    project = copy_project(work / "project")  # Zensical builds only inside the project
    site = project / "site"
    build_site(project, site, None, generator=request.param, OFFLINE="true")
    archive = shutil.make_archive(str(work / "deepseek-story-offline"), "zip", site)
    target = work / "unzipped"
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(target)
    return target


def chart_pages(folder):
    return sorted(p.name for p in folder.glob("*.html") if 'class="plotly-chart"' in p.read_text())


def test_the_offline_copy_draws_every_chart_from_file_urls_with_no_network(unzipped, browser):
    pages = chart_pages(unzipped)
    assert len(pages) >= 5
    context = browser.new_context()
    page = context.new_page()
    errors, network = [], []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:")) else network.append(r.url))
    try:
        page.goto((unzipped / "index.html").as_uri())
        for name in pages:
            # Follow the site's own navigation links, as a reader would.
            page.locator(f".md-sidebar--primary a.md-nav__link[href$='{name}'] >> visible=true").first.click()
            page.wait_for_url(lambda url, name=name: f"/{name}" in url)
            engage_charts(page)
        assert not errors, errors
        assert not network, network
    finally:
        context.close()


def test_search_works_in_the_offline_copy(unzipped, browser):
    page = browser.new_page()
    try:
        page.goto((unzipped / "index.html").as_uri())
        assert search(page, "export").count() >= 1
    finally:
        page.close()
