"""DeepSeek's API prices over time: from R1's launch price to peak and off-peak prices in 2026."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day, money
from charts.render import Chart
from charts.schema import Data
from charts.theme import ACTORS, MIN_TEXT, axis, base_layout

# Two product lines, each a chain of API names. A row names the API names billed at its price.
# The big model's line: deepseek-reasoner (R1, then both modes) until V4, then deepseek-v4-pro.
# The small model's line: deepseek-chat (V3), then deepseek-v4-flash, then deepseek-flash.
# Both lines are DeepSeek's, so both take DeepSeek's colour; width and a direct label tell them apart.
LINES = {
    "big": ("Reasoning / Pro model", "deepseek-r1", 3.5),
    "small": ("Chat / Flash model", "deepseek-v3", 1.8),
}
SHORT = {"big": "Pro", "small": "Flash"}


def line_of(api_names: list[str]) -> str | None:
    names = set(api_names)
    if "deepseek-v4-pro" in names or ("deepseek-reasoner" in names and "deepseek-v4-flash" not in names):
        return "big"
    if names & {"deepseek-chat", "deepseek-v4-flash", "deepseek-flash"}:
        return "small"
    return None


def launch_row(data: Data, row_id: str):
    row = next((r for r in data.api_prices if r.id == row_id), None)
    if row is None:
        raise DataError(f'data/api_prices.yaml: entry "{row_id}" is missing (the price history starts from it)')
    return row


def steps(data: Data, line: str) -> list[tuple]:
    """(date, highest output price of the day, lowest output price of the day) after each change."""
    start = launch_row(data, LINES[line][1])
    prices = {"all": start.output}
    points = [(start.as_of, start.output, start.output)]
    for row in sorted(data.api_price_history, key=lambda r: (r.date_effective, r.period)):
        if line_of(row.api_names) != line:
            continue
        if row.period == "all":
            prices = {"all": row.output}  # one price all day ends any peak or night price
        else:
            prices[row.period] = row.output
        high = prices.get("peak", prices.get("all"))
        low = prices.get("off_peak", prices.get("all"))
        if high is None or low is None:
            raise DataError(
                f'data/api_price_history.yaml: entry "{row.id}", field period: a {row.period} price needs '
                "an all-day price or its other half before it"
            )
        if points and points[-1][0] == row.date_effective:
            points.pop()
        points.append((row.date_effective, high, low))
    return points


def end_labels(ends: list[tuple[str, float]], gap: float, two_lines: bool = False) -> list[dict]:
    """Each line's name and latest price just right of where it ends, in the margin, so no label sits
    on a line; labels closer than `gap` dollars are pushed apart, upwards."""
    placed, notes = [], []
    for name, value in sorted(ends, key=lambda item: item[1]):
        y = max(value, placed[-1] + gap) if placed else value
        placed.append(y)
        notes.append(
            {
                "x": 1,
                "xref": "paper",
                "xanchor": "left",
                "xshift": 6,
                "y": y,
                "yanchor": "middle",
                "align": "left",
                "text": f"{name}:{'<br>' if two_lines else ' '}<b>{money(value)}</b>",
                "showarrow": False,
                "font": {"size": MIN_TEXT},
            }
        )
    return notes


def later_pages(data: Data) -> list[str]:
    """Source ids of the latest pages on which a price was still listed; each must exist."""
    pages = []
    for row in data.api_price_history:
        if row.still_listed_in and row.still_listed_in not in data.sources:
            raise DataError(
                f'data/api_price_history.yaml: entry "{row.id}", field still_listed_in: unknown source id '
                f'"{row.still_listed_in}" (not in data/sources/)'
            )
        if row.still_listed_in and row.still_listed_in not in pages:
            pages.append(row.still_listed_in)
    return pages


def end_date(data: Data):
    latest = [data.sources[s].date_published for s in later_pages(data)]
    return max([r.date_effective for r in data.api_price_history] + latest)


def release_prices(data: Data) -> Chart:
    if not data.api_price_history:
        raise DataError("data/api_price_history.yaml: at least one price change is needed for the chart")
    end = end_date(data)
    traces, series = [], {}
    colour = ACTORS["deepseek"].colour
    for line, (name, _, width) in LINES.items():
        points = steps(data, line)
        series[line] = points
        dates = [p[0].isoformat() for p in points] + [end.isoformat()]
        for label_text, dash, values in (
            ("busy hours or all day", "solid", [p[1] for p in points]),
            ("quiet hours", "dot", [p[2] for p in points]),
        ):
            values = values + [values[-1]]
            traces.append(
                go.Scatter(
                    x=dates,
                    y=values,
                    name=f"{name}, {label_text}",
                    mode="lines",
                    meta="deepseek",
                    line={"shape": "hv", "color": colour, "dash": dash, "width": width},
                    hovertemplate="%{x|%d %b %Y}: $%{y} per million output tokens<extra>" + name + "</extra>",
                )
            )
    big, small = series["big"], series["small"]

    def ends_of(line):
        return series[line][-1][1], series[line][-1][2]

    launch = big[0][1]
    latest_high, latest_low = big[-1][1], big[-1][2]
    lowest = min(min(p[2] for p in big), min(p[2] for p in small))
    lowest_when = min((p for p in big + small), key=lambda p: (p[2], p[0]))[0]
    annotations = [
        {
            "x": big[0][0].isoformat(),
            "y": launch,
            "text": f"R1 at launch: {money(launch)}",
            # Right on the line's start, with no arrow: an arrow's colour cannot follow the dark scheme.
            "showarrow": False,
            "xanchor": "left",
            "yanchor": "bottom",
            "yshift": 3,
            "font": {"size": MIN_TEXT},
        },
    ]
    ends = [
        (f"{SHORT[line]}, {when}", value) for line in LINES for when, value in zip(("busy", "quiet"), ends_of(line))
    ]
    layout = base_layout(
        height=440,
        margin={"t": 16, "r": 128},
        xaxis=axis("", type="date", fixedrange=True),
        yaxis=axis("US$ per million output tokens", rangemode="tozero", fixedrange=True, tickprefix="$"),
        annotations=annotations + end_labels(ends, 0.22),
        dragmode=False,
    )
    rose = latest_high > launch
    first_rise = next((p[0] for p in big if p[1] > launch), None)
    # "After a year of cuts": only if the price fell below the launch price, and a year passed, before it rose.
    cuts = first_rise and (first_rise - big[0][0]).days >= 365 and any(p[2] < launch for p in big if p[0] < first_rise)
    title = (
        ("After a year of cuts, " if cuts else "")
        + "DeepSeek's busiest-hour price for its big model rose above R1's launch price"
        if rose
        else "DeepSeek's prices for its big model are still below R1's launch price"
    )
    summary = (
        f"DeepSeek-R1 launched at {money(launch)} per million output tokens on {day(big[0][0])}. "
        f"The lowest output price in the chart is {money(lowest)}, first reached on {day(lowest_when)}. "
        f"On the latest DeepSeek pricing page we read ({day(end)}), the big model cost {money(latest_high)} at busy "
        f"hours and {money(latest_low)} at quiet hours; the small model cost {money(small[-1][1])} and "
        f"{money(small[-1][2])}. Busy hours are mornings and afternoons in Beijing on weekdays."
    )
    rows = [
        [
            r.date_effective.isoformat(),
            r.model,
            ", ".join(r.api_names),
            r.period.replace("_", "-"),
            r.input_cache_hit,
            r.input_cache_miss,
            r.output,
            "date uncertain" if r.uncertain else r.status,
        ]
        for r in sorted(data.api_price_history, key=lambda r: (r.date_effective, r.id))
    ]
    return Chart(
        id="release-prices",
        title=title,
        caption="DeepSeek's list price per million output tokens, in US dollars, for each API model, "
        f"from R1's launch to the latest DeepSeek pricing page we read ({day(end)}). Solid lines: the price at busy "
        "hours (or all day); dotted: quiet hours. Thick: the reasoning model (R1, then V4-Pro); thin: the chat "
        "model (V3, then V4-Flash and V4.1-Flash).",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["From", "Model", "API names", "Hours", "Input, cached ($)", "Input ($)", "Output ($)", "Status"],
        rows=rows,
        cell_formats=[None, None, None, None, money, money, money, None],
        sources=[launch_row(data, start).source for _, start, _ in LINES.values()]
        + [r.source for r in data.api_price_history]
        + later_pages(data),
        # On a phone the end labels take two lines, so the plot keeps most of the width.
        phone={
            "height": 520,
            "margin": {"r": 90},
            "xaxis": {"dtick": "M12", "tickformat": "%Y"},  # flat year labels, not slanted months
            "yaxis": {"title": {"text": ""}},
            "annotations": annotations + end_labels(ends, 0.36, two_lines=True),
        },
    )


def build(data: Data) -> list[Chart]:
    return [release_prices(data)]
