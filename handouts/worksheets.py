"""One-page worksheets and their answer keys, from data/lesson.yaml and the built site.

Each activity becomes site/handouts/worksheets/<id>.html (printed to <id>-a4.pdf and <id>-letter.pdf) and
site/handouts/keys/<id>-key.html: the key is a separate file, so a teacher can copy the sheet alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from charts.fields import SOURCE_KINDS
from charts.lesson import Activity, LessonData, Texts, live_page
from charts.lesson_pages import pictures


def built_table(site: Path, page: str, chart_id: str) -> Markup:
    """A chart's data table as the site built it (same numbers, same formatting)."""
    html = (site / page.split("#")[0]).read_text(encoding="utf-8")
    match = re.search(rf'<table class="chart-table" id="table-{re.escape(chart_id)}">.*?</table>', html, re.S)
    if not match:
        raise SystemExit(f"error: {page} has no data table for chart {chart_id!r}: is it still on that page?")
    table = re.sub(r"<caption>.*?</caption>", "", match.group(0), flags=re.S)
    return Markup(table.replace('class="chart-table"', 'class="sheet-table"'))


def fact_rows(data, texts: Texts, figure_ids: list[str]) -> list[dict]:
    rows = []
    for figure_id in figure_ids:
        figure = data.figures[figure_id]
        source = data.sources[figure.source]
        rows.append(
            {
                "value": texts.number(figure_id),
                "label": figure.label,
                "includes": figure.includes,
                "status": figure.status,
                "source": f"{source.producer}, {source.date_published.year}",
            }
        )
    return rows


def sources_used(data, ids: list[str]) -> list[str]:
    out = []
    for source_id in dict.fromkeys(ids):
        s = data.sources[source_id]
        out.append(f"{s.title} ({s.producer}, {s.date_published.isoformat()}, {SOURCE_KINDS[s.kind]})")
    return out


def context(activity: Activity, lesson: LessonData, data, derived, site: Path, root: Path, live: str) -> dict:
    """Everything a worksheet and its key show, rendered once."""
    texts = Texts(data, derived)
    page = live_page(root, activity)
    claim = article = None
    if activity.claim:
        article, claim = next((s, c) for s in data.seeds for c in s.claims if c.id == activity.claim)
    figures = activity.figures or (claim.checked_against if claim and not activity.figures else [])
    figures = [f for f in figures if f in data.figures]
    workload = next((w for w in data.workloads if w.id == activity.workload), None)
    images = pictures(site / "generated" / "img", [activity.chart] if activity.chart else [])
    out = {
        "activity": activity,
        "number": [a.id for a in lesson.activities].index(activity.id) + 1,
        "url": live + page,
        "intro": texts.render(activity.intro),
        "headline": texts.render(activity.headline) if activity.headline else None,
        "claim": claim and {"text": claim.claim, "article": article.title},
        "verdict": claim and {"verdict": claim.verdict.replace("_", " "), "reason": texts.render(claim.reason)},
        "facts": fact_rows(data, texts, figures),
        "workload": workload,
        "table": built_table(site, page, activity.table) if activity.table else None,
        "image": ("generated/" + images[activity.chart]) if activity.chart in images else None,
        "questions": [
            {
                "ask": texts.render(q.ask),
                "choices": [texts.render(c) for c in q.choices],
                "answer": texts.render(q.answer),
                "lines": q.lines,
            }
            for q in activity.questions
        ],
    }
    out["sources"] = sources_used(data, texts.used)
    return out


def write(env, lesson: LessonData, data, derived, site: Path, root: Path, live: str, common: dict) -> list[Path]:
    """Write every worksheet and key as HTML; return their paths (sheets first)."""
    sheets, keys = site / "handouts" / "worksheets", site / "handouts" / "keys"
    sheets.mkdir(parents=True, exist_ok=True)
    keys.mkdir(parents=True, exist_ok=True)
    written = []
    for activity in lesson.activities:
        facts = context(activity, lesson, data, derived, site, root, live)
        for folder, name, template in ((sheets, activity.id, "worksheet"), (keys, f"{activity.id}-key", "key")):
            html = env.get_template(f"{template}.html.j2").render(**facts, **common, key=template == "key")
            path = folder / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            written.append(path)
    return written
