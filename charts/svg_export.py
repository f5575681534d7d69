"""Draw Plotly figures to SVG with the site's own plotly.js in headless Chromium.

This is what kaleido does for an SVG (`Plotly.toImage(figure, {format: "svg"})` in a browser tab), done
directly: one Chromium for the whole build, the figures drawn in a few tabs at once (one renderer process
each, so both cores work), and plotly.js read from disk once. The picture is drawn by the very bundle
the reader's browser uses for the live chart. The browser starts in a thread as soon as the build
knows what it needs (at the very start of a clean build), so it launches while the rest of the build
goes on.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
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


def tab(browser, bundle: Path):
    """A fresh tab (its own renderer process) with plotly.js loaded."""
    page = browser.new_context().new_page()
    page.add_script_tag(path=str(bundle))
    return page


def draw_in(pages: list, figures: list[dict]) -> list[str]:
    """The figures shared out over the tabs, drawn side by side; the SVGs in the figures' order."""
    payload = json.loads(json.dumps(figures, cls=PlotlyJSONEncoder))
    shares = [list(range(start, len(payload), len(pages))) for start in range(len(pages))]
    for page, share in zip(pages, shares):
        page.evaluate(DRAW, [payload[i] for i in share])  # returns at once; the tab draws on
    svgs: list[str] = [""] * len(payload)
    for page, share in zip(pages, shares):
        for index, svg in zip(share, page.evaluate(COLLECT)):
            svgs[index] = svg
    return svgs


class Drawing:
    """Chromium in a background thread. Start it (it launches and loads plotly.js at once), give it the
    figures with draw() when they are known, or cancel() it; result() waits and re-raises its error."""

    def __init__(self, bundle: Path):
        self._figures: queue.Queue = queue.Queue(maxsize=1)
        self._given = False
        self._svgs: list[str] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(bundle,), daemon=True)
        RUNNING.add(self)
        self._thread.start()

    def _run(self, bundle: Path) -> None:
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                try:
                    pages = [tab(browser, bundle)]
                    figures = self._figures.get()
                    if figures:
                        # A second tab pays off for a batch, not for the figure or two an edit changes.
                        pages += [tab(browser, bundle) for _ in range(min(TABS, len(figures) // 4 + 1) - 1)]
                        self._svgs = draw_in(pages, figures)
                finally:
                    browser.close()
        except BaseException as error:  # handed to the main thread by result()
            self._error = error
        finally:
            RUNNING.discard(self)

    def draw(self, figures: list[dict]) -> Drawing:
        """Each figure ({"data", "layout"} with the layout's width and height set) to draw as an SVG."""
        self._given = True
        self._figures.put(figures)
        return self

    def cancel(self) -> None:
        if not self._given:
            self.draw([])

    def close(self) -> None:
        """Stop waiting for figures and let the browser close (a build that failed before drawing)."""
        self.cancel()
        self._thread.join()

    def result(self) -> list[str]:
        self.close()
        if self._error is not None:
            raise RuntimeError(f"could not draw the chart pictures in Chromium: {self._error}") from self._error
        return self._svgs


# A build that stops on an error may leave a browser starting up: let it close before Python exits (a
# Playwright thread still running while the interpreter shuts down crashes it).
RUNNING: set[Drawing] = set()
atexit.register(lambda: [drawing.close() for drawing in list(RUNNING)])
