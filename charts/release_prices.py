"""DeepSeek's API prices over time: from R1's launch price to peak and off-peak prices in 2026."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day, money
from charts.price_notes import end_labels, spike_note
from charts.render import Chart
from charts.schema import Data
from charts.theme import ACTORS, MIN_TEXT, axis, base_layout

# Two product lines, each a chain of API names. A row names the API names billed at its price.
# The big model's line: deepseek-reasoner (R1, then both modes) until V4, then deepseek-v4-pro.
# The small model's line: deepseek-chat (V3), then deepseek-v4-flash, then deepseek-flash.
# A row billing both old names (V3.1, V3.2) moves both lines: they then run together.
# Both lines are DeepSeek's, so both take DeepSeek's colour; the small model's line is paler and thinner,
# and a direct label names each line.
LINES = {
    "big": ("Reasoning / Pro model", "deepseek-r1", 3.5, 1.0),
    "small": ("Chat / Flash model", "deepseek-v3", 2.0, 0.6),
}
SHORT = {"big": "Pro", "small": "Flash"}
BRIEF = 30  # days: a price that held for less is drawn but is not the story; it is labelled instead


def lines_of(api_names: list[str]) -> set[str]:
    names, found = set(api_names), set()
    if "deepseek-v4-pro" in names or ("deepseek-reasoner" in names and "deepseek-v4-flash" not in names):
        found.add("big")
    if names & {"deepseek-chat", "deepseek-v4-flash", "deepseek-flash"}:
        found.add("small")
    return found


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
        if line not in lines_of(row.api_names):
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


def rises(big: list[tuple], launch: float, end) -> tuple:
    """The first day the big model's busy-hour price rose above the launch price and held at least BRIEF
    days, or None; and the briefer rises before it, each with the step that ended it."""
    brief = []
    for point, following in zip(big, big[1:] + [(end, None, None)]):
        if point[1] > launch and (following[0] - point[0]).days < BRIEF:
            brief.append((point, following))
        elif point[1] > launch:
            return point[0], brief
    return None, brief


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
    for line, (name, _, width, opacity) in LINES.items():
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
                    opacity=opacity,
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
    rise, brief = rises(big, launch, end)
    if rise:
        months = (rise.year - big[0][0].year) * 12 + rise.month - big[0][0].month
        title = (
            f"After {months} months{' of cuts' if any(p[2] < launch for p in big if p[0] < rise) else ''}, DeepSeek's busy-hour price for its big model rose above R1's "
            f"launch price in {rise:%B %Y}"
        )
    else:
        title = "DeepSeek's prices for its big model are still below R1's launch price"
    spikes = [spike_note(data, point, following) for point, following in brief]
    layout = base_layout(
        height=440,
        margin={"t": 16, "r": 128},
        xaxis=axis("", type="date", fixedrange=True),
        yaxis=axis("US$ per million output tokens", rangemode="tozero", fixedrange=True, tickprefix="$"),
        annotations=annotations + [n for n, _, _ in spikes] + end_labels(ends, 0.22),
        dragmode=False,
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
        "model (V3, then V4-Flash and V4.1-Flash), paler; where both models cost the same, the lines overlap."
        + "".join(f" {said}" for _, _, said in spikes),
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["From", "Model", "API names", "Hours", "Input, cached ($)", "Input ($)", "Output ($)", "Status"],
        rows=rows,
        cell_formats=[None, None, None, None, money, money, money, None],
        sources=[launch_row(data, start).source for _, start, _, _ in LINES.values()]
        + [r.source for r in data.api_price_history]
        + later_pages(data),
        # On a phone the end labels take two lines, so the plot keeps most of the width.
        phone={
            "height": 520,
            "margin": {"r": 90},
            "xaxis": {"dtick": "M6", "tickformat": "%b<br>%Y", "tickangle": 0},  # flat, one each half year
            "yaxis": {"title": {"text": ""}},
            "annotations": annotations + [n for _, n, _ in spikes] + end_labels(ends, 0.36, two_lines=True),
        },
    )


def build(data: Data) -> list[Chart]:
    return [release_prices(data)]
