"""Competing estimates: every figure for DeepSeek's chips and its spending, each on a log axis.

GPU counts and dollars sit on separate panels (never one axis for two units). Each dot says what
it counts and what kind of number it is (reported, estimate, claim) in words and by marker shape,
so colour is never the only cue.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.fields import DataError
from charts.numbers import about, compact_money, format_value
from charts.render import Chart
from charts.schema import Data, Figure
from charts.text import label
from charts.theme import PALETTE, base_layout, log_axis

# (figure id, what it counts): our words; the numbers, statuses and sources come from data/figures.
GPUS = [
    ("r1_rl_gpus", "R1's reinforcement learning"),
    ("v3_cluster_gpus", "V3's final training"),
    ("high_flyer_a100_gpus", "High-Flyer's older A100 cluster"),
    ("semianalysis_h100_count", "H100s within that analyst's count"),
    ("semianalysis_gpu_count", "all Hopper GPUs the company has, per an analyst"),
    ("alexandr_wang_h100_claim", "H100s, said by a CEO without evidence"),
]
DOLLARS = [
    ("r1_rl_cost_usd", "R1's reinforcement learning, rented-chip value"),
    ("epoch_r1_rl_estimate_usd", "the same step, guessed before it was disclosed"),
    ("v3_final_run_cost_usd", "V3's final training run, rented-chip value"),
    ("semianalysis_hardware_spend_usd", "hardware bought over the years (a floor)"),
    ("semianalysis_hardware_capex", "the whole server fleet, bought outright"),
]
SYMBOL = {"reported": "circle", "estimate": "diamond-open", "claim": "x-thin-open"}
ROW = 44  # px per row (dot rows, group headings and the spread arrow alike)
# Each panel's rows, grouped by what the figure covers (the figure's `scope` in data/figures), one run first.
GROUPS = {"one_run": "ONE TRAINING RUN", "whole_company": "THE WHOLE COMPANY'S {}"}


def rows(data: Data, chosen: list[tuple[str, str]]) -> list[tuple[Figure, str]]:
    out = []
    for figure_id, counts in chosen:
        figure = data.figures.get(figure_id)
        if figure is None:
            raise DataError(f'data/figures: figure "{figure_id}" is missing (the competing-estimates chart shows it)')
        if figure.scope is None:
            raise DataError(
                f'data/figures: figure "{figure_id}", field scope: say one_run or whole_company '
                "(the competing-estimates chart groups its rows by it)"
            )
        out.append((figure, counts))
    return sorted(out, key=lambda row: (list(GROUPS).index(row[0].scope), row[0].value))


def categories(items: list[tuple[Figure, str]], unit: str) -> list[str]:
    """The panel's rows from the bottom up: the spread arrow, then each group's dots under its heading."""
    out = [f"spread {unit}"]
    for scope in GROUPS:
        out += [f.id for f, _ in items if f.scope == scope] + [f"{scope} {unit}"]
    return out


def groups(items, unit: str, noun: str, ref: str, order: list[str]) -> tuple[list[dict], list[dict]]:
    """A grey band behind each group's rows, headed by what the group counts."""
    bands, headings = [], []
    for scope, heading in GROUPS.items():
        members = [order.index(f.id) for f, _ in items if f.scope == scope]
        if not members:
            continue
        top = order.index(f"{scope} {unit}")
        bands.append(
            {
                "type": "rect", "name": "other", "xref": f"x{ref} domain", "yref": f"y{ref}", "layer": "below",
                "x0": 0, "x1": 1, "y0": min(members) - 0.45, "y1": top + 0.3,
                "fillcolor": PALETTE["other"], "opacity": 0.13, "line": {"width": 0},
            }
        )  # fmt: skip
        headings.append(
            {
                "text": f"<b>{heading.format(noun)}</b>", "x": 0.01, "xref": f"x{ref} domain", "xanchor": "left",
                "y": f"{scope} {unit}", "yref": f"y{ref}", "yshift": -2, "showarrow": False, "font": {"size": 12},
            }
        )  # fmt: skip
    return bands, headings


def spread_arrow(items, unit: str, ref: str) -> list[dict]:
    """An arrow from the panel's smallest figure to its largest, saying how many times larger (log axis: log10 x)."""
    low, high = min(f.value for f, _ in items), max(f.value for f, _ in items)
    where = {"y": f"spread {unit}", "yref": f"y{ref}", "xref": f"x{ref}"}
    return [
        {**where, "x": math.log10(high), "ax": math.log10(low), "ay": f"spread {unit}", "axref": f"x{ref}",
         "ayref": f"y{ref}", "text": "", "showarrow": True, "arrowhead": 2, "arrowsize": 1.2, "arrowwidth": 2,
         "arrowcolor": PALETTE["other"], "standoff": 2, "startstandoff": 2},
        {**where, "x": (math.log10(high) + math.log10(low)) / 2, "yshift": 13, "showarrow": False,
         "text": f"<b>{about(high / low)}×</b> from smallest to largest", "font": {"size": 13}},
    ]  # fmt: skip


def value_text(figure: Figure) -> str:
    return compact_money(figure.value) if figure.format.startswith("usd") else format_value(figure.value, "number")


