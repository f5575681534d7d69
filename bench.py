"""Measure what readers and maintainers wait for, and print one table. Not a test: numbers only.

    python bench.py [--lighthouse-runs 3] [--lighthouse-pages index.html,chips.html] [--no-lighthouse]
                    [--reports DIR]

Per page: bytes a reader downloads who scrolls the whole page without touching a chart (raw and gzip:
the HTML and every asset, cache empty) and after engaging every chart; how many charts show their
picture with plotly.js blocked; cumulative layout shift on a 390 px phone through load, scroll and the
swap to live charts; first contentful paint; Lighthouse performance (desktop and mobile, median of
runs); the reading grade of the prose (Flesch-Kincaid). Then: the clean build time, the time to rebuild
after one YAML edit, and plotly's default `fig.write_html()` export of one chart for comparison.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path

from local_site import CHROMIUM, CHROMIUM_ARGS, ROOT, copy_project, free_port, nav_pages

LIGHTHOUSE = ROOT / ".build-cache" / "bench" / "node_modules" / ".bin" / "lighthouse"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def timed(args: list[str], cwd: Path, **env) -> float:
    started = time.perf_counter()
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, env={**ENV, **env})
    return time.perf_counter() - started


def build_times(site_url: str, work: Path) -> dict:
    """Clean build (charts, images, site) and a rebuild after editing one price, in a copy of the project."""
    project = copy_project(work / "project")
    (project / ".build-cache").unlink()  # a clean build: no image cache
    shutil.copytree(ROOT / ".build-cache" / "npm", project / ".build-cache" / "npm", symlinks=True)
    site = work / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    charts = timed([sys.executable, "build_charts.py"], project)
    pages = timed(build, project, SITE_URL=site_url)
    prices = project / "data" / "api_prices.yaml"
    prices.write_text(prices.read_text().replace("output: 2.19", "output: 2.20", 1))
    rebuild = timed([sys.executable, "build_charts.py"], project) + timed(build, project, SITE_URL=site_url)
    return {"site": site, "charts": charts, "pages": pages, "clean": charts + pages, "rebuild": rebuild}


class Text(HTMLParser):
    """The prose of a page's article: paragraphs and list items, not tables, code or charts."""

    SKIP = {"table", "figure", "script", "style", "pre", "code", "nav", "form"}

    def __init__(self):
        super().__init__()
        self.depth, self.inside, self.parts = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "article":
            self.inside = 1
        if self.inside and tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.inside and tag in self.SKIP:
            self.depth -= 1
        if tag == "article":
            self.inside = 0
        if tag in ("p", "li", "h1", "h2", "h3", "dd"):
            self.parts.append(". " if tag.startswith("h") else " ")

    def handle_data(self, data):
        if self.inside and not self.depth:
            self.parts.append(data)


def syllables(word: str) -> int:
    """Vowel groups, less a silent final e: the usual estimate (textstat needs an NLTK download)."""
    word = word.lower()
    count = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    return max(count, 1)


