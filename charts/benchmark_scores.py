"""Benchmarks: R1 against o1 test by test, and how far the small models distilled from R1 get.

R1 against o1 is a dumbbell per test with the gap written beside it, over every test in the R1
report's Table 4 that gives both models a percentage score (Codeforces appears once, as a
percentile; its rating is on another scale). The distilled models are small multiples, one panel
per test, ordered by size, with o1-mini as a labelled reference line.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.numbers import trim
from charts.render import Chart
from charts.schema import Data, DataError
from charts.text import label
from charts.theme import ACTORS, axis, base_layout, colour, labels_above

R1, O1, O1_MINI = "deepseek-r1", "openai-o1-1217", "openai-o1-mini"
GAP_X = 104  # where the gap column starts, in score units
DISTILLED_TESTS = ["aime-2024-distill", "math-500-distill", "gpqa-diamond-distill", "livecodebench-distill"]


def pick(data: Data, ids: list[str]):
    found = {b.id: b for b in data.benchmarks.benchmarks}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DataError(f"data/benchmarks.yaml: benchmarks {missing} are missing (the benchmark charts use them)")
    return [found[i] for i in ids]


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
    for model, actor, short in ((O1, "openai", "o1"), (R1, "deepseek", "R1")):
        traces.append(
            go.Scatter(
                x=[t.scores[model] for t in tests],
                y=names,
                mode="markers",
                name=short,
                marker={"color": colour(actor), "symbol": ACTORS[actor].symbol, "size": 13},
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
    # Direct labels on the row with the widest gap instead of a legend; a head for the gap column.
    wide = names[tests.index(widest)]
    notes = [
        {"x": widest.scores[R1], "y": wide, "text": "<b>R1</b>", "yshift": 15, "showarrow": False},
        {"x": widest.scores[O1], "y": wide, "text": "<b>o1</b>", "yshift": 15, "showarrow": False},
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
        caption="Scores reported in the DeepSeek-R1 paper (January 2025) for every test where it gives both models "
        "a percentage; Codeforces is shown as a percentile of human contestants, its rating is in the table.",
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
        # Row names sit above the rows here, so the R1 and o1 labels go below theirs.
        "annotations": [{**n, "yshift": -17} if n["text"] in ("<b>R1</b>", "<b>o1</b>") else n for n in notes]
        + labels_above(names, yshift=8),
    }
    return chart


def size_of(name: str) -> float:
    match = re.search(r"(\d+(?:\.\d+)?)B$", name)
    if not match:
        raise DataError(f'data/benchmarks.yaml: model "{name}", field name: should end in its size, like "7B"')
    return float(match.group(1))


def distilled(data: Data) -> Chart:
    tests = pick(data, DISTILLED_TESTS)
    small = sorted((m for m in data.benchmarks.models if m.group == "distilled"), key=lambda m: size_of(m.name))
    if not small:
        raise DataError("data/benchmarks.yaml: no model has group: distilled")
    short = [label(m.name.replace("R1-Distill-", "").replace("-", " ")) for m in small]
    figure = make_subplots(rows=2, cols=2, horizontal_spacing=0.14, vertical_spacing=0.2, shared_yaxes=True)
    notes = []
    for index, test in enumerate(tests):
        row, col = index // 2 + 1, index % 2 + 1
        suffix = "" if index == 0 else str(index + 1)
        if O1_MINI not in test.scores:
            raise DataError(f'data/benchmarks.yaml: benchmark "{test.id}", field scores: no {O1_MINI} score')
        scores = [test.scores.get(m.id) for m in small]
        figure.add_trace(
            go.Bar(
                x=scores,
                y=short,
                orientation="h",
                # Bars that beat o1-mini in full colour, the others faded: the point at a glance.
                marker={
                    "color": colour("deepseek"),
                    "opacity": [1 if (v or 0) > test.scores[O1_MINI] else 0.45 for v in scores],
                },
                meta=["deepseek"] * len(small),
                text=[trim(s, 1) if s is not None else "n/a" for s in scores],
                textposition="outside",
                textfont={"size": 12},
                cliponaxis=False,
                hovertemplate="%{y}: %{x}<extra></extra>",
            ),
            row=row,
            col=col,
        )
        reference = test.scores[O1_MINI]
        figure.add_trace(
            go.Scatter(  # o1-mini as a reference line across the panel
                x=[reference, reference],
                y=[short[0], short[-1]],
                mode="lines",
                line={"color": colour("openai"), "width": 3, "dash": "dash"},
                meta=["openai", "openai"],
                hoverinfo="skip",
            ),
            row=row,
            col=col,
        )
        # Panel title and the reference line's label, placed by the panel's own domain, so they
        # follow the panel when a phone stacks the four in one column.
        notes += [
            {
                "text": f"<b>{label(test.name.replace(' (distilled models)', ''))}</b>",
                "xref": f"x{suffix} domain",
                "yref": f"y{suffix} domain",
                "x": 0,
                "y": 1,
                "xanchor": "left",
                "yanchor": "bottom",
                "yshift": 16,
                "showarrow": False,
                "font": {"size": 14},
            },
            {
                "text": f"o1-mini {trim(reference, 1)}",
                "xref": f"x{suffix}",
                "yref": f"y{suffix} domain",
                "x": reference,
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 12},
            },
        ]
        figure.update_xaxes(range=[0, 112], dtick=50, automargin=True, row=row, col=col)
        figure.update_yaxes(autorange="reversed", automargin=True, row=row, col=col)
    figure.update_layout(base_layout(height=600, margin={"t": 40}, bargap=0.3, annotations=notes))
    beats = [m for m in small if all(t.scores.get(m.id, 0) > t.scores[O1_MINI] for t in tests)]
    none = [m for m in small if not any(t.scores.get(m.id, 0) > t.scores[O1_MINI] for t in tests)]
    columns, rows, formats = table(data, tests, [m.id for m in small] + [O1_MINI])
    summary = (
        f"The report lists {len(small)} small models distilled from R1, from {small[0].name} to "
        f"{small[-1].name}. Against OpenAI o1-mini on {len(tests)} tests, "
        f"{' and '.join(m.name for m in beats) or 'none'} score higher on all of them, and "
        f"{' and '.join(m.name for m in none) or 'none'} on none."
    )
    sizes = " and ".join(f"{trim(size_of(m.name))}B" for m in beats)
    chart = Chart(
        id="benchmarks-distilled",
        title=f"Small models taught by R1: the {sizes} versions beat o1-mini on all {len(tests)} tests"
        if beats
        else f"No small model taught by R1 beats o1-mini on all {len(tests)} tests",
        caption="Scores of the models distilled from R1 (smallest at the top; full colour where they beat o1-mini), "
        "against OpenAI o1-mini (dashed line), "
        "as reported in the DeepSeek-R1 paper. Each panel is one test, scored in percent.",
        figure=figure,
        summary=summary,
        columns=columns,
        rows=rows,
        cell_formats=formats,
        sources=sorted({t.source for t in tests}),
    )
    # On a phone the four panels stack in one column, each with its own model names.
    chart.phone = {"height": 4 * 225 + 40}
    for i in range(len(tests)):
        top = 1 - i / len(tests)
        chart.phone[f"xaxis{i + 1 if i else ''}"] = {"domain": [0, 1]}
        chart.phone[f"yaxis{i + 1 if i else ''}"] = {
            "domain": [top - 1 / len(tests) + 0.085, top - 0.035],
            "showticklabels": True,
        }
    return chart


def build(data: Data) -> list[Chart]:
    return [frontier(data), distilled(data)]
