"""One-page worksheets and their answer keys, from data/lesson.yaml and the built site.

Each activity becomes site/handouts/worksheets/<id>.html (printed to <id>-a4.pdf and <id>-letter.pdf) and
site/handouts/keys/<id>-key.html: the key is a separate file, so a teacher can copy the sheet alone.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from charts.fields import FIGURE_KINDS, SOURCE_KINDS
from charts.lesson import Activity, LessonData, Texts, article_line
from charts.lesson_pages import pictures
from charts.live_pages import live_page

CELL = re.compile(r"<t([hd])\b([^>]*)>(.*?)</t\1>", re.S)
# A number as the site prints it: $0.55, 30,840,000, 3.7 × 10¹⁰, 79.8%: one unbreakable piece on a sheet.
NUMBER = re.compile(r"^[$€£]?[\d.,]+(?: × 10[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?%?$")


def is_number(text: str) -> bool:
    return bool(NUMBER.match(re.sub(r"<[^>]+>", "", text).strip()))


def _cells(row: str, keep: list[int] | None) -> str:
    cells = CELL.findall(row)
    out = []
    for index, (kind, attrs, inner) in enumerate(cells):
        if keep is not None and index not in keep:
            continue
        if kind == "d" and is_number(inner):
            attrs += ' class="num"'
        out.append(f"<t{kind}{attrs}>{inner}</t{kind}>")
    return "".join(out)


def built_table(site: Path, page: str, chart_id: str, columns: list[str] | None = None) -> Markup:
    """A chart's data table as the site built it (same numbers, same formatting), with only the columns named
    (all when none are); its number cells are marked so that they never break across lines."""
    html = (site / page.split("#")[0]).read_text(encoding="utf-8")
    match = re.search(rf'<table class="chart-table" id="table-{re.escape(chart_id)}">.*?</table>', html, re.S)
    if not match:
        raise SystemExit(f"error: {page} has no data table for chart {chart_id!r}: is it still on that page?")
    table = re.sub(r"<caption>.*?</caption>", "", match.group(0), flags=re.S)
    header = [re.sub(r"<[^>]+>", "", inner).strip() for _, _, inner in CELL.findall(table.split("</thead>")[0])]
    keep = [header.index(c) for c in columns if c in header] if columns else None
    if columns and len(keep) != len(columns):
        missing = [c for c in columns if c not in header]
        raise SystemExit(f"error: {page}'s table for chart {chart_id!r} has no column {missing[0]!r}")
    table = re.sub(r"<tr>(.*?)</tr>", lambda row: f"<tr>{_cells(row.group(1), keep)}</tr>", table, flags=re.S)
    return Markup(table.replace('class="chart-table"', 'class="sheet-table"'))


def tag_words(asks: list[str]) -> set[str]:
    """The tag kinds a sheet's questions name ("Reported, estimate or claim?", "more than a claim"): a student
    needs each one's meaning, as the site defines it, to answer."""
    return {kind for kind in FIGURE_KINDS for ask in asks if re.search(rf"\b{kind}\b", ask, re.I)}


def tag_key(data, shown: list[str], asks: list[str] = ()) -> list[dict]:
    """The evidence tags a sheet shows or its questions name, each with the line the site's marks use
    (data/legend.yaml)."""
    used = set(re.findall(r'class="tag tag-([a-z]+)"', " ".join(shown))) | tag_words(list(asks))
    return [{"id": kind, "short": data.legend.figure_kind(kind).short} for kind in FIGURE_KINDS if kind in used]


# A sheet's chart on a black-and-white photocopy: the site's pale grid lines (plotly's .xgrid/.ygrid) vanish, and
# on a log-scale chart the grid lines are what students count. The printed copy of the picture draws them darker.
PRINT_GRID = "<style>.xgrid, .ygrid { stroke: #858585 !important; }</style>"


def print_picture(site: Path, picture: str) -> str:
    """A copy of a chart's SVG for the sheets (handouts/worksheets/img/), its grid lines darkened; its path
    from the site's root."""
    svg = (site / "generated" / picture).read_text(encoding="utf-8")
    svg, found = re.subn(r"(<svg\b[^>]*>)", lambda m: m.group(1) + PRINT_GRID, svg, count=1)
    if not found:
        raise SystemExit(f"error: generated/{picture} is not an SVG picture; the worksheet prints only SVG charts")
    out = site / "handouts" / "worksheets" / picture
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(svg, encoding="utf-8")
    return f"handouts/worksheets/{picture}"


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


def context(
    activity: Activity, lesson: LessonData, data, derived, site: Path, root: Path, live: str, titles: dict
) -> dict:
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
        "claim": claim and {"text": claim.claim, "article": article_line(article)},
        "verdict": claim and {"verdict": claim.verdict.replace("_", " "), "reason": texts.render(claim.reason)},
        "facts": fact_rows(data, texts, figures),
        "workload": workload,
        "table": built_table(site, page, activity.table, activity.columns) if activity.table else None,
        "image": print_picture(site, images[activity.chart]) if activity.chart in images else None,
        "chart_title": titles[activity.chart] if activity.chart else None,
        "chart_key": texts.render(activity.chart_key) if activity.chart_key else None,
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
    sheet = [out["intro"], out["chart_key"] or ""] + [q["ask"] for q in out["questions"]]
    sheet += [c for q in out["questions"] for c in q["choices"]]
    sheet += [f'class="tag tag-{f["status"]}"' for f in out["facts"]]
    asks = [str(q["ask"]) for q in out["questions"]] + [str(c) for q in out["questions"] for c in q["choices"]]
    out["tags"] = tag_key(data, [str(text) for text in sheet], asks)
    return out


def write(
    env, lesson: LessonData, data, derived, site: Path, root: Path, live: str, common: dict, titles: dict
) -> list[Path]:
    """Write every worksheet and key as HTML; return their paths (sheets first). `titles`: each chart's title."""
    sheets, keys = site / "handouts" / "worksheets", site / "handouts" / "keys"
    sheets.mkdir(parents=True, exist_ok=True)
    keys.mkdir(parents=True, exist_ok=True)
    written = []
    for activity in lesson.activities:
        facts = context(activity, lesson, data, derived, site, root, live, titles)
        for folder, name, template in ((sheets, activity.id, "worksheet"), (keys, f"{activity.id}-key", "key")):
            html = env.get_template(f"{template}.html.j2").render(**facts, **common, key=template == "key")
            path = folder / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            written.append(path)
    return written
