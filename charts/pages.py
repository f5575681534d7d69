"""Page bodies generated from data: the source list and the claims check."""

from __future__ import annotations

from collections import Counter
from html import escape

from charts.numbers import format_value
from charts.schema import FIGURE_MACRO, SOURCE_KINDS, Data

VERDICTS = {
    "confirmed": "Confirmed",
    "approximately_right": "Approximately right",
    "misleading": "Misleading",
    "wrong": "Wrong",
    "unverifiable": "Unverifiable",
}


def sources_list(data: Data) -> str:
    """Every source, grouped by kind, each with an anchor that citations link to."""
    used_by: dict[str, list[str]] = {}
    for figure in data.figures.values():
        used_by.setdefault(figure.source, []).append(figure.label)
    counts = Counter(source.kind for source in data.sources.values())
    out = [
        '<p class="source-counts">'
        + escape(
            f"{len(data.sources)} sources: "
            + ", ".join(
                f"{counts[kind]} {label}{'s' if counts[kind] != 1 else ''}" for kind, label in SOURCE_KINDS.items()
            )
        )
        + ".</p>"
    ]
    for kind, kind_label in SOURCE_KINDS.items():
        group = sorted((s for s in data.sources.values() if s.kind == kind), key=lambda s: (s.date_published, s.id))
        if not group:
            continue
        out.append(f'<h2 id="kind-{kind.replace("_", "-")}">{escape(kind_label.capitalize())}s ({len(group)})</h2>')
        out.append('<ul class="source-list">')
        for s in group:
            note = f' <span class="source-note">{escape(s.note)}</span>' if s.note else ""
            uses = used_by.get(s.id, [])
            used = f' <span class="source-uses">Quoted for: {escape("; ".join(sorted(uses)))}.</span>' if uses else ""
            licence = f", licence {escape(s.license)}" if s.license else ""
            out.append(
                f'<li id="{s.id}"><strong>{escape(s.title)}</strong>, {escape(s.producer)}. '
                f"Published {s.date_published.isoformat()}, read {s.date_accessed.isoformat()}{licence}. "
                f'<a href="{escape(s.url, quote=True)}">{escape(s.url)}</a>.{note}{used}</li>'
            )
        out.append("</ul>")
    return "\n".join(out)


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
    out = ['<dl class="glossary">']
    for term in sorted(data.glossary, key=lambda t: t.term.lower()):
        short = f" ({escape(term.abbr)})" if term.abbr and term.abbr != term.term else ""
        out.append(f'<dt id="{term.id}">{escape(term.term)}{short}</dt><dd>{escape(term.definition)}</dd>')
    out.append("</dl>")
    return "\n".join(out)


def abbreviations(data: Data) -> str:
    """Markdown abbreviation definitions: every short form gets its definition as a tooltip."""
    lines = []
    for term in sorted(data.glossary, key=lambda t: t.id):
        if term.abbr:
            text = f"{term.term}: {term.definition}" if term.abbr != term.term else term.definition
            lines.append(f"*[{term.abbr}]: {text}")
    return "\n".join(lines) + "\n"


def build(data: Data) -> dict[str, str]:
    return {"sources": sources_list(data), "claims_check": claims_check(data), "glossary": glossary(data)}
