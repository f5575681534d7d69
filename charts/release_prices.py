"""DeepSeek's API prices over time, told as one line: what its main model's output cost at busy hours,
from R1's launch price through the cuts of 2025 to the busy-hour rise of 2026.

Quiet-hour prices and the small chat model are in the table and the "In words" summary, not drawn:
four lines in one blue, told apart by weight and dash, kept newcomers from seeing the point."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import day, money
from charts.price_notes import series_words, short_model, spike_note, step_labels, turning_labels
from charts.render import Chart
from charts.schema import Data
from charts.theme import ACTORS, axis, base_layout

# Two product lines, each a chain of API names. A row names the API names billed at its price.
# The big model's line: deepseek-reasoner (R1, then both modes) until V4, then deepseek-v4-pro.
# The small model's line: deepseek-chat (V3), then deepseek-v4-flash, then deepseek-flash.
# A row billing both old names (V3.1, V3.2) moves both lines: they then run together.
# The chart draws the big model's busy-hour (or all-day) price; the rest goes to the table and the summary.
LINES = {"big": "deepseek-r1", "small": "deepseek-v3"}  # each line and the launch-day row it starts from
BRIEF = 30  # days: a price that held for less is not part of the line; a hollow dot marks it instead


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
    """(date, highest output price of the day, lowest output price of the day, model billed at the highest)
    after each change."""
    start = launch_row(data, LINES[line])
    prices, model = {"all": start.output}, start.model
    points = [(start.as_of, start.output, start.output, model)]
    for row in sorted(data.api_price_history, key=lambda r: (r.date_effective, r.period)):
        if line not in lines_of(row.api_names):
            continue
        if row.period == "all":
            prices = {"all": row.output}  # one price all day ends any peak or night price
        else:
            prices[row.period] = row.output
        if row.period != "off_peak":
            model = row.model  # the model named is the one billed at the busy-hour price
        high = prices.get("peak", prices.get("all"))
        low = prices.get("off_peak", prices.get("all"))
        if high is None or low is None:
            raise DataError(
                f'data/api_price_history.yaml: entry "{row.id}", field period: a {row.period} price needs '
                "an all-day price or its other half before it"
            )
        if points and points[-1][0] == row.date_effective:
            points.pop()
        points.append((row.date_effective, high, low, model))
    return points


def rises(big: list[tuple], launch: float, end) -> tuple:
    """The first day the big model's busy-hour price rose above the launch price and held at least BRIEF
    days, or None; and the briefer rises before it, each with the step that ended it."""
    brief = []
    for point, following in zip(big, big[1:] + [(end, None, None, None)]):
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


def headline(big: list[tuple], rise) -> tuple[str, float]:
    """The title, and the deepest cut below the launch price before any lasting rise (0 if none)."""
    launch = big[0][1]
    cut = max(0.0, 1 - min(p[1] for p in big if rise is None or p[0] < rise) / launch)
    if rise:
        return (f"DeepSeek cut its price {cut:.0%}, then raised it" if cut else "DeepSeek raised its price") + (
            " above R1's launch price"
        ), cut
    if big[-1][1] < launch:
        return f"DeepSeek cut its price {cut:.0%}; it is still below R1's launch price", cut
    return "DeepSeek's price has not stayed above R1's launch price", cut


def release_prices(data: Data) -> Chart:
    if not data.api_price_history:
        raise DataError("data/api_price_history.yaml: at least one price change is needed for the chart")
    end = end_date(data)
    colour = ACTORS["deepseek"].colour
    big, small = steps(data, "big"), steps(data, "small")
    launch = big[0][1]
    rise, brief = rises(big, launch, end)
    title, cut = headline(big, rise)
    # A list price that held a few days is a hollow dot with its own label, left out of the line.
    spiked = {point[0] for point, _ in brief}
    line = [p for p in big if p[0] not in spiked]
    traces = [
        go.Scatter(
            x=[p[0].isoformat() for p in line] + [end.isoformat()],
            y=[p[1] for p in line] + [line[-1][1]],
            customdata=[[short_model(p[3]), money(p[1])] for p in line + line[-1:]],
            name="Main model, busy hours",
            mode="lines",
            meta="deepseek",
            line={"shape": "hv", "color": colour, "width": 3.5},
            hovertemplate="%{x|%d %b %Y}: %{customdata[0]}, %{customdata[1]} per million output tokens<extra></extra>",
        )
    ]
    spikes = [spike_note(data, point, following) for point, following in brief]
    if brief:
        traces.append(
            go.Scatter(
                x=[point[0].isoformat() for point, _ in brief],
                y=[point[1] for point, _ in brief],
                name="List price that held only days",
                mode="markers",
                meta="deepseek",
                marker={"color": colour, "symbol": "circle-open", "size": 10, "line": {"width": 2, "color": colour}},
                customdata=[money(point[1]) for point, _ in brief],
                hovertemplate="%{x|%d %b %Y}: list price %{customdata} for a few days<extra></extra>",
            )
        )
    low = min(line, key=lambda p: (p[1], p[0]))
    desk_labels, phone_labels = turning_labels(line, low, cut, end)
    desk_steps, phone_steps = step_labels(line, low)
    reference = {  # R1's launch price, across the whole chart: above it is dearer than R1 was
        "type": "line",
        "name": "deepseek",
        "xref": "x",
        "yref": "y",
        "x0": big[0][0].isoformat(),
        "x1": end.isoformat(),
        "y0": launch,
        "y1": launch,
        "layer": "below",
        "line": {"color": colour, "width": 1.5, "dash": "dot"},
    }
    # A thin dotted stalk from the price the line settles at up to the dot: listed briefly, then discounted.
    stalks = [
        {**reference, "x0": point[0].isoformat(), "x1": point[0].isoformat(), "y0": following[1], "y1": point[1]}
        for point, following in brief
        if following[1] is not None
    ]
    top = max(p[1] for p in big) * 1.22
    layout = base_layout(
        height=400,
        margin={"t": 8, "r": 12},
        # From the first of the launch month, so the first tick names the launch year; a tick each half year.
        xaxis=axis(
            "",
            type="date",
            fixedrange=True,
            range=[big[0][0].replace(day=1).isoformat(), end.isoformat()],
            dtick="M6",
            tickformat="%b %Y",
        ),
        yaxis=axis("US$ per million output tokens", range=[0, top], fixedrange=True, tickprefix="$"),
        shapes=[reference] + stalks,
        annotations=desk_labels + desk_steps + [n for n, _, _ in spikes],
        dragmode=False,
    )
    series = [
        (f"The main model ({short_model(big[0][3])}, then {short_model(big[-1][3])}) at busy hours or all day", big, 1),
        ("At quiet hours it", big, 2),
        (
            f"The small chat model ({short_model(small[0][3])}, then {short_model(small[-1][3])}) at busy hours or all day",
            small,
            1,
        ),
        ("At quiet hours it", small, 2),
    ]
    summary = (
        f"DeepSeek-R1 launched at {money(launch)} per million output tokens on {day(big[0][0])}. "
        + " ".join(series_words(name, points, which) for name, points, which in series)
        + " The chart draws the first of these four; the table lists every change."
        + f" Prices as on the latest DeepSeek pricing page we read ({day(end)}). "
        "Busy hours are mornings and afternoons in Beijing on weekdays."
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
        caption=f"Output price of DeepSeek's main model ({short_model(big[0][3])}, now {short_model(big[-1][3])}) "
        f"at busy hours, US$ per million tokens, to the latest pricing page we read ({day(end)}). "
        "Dotted: R1's launch price. The table adds quiet hours and the chat model."
        + "".join(f" {said}" for _, _, said in spikes),
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=["From", "Model", "API names", "Hours", "Input, cached ($)", "Input ($)", "Output ($)", "Status"],
        rows=rows,
        cell_formats=[None, None, None, None, money, money, money, None],
        sources=[launch_row(data, start).source for start in LINES.values()]
        + [r.source for r in data.api_price_history]
        + later_pages(data),
        phone={
            "height": 380,
            "margin": {"r": 8},
            "xaxis": {"tickformat": "%b<br>%Y", "tickangle": 0},
            "yaxis": {"title": {"text": "$ per million output tokens"}},
            "annotations": phone_labels + phone_steps + [n for _, n, _ in spikes],
        },
    )


def build(data: Data) -> list[Chart]:
    return [release_prices(data)]
