"""The classroom lesson in data/lesson.yaml: its shape, and its texts with numbers read from data/.

Worksheets, answer keys, the projector view and the teachers' page all read the same activities, so a
question and its numbers are written once. A text writes {{ num.ID }} or {{ fig.ID }} like a story page.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Literal

from jinja2 import Environment, StrictUndefined, TemplateError
from markupsafe import Markup
from pydantic import Field, model_validator

from charts.fields import DataError, FigureId, RowId, Strict, Text
from charts.loader import _validate
from charts.numbers import Computed, day, format_value

LESSON_FILE = "data/lesson.yaml"


class Question(Strict):
    ask: Text
    answer: Text
    choices: list[Text] = []
    lines: int = Field(default=2, ge=0, le=8)  # ruled lines to write on


class Activity(Strict):
    id: RowId
    title: Text
    minutes: int = Field(ge=1, le=45)
    goal: Text
    intro: Text
    headline: str | None = None  # shown as a headline: plain numbers, never a citation tag inside
    claim: RowId | None = None  # a claim from seeds/, shown with its article
    chart: RowId | None = None  # a chart id: its static picture
    table: RowId | None = None  # a chart id: its data table
    columns: list[str] = []  # the table's columns a sheet shows (default all): leave out those that answer a question
    chart_key: Text | None = None  # one line under the chart: what its marks mean
    figures: list[FigureId] = []  # a fact box: each number, what it counts, its tag, its source
    workload: RowId | None = None  # a task from data/workloads.yaml
    questions: list[Question] = Field(min_length=1)


VOTE = "vote"  # a step may show the projector's last screen: the opening headline again, for the re-vote
HEADLINE = "headline"  # or open it at the opening headline itself (a hook), past the activity's telling title
SCREENS = (HEADLINE, VOTE)  # projector ids that are not activities


class Step(Strict):
    minutes: int = Field(ge=1)
    kind: Literal["hook", "read", "work", "present", "discuss", "quiz", "exit"]
    title: Text
    do: Text
    activities: list[RowId] = []  # printed worksheets the step hands out (the quiz is one)
    projector: list[RowId] = []  # activities the step shows on the projector view, "headline" or "vote" (SCREENS)
    reader: bool = False  # the step uses the printed reader (the whole story)


class Lesson(Strict):
    title: str | None = None
    steps: list[Step] = Field(min_length=1)


class Plan(Strict):
    id: RowId
    title: Text
    minutes_per_lesson: int = Field(ge=10, le=120)
    lessons: list[Lesson] = Field(min_length=1)
    materials: list[Text] = Field(min_length=1)
    night_before: list[Text] = Field(min_length=1)

    @model_validator(mode="after")
    def adds_up(self):
        for number, lesson in enumerate(self.lessons, start=1):
            total = sum(step.minutes for step in lesson.steps)
            if total != self.minutes_per_lesson:
                raise ValueError(f"lesson {number}'s steps add up to {total} minutes, not {self.minutes_per_lesson}")
        kinds = {step.kind for lesson in self.lessons for step in lesson.steps}
        for needed in ("present", "quiz"):
            if needed not in kinds:
                raise ValueError(f"the plan has no {needed!r} step: students must present and take the quiz")
        return self


class LessonData(Strict):
    activities: list[Activity] = Field(min_length=1)
    plans: list[Plan] = Field(min_length=1)

    def activity(self, activity_id: str) -> Activity:
        return next(a for a in self.activities if a.id == activity_id)


class Texts:
    """Renders a lesson text: numbers formatted exactly as on the site, every source it used remembered."""

    def __init__(self, data, derived: dict[str, Computed]):
        self.data, self.derived, self.used = data, derived, []
        self.env = Environment(autoescape=True, undefined=StrictUndefined)

    def _tag(self, status: str, source: str | None) -> Markup:
        if source:
            self.used.append(source)
        return Markup(f'<span class="tag tag-{status}">{status}</span>')

    def number(self, figure_id: str) -> str:
        if figure_id in self.data.figures:
            figure = self.data.figures[figure_id]
            self.used.append(figure.source)
            text = format_value(figure.value, figure.format)
            return f"{text} {figure.unit}" if figure.unit else text
        if figure_id in self.derived:
            self.used += [source for source, _ in self.derived[figure_id].cites]
            return self.derived[figure_id].text
        raise KeyError(f'unknown figure "{figure_id}" (not in data/figures/)')

    def cited(self, figure_id: str) -> Markup:
        text = escape(self.number(figure_id))
        if figure_id in self.data.figures:
            figure = self.data.figures[figure_id]
            return Markup(f'<span class="fig">{text}</span> ') + self._tag(figure.status, figure.source)
        return Markup(f'<span class="fig">{text}</span> ') + self._tag("computed", None)

    def helpers(self) -> dict:
        from charts.lesson_sums import helpers

        return helpers(self)

    def render(self, text: str) -> Markup:
        return Markup(self.env.from_string(escape(text, quote=False)).render(**self.helpers()).strip())


class _Lookup:
    """num.ID and fig.ID inside a text; an unknown ID is an error naming it."""

    def __init__(self, read):
        self._read = read

    def __getattr__(self, name):
        return self._read(name)


def _texts_of(activity: Activity) -> list[tuple[str, str]]:
    fields = [("intro", activity.intro)] + ([("headline", activity.headline)] if activity.headline else [])
    fields += [("chart_key", activity.chart_key)] if activity.chart_key else []
    for index, question in enumerate(activity.questions):
        fields += [(f"questions[{index}].ask", question.ask), (f"questions[{index}].answer", question.answer)]
        fields += [(f"questions[{index}].choices[{i}]", choice) for i, choice in enumerate(question.choices)]
    return fields


def load_lesson(root: Path, data, derived: dict[str, Computed], charts: dict[str, list[str]]) -> LessonData:
    """Validate data/lesson.yaml, check every id it names, and render every text once to catch errors.
    `charts` maps each chart id to its table's columns."""
    path = root / LESSON_FILE
    if not path.exists():
        raise DataError(f"{LESSON_FILE}: the file is missing")
    name, lesson = _validate(LessonData, path, root)
    claims = {claim.id for article in data.seeds for claim in article.claims}
    workloads = {w.id for w in data.workloads}
    activities = {a.id for a in lesson.activities}
    if len(activities) != len(lesson.activities):
        raise DataError(f"{name}: two activities share an id")
    reserved = next((a for a in lesson.activities if a.id in SCREENS), None)
    if reserved:
        raise DataError(
            f'{name}: entry "{reserved.id}", field id: "{reserved.id}" names a projector screen; pick another'
        )
    for activity in lesson.activities:
        where = f'{name}: entry "{activity.id}", field'
        for field, value, known, what in (
            ("chart", activity.chart, charts, "chart id"),
            ("table", activity.table, charts, "chart id"),
            ("claim", activity.claim, claims, "claim id (not in seeds/)"),
            ("workload", activity.workload, workloads, "workload id (not in data/workloads.yaml)"),
        ):
            if value is not None and value not in known:
                raise DataError(f'{where} {field}: unknown {what} "{value}"')
        for index, column in enumerate(activity.columns):
            if column not in charts.get(activity.table, []):
                shown = ", ".join(charts.get(activity.table, [])) or "none: the activity has no table"
                raise DataError(f'{where} columns[{index}]: unknown column "{column}" (the table\'s columns: {shown})')
        for index, figure in enumerate(activity.figures):
            if figure not in data.figures:
                raise DataError(f'{where} figures[{index}]: unknown figure "{figure}" (not in data/figures/)')
        texts = Texts(data, derived)
        for field, text in _texts_of(activity):
            try:
                texts.render(text)
            except (TemplateError, KeyError, AttributeError, DataError) as error:
                message = str(error).strip("'\"")
                raise DataError(f"{where} {field}: {message}") from None
    for plan in lesson.plans:
        for number, lesson_ in enumerate(plan.lessons):
            for index, step in enumerate(lesson_.steps):
                for field in ("activities", "projector"):
                    for i, activity_id in enumerate(getattr(step, field)):
                        if activity_id not in activities and not (field == "projector" and activity_id in SCREENS):
                            raise DataError(
                                f'{name}: entry "{plan.id}", step "{step.title}", field '
                                f'lessons[{number}].steps[{index}].{field}[{i}]: unknown activity "{activity_id}"'
                            )
                        if activity_id == HEADLINE and not any(a.headline for a in lesson.activities):
                            raise DataError(
                                f'{name}: entry "{plan.id}", step "{step.title}", field '
                                f"lessons[{number}].steps[{index}].{field}[{i}]: no activity has a headline to open"
                            )
    return lesson


def article_line(article) -> str:
    """Who published a press article and when, as far as we know: never its title, which students took for
    this site's."""
    who = article.outlet + (" (probably)" if article.outlet_probable else "") if article.outlet else None
    if article.published:
        when = day(article.published)
    elif article.published_before:
        when = f"between {day(article.published_after)} and {day(article.published_before)}"
    else:
        when = f"on or after {day(article.published_after)}"
    where = f"in {who}" if who else "whose publisher we could not find"
    return f"From a press article {where}, published {when}; not from this site."
