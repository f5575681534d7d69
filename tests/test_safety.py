"""Bad input never publishes a broken site, and text from data never runs as code."""

from __future__ import annotations

import functools
import shutil
import sys
import threading

import yaml

from local_site import ROOT, SUBPATH, QuietServer, SubpathHandler, build_site, free_port, run

ATTACK = '</script><img src=x onerror="window.__pwned=1">'


def test_make_build_with_bad_data_fails_and_keeps_the_previous_site(project_copy):
    for name in ("Makefile", "requirements.txt"):
        shutil.copy2(ROOT / name, project_copy / name)
    (project_copy / "site").mkdir()
    (project_copy / "site" / "index.html").write_text("the previous good site")
    prices = project_copy / "data/api_prices.yaml"
    prices.write_text(prices.read_text().replace("output: 2.19", "output: cheap", 1))
    result = run(["make", "build", f"VENV={ROOT / '.venv'}", f"PYTHON={sys.executable}"], project_copy)
    assert result.returncode != 0
    assert "error: data/api_prices.yaml" in result.stderr
    assert (project_copy / "site" / "index.html").read_text() == "the previous good site"
    assert not (project_copy / "site.new").exists()


def test_a_hostile_title_in_the_data_shows_as_text_and_runs_nothing(project_copy, tmp_path, browser):
    def poison(path, field):
        rows = yaml.safe_load(path.read_text())
        rows[0][field] = ATTACK
        path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))
        return rows[0]

    poison(project_copy / "data/timeline.yaml", "title")
    source = sorted((project_copy / "data/sources").glob("*.yaml"))[0]
    poison(source, "title")
    figures = sorted((project_copy / "data/figures").glob("*.yaml"))[0]
    poison(figures, "label")
    port = free_port()
    site_dir = tmp_path / "site"
    build_site(project_copy, site_dir, f"http://127.0.0.1:{port}{SUBPATH}", images=False)
    server = QuietServer(("127.0.0.1", port), functools.partial(SubpathHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for name in ("chips.html", "sources.html", "claims.html"):
            page.goto(f"http://127.0.0.1:{port}{SUBPATH}{name}")
            page.wait_for_timeout(800)
            assert page.evaluate("window.__pwned") is None, name
            assert page.locator("img[src='x']").count() == 0, name
        page.goto(f"http://127.0.0.1:{port}{SUBPATH}sources.html")
        assert ATTACK in page.locator("body").inner_text()
        page.close()
    finally:
        server.shutdown()
        server.server_close()
    assert not dialogs
