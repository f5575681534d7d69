"""Explanatory diagrams drawn as SVG from data: a mechanism where a chart has nothing to plot.

Each diagram comes in two layouts drawn near the size they are shown, so text stays at 11 px or
more: wide (desktop and print) and narrow (phones); a CSS container query shows one. Text uses
currentColor and fills use CSS variables with light fallbacks, so an inline diagram follows the
page's light or dark scheme with no script, and the standalone SVG file prints light.
"""

from __future__ import annotations

import math
import re
import textwrap
from dataclasses import dataclass

from charts.fields import DataError
from charts.numbers import day, format_value, trim
from charts.render import TEMPLATES, source_line
from charts.schema import Data, Figure
from charts.theme import PALETTE

WIDTH = {"wide": 760, "narrow": 360}  # viewBox widths: about the column width on a laptop and on a phone
FONT = {"wide": 14, "narrow": 12.5}  # body text in viewBox units; renders at 11 px or more (tests check)
# (light, dark) per actor: the site palette, which already keeps 3:1 contrast on both pages. The light
# colour is also the fallback in standalone files and print.
COLOURS = {actor: (PALETTE[actor], PALETTE[actor]) for actor in ("deepseek", "other", "nvidia")}


@dataclass
class Diagram:
    id: str
    title: str
    caption: str
    summary: str  # the "in words" paragraph, from data
    sources: list[str]
    params: dict  # what the template draws
    template: str = ""  # the SVG template under templates/diagrams/, if not named for the id


def fig(data: Data, figure_id: str) -> Figure:
    figure = data.figures.get(figure_id)
    if figure is None:
        raise DataError(f'data/figures: figure "{figure_id}" is missing (a diagram draws it)')
    return figure


def said(figure: Figure) -> str:
    """A figure as prose prints it, with its unit."""
    value = format_value(figure.value, figure.format)
    return f"{value} {figure.unit}" if figure.unit else value


def short(value: float) -> str:
    """671e9 -> '671B', 1.5e9 -> '1.5B': sizes where space is tight."""
    return f"{trim(value / 1e9, 1)}B"


def mixture_of_experts(data: Data) -> Diagram:
    experts, active, shared = (fig(data, i) for i in ("v3_routed_experts", "v3_activated_experts", "v3_shared_experts"))
    total, used = fig(data, "v3_total_params"), fig(data, "v3_active_params")
    n, k, s = int(experts.value), int(active.value), int(shared.value)
    if not 0 < k <= n:
        raise DataError("data/figures/engineering.yaml: v3_activated_experts must be between 1 and v3_routed_experts")
    block = n // k  # one chosen expert per block of the grid, nudged so the picture does not look regular
    chosen = [i * block + (i * 7 + 3) % block for i in range(k)]
    share = 100 * used.value / total.value
    plus = f", plus {s} shared expert{'s' if s != 1 else ''} that every token uses" if s else ""
    return Diagram(
        id="mixture-of-experts",
        title=f"A router sends each token to {k} of its {n} experts",
        caption="One expert layer of DeepSeek-V3, drawn to count: each small square is one routed expert.",
        summary=(
            f"Each expert layer of DeepSeek-V3 holds {said(experts)}. For every token (a word or part of one) a "
            f"small router picks the {k} that fit it best{plus}. The rest stay idle, so of {said(total)} only "
            f"{said(used)} do any work for a given token, about {share:.1f}%. The next token may go to other experts."
        ),
        sources=[experts.source, active.source, shared.source, total.source],
        params={"n": n, "k": k, "chosen": chosen, "shared": s, "total": short(total.value), "used": short(used.value)},
    )


def kv_cache(data: Data) -> Diagram:
    cut = fig(data, "mla_kv_cache_reduction")
    kept = 100 - cut.value
    return Diagram(
        id="kv-cache",
        title=f"Latent attention keeps a memory of earlier words {trim(cut.value, 1)}% smaller",
        caption="What a model stores for each earlier word while it writes, drawn to scale: ordinary attention "
        "against DeepSeek's multi-head latent attention (MLA).",
        summary=(
            "To write its next word a model looks back at every earlier word. So it does not redo that work, it "
            "keeps each earlier word's keys and values (K and V) in memory: the KV cache. Multi-head latent attention "
            "stores one small compressed vector per word instead and rebuilds the keys and values from it when "
            f"needed. DeepSeek reports that this made the cache {trim(cut.value, 1)}% smaller ({trim(kept, 1)}% of "
            "the size), comparing DeepSeek-V2 with its older 67B model; V3 and R1 keep the design."
        ),
        sources=[cut.source],
        params={
            "cut": trim(cut.value, 1),
            "kept": trim(kept, 1),
            "ratio": kept / 100,
            "words": ["Why", "is", "the", "sky", "blue"],
        },
    )


def distilled(data: Data) -> list[tuple[str, float]]:
    """(base family, parameters) of each distilled model, read from its name in data/benchmarks.yaml."""
    out = []
    for model in data.benchmarks.models:
        if model.group == "distilled":
            match = re.search(r"Distill-([A-Za-z]+)-([\d.]+)B$", model.name)
            if not match:
                raise DataError(
                    f'data/benchmarks.yaml: model "{model.id}", field name: expected "...-Distill-Base-<size>B"'
                )
            out.append((match.group(1), float(match.group(2)) * 1e9))
    count = fig(data, "r1_distilled_models_count")
    if len(out) != count.value:
        raise DataError(
            f"data/benchmarks.yaml: {len(out)} distilled models, but r1_distilled_models_count says {said(count)}"
        )
    return sorted(out, key=lambda m: m[1])