def competing_estimates(data: Data) -> Chart:
    panels = [("GPUs", rows(data, GPUS)), ("US dollars", rows(data, DOLLARS))]
    orders = [categories(items, unit) for unit, items in panels]
    figure = make_subplots(
        rows=2,
        cols=1,
        row_heights=[len(order) for order in orders],
        vertical_spacing=0.1,
        subplot_titles=["Chips: number of GPUs", "Spending: US dollars"],
    )
    figure.update_annotations(x=0, xanchor="left", font={"size": 14})  # panel titles: left, so phones keep them
    for row, (unit, items) in enumerate(panels, start=1):
        values = [f.value for f, _ in items]
        ref, order = ("" if row == 1 else str(row)), orders[row - 1]
        x_axis = log_axis("", min(values), max(values), dollars=unit != "GPUs", pad=(0.3, 0.3), plain=True)
        middle = sum(x_axis["range"]) / 2
        for status in SYMBOL:
            shown = [(f, counts) for f, counts in items if f.status == status]
            if not shown:
                continue
            actor = "deepseek" if status == "reported" else "other"  # reported here means by DeepSeek itself
            figure.add_trace(
                go.Scatter(
                    x=[f.value for f, _ in shown],
                    y=[f.id for f, _ in shown],
                    mode="markers+text",
                    name=status,
                    showlegend=False,  # each dot says its kind in words; the caption keys the shapes
                    meta=actor,
                    marker={
                        "symbol": SYMBOL[status],
                        "size": 13,
                        "line": {"width": 2, "color": PALETTE[actor]},
                        "color": PALETTE[actor],
                    },
                    text=[f"{value_text(f)}, {status}" for f, _ in shown],
                    textposition=["middle left" if math.log10(f.value) > middle else "middle right" for f, _ in shown],
                    cliponaxis=False,
                    customdata=[[label(f.label), data.sources[f.source].producer] for f, _ in shown],
                    hovertemplate="%{customdata[0]}<br>%{text}, from %{customdata[1]}<extra></extra>",
                ),
                row=row,
                col=1,
            )
        for f, counts in items:  # what each dot counts, written above its row: fits a phone, unlike tick labels
            figure.add_annotation(
                text=label(counts),
                x=0,
                xref=f"x{ref} domain",
                y=f.id,
                yref=f"y{ref}",
                yshift=17,
                xanchor="left",
                showarrow=False,
                font={"size": 13},
            )
        bands, headings = groups(items, unit, "CHIPS" if unit == "GPUs" else "SPENDING", ref, order)
        for shape in bands:
            figure.add_shape(shape)
        for note in headings + spread_arrow(items, unit, ref):
            figure.add_annotation(note)
        figure.update_xaxes(x_axis, row=row, col=1)
        figure.update_yaxes(
            categoryorder="array",
            categoryarray=order,
            showticklabels=False,
            range=[-0.6, len(order) - 0.5],
            row=row,
            col=1,
        )
    figure.update_layout(base_layout(height=80 + ROW * sum(map(len, orders)), margin={"t": 30, "l": 8, "b": 40}))
    # The title's takeaway covers both panels: how far apart each panel's smallest and largest figures are.
    spread = [max(f.value for f, _ in items) / min(f.value for f, _ in items) for _, items in panels]
    nouns = {"GPUs": "chips", "US dollars": "spending"}
    summary = (
        " ".join(
            f"{unit}, grouped by what they count. "
            + " ".join(
                f"{GROUPS[scope].format(nouns[unit]).capitalize()}: "
                + "; ".join(f"{value_text(f)} ({counts}, {f.status})" for f, counts in items if f.scope == scope)
                + "."
                for scope in GROUPS
                if any(f.scope == scope for f, _ in items)
            )
            + f" The largest is about {about(ratio)} times the smallest."
            for (unit, items), ratio in zip(panels, spread)
        )
        + " The one-run figures and the whole-company figures count different things, so they can all be true at once."
    )
    return Chart(
        id="competing-estimates",
        title=f"DeepSeek's chip figures differ {about(spread[0])}-fold and its spending figures "
        f"{about(spread[1])}-fold, because they count different things",
        caption="Every figure on this site for DeepSeek's chips (top) and its spending (bottom), on log scales: "
        "each grid line is ten times the one before. Grey bands group the figures by what they count: one training "
        "run, or the whole company's chips or spending; the arrow spans each panel's smallest to largest. Shapes mark the kind of number: ● reported by DeepSeek, "
        "◇ outside estimate, ✕ claim.",
        figure=figure,
        summary=summary,
        columns=["Measure", "What it counts", "Value", "Kind", "Source", "As of"],
        rows=[
            [unit, counts, f.value, f.status, data.sources[f.source].producer, f.as_of.isoformat()]
            for unit, items in panels
            for f, counts in items
        ],
        cell_formats=[None, None, lambda v: f"{v:,.0f}", None, None, None],
        sources=[f.source for _, items in panels for f, _ in items],
        phone={"height": 90 + 54 * sum(map(len, orders)), "font": {"size": 12}},
    )


def build(data: Data) -> list[Chart]:
    return [competing_estimates(data)]
