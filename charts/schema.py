"""The shape of every YAML file under data/ and seeds/: one pydantic model per file or row kind.

Unknown keys are errors. Loading, cross-checks and error messages live in charts/loader.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SourceId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
FigureId = Annotated[str, Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
RowId = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, Field(min_length=1)]
Status = Literal["reported", "estimate", "claim"]
# Every kind of figure the site marks: the statuses a record can carry, plus our own arithmetic.
FIGURE_KINDS = ("reported", "estimate", "claim", "computed")
VERDICTS = ("confirmed", "approximately_right", "misleading", "wrong", "unverifiable")
# How a claim's reason in seeds/ quotes a figure, so it never types the number: {{ fig.v3_gpu_hours }}
FIGURE_MACRO = re.compile(r"\{\{\s*fig\.([a-z0-9_]+)\s*\}\}")

SOURCE_KINDS = {
    "primary_report": "primary report",
    "official_page": "official page",
    "analyst_estimate": "analyst estimate",
    "news_report": "news report",
    "press_claim": "press claim",
}
FORMATS = [
    "number",
    "usd",
    "usd_million",
    "usd_billion",
    "usd_trillion",
    "thousand",
    "million",
    "billion",
    "trillion",
    "percent",
    "sci",
    "times",
    "year",
]


class DataError(Exception):
    """A data file is wrong; the message is meant for the person who edits it."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)


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


class ApiPrice(Strict):
    id: RowId
    model: Text
    provider: Text
    input_cache_hit: float | None = Field(default=None, ge=0)
    input_cache_miss: float = Field(ge=0)
    output: float = Field(ge=0)
    reasoning: bool = False  # writes hidden "thinking" tokens, billed as output
    as_of: dt.date
    status: Status
    source: SourceId
    note: str | None = None


class PriceChange(Strict):
    """One change to DeepSeek's API list prices after R1's launch (data/api_price_history.yaml)."""

    id: RowId
    model: Text
    api_names: list[Annotated[str, Field(pattern=r"^[a-z0-9.-]+$")]] = Field(min_length=1)
    date_effective: dt.date
    period: Literal["all", "off_peak", "peak"]
    input_cache_hit: float = Field(ge=0)
    input_cache_miss: float = Field(ge=0)
    output: float = Field(ge=0)
    uncertain: bool = False  # the day or the value is not pinned down; the note says why
    still_listed_in: SourceId | None = None  # the latest DeepSeek page on which this price was still listed
    status: Status
    source: SourceId
    note: str | None = None


class AppAction(Strict):
    """One government action on DeepSeek's app or service (data/app_actions.yaml)."""

    id: RowId
    date: dt.date
    date_uncertain: bool = False
    jurisdiction: Text
    body: Text
    action: Literal[
        "ban_government_devices",
        "app_store_removal",
        "data_protection_order",
        "consumer_case",
        "reinstatement",
        "law_proposed",
        "official_warning",
    ]
    outcome: Literal["in_force", "lifted", "closed", "not_passed", "unknown"]
    what: Text
    status: Status
    source: SourceId


class Workload(Strict):
    """An illustrative task for the price calculator: our assumption, not a sourced figure."""

    id: RowId
    name: Text
    description: Text
    input_tokens: int = Field(ge=0)
    output_tokens: int = Field(ge=0)
    thinking_tokens: int = Field(ge=0)
    cached_share: float = Field(ge=0, le=1)


class CostPart(Strict):
    part: Literal[
        "final_run", "final_run_amortized", "add_on_run", "research_and_experiments", "hardware", "total_program"
    ]
    usd: float = Field(gt=0)
    status: Status
    source: SourceId
    note: str | None = None


class TrainingCost(Strict):
    id: RowId
    model: Text
    developer: Text
    year: int = Field(ge=2015, le=2030)
    parts: list[CostPart] = Field(min_length=1)


class ComputeModel(Strict):
    id: RowId
    model: Text
    developer: Text
    released: dt.date
    flop: float = Field(gt=0)
    flop_low: float | None = Field(default=None, gt=0)
    flop_high: float | None = Field(default=None, gt=0)
    status: Status
    source: SourceId
    total_params: float | None = Field(default=None, gt=0)
    active_params: float | None = Field(default=None, gt=0)
    training_tokens: float | None = Field(default=None, gt=0)
    gpu_hours: float | None = Field(default=None, gt=0)
    inputs_source: SourceId | None = None
    note: str | None = None


class EfficiencyFactor(Strict):
    id: RowId
    name: Text
    value: float
    unit: Literal["percent", "times"]
    # How the value reads against its own starting point: the share still needed, the percent cut,
    # how many times faster, or a price paid for the other savings.
    effect: Literal["share_left", "cut", "faster", "cost"]
    baseline: Text  # what it is measured against, in a few words
    explanation: Text
    status: Status
    source: SourceId


class TrainingCompute(Strict):
    models: list[ComputeModel] = Field(min_length=2)
    factors: list[EfficiencyFactor] = []


class BenchmarkModel(Strict):
    id: RowId
    name: Text
    group: Literal["frontier", "distilled"]


class Benchmark(Strict):
    id: RowId
    name: Text
    metric: Text
    tests: Text
    source: SourceId
    scores: dict[str, float] = Field(min_length=1)


class Benchmarks(Strict):
    models: list[BenchmarkModel] = Field(min_length=2)
    benchmarks: list[Benchmark] = Field(min_length=1)


class TimelineEvent(Strict):
    id: RowId
    date: dt.date
    lane: Literal["us_rules", "china_rules", "nvidia_chips", "deepseek", "markets"]
    title: Text
    meaning: Text
    headline: Text | None = None  # a few words: marks one of the events the chart labels
    in_force_until: str | None = None  # for a rule: the id of the event that ended it, or "open"
    status: Status
    source: SourceId


class MarketFall(Strict):
    id: RowId
    company: Text
    date: dt.date
    loss_usd: float = Field(gt=0)
    percent_fall: float | None = Field(default=None, gt=0, lt=100)
    status: Status
    source: SourceId


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
    legend: Any  # charts.legend.Legend: the words for kinds, verdicts and statuses
