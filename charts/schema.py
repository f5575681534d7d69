"""The shape of every YAML file under data/ and seeds/: sources, figures, claims, glossary, corrections and
the whole Data; the dataset rows are in charts/datasets.py, the shared building blocks in charts/fields.py.

Unknown keys are errors. Loading, cross-checks and error messages live in charts/loader.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from charts.datasets import (
    ApiPrice,
    AppAction,
    Benchmarks,
    MarketFall,
    PriceChange,
    TimelineEvent,
    TrainingCompute,
    TrainingCost,
    Workload,
)
from charts.fields import FORMATS, SOURCE_KINDS, VERDICTS, FigureId, RowId, SourceId, Status, Strict, Text
from charts.legend import Legend


class Source(Strict):
    id: SourceId
    producer: Text
    title: Text
    url: Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]
    date_published: dt.date
    date_accessed: dt.date
    kind: Literal[tuple(SOURCE_KINDS)]  # type: ignore[valid-type]
    license: str | None = None
    note: str | None = None


class Figure(Strict):
    """A number the prose quotes. Either typed here with its source, or read `from` a dataset row
    (e.g. `from: api_prices.deepseek-r1.output`), so a number a chart shows is never typed twice."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    id: FigureId
    label: Text
    from_: str | None = Field(default=None, alias="from", pattern=r"^[a-z_]+\.[a-z0-9_-]+(\.[a-z0-9_-]+)?$")
    value: float | None = None
    format: Literal[tuple(FORMATS)]  # type: ignore[valid-type]
    unit: str | None = None
    status: Status | None = None
    source: SourceId | None = None
    as_of: dt.date | None = None
    includes: str | None = None
    # What a chip or spending figure covers: one training run, or the whole company's chips or spending
    # (the competing-estimates chart groups its rows by it).
    scope: Literal["one_run", "whole_company"] | None = None
    note: str | None = None

    @model_validator(mode="after")
    def typed_or_read(self):
        typed = {"value": self.value, "status": self.status, "source": self.source, "as_of": self.as_of}
        if self.from_ is not None:
            clash = [k for k, v in typed.items() if v is not None]
            if clash:
                raise ValueError(f"a figure read `from` a dataset must not also type {clash[0]}")
        else:
            missing = [k for k, v in typed.items() if v is None]
            if missing:
                raise ValueError(f"{missing[0]} is required (or read the figure `from` a dataset)")
        return self


class Claim(Strict):
    id: RowId
    claim: Text
    figure_claimed: str | None = None
    checked_against: list[str] = Field(min_length=1)
    verdict: Literal[VERDICTS]  # type: ignore[valid-type]
    reason: Text


class SeedArticle(Strict):
    """One press article we checked. None carries a byline or a date, so who published it and when
    are our findings: named where we could tell, otherwise the reason we could not."""

    seed_file: Annotated[str, Field(pattern=r"^[0-9]{3}_[0-9a-f]+\.txt$")]
    title: Text
    summary: Text
    outlet: str | None = None  # who published it
    known_as: str | None = None  # what we call it when the outlet is unknown
    outlet_probable: bool = False  # our best identification, not confirmed
    url: Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")] | None = None
    published: dt.date | None = None  # the day it came out, where known
    published_after: dt.date | None = None  # otherwise the dates its content places it between
    published_before: dt.date | None = None
    dated_by: str | None = None  # what a date range rests on
    unnamed_reason: str | None = None  # why the outlet or the address is missing
    claims: list[Claim] = Field(min_length=1)

    @model_validator(mode="after")
    def named_or_explained(self):
        if self.outlet is None and not self.known_as:
            raise ValueError("known_as is required when outlet is missing")
        if (self.outlet is None or self.url is None) and not self.unnamed_reason:
            raise ValueError("unnamed_reason is required when outlet or url is missing")
        if self.published is None and (self.published_after is None or not self.dated_by):
            raise ValueError("published is required, or else published_after and dated_by")
        if self.published_before and self.published_after and self.published_before < self.published_after:
            raise ValueError("published_before is earlier than published_after")
        return self


class GlossaryTerm(Strict):
    id: RowId
    term: Text
    abbr: str | None = None  # the short form readers meet in the text, shown as a tooltip
    definition: Text


class Correction(Strict):
    """One change to what the site says: a figure or verdict corrected, or the story brought up to date."""

    date: dt.date
    page: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]  # a docs page, without .md
    kind: Literal["correction", "update"]  # correction: we had it wrong; update: something new happened
    what: Text
    figure: FigureId | None = None
    claim: RowId | None = None
    old: str | None = None
    new: str | None = None
    why: Text
    source: SourceId | None = None


class PageCheck(Strict):
    """When a page was last checked, line by line, against its sources, and how."""

    page: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
    checked: dt.date
    how: Text


class Data(BaseModel):
    """Everything the site is built from, validated and cross-checked."""

    sources: dict[str, Source]
    figures: dict[str, Figure]
    api_prices: list[ApiPrice]
    api_price_history: list[PriceChange]
    app_actions: list[AppAction]
    training_costs: list[TrainingCost]
    training_compute: TrainingCompute
    benchmarks: Benchmarks
    timeline: list[TimelineEvent]
    market: list[MarketFall]
    seeds: list[SeedArticle]
    glossary: list[GlossaryTerm]
    workloads: list[Workload]
    corrections: list[Correction]
    checks: list[PageCheck]
    legend: Legend  # the words for figure kinds, verdicts and dispute statuses
