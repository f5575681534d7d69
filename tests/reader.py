"""A reader in Chromium for the browser tests: a page that records console errors, uncaught exceptions
and requests to other hosts, and goes to each chart the way a reader does."""

from __future__ import annotations

from urllib.parse import urlparse

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def engage_charts(page, timeout=15000) -> int:
    """Scroll to each chart on show and move the mouse over it (what loads plotly.js); wait until all are live.

    A chart the phone layout replaces with a picture of its own (the timeline's stepper) is not on show."""
    boxes = page.locator(".chart-box").filter(visible=True)
    count = boxes.count()
    for index in range(count):
        box = boxes.nth(index)
        box.scroll_into_view_if_needed()
        box.hover()
    if count:
        page.wait_for_function(
            "n => document.querySelectorAll('.plotly-chart[data-chart-drawn]').length >= n && [...document.querySelectorAll('.plotly-chart')].filter(e => e.parentNode.offsetParent).every(e => e.querySelector('.main-svg'))",
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
        self.errors, self.outside, self.requested = [], [], []  # requested: every URL the page asked for
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", self._request)
        self.page.on("dialog", lambda d: (self.errors.append(f"dialog: {d.message}"), d.dismiss()))

    def _request(self, request):
        self.requested.append(request.url)
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