def reading_grade(html: str) -> tuple[float, int]:
    """Flesch-Kincaid grade: 0.39 x words per sentence + 11.8 x syllables per word - 15.59."""
    parser = Text()
    parser.feed(html)
    text = re.sub(r"\s+", " ", "".join(parser.parts))
    words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", text)
    sentences = max(len(re.findall(r"[.!?]+(?:\s|$)", text)), 1)
    if not words:
        return 0.0, 0
    grade = 0.39 * len(words) / sentences + 11.8 * sum(syllables(w) for w in words) / len(words) - 15.59
    return grade, len(words)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text gzipped over HTTP/1.1 keep-alive, as GitHub Pages (and any static host) does; the
    standard library's server sends every byte raw, which Lighthouse's simulated phone network then
    charges at three to six times the weight a reader downloads."""

    protocol_version = "HTTP/1.1"
    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")

    def send_head(self):
        path = self.translate_path(self.path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(self.COMPRESSED) or not os.path.isfile(path):
            return super().send_head()
        body = gzip.compress(Path(path).read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(folder: Path, port: int):
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


LAYOUT_SHIFT = """window.__shift = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
    if (!e.hadRecentInput) window.__shift += e.value; }).observe({type: 'layout-shift', buffered: true});"""


def transferred(responses) -> tuple[int, int]:
    raw = zipped = 0
    for response in responses:
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has no body
            continue
        raw += len(body)
        zipped += len(gzip.compress(body, 6))
    return raw, zipped


def scroll_through(page) -> None:
    page.mouse.move(2, 2)  # the pointer rests off every chart
    for y in range(0, page.evaluate("document.body.scrollHeight"), 400):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(40)


def engage(page, count: int) -> None:
    """Point at every chart shown at this width (and tap it on a phone), as a reader who wants the details;
    wait for the live charts. A chart the layout hides (the timeline, a stepper in its place on a phone) is skipped."""
    boxes = [page.locator(".plotly-chart").nth(index).locator("xpath=..") for index in range(count)]
    shown = [box for box in boxes if box.is_visible()]
    for chart in shown:
        chart.scroll_into_view_if_needed()
        chart.hover()
    page.wait_for_function(
        "n => document.querySelectorAll('.plotly-chart[data-chart-drawn]').length >= n", arg=len(shown)
    )


def page_weights(base: str, pages: list[str]) -> dict:
    """Per page: what a reader who scrolls without touching a chart downloads, then what engaging every
    chart adds; pictures on screen at first paint with plotly.js blocked; layout shift through load,
    scroll and the swap to live charts on a 390 px phone."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page_name in pages:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            bodies = []
            page.on("response", lambda response, seen=bodies: seen.append(response))
            page.goto(base + page_name, wait_until="load")
            charts = page.locator(".plotly-chart").count()
            scroll_through(page)
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(500)
            raw, zipped = transferred(bodies)
            fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
            engaged = None
            if charts:
                engage(page, charts)
                page.wait_for_load_state("networkidle")
                engaged = transferred(bodies)[1]
            context.close()
            pictures = shift = None
            if charts:
                pictures, shift = pictures_and_shift(browser, base + page_name, charts)
            out[page_name] = {
                "raw": raw,
                "gzip": zipped,
                "engaged_gzip": engaged,
                "charts": charts,
                "fcp_ms": fcp,
                "pictures": pictures,
                "cls": shift,
            }
        browser.close()
    return out