def r1_recipe(data: Data) -> Diagram:
    total, gpus, samples = (
        fig(data, "v3_total_params"),
        fig(data, "r1_rl_gpus"),
        fig(data, "r1_distill_training_samples"),
    )
    start, end, r1 = fig(data, "r1_zero_aime_start"), fig(data, "r1_zero_aime_end"), fig(data, "r1_aime_2024")
    o1, count, models = fig(data, "o1_aime_2024"), fig(data, "r1_distilled_models_count"), distilled(data)
    n = int(count.value)
    steps = [
        ("DeepSeek-V3-Base", f"Trained on text only: {short(total.value)} parameters, no reasoning training yet."),
        (
            "R1-Zero",
            f"Reinforcement learning alone: AIME maths score {trim(start.value)}% → {trim(end.value)}%, "
            "but its writing is hard to read.",
        ),
        ("Cold start", "Back to V3-Base: a small set of long, readable worked answers, partly R1-Zero's, tidied."),
        (
            "Reinforcement learning",
            f"Rewards for right answers, on {said(gpus)}; then a second round of fine-tuning and rewards.",
        ),
        ("DeepSeek-R1", f"AIME score {trim(r1.value)}% (OpenAI o1: {trim(o1.value)}%)."),
        (
            "Distilled models",
            f"{n} small models, {short(models[0][1])} to {short(models[-1][1])} parameters, trained on "
            f"{format_value(samples.value, samples.format)} of R1's answers.",
        ),
    ]
    return Diagram(
        id="r1-recipe",
        title=f"How V3 became R1, which then taught {n} smaller models",
        caption="How DeepSeek made R1, as its paper describes it: blue boxes are models, grey boxes are training "
        "stages, solid arrows show the order. R1-Zero was a side path: it only lent some of its worked answers "
        "(dashed arrow).",
        summary=" ".join(f"{i}. {title}: {body}" for i, (title, body) in enumerate(steps, start=1)),
        sources=[total.source, start.source, gpus.source, r1.source, samples.source],
        params={"steps": steps},
    )


def distillation(data: Data) -> Diagram:
    teacher, samples, models = fig(data, "v3_total_params"), fig(data, "r1_distill_training_samples"), distilled(data)
    students = [{"base": base, "size": short(size), "r": math.sqrt(size / teacher.value)} for base, size in models]
    answers = format_value(samples.value, samples.format)
    return Diagram(
        id="distillation",
        title=f"One big teacher, {len(models)} small students",
        caption="Distillation: small models learn by copying a big model's worked answers. Circle areas are drawn "
        "to scale by parameter count.",
        summary=(
            f"DeepSeek-R1 ({short(teacher.value)} parameters) wrote {answers} worked answers. DeepSeek fine-tuned "
            f"{len(models)} smaller open models on them, from {students[0]['size']} to {students[-1]['size']} "
            f"parameters, built on {' and '.join(sorted({m[0] for m in models}))}. The students got no reinforcement "
            "learning of their own: they learned to reason only by imitating the teacher."
        ),
        sources=[teacher.source, samples.source],
        params={"teacher": short(teacher.value), "answers": answers, "students": students},
    )


def scale_of_the_shock(data: Data) -> Diagram:
    loss, run = fig(data, "nvidia_loss_2025_01_27"), fig(data, "v3_final_run_cost_usd")
    ratio = loss.value / run.value
    floor = 10 ** int(math.log10(ratio))
    times = f"{int(ratio // floor * floor):,}"
    return Diagram(
        id="scale-of-the-shock",
        title=f"Nvidia's one-day loss was more than {times} times DeepSeek's training-run figure",
        caption="Two amounts of money drawn as squares whose areas are to scale. They are not the same kind of "
        "money: one is stock-market value, the other one run's rented-chip time.",
        summary=(
            f"On {day(loss.as_of)} Nvidia lost {said(loss)} of stock-market value in one day. DeepSeek's report put "
            f"the final training run of V3, the model R1 is built on, at {said(run)} of rented chip time, counting "
            f"that one run only. The first is more than {times} times the second: if it is the big square, the "
            "training run is a speck beside it, too small to see without the circle drawn round it."
        ),
        sources=[loss.source, run.source],
        params={"loss": said(loss), "run": said(run), "side": math.sqrt(run.value / loss.value), "times": times},
    )


def build(data: Data) -> list[Diagram]:
    return [mixture_of_experts(data), kv_cache(data), r1_recipe(data), distillation(data), scale_of_the_shock(data)]


def svg(diagram: Diagram, layout: str, standalone: bool = False) -> str:
    """One layout of a diagram as an <svg> element (with an XML namespace when it is a file of its own)."""
    template = TEMPLATES.get_template(f"diagrams/{diagram.template or diagram.id}.svg.j2")
    return template.render(
        d=diagram,
        p=diagram.params,
        layout=layout,
        W=WIDTH[layout],
        F=FONT[layout],
        colours=COLOURS,
        standalone=standalone,
    ).strip() + ("\n" if standalone else "")


def figure_html(diagram: Diagram, data: Data) -> str:
    html = TEMPLATES.get_template("diagrams/figure.html.j2").render(
        d=diagram,
        layouts={layout: svg(diagram, layout) for layout in WIDTH},
        sources=source_line(data, diagram.sources),
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def wrap(value: str, width: int) -> list[str]:
    return textwrap.wrap(value, width) or [value]


TEMPLATES.filters["wrap"] = wrap
TEMPLATES.filters["n"] = lambda x: f"{round(x, 1):g}"  # coordinates: short and byte-stable
