"""What changed on the site and when: the Corrections and updates page, and each page's "last checked" line."""

from __future__ import annotations

from collections import Counter

from charts.numbers import day
from charts.render import TEMPLATES
from charts.schema import Data


def page(data: Data, titles: dict[str, str]) -> str:
    """The Corrections and updates page body, newest day first."""
    counts = Counter(row.kind for row in data.corrections)
    html = TEMPLATES.get_template("corrections.html.j2").render(
        corrections=sorted(data.corrections, key=lambda row: row.date),
        counts={"correction": counts["correction"], "update": counts["update"]},
        titles=titles,
        sources=data.sources,
        day=day,
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def checked(data: Data) -> dict[str, str]:
    """{page: the line a page prints}: when it was last checked, and how many changes it has had."""
    changes = Counter(row.page for row in data.corrections)
    lines = {}
    for check in data.checks:
        count = changes[check.page]
        history = f"{count} change{'s' if count != 1 else ''} so far" if count else "no changes so far"
        lines[check.page.replace("-", "_")] = TEMPLATES.from_string(
            '<p class="last-checked" title="{{ how }}">Last checked against its sources on {{ when }}'
            ' · <a href="corrections.html">{{ history }}</a></p>'
        ).render(how=check.how, when=day(check.checked), history=history)
    return lines
