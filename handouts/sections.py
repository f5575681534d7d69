"""Short section handouts (at most four pages) and the printed reader, from the built chapters.

Chapter order comes from mkdocs.yml's nav and content from each built page, so both follow the story as
it changes. A chapter on paper is its "In short", its key charts (vector pictures with their summaries),
its key numbers with their sources, the glossary terms it uses and its questions. Links inside the site
are dropped on paper (the words stay); citation tags and outside links become numbered notes at the end.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from markupsafe import Markup

from charts.numbers import format_value

KEY_NUMBERS = 8  # per chapter handout; the reader keeps fewer
# Pictures print at most FIGURE_MM tall, but never shrunk below MIN_SCALE of their drawn size: their labels
# are drawn at 11-13 px, so 0.62 keeps them at 5 pt or more (the two-panel estimates chart, squeezed into
# 105 mm, had printed them at about 3.5 pt).
FIGURE_MM, MIN_SCALE, PX_MM = 100, 0.62, 25.4 / 96
FIGURE = re.compile(r'<figure class="(?:chart|diagram)-figure(?: [a-z-]+)*" id="figure-([a-z0-9-]+)".*?</figure>', re.S)


class Notes:
    """Numbered notes for one printed document: every source and outside link gets one number."""

    def __init__(self, data):
        self.data, self.items, self.index = data, [], {}

    def number(self, key: str, text: str, url: str) -> int:
        if key not in self.index:
            self.items.append({"text": text, "url": url})
            self.index[key] = len(self.items)
        return self.index[key]

    def source(self, source_id: str) -> int:
        s = self.data.sources[source_id]
        return self.number(source_id, f"{s.title}, {s.producer}, {s.date_published.isoformat()}", s.url)

    def paper(self, html: str) -> Markup:
        """Rewrite links for paper: citations and outside links become note numbers, site links plain text."""

        def cite(match):
            source_id, status = match.group(1), match.group(2)
            if source_id not in self.data.sources:
                return f'<sup class="cite">{status}</sup>'
            return f'<sup class="cite">{status} {self.source(source_id)}</sup>'

        html = re.sub(
            r'<sup class="cite cite-[a-z]+"><a href="sources\.html#([a-z0-9-]+)"[^>]*>([a-z]+)</a></sup>',
            cite,
            html,
        )
        # The evidence mark after a figure: its kind in words and a note number instead of a shape.
        html = re.sub(
            r'<a class="ev ev-([a-z]+)" href="sources\.html#([a-z0-9-]+)"[^>]*>.*?</a>',
            lambda m: cite(re.match(r"(?P<id>.*) (?P<kind>.*)", f"{m.group(2)} {m.group(1)}")),
            html,
            flags=re.S,
        )

        def link(match):
            href, text = match.group(1), match.group(2)
            if re.match(r"https?:", href):
                return f'{text}<sup class="note">{self.number(href, re.sub(r"<[^>]+>", "", text), href)}</sup>'
            return text  # a link inside the site: on paper the words are enough

        html = re.sub(r'<a [^>]*?href="([^"]*)"[^>]*>(.*?)</a>', link, html, flags=re.S)
        return Markup(re.sub(r"<abbr[^>]*>(.*?)</abbr>", r"\1", html, flags=re.S))


def in_short(html: str) -> str:
    match = re.search(
        r'<div class="admonition abstract">\s*<p class="admonition-title">[^<]*</p>(.*?)</div>', html, re.S
    )
    return match.group(1).strip() if match else ""


def questions(html: str) -> str:
    match = re.search(r'<h2 id="questions-to-think-about">.*?</h2>\s*(<ol>.*?</ol>|<ul>.*?</ul>)', html, re.S)
    return match.group(1) if match else ""


def print_height_mm(svg: Path) -> int:
    """The most height a picture may take on paper: FIGURE_MM, or more for a tall one, so that it keeps at
    least MIN_SCALE of its drawn size."""
    # Every picture the build writes, chart or diagram, has a viewBox (charts/images.standalone, the diagrams).
    box = re.search(r'viewBox="[\d.]+ [\d.]+ [\d.]+ ([\d.]+)"', svg.read_text(encoding="utf-8")[:2000])
    if not box:
        raise SystemExit(f"handouts: {svg} has no viewBox; its print size is unknown")
    height = float(box.group(1))
    return max(FIGURE_MM, round(MIN_SCALE * height * PX_MM + 0.5))


def charts(html: str, site: Path, notes: Notes, limit: int | None) -> list[dict]:
    """Each chart figure on the page as a vector picture: the standalone SVG the build wrote for it."""
    out = []
    for match in list(FIGURE.finditer(html))[:limit]:
        block = match.group(0)
        image = f"generated/img/{match.group(1)}.svg"
        if not (site / image).exists():
            raise SystemExit(
                f"handouts: {site / image} is missing; the chart {match.group(1)!r} has no picture to print"
            )
        title = re.search(r'<span class="chart-title"[^>]*>(.*?)</span>', block, re.S)
        summary = re.search(r'<p class="chart-summary"[^>]*>(.*?)</p>', block, re.S)
        # The caption is the picture's reading key (what dots, rings and colours mean); the hint inside it
        # is about the live chart and stays off paper.
        caption = re.search(r'<span class="chart-caption">(.*?)</span>\s*</figcaption>', block, re.S)
        sources = re.findall(r'href="sources\.html#([a-z0-9-]+)"', block)
        out.append(
            {
                "id": match.group(1),
                "image": image,
                "height_mm": print_height_mm(site / image),
                "title": Markup(title.group(1)) if title else "",
                "summary": Markup(summary.group(1)) if summary else "",
                "caption": Markup(re.sub(r'<span class="chart-hint">.*?</span>', "", caption.group(1), flags=re.S))
                if caption
                else "",
                "notes": sorted({notes.source(s) for s in sources if s in notes.data.sources}),
            }
        )
    return out


def key_numbers(markdown: str, data, notes: Notes, limit: int) -> list[dict]:
    """The figures a chapter quotes, those in its "In short" first, each with its source note."""
    box = re.search(r'!!! abstract "In short"\n((?:    .*\n|\n)+)', markdown)
    ids = re.findall(r"\{\{\s*fig\.(\w+)\s*\}\}", box.group(1) if box else "")
    ids += re.findall(r"\{\{\s*fig\.(\w+)\s*\}\}", markdown)
    rows = []
    for figure_id in dict.fromkeys(ids):
        figure = data.figures.get(figure_id)
        if figure is None:  # a ratio we compute; its inputs are quoted on their own
            continue
        text = format_value(figure.value, figure.format)
        rows.append(
            {
                "value": f"{text} {figure.unit}" if figure.unit else text,
                "label": figure.label,
                "status": figure.status,
                "note": notes.source(figure.source),
            }
        )
        if len(rows) == limit:
            break
    return rows


def terms_used(text: str, glossary: list) -> list:
    plain = re.sub(r"<[^>]+>", " ", unescape(text)).lower()
    found = []
    for term in glossary:
        names = [term.term] + ([term.abbr] if term.abbr else [])
        if any(re.search(rf"(?<![\w-]){re.escape(n.lower())}(?![\w-])", plain) for n in names):
            found.append(term)
    return sorted(found, key=lambda t: t.term.lower())


def chapter(site: Path, root: Path, title: str, page: str, data, notes: Notes, whole: bool) -> dict:
    html = (site / page).read_text(encoding="utf-8")
    source = root / "docs" / page.replace(".html", ".md")
    markdown = source.read_text(encoding="utf-8") if source.exists() else ""
    part = {
        "title": title,
        "page": page,
        "short": notes.paper(in_short(html)),
        "charts": charts(html, site, notes, 1 if whole else None),
        "numbers": key_numbers(markdown, data, notes, 4 if whole else KEY_NUMBERS),
        "questions": notes.paper(questions(html)),
    }
    part["text"] = " ".join(
        [part["short"], part["questions"]]
        + [c["title"] + " " + c["summary"] for c in part["charts"]]
        + [n["label"] for n in part["numbers"]]
    )
    return part
