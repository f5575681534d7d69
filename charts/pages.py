"""Page bodies generated from data: the source list and the claims check."""

from __future__ import annotations

from collections import Counter
from html import escape

from charts.numbers import format_value
from charts.render import TEMPLATES
from charts.schema import FIGURE_MACRO, SOURCE_KINDS, Data

VERDICTS = {
    "confirmed": "Confirmed",
    "approximately_right": "Approximately right",
    "misleading": "Misleading",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
}


def _render(template: str, **context) -> str:
    """A template rendered with autoescape, blank lines dropped so Markdown keeps it as one HTML block."""
    html = TEMPLATES.get_template(template).render(**context)
    return "\n".join(line for line in html.splitlines() if line.strip())


def sources_list(data: Data) -> str:
    """Every source, grouped by kind, each with an anchor that figures link to."""
    used_by: dict[str, list[str]] = {}
    for figure in data.figures.values():
        used_by.setdefault(figure.source, []).append(figure.label)
    groups = []
    for kind, label in SOURCE_KINDS.items():
        group = sorted((s for s in data.sources.values() if s.kind == kind), key=lambda s: (s.date_published, s.id))
        groups.append({"kind": kind, "label": label, "count": len(group), "sources": group})
    return _render(
        "sources-list.html.j2",
        total=len(data.sources),
        groups=groups,
        used_by={key: sorted(labels) for key, labels in used_by.items()},
    )


def legend(data: Data) -> dict[str, str]:
    """The legend's four parts, one per heading on the sources and method page."""
    module = TEMPLATES.get_template("legend.html.j2").module
    parts = {
        "figure_kinds": module.figure_kinds(data.legend),
        "verdicts": module.verdicts(data.legend),
        "dispute_statuses": module.terms(data.legend.dispute_statuses, "dispute"),
        "source_kinds": module.terms(data.legend.source_kinds, "source-kind"),
    }
    return {
        f"legend_{key}": "\n".join(line for line in str(html).splitlines() if line.strip())
        for key, html in parts.items()
    }


def claims_check(data: Data) -> str:
    """The seed articles' claims with our verdicts: counts first, then article by article."""
    claims = [(article, claim) for article in data.seeds for claim in article.claims]
    if not claims:
        return "<p>No claims recorded yet.</p>"
    counts = Counter(claim.verdict for _, claim in claims)
    out = [
        '<table class="verdict-counts"><thead><tr><th scope="col">Verdict</th><th scope="col">Claims</th></tr></thead><tbody>'
    ]
    for verdict, verdict_label in VERDICTS.items():
        out.append(
            f'<tr><th scope="row"><span class="verdict verdict-{verdict}">{verdict_label}</span></th><td>{counts[verdict]}</td></tr>'
        )
    out.append(f'<tr><th scope="row">All claims</th><td>{len(claims)}</td></tr></tbody></table>')
    for article in data.seeds:
        slug = article.seed_file.split("_")[0]
        per = Counter(claim.verdict for claim in article.claims)
        out.append(f'<h2 id="article-{slug}">{escape(article.title)}</h2>')
        out.append(f'<p class="article-summary">{escape(article.summary)}</p>')
        out.append(
            f'<p class="article-verdicts"><strong>{len(article.claims)} claims:</strong> '
            + escape(", ".join(f"{VERDICTS[v].lower()} {per[v]}" for v in VERDICTS if per[v]))
            + ".</p>"
        )
        out.append(
            '<div class="claims-table-wrap"><table class="claims-table"><thead><tr>'
            '<th scope="col">What the article says</th><th scope="col">Verdict</th>'
            '<th scope="col">Why</th><th scope="col">Checked against</th></tr></thead><tbody>'
        )
        order = list(VERDICTS)
        for claim in sorted(article.claims, key=lambda c: (order.index(c.verdict), c.id)):
            links = ", ".join(_target_link(data, target) for target in claim.checked_against)
            figure = f" <em>({escape(claim.figure_claimed)})</em>" if claim.figure_claimed else ""
            # data-label names each cell, so a phone can show a row as a stacked card.
            out.append(
                f'<tr id="claim-{claim.id}"><td data-label="What the article says">{escape(claim.claim)}{figure}</td>'
                f'<td data-label="Verdict"><span class="verdict verdict-{claim.verdict}">{VERDICTS[claim.verdict]}</span></td>'
                f'<td data-label="Why">{with_figures(data, claim.reason)}</td><td data-label="Checked against">{links}</td></tr>'
            )
        out.append("</tbody></table></div>")
    return "\n".join(out)


def with_figures(data: Data, text: str) -> str:
    """Escape a reason written in the seeds and print each `{{ fig.ID }}` in it from the data."""
    parts = FIGURE_MACRO.split(text)
    out = []
    for index, part in enumerate(parts):
        if index % 2:
            figure = data.figures[part]
            out.append(
                f'<span class="fig fig-{figure.status}">{escape(format_value(figure.value, figure.format))}</span>'
            )
        else:
            out.append(escape(part))
    return "".join(out)


def _target_link(data: Data, target: str) -> str:
    if target in data.figures:
        figure = data.figures[target]
        return f'<a href="sources.html#{figure.source}">{escape(figure.label)}</a>'
    return f'<a href="sources.html#{target}">{escape(data.sources[target].title)}</a>'


def glossary(data: Data) -> str:
    """The glossary page as a definition list, alphabetical."""
    return _render("glossary.html.j2", terms=sorted(data.glossary, key=lambda t: t.term.lower()))


def abbreviations(data: Data) -> str:
    """Markdown abbreviation definitions: every short form gets its definition as a tooltip."""
    lines = []
    for term in sorted(data.glossary, key=lambda t: t.id):
        if term.abbr:
            text = f"{term.term}: {term.definition}" if term.abbr != term.term else term.definition
            lines.append(f"*[{term.abbr}]: {text}")
    return "\n".join(lines) + "\n"


def build(data: Data) -> dict[str, str]:
    return {
        "sources": sources_list(data),
        "claims_check": claims_check(data),
        "glossary": glossary(data),
        **legend(data),
    }
