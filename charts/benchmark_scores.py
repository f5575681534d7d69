"""Benchmarks: where R1 leads and where it trails, and how far the distilled small models get."""

from __future__ import annotations

import plotly.graph_objects as go

from charts.numbers import trim
from charts.render import Chart
from charts.schema import Data, DataError
from charts.text import label
from charts.theme import OKABE_ITO, PATTERNS, SEQUENCE, axis, base_layout

FRONTIER = ["deepseek-r1", "openai-o1-1217", "openai-o1-mini", "deepseek-v3"]
FRONTIER_TESTS = [
    "aime-2024",
    "math-500",
    "codeforces-percentile",
    "gpqa-diamond",
    "mmlu",
    "swe-bench-verified",
    "simpleqa",
]
DISTILLED_TESTS = ["aime-2024-distill", "math-500-distill", "gpqa-diamond-distill", "livecodebench-distill"]
COLOURS = {
    "deepseek-r1": OKABE_ITO["blue"],
    "openai-o1-1217": OKABE_ITO["orange"],
    "openai-o1-mini": OKABE_ITO["yellow"],
}


def pick(data: Data, ids: list[str]):
    found = {b.id: b for b in data.benchmarks.benchmarks}
    missing = [i for i in ids if i not in found]
    if missing:
        raise DataError(f"data/benchmarks.yaml: benchmarks {missing} are missing (the benchmark charts use them)")
    return [found[i] for i in ids]


def grouped_bars(data: Data, tests, model_ids, height: int) -> go.Figure:
    names = {m.id: m.name for m in data.benchmarks.models}
    traces = []
    for index, model_id in enumerate(model_ids):
        scores = [t.scores.get(model_id) for t in tests]
        traces.append(
            go.Bar(
                name=label(names[model_id]),
                y=[label(t.name) for t in tests],
                x=scores,
                orientation="h",
                marker={
                    "color": COLOURS.get(model_id, SEQUENCE[index % len(SEQUENCE)]),
                    "pattern": {
                        "shape": PATTERNS[index % len(PATTERNS)],
                        "fgcolor": "rgba(0,0,0,0.35)",
                        "fillmode": "overlay",
                    },
                },
                text=[trim(s, 1) if s is not None else "n/a" for s in scores],
                textposition="outside",
                cliponaxis=False,
                hovertemplate="%{y}<br>" + label(names[model_id]) + ": %{x}<extra></extra>",
            )
        )
    layout = base_layout(
        height=height,
        barmode="group",
        bargap=0.25,
        xaxis=axis("Score (higher is better)", range=[0, 108]),
        yaxis=axis("", autorange="reversed"),
        legend={"traceorder": "normal"},
    )
    return go.Figure(traces, layout)


def lead_and_trail(tests, a: str, b: str):
    both = [t for t in tests if a in t.scores and b in t.scores]
    leads = [t.name for t in both if t.scores[a] > t.scores[b]]
    trails = [t.name for t in both if t.scores[a] < t.scores[b]]
    return both, leads, trails


def table(data: Data, tests, model_ids):
    names = {m.id: m.name for m in data.benchmarks.models}
    columns = ["Benchmark", "What it tests", "Metric"] + [names[m] for m in model_ids]
    rows = [[t.name, t.tests, t.metric] + [t.scores.get(m) for m in model_ids] for t in tests]
    formats = [None, None, None] + [lambda v: trim(v, 1)] * len(model_ids)
    return columns, rows, formats


def frontier(data: Data) -> Chart:
    tests = pick(data, FRONTIER_TESTS)
    both, leads, trails = lead_and_trail(tests, "deepseek-r1", "openai-o1-1217")
    columns, rows, formats = table(data, tests, FRONTIER)
    summary = (
        f"On the {len(both)} tests shown where the R1 report gives scores for both models, DeepSeek-R1 beats "
        f"OpenAI o1 on {len(leads)} ({', '.join(leads) or 'none'}) and trails it on {len(trails)} "
        f"({', '.join(trails) or 'none'}). Scores are from DeepSeek's own tests, not an independent lab."
    )
    return Chart(
        id="benchmarks-frontier",
        title="R1 matched o1 on maths, and trailed it on some knowledge and coding tests",
        caption="Scores reported in the DeepSeek-R1 paper (January 2025), each on its own 0 to 100 scale. "
        "Codeforces is shown as a percentile of human competitors.",
        figure=grouped_bars(data, tests, FRONTIER, height=560),
        summary=summary,
        columns=columns,
        rows=rows,
        cell_formats=formats,
        sources=sorted({t.source for t in tests}),
    )


def distilled(data: Data) -> Chart:
    tests = pick(data, DISTILLED_TESTS)
    small = [m.id for m in data.benchmarks.models if m.group == "distilled"]
    if not small:
        raise DataError("data/benchmarks.yaml: no model has group: distilled")
    model_ids = small + ["openai-o1-mini"]
    beats = [
        m.name
        for m in data.benchmarks.models
        if m.id in small and all(t.scores.get(m.id, 0) > t.scores.get("openai-o1-mini", 1e9) for t in tests[:2])
    ]
    columns, rows, formats = table(data, tests, model_ids)
    summary = (
        f"The report lists {len(small)} small models distilled from R1. On {tests[0].name} and {tests[1].name}, "
        f"{len(beats)} of them score above OpenAI o1-mini: {', '.join(beats) or 'none'}. "
        f"The smallest, {data.benchmarks.models[[m.id for m in data.benchmarks.models].index(small[0])].name}, "
        "is far behind on the harder tests."
    )
    return Chart(
        id="benchmarks-distilled",
        title="Small models taught by R1 come close to o1-mini, and the bigger ones pass it",
        caption="Scores of the distilled models reported in the DeepSeek-R1 paper, against OpenAI o1-mini.",
        figure=grouped_bars(data, tests, model_ids, height=620),
        summary=summary,
        columns=columns,
        rows=rows,
        cell_formats=formats,
        sources=sorted({t.source for t in tests}),
    )


def build(data: Data) -> list[Chart]:
    return [frontier(data), distilled(data)]