def pictures_and_shift(browser, url: str, charts: int) -> tuple[int, float]:
    """Charts with a visible picture before any script (plotly.js blocked); CLS on a phone, load to live."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/plotly.min.js", lambda route: route.abort())
    page.goto(url, wait_until="domcontentloaded")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('.plotly-chart')].filter(el => {
            const box = el.parentNode, picture = box.querySelector('.chart-picture svg');
            return picture && picture.getBoundingClientRect().height > 100;
        }).length"""
    )
    context.close()
    context = browser.new_context(viewport={"width": 390, "height": 800}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(url, wait_until="load")
    scroll_through(page)
    engage(page, charts)
    page.wait_for_timeout(500)
    shift = page.evaluate("window.__shift")
    context.close()
    return shown, shift


def lighthouse(url: str, preset: str, runs: int, keep: Path | None = None) -> tuple[float | None, float | None]:
    """Median performance and accessibility scores over several runs; each run's report kept in `keep`."""
    if not LIGHTHOUSE.exists():
        return None, None
    scores, access = [], []
    for run in range(runs):
        with tempfile.NamedTemporaryFile(suffix=".json") as report:
            args = [
                str(LIGHTHOUSE),
                url,
                "--only-categories=performance,accessibility",
                "--output=json",
                f"--output-path={report.name}",
                "--quiet",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ] + (["--preset=desktop"] if preset == "desktop" else [])
            result = subprocess.run(args, capture_output=True, env={**ENV, "CHROME_PATH": CHROMIUM}, timeout=180)
            if result.returncode != 0:
                continue
            if keep:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(report.name, keep / f"{url.rsplit('/', 1)[-1] or 'index'}-{preset}-{run + 1}.json")
            categories = json.loads(Path(report.name).read_text())["categories"]
            scores.append(categories["performance"]["score"] * 100)
            access.append(categories["accessibility"]["score"] * 100)
    return (statistics.median(scores) if scores else None, statistics.median(access) if access else None)


def plotly_default_export(work: Path) -> dict:
    """The usual alternative: plotly's own write_html() of our price chart, with its default options."""
    from charts import pipeline
    from charts.loader import load

    chart = next(c for c in pipeline.all_charts(load(ROOT)) if c.id == "api-prices")
    path = work / "api-prices-write_html.html"
    chart.figure.write_html(path)
    data = path.read_bytes()
    return {"raw": len(data), "gzip": len(gzip.compress(data, 6))}


def kb(n: float) -> str:
    return f"{n / 1000:,.0f} kB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--lighthouse-pages", default="", help="comma-separated; default: every page")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--reports", type=Path, help="keep every Lighthouse JSON report in this folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    try:
        times = build_times(base, work)
        server = serve(times["site"], port)
        pages = nav_pages()
        weights = page_weights(base, pages)
        chosen = set(args.lighthouse_pages.split(",")) if args.lighthouse_pages else set(pages)
        print(
            "| page | charts | scroll raw | scroll gzip | engaged gzip | pictures w/o plotly | CLS phone | FCP (ms) "
            "| LH desktop | LH mobile | LH a11y | FK grade | words |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        grades = []
        for page in pages:
            w = weights[page]
            grade, words = reading_grade((times["site"] / page).read_text(encoding="utf-8"))
            if page not in ("claims.html", "sources.html", "glossary.html"):
                grades.append(grade)
            desktop = mobile = access = None
            if not args.no_lighthouse and page in chosen:
                desktop, access = lighthouse(base + page, "desktop", args.lighthouse_runs, args.reports)
                mobile, _ = lighthouse(base + page, "mobile", args.lighthouse_runs, args.reports)
            lh = [f"{v:.0f}" if v is not None else "–" for v in (desktop, mobile, access)]
            engaged = kb(w["engaged_gzip"]) if w["engaged_gzip"] is not None else "–"
            pictures = f"{w['pictures']}/{w['charts']}" if w["charts"] else "–"
            shift = f"{w['cls']:.3f}" if w["cls"] is not None else "–"
            fcp = f"{w['fcp_ms']:.0f}" if w["fcp_ms"] else "–"
            print(
                f"| {page} | {w['charts']} | {kb(w['raw'])} | {kb(w['gzip'])} | {engaged} | {pictures} | {shift} "
                f"| {fcp} | {lh[0]} | {lh[1]} | {lh[2]} | {grade:.1f} | {words:,} |"
            )
        server.shutdown()
        heaviest = max(weights.items(), key=lambda item: item[1]["gzip"])
        plain = [w["gzip"] for w in weights.values() if not w["charts"]]
        export = plotly_default_export(work)
        print()
        print(
            f"- clean build: {times['clean']:.1f} s (charts and images {times['charts']:.1f} s, site {times['pages']:.1f} s)"
        )
        print(f"- rebuild after one YAML edit: {times['rebuild']:.1f} s")
        print(f"- heaviest page: {heaviest[0]}, {kb(heaviest[1]['raw'])} raw, {kb(heaviest[1]['gzip'])} gzip")
        print(f"- heaviest page without charts: {kb(max(plain))} gzip" if plain else "- every page has a chart")
        print(f"- median reading grade of the story pages (Flesch-Kincaid): {statistics.median(grades):.1f}")
        ratio = export["gzip"] / weights[next(p for p in pages if p == "prices.html")]["gzip"]
        print(
            f"- plotly's default write_html() of the price chart alone: {kb(export['raw'])} raw, {kb(export['gzip'])} "
            f"gzip; {ratio:.1f}x the gzip weight of our whole prices page with its charts"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
