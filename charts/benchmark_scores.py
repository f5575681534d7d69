"""Benchmarks: R1 against o1, test by test.

A dumbbell per test with the gap written beside it, over every test in the R1 report's Table 4
that scores both models out of 100 (Codeforces appears once, as a percentile; its rating is on
another scale and sits in the table).
"""

from __future__ import annotations

import plotly.graph_objects as go

from charts.fields import DataError
from charts.numbers import trim
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import ACTORS, axis, base_layout, colour, labels_above

R1, O1, O1_MINI = "deepseek-r1", "openai-o1-1217", "openai-o1-mini"
GAP_X = 104  # where the gap column starts, in score units
LABEL_SHIFT = 11  # px from a mark's centre to its direct label: clear of o1's diamond (15 px)


def head_to_head(data: Data):
    """Table 4 tests that score both R1 and o1 out of 100 (not in rating points), R1's biggest lead first."""
    tests = [
        b
        for b in data.benchmarks.benchmarks
        if not b.id.endswith("-distill") and "points" not in b.metric and R1 in b.scores and O1 in b.scores
    ]
    if not tests:
        raise DataError(f"data/benchmarks.yaml: no benchmark scores both {R1} and {O1} out of 100")
    return sorted(tests, key=lambda t: (t.scores[O1] - t.scores[R1], t.name))


def gap_text(test) -> str:
    gap = test.scores[R1] - test.scores[O1]
    if gap == 0:
        return "tied"
    return f"{'R1' if gap > 0 else 'o1'} +{trim(abs(gap), 1)}"


def table(data: Data, tests, model_ids):
    names = {m.id: m.name for m in data.benchmarks.models}
    columns = ["Benchmark", "What it tests", "Metric"] + [names[m] for m in model_ids]
    rows = [[t.name, t.tests, t.metric] + [t.scores.get(m) for m in model_ids] for t in tests]
    formats = [None, None, None] + [lambda v: trim(v, 1)] * len(model_ids)
    return columns, rows, formats


def frontier(data: Data) -> Chart:
    tests = head_to_head(data)
    names = [label(t.name) for t in tests]
    leads = [t for t in tests if t.scores[R1] > t.scores[O1]]
    trails = [t for t in tests if t.scores[R1] < t.scores[O1]]
    widest = max(tests, key=lambda t: abs(t.scores[R1] - t.scores[O1]))
    traces = [
        go.Scatter(  # the gap, as a grey bar between the two dots
            x=[v for t in tests for v in (t.scores[O1], t.scores[R1], None)],
            y=[v for n in names for v in (n, n, None)],
            mode="lines",
            line={"color": ACTORS["other"].colour, "width": 4},
            meta="other",
            hoverinfo="skip",
        )
    ]
    # R1's dots under o1's hollow diamonds, so where the gap is small both marks still show.
    for model, actor, short, symbol, size in (
        (R1, "deepseek", "R1", ACTORS["deepseek"].symbol, 11),
        (O1, "openai", "o1", ACTORS["openai"].symbol + "-open", 15),
    ):
        traces.append(
            go.Scatter(
                x=[t.scores[model] for t in tests],
                y=names,
                mode="markers",
                name=short,
                marker={
                    "color": colour(actor),
                    "symbol": symbol,
                    "size": size,
                    "line": {"width": 2.5 if symbol.endswith("-open") else 0, "color": colour(actor)},
                },
                meta=[actor] * len(tests),
                hovertemplate="%{y}<br>" + short + ": %{x}<extra></extra>",
            )
        )
    traces.append(
        go.Scatter(  # the gap, written beside each row
            x=[GAP_X] * len(tests),
            y=names,
            mode="text",
            text=[gap_text(t) for t in tests],
            textposition="middle right",
            textfont={"size": 13},
            cliponaxis=False,
            hoverinfo="skip",
        )
    )
    # Direct labels on the top row, where a reader looks first, instead of a legend: level with the marks,
    # each pointing away from the pair (the lower score's label to its left, the higher's to its right), so
    # however close the two scores are their labels never meet (they once printed "o1R1" on a phone).
    top = tests[0]
    r1_right = top.scores[R1] >= top.scores[O1]
    notes = [
        {
            "x": top.scores[model],
            "y": names[0],
            "text": f"<b>{short}</b>",
            "showarrow": False,
            "xanchor": "left" if right else "right",
            "xshift": LABEL_SHIFT if right else -LABEL_SHIFT,
        }
        for model, short, right in ((R1, "R1", r1_right), (O1, "o1", not r1_right))
    ] + [
        {"x": GAP_X, "y": names[0], "text": "<b>ahead by</b>", "xanchor": "left", "yshift": 20, "showarrow": False},
    ]
    layout = base_layout(
        height=90 + 40 * len(tests),
        margin={"t": 34},
        # The axis runs past 100 to leave a column for the gaps; its ticks stop at 100.
        xaxis=axis("Score out of 100 (higher is better)", range=[0, GAP_X + 24], tickvals=[0, 20, 40, 60, 80, 100]),
        yaxis=axis("", autorange="reversed", categoryorder="array", categoryarray=names),
        annotations=notes,
    )
    columns, rows, formats = table(data, tests, [R1, O1, O1_MINI, "deepseek-v3"])
    summary = (
        f"On the {len(tests)} tests in the R1 report where both models have a percentage score, DeepSeek-R1 "
        f"scores above OpenAI o1 on {len(leads)} ({', '.join(t.name for t in leads) or 'none'}) and below it on "
        f"{len(trails)} ({', '.join(t.name for t in trails) or 'none'}). The widest gap is on {widest.name}, "
        f"{trim(abs(widest.scores[R1] - widest.scores[O1]), 1)} points. Scores are from DeepSeek's own tests, "
        "not an independent lab."
    )
    chart = Chart(
        id="benchmarks-frontier",
        title=f"R1 scored above o1 on {len(leads)} of the {len(tests)} tests both took and below on "
        f"{len(trails)}; the widest gap was {widest.name}",
        caption="Blue dot = R1, orange diamond = o1 (hollow, so a dot behind it shows). Scores reported in the "
        "DeepSeek-R1 paper (January 2025) for every test where it gives both models a percentage; Codeforces is shown as a percentile of human contestants, its rating is in the table.",
        figure=go.Figure(traces, layout),
        summary=summary,
        columns=columns,
        rows=rows,
        cell_formats=formats,
        sources=sorted({t.source for t in tests}),
    )
    chart.phone = {
        "height": 90 + 58 * len(tests),
        "margin": {"l": 4},
        "xaxis": {"range": [0, GAP_X + 30], "tickvals": [0, 50, 100]},
        "yaxis": {"showticklabels": False},
        "annotations": notes + labels_above(names, yshift=8),
    }
    return chart


def build(data: Data) -> list[Chart]:
    return [frontier(data)]
