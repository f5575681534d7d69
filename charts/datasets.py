"""The rows of each chart's dataset under data/ (prices, costs, compute, benchmarks, timeline, markets, app actions).

Unknown keys are errors. The building blocks come from charts/fields.py.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from charts.fields import FigureId, RowId, SourceId, Status, Strict, Text


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
    value: float | None = None  # the reported figure, or else share_of
    # A share we work out rather than read: [part, whole], two figure ids; the build sets value to
    # part / whole in percent, to one decimal, and the row reads as computed.
    share_of: list[FigureId] | None = Field(default=None, min_length=2, max_length=2)
    unit: Literal["percent", "times"]
    # How the value reads against its own starting point: the share still needed, the percent cut,
    # how many times faster, or a price paid for the other savings.
    effect: Literal["share_left", "cut", "faster", "cost"]
    baseline: Text  # what it is measured against, in a few words
    trick: Text  # the idea's short name, in bold on the chart ("Mixture of experts")
    # What it does, in a few words, with {value} for the reported figure and, for a cut, {left} for
    # what is still needed (100 minus it): the chart draws that, so the row must say it. A share_of row
    # may also say {part} and {whole}, its two figures, which the build fills in ("20 of 132 blocks").
    says: Text
    explanation: Text
    status: Status
    source: SourceId

    @model_validator(mode="after")
    def one_direction(self):
        """Each effect moves one way from its starting point: a share or a cut between 0 and 100
        (what is left is smaller), a speed-up above 1, a cost above 0."""
        if (self.value is None) == (self.share_of is None):
            raise ValueError("give either value or share_of (two figure ids), not both")
        if self.share_of and self.effect not in ("share_left", "cost"):
            raise ValueError(f"share_of gives a percent share, which a {self.effect} effect is not")
        # A cut is drawn as what is left, so its row says both: "keeps {left} of the memory, {value} less".
        wanted = {"{left}", "{value}"} if self.effect == "cut" else {"{value}"}
        found = set(re.findall(r"\{[^}]*\}", self.says))
        parts = {"{part}", "{whole}"} if self.share_of else set()
        if not wanted <= found <= wanted | parts:
            raise ValueError(f"says must contain {' and '.join(sorted(wanted))} and nothing else in braces")
        if self.value is None:  # checked again once the build has worked it out
            return self
        low, high = {"share_left": (0, 100), "cut": (0, 100), "faster": (1, None), "cost": (0, None)}[self.effect]
        if self.value <= low or (high is not None and self.value >= high):
            bound = f"between {low} and {high}" if high is not None else f"above {low}"
            raise ValueError(f"value {self.value:g} must be {bound} for a {self.effect} effect")
        unit = "times" if self.effect == "faster" else "percent"
        if self.unit != unit:
            raise ValueError(f"unit must be {unit} for a {self.effect} effect")
        return self

    @property
    def kind(self) -> str:
        """What kind of number the row shows: its status, or "computed" for a share we work out."""
        return "computed" if self.share_of else self.status


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
    # For a US rule: what it did to the chips China may buy. Required in us_rules, refused elsewhere.
    direction: Literal["tightened", "loosened", "unchanged"] | None = Field(default=None, validate_default=True)
    status: Status
    source: SourceId

    @field_validator("direction")
    @classmethod
    def _direction_for_us_rules(cls, value, info: ValidationInfo):
        lane = info.data.get("lane")
        if lane == "us_rules" and value is None:
            raise ValueError("a US rule needs a direction: tightened, loosened or unchanged")
        if lane not in (None, "us_rules") and value is not None:
            raise ValueError("only US rules (lane us_rules) carry a direction")
        return value


class MarketFall(Strict):
    id: RowId
    company: Text
    date: dt.date
    loss_usd: float = Field(gt=0)
    percent_fall: float | None = Field(default=None, gt=0, lt=100)  # leave out when the source gives none
    percent_about: bool = False  # the source gives the fall only roughly ("around 5%")
    status: Status
    source: SourceId

    @model_validator(mode="after")
    def _about_needs_a_percent(self):
        if self.percent_about and self.percent_fall is None:
            raise ValueError("percent_about is set but percent_fall is missing")
        return self
