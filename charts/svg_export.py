"""Draw Plotly figures to SVG with the site's own plotly.js in headless Chromium.

This is what kaleido does for an SVG (`Plotly.toImage(figure, {format: "svg"})` in a browser tab), done
directly: one Chromium for the whole build, the figures drawn in a few tabs at once (one renderer process
each, so both cores work), and plotly.js read from disk once. The picture is drawn by the very bundle
the reader's browser uses for the live chart. The browser starts in a thread as soon as the build
knows what it needs, so it launches while the rest of the build goes on.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

from plotly.utils import PlotlyJSONEncoder

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
TABS = 2  # renderer processes drawing at once: the machines that build this site have two cores or more

# Start drawing a share of the figures in this tab (after the call returns, so tabs draw side by side);
# COLLECT waits for the SVGs.
DRAW = """figures => {
  const options = f => ({format: 'svg', width: f.layout.width, height: f.layout.height, scale: 1, imageDataOnly: true});
  window.__svgs = new Promise(go => setTimeout(go, 0)).then(() => Promise.all(
    figures.map(f => Plotly.toImage({data: f.data, layout: f.layout, config: {}}, options(f)))));
}"""
COLLECT = "() => window.__svgs"


def launch(playwright):
    # Debian's chromium where it is installed (as here and in CI), else Playwright's own download.
    where = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
    return playwright.chromium.launch(args=CHROMIUM_ARGS, **where)


def draw(figures: list[dict], bundle: Path, tabs: int = TABS) -> list[str]:
    """Each figure ({"data", "layout"} with the layout's width and height set) as an SVG string."""
    from playwright.sync_api import sync_playwright

    if not figures:
        return []
    payload = json.loads(json.dumps(figures, cls=PlotlyJSONEncoder))
    shares = [list(range(start, len(payload), tabs)) for start in range(min(tabs, len(payload)))]
    svgs: list[str] = [""] * len(payload)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            pages = []
            for share in shares:
                page = browser.new_context().new_page()
                page.set_content("<!doctype html><html><head></head><body></body></html>")
                page.add_script_tag(path=str(bundle))
                page.evaluate(DRAW, [payload[i] for i in share])  # returns at once; the tab draws on
                pages.append(page)
            for page, share in zip(pages, shares):
                for index, svg in zip(share, page.evaluate(COLLECT)):
                    svgs[index] = svg
        finally:
            browser.close()
    return svgs


class Drawing:
    """draw() in a background thread: start it, do other work, then result() (which re-raises its error)."""

    def __init__(self, figures: list[dict], bundle: Path):
        self._svgs: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(figures, bundle), daemon=True)
        self._thread.start()

    def _run(self, figures: list[dict], bundle: Path) -> None:
        try:
            self._svgs = draw(figures, bundle)
        except BaseException as error:  # handed to the main thread by result()
            self._error = error

    def result(self) -> list[str]:
        self._thread.join()
        if self._error is not None:
            raise RuntimeError(f"could not draw the chart pictures in Chromium: {self._error}") from self._error
        return self._svgs
