"""The variables story pages read through mkdocs-macros: {{ fig.id }}, {{ num.id }}, {{ chart.id }},
{{ chapter.page }} (the chapter's number and reading time), {{ status.id }} (a dispute status, linked to its
definition in the legend).

Everything here is generated from data/, so a page never types a number the data holds.
A figure prints with its evidence mark (charts/templates/evidence-mark.html.j2); all data text is
HTML-escaped by the template.
"""

from __future__ import annotations

from html import escape

from charts.fields import SOURCE_KINDS
from charts.numbers import Computed, format_value
from charts.render import TEMPLATES
from charts.schema import Data, Figure


def source_facts(data: Data, source_id: str, status: str) -> dict:
    source = data.sources[source_id]
    return {
        "id": source.id,
        "title": source.title,
        "producer": source.producer,
        "date": source.date_published.isoformat(),
        "kind": SOURCE_KINDS[source.kind],
        "url": source.url,
        "status": status,
    }


def mark(data: Data, text: str, kind: str, cites: list[tuple[str, str]], year: bool = False) -> str:
    """The figure's text and its evidence mark; a year carries no mark, the year itself opens the popover."""
    term = data.legend.figure_kind(kind)
    sources = [source_facts(data, source_id, status) for source_id, status in dict.fromkeys(cites)]
    if len(sources) == 1:
        label = f"{term.name.lower()} figure: source {sources[0]['title']}, {sources[0]['producer']}"
    else:
        label = f"{term.name.lower()} figure, from {len(sources)} sources: " + "; ".join(s["title"] for s in sources)
    payload = {"kind": kind, "name": term.name, "short": term.short, "sources": sources}
    html = TEMPLATES.get_template("evidence-mark.html.j2").render(
        text=text, kind=kind, sources=sources, payload=payload, label=label, year=year
    )
    return html.strip()


def plain(figure: Figure) -> str:
    text = format_value(figure.value, figure.format)
    return escape(f"{text} {figure.unit}" if figure.unit else text)


def cited(data: Data, figure: Figure) -> str:
    text = format_value(figure.value, figure.format)
    text = f"{text} {figure.unit}" if figure.unit else text
    return mark(data, text, figure.status, [(figure.source, figure.status)], year=figure.format == "year")


def computed(data: Data, number: Computed) -> str:
    """A number we computed from other data: one "computed" mark whose popover names every source."""
    return mark(data, number.text, "computed", number.cites)


def keys(data: Data) -> dict[str, str]:
    """{{ mark.reported }}: the shape of a kind's mark on its own, for keys that explain the marks."""
    module = TEMPLATES.get_template("evidence-shapes.html.j2").module
    return {term.id: str(module.key(term.id, term.name)) for term in data.legend.figure_kinds}


def statuses(data: Data) -> dict[str, str]:
    """{{ status.unproven }}: a dispute status as a word linked to its definition on the sources and method page."""
    return {
        term.id: f'<a class="dispute-status" href="sources.html#dispute-{term.id.replace("_", "-")}" '
        f'title="{escape(term.short)}">{escape(term.name.lower())}</a>'
        for term in data.legend.dispute_statuses
    }


def variables(
    data: Data,
    charts_html: dict[str, str],
    derived: dict[str, Computed],
    pages: dict[str, str],
    chapter_lines: dict[str, str],
    diagrams_html: dict[str, str] | None = None,
) -> dict:
    return {
        "fig": {key: cited(data, figure) for key, figure in sorted(data.figures.items())}
        | {key: computed(data, number) for key, number in sorted(derived.items())},
        "num": {key: plain(figure) for key, figure in sorted(data.figures.items())},
        "chart": charts_html,
        "diagram": diagrams_html or {},
        "generated": pages,
        "mark": keys(data),
        "status": statuses(data),
        "chapter": chapter_lines,
    }
