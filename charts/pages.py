"""Page bodies generated from data: the source list and the claims check."""

from __future__ import annotations

from collections import Counter
from html import escape

from markupsafe import Markup

from charts.fields import FIGURE_MACRO, SOURCE_KINDS
from charts.numbers import day, format_value
from charts.render import TEMPLATES
from charts.schema import Data

# The claims check leads with what matters: the most serious verdicts first, confirmed last.
CLAIMS_ORDER = ("wrong", "misleading", "unverifiable", "approximately_right", "confirmed")


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


def _article(article) -> dict:
    """How the claims check names an article: its outlet, else what we call it; its date or date range."""
    label = article.outlet + (" (probable)" if article.outlet_probable else "") if article.outlet else article.known_as
    if article.published:
        date = day(article.published)
    elif article.published_before:
        date = (
            f"Not shown; between {day(article.published_after)} and {day(article.published_before)}. {article.dated_by}"
        )
    else:
        date = f"Not shown; no earlier than {day(article.published_after)}. {article.dated_by}"
    per = Counter(claim.verdict for claim in article.claims)
    counts = ", ".join(f"{per[v]} {v.replace('_', ' ')}" for v in CLAIMS_ORDER if per[v])
    return {"slug": article.seed_file.split("_")[0], "label": label, "date": date, "counts": counts, "seed": article}


def claims_check(data: Data) -> str:
    """The seed articles' claims with our verdicts: the most serious first, confirmed folded away."""
    articles = [_article(article) for article in data.seeds]
    claims = [(info, claim) for info in articles for claim in info["seed"].claims]
    if not claims:
        return "<p>No claims recorded yet.</p>"
    groups = []
    for verdict in CLAIMS_ORDER:
        rows = sorted((c for c in claims if c[1].verdict == verdict), key=lambda c: (c[0]["slug"], c[1].id))
        groups.append({"term": data.legend.verdict(verdict), "claims": rows, "folded": verdict == "confirmed"})
    targets = {}
    for figure_id, figure in data.figures.items():
        targets[figure_id] = {"label": figure.label, "source": figure.source}
    for source_id, source in data.sources.items():
        targets[source_id] = {"label": source.title, "source": source_id}
    reasons = {f"{info['slug']}/{claim.id}": Markup(with_figures(data, claim.reason)) for info, claim in claims}
    # A row's anchor is the claim id, which story pages link to; the article's number only where two
    # articles use the same id.
    uses = Counter(claim.id for _, claim in claims)
    anchors = {
        f"{info['slug']}/{claim.id}": f"claim-{claim.id}" if uses[claim.id] == 1 else f"claim-{info['slug']}-{claim.id}"
        for info, claim in claims
    }
    return _render(
        "claims-check.html.j2",
        groups=groups,
        articles=articles,
        total=len(claims),
        targets=targets,
        reasons=reasons,
        anchors=anchors,
    )


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
