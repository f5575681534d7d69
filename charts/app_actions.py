"""What governments did about DeepSeek's app: one row per kind of action, one mark per action.

A unit chart: the row's marks count its actions (US squares, other governments' rings, in date order),
its count is written after them, and the row's name lists who acted, so the point (most actions kept the
app off official devices; only a few acted to stop it for everyone) reads without a tooltip. Only the rows
the title counts draw big marks in their actors' colours; the other rows, under a heading, are grey. A key
on the chart names the shapes. When is in the tooltips and the table.
"""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day
from charts.render import Chart
from charts.schema import Data
from charts.text import label, wrapped
from charts.theme import ACTORS, MARK_WORDS, base_layout

# Kinds of action, strongest first. The first two stopped or meant to stop the app for everyone: their
# names say so, so the count in the title ("only 3 acted to stop it for everyone") is both rows' marks.
KINDS = [
    ("data_protection_order", "For everyone: blocked by a regulator"),
    ("app_store_removal", "For everyone: app stores told to drop it"),
    ("ban_government_devices", "Official devices only: banned"),
    ("consumer_case", "Consumer-protection case"),
    ("law_proposed", "Ban proposed in a bill"),
    ("official_warning", "Official warning or report"),
    ("reinstatement", "Ban lifted"),
]
KIND_NAMES = dict(KINDS)
# One colour per actor: the US government in its colour, every other government in grey.
US = "United States"


def actor(jurisdiction: str) -> str:
    return "us_government" if jurisdiction == US or jurisdiction.endswith("(US state)") else "other"


def who(row) -> str:
    """Who acted, short: the US body for the US federal government, else the place."""
    return row.body if row.jurisdiction == US else row.jurisdiction.removesuffix(" (US state)")


# In px: a row's name (lines of 13 px text) above its marks, SIZE px wide (BIG in the rows the title
# counts) and MARK px apart; GAP from a name's baseline to its marks' centres; KEY, the key's line on top;
# APART, the heading that sets the other rows apart.
LINE, ROW, MARK, SIZE, BIG, GAP, KEY, APART = 17, 50, 34, 20, 28, 30, 26, 30
FOCUS = 3  # the first FOCUS kinds are the title's point: their marks in colour, the rest grey


def row_names(groups, width: int) -> list[str]:
    """Each row's name, its count and who acted, wrapped to width characters; the name in bold."""
    names = []
    for name, items in groups:
        text = f"{name} ({len(items)})" + (": " + ", ".join(dict.fromkeys(who(r) for r in items)) if items else "")
        names.append(wrapped(text, width).replace(label(name), f"<b>{label(name)}</b>", 1))
    return names


# Each screen draws its own copy of the marks, on its own axes: a row's height follows its name's
# lines, which differ between a desk and a phone, and a layout can only stretch an axis evenly. The
# other screen's axes show an empty range, so its copy is never seen (nor hovered).
SCREENS = {"desk": ("", 76, 668), "phone": ("2", 42, 338)}  # axis suffix, wrap width, plot width
AWAY = [-100, -99]


def rows_px(groups, width: int) -> tuple[list[str], list[float], float]:
    """Each row's name, its marks' depth in px, and the height of all rows."""
    names, depths, y = row_names(groups, width), [], float(KEY)
    for index, name in enumerate(names):
        y += (APART if index == FOCUS else 0) + LINE * (name.count("<br>") + 1) + GAP
        depths.append(y)
        y += ROW - GAP
    return names, depths, y


def placed(groups, screen: str) -> dict:
    """The layout for one screen: its own axes in px, the other screen's pointed away."""
    suffix, width, plot_width = SCREENS[screen]
    names, depths, height = rows_px(groups, width)
    layout = {"height": int(height) + 16, "margin": {"t": 8, "b": 8, "l": 10, "r": 10}}
    for other, _, _ in SCREENS.values():
        layout[f"xaxis{other}"] = {"range": [0.4, 0.4 + plot_width / MARK], "visible": False, "domain": [0, 1]}
        layout[f"yaxis{other}"] = {"range": [height, 0] if other == suffix else AWAY, "visible": False}
        layout[f"yaxis{other}"] |= {"domain": [0, 1]} if other else {}
    layout["annotations"] = [
        {
            "text": text,
            "x": 0,
            "xref": "paper",
            "xanchor": "left",
            "y": depth,
            "yref": f"y{suffix}",
            "yanchor": "bottom",
            "yshift": SIZE // 2 + 6,
            "align": "left",
            "showarrow": False,
            "font": {"size": 13},
        }
        for text, depth in zip(names, depths)
    ]
    layout["annotations"] += [note(0, 0, key_words(), "top", suffix)]
    if len(names) > FOCUS:  # the heading sits above the first grey row's name
        top = depths[FOCUS] - GAP - LINE * (names[FOCUS].count("<br>") + 1)
        layout["annotations"].append(note(0, top - 6, "<i>Other actions, in neither count:</i>", "bottom", suffix))
    for index, ((_, items), depth) in enumerate(zip(groups, depths)):  # each row's count after its marks
        size = 18 if index < FOCUS else 13
        layout["annotations"].append(note(len(items) + 0.65, depth, f"<b>{len(items)}</b>", "middle", suffix, size))
    return layout


