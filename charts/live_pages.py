"""Where on the site a lesson activity lives: the page that shows a chart, or quotes a figure.

Worksheets point their QR code there and the teachers' page links it, so links follow a chart or a
number when chapters move.
"""

from __future__ import annotations

import re
from pathlib import Path

from charts.lesson import Activity


def page_showing(root: Path, chart_id: str) -> str | None:
    """The docs page that shows a chart (`{{ chart.<id> }}`), so links follow the page when chapters move."""
    macro = re.compile(r"\{\{\s*chart\." + re.escape(chart_id.replace("-", "_")) + r"\s*\}\}")
    for path in sorted((root / "docs").glob("*.md")):
        if macro.search(path.read_text(encoding="utf-8")):
            return path.stem + ".html"
    return None


def page_quoting(root: Path, figure_id: str) -> str | None:
    """The docs page whose "In short" box quotes a figure (else the first page that quotes it at all)."""
    macro = re.compile(r"\{\{\s*(?:fig|num)\." + re.escape(figure_id) + r"\s*\}\}")
    pages = sorted((root / "docs").glob("*.md"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        box = re.search(r'!!! abstract "In short"\n((?:    .*\n|\n)+)', text)
        if box and macro.search(box.group(1)):
            return path.stem + ".html"
    return next((p.stem + ".html" for p in pages if macro.search(p.read_text(encoding="utf-8"))), None)


def live_page(root: Path, activity: Activity) -> str:
    """Where a worksheet's QR code points: the page with its chart or table, its claim, or its first number."""
    for chart_id in (activity.chart, activity.table):
        if chart_id and (page := page_showing(root, chart_id)):
            return page
    if activity.figures and (page := page_quoting(root, activity.figures[0])):
        return page
    if activity.claim:
        return f"claims.html#claim-{activity.claim}"
    return "index.html"
