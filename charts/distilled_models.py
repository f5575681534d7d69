"""How far the small models distilled from R1 get: one panel per test, against o1-mini.

Small multiples, the models ordered by size, o1-mini as a labelled reference line; bars that beat
it in blue, the rest in grey.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from charts.benchmark_scores import O1_MINI, table
from charts.fields import DataError
from charts.numbers import trim
from charts.render import Chart
from charts.schema import Data
from charts.text import label
from charts.theme import base_layout, colour

# Scores are percentages: the axis runs past 100 to a column where each bar's score is written, so no
# bar (at most 100) and no o1-mini line crosses a score.
VALUE_COLUMN = 128
DISTILLED_TESTS = ["aime-2024-distill", "math-500-distill", "gpqa-diamond-distill", "livecodebench-distill"]


def pick(data: Data, ids: list[str]):
    found = {b.id: b for b in data.benchmarks.benchmarks}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DataError(f"data/benchmarks.yaml: benchmarks {missing} are missing (the benchmark charts use them)")
    return [found[i] for i in ids]


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
    notes, shapes = [], []
    for index, test in enumerate(tests):
        row, col = index // 2 + 1, index % 2 + 1
        suffix = "" if index == 0 else str(index + 1)
        if O1_MINI not in test.scores:
            raise DataError(f'data/benchmarks.yaml: benchmark "{test.id}", field scores: no {O1_MINI} score')
        scores = [test.scores.get(m.id) for m in small]
        beat = ["deepseek" if (v or 0) > test.scores[O1_MINI] else "other" for v in scores]
        figure.add_trace(
            go.Bar(
                x=scores,
                y=short,
                orientation="h",
                # Bars that beat o1-mini in DeepSeek's blue, the others in grey: the point at a glance.
                # (Faded blue turned navy on the dark page and vanished; the grey reads on both.)
                marker={"color": [colour(key) for key in beat], "opacity": 1},
                meta=beat,
                hovertemplate="%{y}: %{x}<extra></extra>",
            ),
            row=row,
            col=col,
        )
        figure.add_trace(
            go.Scatter(  # the scores as a column at the panel's right edge, clear of the bars and the line
                x=[VALUE_COLUMN] * len(small),
                y=short,
                mode="text",
                text=[trim(s, 1) if s is not None else "n/a" for s in scores],
                textposition="middle left",
                textfont={"size": 12},
                cliponaxis=False,
                hoverinfo="skip",
            ),
            row=row,
            col=col,
        )
        reference = test.scores[O1_MINI]
        figure.add_trace(
            go.Scatter(  # o1-mini as a reference line across the panel, solid, over the bars
                x=[reference, reference],
                y=[short[0], short[-1]],
                mode="lines",
                line={"color": colour("openai"), "width": 3},
                meta=["openai", "openai"],
                hoverinfo="skip",
            ),
            row=row,
            col=col,
        )
        # The line carried on up to its label above the panel, so label and line read as one.
        shapes.append(
            {
                "type": "line",
                "xref": f"x{suffix}",
                "yref": f"y{suffix} domain",
                "x0": reference,
                "x1": reference,
                "y0": 0,
                "y1": 1,
                "line": {"color": colour("openai"), "width": 3},
                "name": "openai",  # the actor it is drawn for (a test checks the colour)
                "layer": "above",
            }
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
                "text": f"<b>o1-mini {trim(reference, 1)}</b>",
                "xref": f"x{suffix}",
                "yref": f"y{suffix} domain",
                "x": reference,
                "y": 1,
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 13},
            },
        ]
        figure.update_xaxes(range=[0, VALUE_COLUMN], tickvals=[0, 50, 100], automargin=True, row=row, col=col)
        figure.update_yaxes(autorange="reversed", automargin=True, row=row, col=col)
    figure.update_layout(base_layout(height=600, margin={"t": 40}, bargap=0.3, annotations=notes, shapes=shapes))
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
        caption="Scores of the models distilled from R1 (smallest at the top; blue where they beat o1-mini, grey "
        "where they do not), "
        "against OpenAI o1-mini (the orange line), "
        "as reported in the DeepSeek-R1 paper. Each panel is one test, scored in percent.",
        figure=figure,
        summary=summary,
        columns=columns,
        rows=rows,
        cell_formats=formats,
        sources=sorted({t.source for t in tests}),
    )
    # On a phone the four panels stack in one column, each with its own model names.
    chart.phone = {"height": 4 * 190 + 40}
    for i in range(len(tests)):
        top = 1 - i / len(tests)
        chart.phone[f"xaxis{i + 1 if i else ''}"] = {"domain": [0, 1]}
        chart.phone[f"yaxis{i + 1 if i else ''}"] = {
            "domain": [top - 1 / len(tests) + 0.085, top - 0.035],
            "showticklabels": True,
        }
    return chart


def build(data: Data) -> list[Chart]:
    return [distilled(data)]