def note(x, y, text: str, yanchor: str, suffix: str, size: int = 13) -> dict:
    xref = "paper" if x == 0 else f"x{suffix}"
    return {
        "text": text,
        "x": x,
        "xref": xref,
        "xanchor": "left",
        "y": y,
        "yref": f"y{suffix}",
        "yanchor": yanchor,
        "align": "left",
        "showarrow": False,
        "font": {"size": size},
    }


def key_words() -> str:
    """The key, on the chart: each actor's mark drawn in its colour, then its name."""
    mark = {"us_government": "\u25a0", "other": "\u25cb"}
    return "   ".join(
        f'<span style="color:{ACTORS[key].colour}">{mark[key]}</span> {words}'
        for key, words in (("us_government", "US, federal or a state"), ("other", "other governments"))
    )


def app_actions(data: Data) -> Chart:
    rows = sorted(data.app_actions, key=lambda r: (r.date, r.id))
    if not rows:
        raise DataError("data/app_actions.yaml: at least one action is needed for the chart")
    groups = [(name, [r for r in rows if r.action == kind]) for kind, name in KINDS]
    where = {r.id: (place, index) for index, (_, items) in enumerate(groups) for place, r in enumerate(items, 1)}
    traces = []
    for suffix, width, _ in SCREENS.values():
        depths = rows_px(groups, width)[1]
        for key in ("us_government", "other"):
            group = [r for r in rows if actor(r.jurisdiction) == key]
            if not group:
                continue
            focus = [where[r.id][1] < FOCUS for r in group]
            drawn = [key if f else "other" for f in focus]  # outside the title's rows every mark is grey
            traces.append(
                go.Scatter(
                    x=[where[r.id][0] for r in group],
                    y=[depths[where[r.id][1]] for r in group],
                    xaxis=f"x{suffix}",
                    yaxis=f"y{suffix}",
                    mode="markers",
                    name=ACTORS[key].name,
                    meta=drawn,
                    marker={
                        "size": [BIG if f else SIZE for f in focus],
                        "opacity": 1,  # sizes in a list would fade the marks to 0.7
                        "symbol": ACTORS[key].symbol,
                        "color": [ACTORS[k].colour for k in drawn],
                        "line": {"width": 2, "color": [ACTORS[k].colour for k in drawn]},
                    },
                    customdata=[[day(r.date), label(r.jurisdiction), label(r.what)] for r in group],
                    hovertemplate="%{customdata[0]}<br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
                )
            )
    first, last = rows[0].date, rows[-1].date
    layout = base_layout(**placed(groups, "desk"), dragmode=False)
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
        f"Governments mostly kept DeepSeek's app off official devices ({len(bans)} bans); only {len(public)} acted "
        "to stop it for everyone"
        if len(bans) > len(public)
        else "As many governments blocked DeepSeek's app for everyone as kept it off official devices"
    )
    return Chart(
        id="app-actions",
        title=title,
        caption=f"Each mark is one government action on DeepSeek's app or service, from {day(first)} to "
        f"{day(last)}, by kind of action, in date order. "
        f"{MARK_WORDS['us_government'].capitalize()}: the US federal government or a US state; "
        f"{MARK_WORDS['other']} (hollow circles): other governments. Rows the title does not count are grey.",
        hint="Hover or tap a mark for when and what happened.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["Date", "Where", "Who", "Action", "Outcome (as last found)", "What happened"],
        rows=[
            [
                f"{r.date:%B %Y} (day uncertain)" if r.date_uncertain else r.date.isoformat(),
                r.jurisdiction,
                r.body,
                KIND_NAMES[r.action],
                r.outcome.replace("_", " "),
                r.what,
            ]
            for r in rows
        ],
        sources=[r.source for r in rows],
        phone=placed(groups, "phone"),
    )


def build(data: Data) -> list[Chart]:
    return [app_actions(data)]
