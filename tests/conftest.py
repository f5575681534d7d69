"""Shared fixtures: a copy of the project to break, a built site served under a sub-path, a browser.

The plain helpers they use (copy, build, serve, the nav) live in local_site.py, shared with bench.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from reader import Reader

from local_site import (
    CHROMIUM,
    CHROMIUM_ARGS,
    GENERATORS,
    ROOT,
    SUBPATH,
    build_site,
    copy_project,
    free_port,
    run,
    serve,
)


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory):
    """Each generator's build of the real project, made on first use, served at
    http://127.0.0.1:PORT/deepseek-story/ until the session ends."""
    sites, servers = {}, []

    def get(generator: str) -> dict:
        if generator not in sites:
            port = free_port()
            url = f"http://127.0.0.1:{port}{SUBPATH}"
            work = tmp_path_factory.mktemp(generator)
            if generator == "mkdocs":
                site_dir = work / "site"
                build_site(ROOT, site_dir, url)
            else:
                # Zensical writes its site and its cache inside the project: build a copy of it.
                project = copy_project(work / "project")
                site_dir = project / "site"
                build_site(project, site_dir, url, generator=generator)
            # The handouts, as `make handout` makes them: the pages link to their PDFs.
            result = run([sys.executable, "make_handouts.py", "--site", str(site_dir)], ROOT, SITE_URL=url)
            assert result.returncode == 0, result.stderr
            servers.append(serve(site_dir, port))
            sites[generator] = {"url": url, "dir": site_dir, "generator": generator}
        return sites[generator]

    try:
        yield get
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()


@pytest.fixture(scope="session", params=GENERATORS)
def site(request, built_sites):
    """The site as each generator builds it: a test that takes `site` runs once per generator."""
    return built_sites(request.param)


@pytest.fixture(scope="session")
def mkdocs_site(built_sites):
    """The MkDocs build only, for tests whose subject does not depend on the generator (the PDFs)."""
    return built_sites("mkdocs")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Debian's chromium where `make test` could install it (as root); else Playwright's own download,
    # which `make test` fetches on machines where apt is not an option.
    where = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(args=CHROMIUM_ARGS, **where)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path / "project")


@pytest.fixture
def reader(browser, site):
    """Readers (browser pages) made on demand with any context options, closed after the test."""
    readers = []

    def make(**options):
        readers.append(Reader(browser, site, **options))
        return readers[-1]

    yield make
    for r in readers:
        r.close()
