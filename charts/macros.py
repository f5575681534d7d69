"""The variables story pages read through mkdocs-macros: {{ fig.id }}, {{ num.id }}, {{ chart.id }}.

Everything here is generated from data/, so a page never types a number the data holds.
All data text is HTML-escaped before it reaches a page.
"""

from __future__ import annotations

from html import escape

from charts.numbers import Computed, format_value
from charts.schema import SOURCE_KINDS, Data, Figure


def tooltip(data: Data, source_id: str) -> str:
    source = data.sources[source_id]
    return escape(
        f"{source.title}, {source.producer}, {source.date_published.isoformat()} ({SOURCE_KINDS[source.kind]})",
        quote=True,
    )


def cite(data: Data, source_id: str, status: str) -> str:
    """A small superscript link to the source, labelled with the figure's status."""
    return f'<sup class="cite cite-{status}">[{status}](sources.md#{source_id} "{tooltip(data, source_id)}")</sup>'


def plain(figure: Figure) -> str:
    text = format_value(figure.value, figure.format)
    return escape(f"{text} {figure.unit}" if figure.unit else text)


def cited(data: Data, figure: Figure) -> str:
    return f'<span class="fig fig-{figure.status}">{plain(figure)}</span>{cite(data, figure.source, figure.status)}'


def computed(data: Data, number: Computed) -> str:
    """A number we computed from other data: one "computed" tag whose tooltip names every source."""
    text, parts = number.text, number.cites
    sources = list(dict.fromkeys(source for source, _ in parts))
    statuses = sorted({status for _, status in parts})
    title = "Computed by us from: " + "; ".join(tooltip(data, s) for s in sources) + f" [{', '.join(statuses)}]"
    return (
        f'<span class="fig fig-derived">{escape(text)}</span>'
        f'<sup class="cite cite-computed">[computed](sources.md#{sources[0]} "{title}")</sup>'
    )


def variables(data: Data, charts_html: dict[str, str], derived: dict[str, Computed], pages: dict[str, str]) -> dict:
    return {
        "fig": {key: cited(data, figure) for key, figure in sorted(data.figures.items())}
        | {key: computed(data, number) for key, number in sorted(derived.items())},
        "num": {key: plain(figure) for key, figure in sorted(data.figures.items())},
        "chart": charts_html,
        "generated": pages,
    }
