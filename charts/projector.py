"""The projector view: one screen per claim, fact box, task, chart, table or question of data/lesson.yaml,
in large type, stepped with the arrow keys, from file:// (docs/generated/projector.html)."""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from charts.fields import FIGURE_KINDS
from charts.lesson import HEADLINE, VOTE, LessonData, Texts, article_line
from charts.lesson_pages import HEADLINE_KICKER, TEMPLATES, VOTE_QUESTION, VOTE_TITLE
from charts.render import cell_text

SITE_CSS = Path("docs/stylesheets/site.css")


def tag_colours(root: Path) -> dict[str, str]:
    """The evidence colours of the site's light scheme (site.css's first --ev-* block): the pills use them."""
    css = (root / SITE_CSS).read_text(encoding="utf-8")
    block = re.search(r"\.md-typeset \{([^}]*--ev-[^}]*)\}", css).group(1)
    colours = dict(re.findall(r"--ev-([a-z]+):\s*(#[0-9a-fA-F]{3,6})", block))
    missing = [kind for kind in FIGURE_KINDS if kind not in colours]
    if missing:
        raise SystemExit(f"error: {SITE_CSS}: no --ev-{missing[0]} colour for the projector's tags")
    return colours


def chart_tables(charts) -> dict[str, tuple[list[str], list[list[str]]]]:
    """{chart id: (columns, rows as the site's table prints them)}."""
    out = {}
    for chart in charts:
        formats = chart.cell_formats or [None] * len(chart.columns)
        out[chart.id] = (chart.columns, [[cell_text(v, f) for v, f in zip(row, formats)] for row in chart.rows])
    return out


def _pill(status: str) -> Markup:
    return Markup(f'<span class="tag tag-{status}">{status}</span>')


def _table(tables: dict, chart_id: str, columns: list[str] | None) -> dict:
    header, rows = tables[chart_id]
    keep = [header.index(c) for c in columns] if columns else list(range(len(header)))
    return {"columns": [header[i] for i in keep], "rows": [[row[i] for i in keep] for row in rows]}


def _activity(a, texts: Texts, data, images: dict, titles: dict, tables: dict) -> list[dict]:
    slides = [{"kind": "title", "activity": a.id, "title": a.title, "text": texts.render(a.goal), "minutes": a.minutes}]
    figures, intro = list(a.figures), texts.render(a.intro)  # the intro as the sheet prints it: its rule, its units
    if a.headline:  # the hook: nothing on it says the headline misleads (plans open the projector here)
        slides.append(
            {"kind": "headline", "activity": HEADLINE, "title": HEADLINE_KICKER, "text": texts.render(a.headline)}
        )
    if a.claim:
        article, claim = next((s, c) for s in data.seeds for c in s.claims if c.id == a.claim)
        slides.append({"kind": "claim", "title": article_line(article), "text": texts.render(claim.claim)})
        figures = figures or [f for f in claim.checked_against if f in data.figures]  # the worksheet's fact box
    if figures:
        facts = [(texts.number(f), data.figures[f].label, _pill(data.figures[f].status)) for f in figures]
        slides.append({"kind": "facts", "title": f"{a.title} · the fact box", "facts": facts})
    workload = next((w for w in data.workloads if w.id == a.workload), None)
    if workload:
        counts = [workload.input_tokens, workload.output_tokens, workload.thinking_tokens]
        slides.append(
            {
                "kind": "task",
                "title": f"{a.title} · the task",
                "heading": workload.name,
                "intro": intro,
                "text": workload.description,
                "columns": ["Input tokens", "Output tokens", "Hidden thinking tokens (reasoning models only)"],
                "rows": [[f"{n:,}" for n in counts]],
            }
        )
    if a.chart and a.chart in images:
        slides.append(
            {"kind": "chart", "title": a.title, "heading": titles[a.chart], "image": images[a.chart], "alt": a.chart}
        )
    if a.table:  # the inputs a sheet prints, without the columns that hold its answers (`columns`)
        table = _table(tables, a.table, a.columns)
        slides.append(
            {"kind": "table", "title": f"{a.title} · the table", "intro": intro, **table}
        )  # no title: it tells
    for number, q in enumerate(a.questions, start=1):
        slides.append(
            {
                "kind": "question",
                "title": f"{a.title} · question {number}",
                "text": texts.render(q.ask),
                "choices": [texts.render(c) for c in q.choices],
                "answer": texts.render(q.answer),
            }
        )
    return slides


def screens(lesson: LessonData, texts: Texts, data, images: dict, titles: dict, tables: dict) -> list[dict]:
    """Each activity opens with its title; a chart screen is headed by the chart's own takeaway title. Right
    after the opening headline comes the key to the tags the screens show (data/legend.yaml, as on the
    worksheets: every kind, as the quiz asks about kinds no screen shows); the last screen shows the opening
    headline again for the re-vote."""
    slides = [s for a in lesson.activities for s in _activity(a, texts, data, images, titles, tables)]
    key = [(_pill(kind), data.legend.figure_kind(kind).short) for kind in FIGURE_KINDS]  # all: questions name them
    opening = next(a for a in lesson.activities if a.headline)
    first = next(i for i, s in enumerate(slides) if s["kind"] == "headline")
    slides.insert(first + 1, {"kind": "key", "title": "What the tags mean", "key": key})
    slides.append({"kind": "vote", "activity": VOTE, "title": VOTE_TITLE, "text": texts.render(opening.headline)})
    return slides


def starts(slides: list[dict]) -> dict[str, int]:
    """{activity id, "headline" or "vote": the number of its first screen}, for links that open the projector there."""
    kinds = ("title", "headline", "vote")
    return {s["activity"]: number for number, s in enumerate(slides, start=1) if s["kind"] in kinds}


def projector(slides: list[dict], edition: dict, root: Path) -> str:
    """A standalone page of the screens; arrow keys step; works from file://."""
    return TEMPLATES.get_template("projector.html.j2").render(
        slides=slides, edition=edition, tags=tag_colours(root), vote_question=VOTE_QUESTION
    )
