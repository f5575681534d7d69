"""Load -> build -> write: every generated file the site needs, into one folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

from charts import (
    app_actions,
    benchmark_scores,
    chapters,
    competing_estimates,
    compute,
    compute_recipe,
    corrections,
    diagrams,
    distilled_models,
    engineering,
    event_lists,
    export_controls,
    images,
    lesson_pages,
    market_falls,
    pages,
    prices,
    projector,
    release_prices,
    svg_export,
    training_costs,
)
from charts.browser import theme_css
from charts.edition import edition
from charts.lesson import Texts, load_lesson
from charts.loader import load
from charts.macros import variables
from charts.render import figure_html, to_csv

FAMILIES = (
    prices,
    release_prices,
    training_costs,
    export_controls,
    compute,
    compute_recipe,
    engineering,
    benchmark_scores,
    distilled_models,
    market_falls,
    app_actions,
    competing_estimates,
)
PLOTLY_BASIC = Path("node_modules/plotly.js-basic-dist-min/plotly-basic.min.js")
IFRAME_WORKER = Path("node_modules/iframe-worker/shim/index.js")


def all_charts(data):
    charts = [chart for family in FAMILIES for chart in family.build(data)]
    for chart in charts:
        # plotly.js names SVG patterns and clip paths after each trace's uid: fix them, or builds differ.
        for index, trace in enumerate(chart.figure.data):
            trace.uid = f"{chart.id}-{index}"
    ids = [chart.id for chart in charts]
    duplicates = {i for i in ids if ids.count(i) > 1}
    if duplicates:
        raise RuntimeError(f"two charts share the id {sorted(duplicates)}")
    return charts


def plotly_bundle(root: Path) -> Path:
    """The partial bundle from npm (scatter and bar only, a third of the size), else plotly's full one."""
    partial = root / ".build-cache" / "npm" / PLOTLY_BASIC
    if partial.exists():
        return partial
    import plotly

    print(
        "warning: npm's plotly.js-basic-dist-min is missing (run `make js`); using plotly's full bundle",
        file=sys.stderr,
    )
    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def page_titles(root: Path) -> dict[str, str]:
    """{page: its first heading}, for pages that link to each other by name."""
    titles = {}
    for path in sorted((root / "docs").glob("*.md")):
        heading = next(
            (line[2:].strip() for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("# ")), None
        )
        titles[path.stem] = heading or path.stem
    return titles


def write_all(root: Path, out: Path, images_wanted: bool = True) -> dict:
    cache, bundle = root / ".build-cache" / "svg", plotly_bundle(root)
    # A clean build starts Chromium at once, while the data loads; otherwise once the build knows it needs it.
    browser = svg_export.Drawing(bundle) if images_wanted and images.cache_is_empty(cache) else None
    try:
        data = load(root)
        charts = all_charts(data)
    except BaseException:
        if browser:
            browser.close()
        raise
    # The pictures the cache lacks are drawn in the background while the rest of the build goes on.
    drawing = images.Pictures(charts, cache, bundle, browser) if images_wanted else None
    (out / "data").mkdir(parents=True)
    (out / "img").mkdir()
    for chart in charts:
        (out / "data" / f"{chart.id}.csv").write_text(to_csv(chart), encoding="utf-8")
    figures = diagrams.build(data) + event_lists.build(data)
    clash = {d.id for d in figures} & {c.id for c in charts}
    if clash:
        raise RuntimeError(f"a diagram and a chart share the id {sorted(clash)}")
    for diagram in figures:  # the wide layout, light by default: for handouts and downloads
        (out / "img" / f"{diagram.id}.svg").write_text(diagrams.svg(diagram, "wide", standalone=True), encoding="utf-8")
    (out / "chart-theme.css").write_text(theme_css(), encoding="utf-8")
    derived = {}
    for family in FAMILIES:
        if hasattr(family, "derived"):  # families whose numbers the prose quotes as ratios
            derived.update(family.derived(data))
    pictures = drawing.result() if drawing else {}
    images.write_files(pictures, out / "img")
    macros = variables(
        data,
        charts_html={chart.id.replace("-", "_"): figure_html(chart, data, pictures.get(chart.id)) for chart in charts},
        diagrams_html={d.id.replace("-", "_"): diagrams.figure_html(d, data) for d in figures},
        derived=derived,
        pages=pages.build(data) | {"corrections": corrections.page(data, page_titles(root))},
        chapter_lines=chapters.build(root),
    )
    macros["checked"] = corrections.checked(data)
    lesson = load_lesson(root, data, derived, {chart.id: chart.columns for chart in charts})
    svgs = lesson_pages.pictures(out / "img", [chart.id for chart in charts])
    titles = {chart.id: chart.title for chart in charts}
    tables = projector.chart_tables(charts)
    screens = projector.screens(lesson, Texts(data, derived), data, svgs, titles, tables)
    macros["generated"] |= lesson_pages.teachers(lesson, Texts(data, derived), root, projector.starts(screens))
    # libyaml's emitter where PyYAML has it: the same bytes as the pure-Python one, forty times quicker.
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    (out / "macros.yml").write_text(
        yaml.dump(macros, Dumper=dumper, sort_keys=True, allow_unicode=True, width=1_000_000), encoding="utf-8"
    )
    (out / "abbreviations.md").write_text(pages.abbreviations(data), encoding="utf-8")
    shutil.copyfile(bundle, out / "plotly.min.js")
    shim = root / ".build-cache" / "npm" / IFRAME_WORKER
    if shim.exists():  # Material's offline search needs it under file://; mkdocs.yml lists it in polyfills
        shutil.copyfile(shim, out / "iframe-worker-shim.js")
    else:
        (out / "iframe-worker-shim.js").write_text("/* npm's iframe-worker is missing: run `make js` */\n")
        print("warning: npm's iframe-worker is missing; offline search will not work from file://", file=sys.stderr)
    (out / "projector.html").write_text(projector.projector(screens, edition(data, root), root), encoding="utf-8")
    return {"charts": len(charts), "diagrams": len(figures), "figures": len(data.figures), "sources": len(data.sources)}
