"""What the teachers' page and the projector view show of data/lesson.yaml: plans, materials, the quiz.

The worksheets themselves are printed by make_handouts.py; their file names are fixed here, so the page
links what the printer writes.
"""

from __future__ import annotations

from functools import partial
from html import escape
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from charts.lesson import HEADLINE, VOTE, LessonData, Step, Texts
from charts.live_pages import live_page

TEMPLATES = Environment(
    loader=PackageLoader("charts", "templates"), autoescape=True, undefined=StrictUndefined, trim_blocks=True
)
PAPERS = ("a4", "letter")
PROJECTOR = "generated/projector.html"
READER = "deepseek-story"  # the whole story as a printed reader: handouts/deepseek-story-a4.pdf


def worksheet_pdf(activity_id: str, paper: str) -> str:
    return f"handouts/worksheets/{activity_id}-{paper}.pdf"


def key_pdf(activity_id: str, paper: str) -> str:
    return f"handouts/keys/{activity_id}-key-{paper}.pdf"


def reader_pdf(paper: str) -> str:
    return f"handouts/{READER}-{paper}.pdf"


def _links(path_for, activity_id: str) -> str:
    return " · ".join(f'<a href="{path_for(activity_id, p)}">{"A4" if p == "a4" else "US Letter"}</a>' for p in PAPERS)


def worksheets_table(lesson: LessonData, root: Path) -> str:
    """Every worksheet with its minutes, what it practises, its PDFs, its key and its live page."""
    items = []
    for a in lesson.activities:
        items.append(
            f"<li><strong>{escape(a.title)}</strong> ({a.minutes} minutes). {escape(a.goal)} "
            f"Worksheet: {_links(worksheet_pdf, a.id)}. Answer key: {_links(key_pdf, a.id)}. "
            f'<a href="{live_page(root, a)}">The page it uses</a>.</li>'
        )
    return '<ul class="worksheet-list">' + "".join(items) + "</ul>"


def story_pages(root: Path, section: str = "The story") -> list[tuple[str, str]]:
    """(title, page.md) of every chapter, in the order of mkdocs.yml's nav."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    nav = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]
    return [(t, p) for item in nav for title, v in item.items() if title == section for e in v for t, p in e.items()]


def handouts_list(root: Path) -> str:
    """The reader and one short handout per chapter, each in A4 and Letter."""
    rows = [("The whole story, as a printed reader", READER, None)]
    rows += [(title, page.removesuffix(".md"), page.replace(".md", ".html")) for title, page in story_pages(root)]
    items = []
    for title, stem, page in rows:
        name = f'<a href="{page}">{escape(title)}</a>' if page else escape(title)
        pdfs = " · ".join(f'<a href="handouts/{stem}-{p}.pdf">{"A4" if p == "a4" else "US Letter"}</a>' for p in PAPERS)
        items.append(f"<li>{name}: {pdfs}</li>")
    return '<ul class="handout-list">' + "".join(items) + "</ul>"


def _paper_links(path_for, title: str) -> str:
    return f'<a href="{path_for("a4")}">{escape(title)}</a> (<a href="{path_for("letter")}">Letter</a>)'


def step_materials(step: Step, lesson: LessonData, starts: dict[str, int]) -> Markup:
    """A plan step's Material cell: what it shows on the projector (opened at the activity's first screen),
    the printed reader, and each worksheet it hands out (A4, and Letter), one link a line."""
    items = [
        f'<a href="{PROJECTOR}#slide-{starts[i]}">Projector: {escape(screen_name(lesson, i))}</a>'
        for i in step.projector
    ]
    if step.reader:
        items.append(_paper_links(reader_pdf, "The printed reader"))
    items += [_paper_links(partial(worksheet_pdf, i), lesson.activity(i).title) for i in step.activities]
    return Markup("<br>".join(items) or "–")


VOTE_TITLE = "Vote again"
HEADLINE_TITLE = "The opening headline"  # the teacher's name for the hook's screen; the screen itself says less
HEADLINE_KICKER = "A headline"  # what the hook's screen says above the headline: neutral, it spoils nothing
VOTE_QUESTION = "True, false or “it depends”?"  # asked on the hook's screen and again on the last


def screen_name(lesson: LessonData, opens: str) -> str:
    """What a projector link opens at: an activity's first screen, the opening headline, or the closing vote."""
    return {VOTE: VOTE_TITLE, HEADLINE: HEADLINE_TITLE}.get(opens) or lesson.activity(opens).title


def jump_line(lesson: LessonData, starts: dict[str, int]) -> str:
    """One link into the projector view per activity (the quiz among them) and the closing vote."""
    links = [
        f'<a href="{PROJECTOR}#slide-{starts[i]}">{escape(screen_name(lesson, i))}</a>'
        for i in [a.id for a in lesson.activities] + [VOTE]
    ]
    return '<p class="projector-jump"><strong>Jump to</strong> (projector view): ' + " · ".join(links) + "</p>"


def plans(lesson: LessonData, texts: Texts, starts: dict[str, int]) -> str:
    """The plans as timed tables, each with its materials and what to do the night before."""
    return TEMPLATES.get_template("lesson-plans.html.j2").render(
        plans=lesson.plans, materials=lambda step: step_materials(step, lesson, starts), render=texts.render
    )


def quiz(lesson: LessonData, texts: Texts) -> str:
    return TEMPLATES.get_template("lesson-quiz.html.j2").render(quiz=lesson.activity("quiz"), render=texts.render)


def teachers(lesson: LessonData, texts: Texts, root: Path, starts: dict[str, int]) -> dict[str, str]:
    """What the teachers' page reads: {{ generated.lesson_plans }}, .worksheets, .quiz and .handouts.
    `starts` gives each activity's first projector screen (see screens())."""
    parts = {
        "lesson_plans": plans(lesson, texts, starts),
        "worksheets": worksheets_table(lesson, root),
        "quiz": quiz(lesson, texts),
        "handouts": handouts_list(root),
        "projector_jump": jump_line(lesson, starts),
    }
    # No blank lines: Markdown would start reading the HTML as text after one.
    return {key: "\n".join(line for line in html.splitlines() if line.strip()) for key, html in parts.items()}


def pictures(folder: Path, chart_ids: list[str]) -> dict[str, str]:
    """{chart id: its static picture under img/}: the plain SVG, else the widest variant the build wrote."""
    found = {}
    for chart_id in chart_ids:
        plain = folder / f"{chart_id}.svg"
        variants = sorted(folder.glob(f"{chart_id}-*.svg"), key=lambda p: ("desktop" not in p.name, p.name))
        chosen = plain if plain.exists() else (variants[0] if variants else None)
        if chosen is not None:
            found[chart_id] = f"img/{chosen.name}"
    return found
