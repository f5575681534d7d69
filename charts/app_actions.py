"""What governments did about DeepSeek's app: a dated strip of actions, one row per kind of action."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, MIN_TEXT, axis, base_layout

# Kinds of action, strongest first, with short names that fit beside the plot on a phone.
KINDS = [
    ("data_protection_order", "Blocked for all"),
    ("app_store_removal", "Store removal"),
    ("ban_government_devices", "Official devices"),
    ("consumer_case", "Consumer case"),
    ("law_proposed", "Bill proposed"),
    ("official_warning", "Warning, report"),
    ("reinstatement", "Ban lifted"),
]
KIND_NAMES = dict(KINDS)
# One colour per actor: the US government in its colour, every other government in grey.
US = "United States"


def actor(jurisdiction: str) -> str:
    return "us_government" if jurisdiction == US or jurisdiction.endswith("(US state)") else "other"


def positions(rows) -> dict[str, float]:
    """A y position per action: its kind's row, nudged up when it would sit on a marker days before."""
    rank = {kind: len(KINDS) - 1 - i for i, (kind, _) in enumerate(KINDS)}
    placed: dict[str, list] = {}
    out = {}
    for row in rows:
        near = [r for r in placed.get(row.action, []) if (row.date - r.date).days < 14]
        out[row.id] = rank[row.action] + 0.22 * (len(near) % 3)
        placed.setdefault(row.action, []).append(row)
    return out


def app_actions(data: Data) -> Chart:
    rows = sorted(data.app_actions, key=lambda r: (r.date, r.id))
    if not rows:
        raise DataError("data/app_actions.yaml: at least one action is needed for the chart")
    where = positions(rows)
    traces = []
    for key in ("us_government", "other"):
        group = [r for r in rows if actor(r.jurisdiction) == key]
        if not group:
            continue
        traces.append(
            go.Scatter(
                x=[r.date.isoformat() for r in group],
                y=[where[r.id] for r in group],
                mode="markers",
                name=ACTORS[key].name,
                meta=[key] * len(group),
                marker={"size": 12, "symbol": ACTORS[key].symbol, "color": ACTORS[key].colour},
                customdata=[[label(r.jurisdiction), label(r.what)] for r in group],
                hovertemplate="%{x|%d %b %Y}<br>%{customdata[0]}<br>%{customdata[1]}<extra></extra>",
            )
        )
    first, last = rows[0].date, rows[-1].date
    layout = base_layout(
        height=380,
        margin={"t": 16},
        xaxis=axis("", type="date", fixedrange=True),
        yaxis=axis(
            "",
            tickmode="array",
            tickvals=list(range(len(KINDS))),
            ticktext=[name for _, name in reversed(KINDS)],
            range=[-0.5, len(KINDS) - 0.3],
            showgrid=False,
            fixedrange=True,
        ),
        dragmode=False,
    )
    bans = [r for r in rows if r.action == "ban_government_devices"]
    public = [r for r in rows if r.action in ("data_protection_order", "app_store_removal")]
    summary = (
        f"We count {len(rows)} government actions on DeepSeek's app from {day(first)} to {day(last)}. "
        f"{len(bans)} barred it from official devices only. {len(public)} went further and blocked it, or asked "
        f"app stores to drop it, for the public ({', '.join(sorted({r.jurisdiction for r in public}))}). "
        + (
            f"The latest ban on official devices we found is {bans[-1].jurisdiction}'s, on {day(bans[-1].date)}."
            if bans
            else ""
        )
    )
    title = (
        "Governments mostly kept DeepSeek's app off official devices; few blocked it for everyone"
        if len(bans) > len(public)
        else "As many governments blocked DeepSeek's app for everyone as kept it off official devices"
    )
    return Chart(
        id="app-actions",
        title=title,
        caption="Each marker is one government action on DeepSeek's app or service, by kind of action. "
        "Squares: the US federal government or a US state; grey circles: other governments.",
        hint="Hover or tap a marker for who acted and what they did.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Date", "Where", "Who", "Action", "Outcome (as last found)", "What happened"],
        rows=[
            [
                r.date.isoformat() + (" (day uncertain)" if r.date_uncertain else ""),
                r.jurisdiction,
                r.body,
                KIND_NAMES[r.action],
                r.outcome.replace("_", " "),
                r.what,
            ]
            for r in rows
        ],
        sources=[r.source for r in rows],
        phone={"height": 440, "yaxis": {"tickfont": {"size": MIN_TEXT}}},
    )


def build(data: Data) -> list[Chart]:
    return [app_actions(data)]
