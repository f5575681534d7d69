"""Load and validate every YAML file under data/ and seeds/.

Any problem becomes one DataError whose message names the file, the entry and the field,
so a maintainer who knows YAML but not Python can fix it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

SourceId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
FigureId = Annotated[str, Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
RowId = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, Field(min_length=1)]
Status = Literal["reported", "estimate", "claim"]

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
    usd_low: float | None = Field(default=None, gt=0)
    usd_high: float | None = Field(default=None, gt=0)
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
    gpu: str | None = None
    inputs_source: SourceId | None = None
    note: str | None = None


class EfficiencyFactor(Strict):
    id: RowId
    name: Text
    value: float
    unit: Literal["percent", "times"]
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
    higher_is_better: bool = True
    source: SourceId
    scores: dict[str, float] = Field(min_length=1)


class Benchmarks(Strict):
    models: list[BenchmarkModel] = Field(min_length=2)
    benchmarks: list[Benchmark] = Field(min_length=1)


class TimelineEvent(Strict):
    id: RowId
    date: dt.date
    lane: Literal["us_rules", "nvidia_chips", "deepseek", "markets"]
    title: Text
    meaning: Text
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
    verdict: Literal["confirmed", "approximately_right", "misleading", "wrong", "unverifiable"]
    reason: Text


class SeedArticle(Strict):
    seed_file: Annotated[str, Field(pattern=r"^[0-9]{3}_[0-9a-f]+\.txt$")]
    title: Text
    summary: Text
    claims: list[Claim] = Field(min_length=1)


class GlossaryTerm(Strict):
    id: RowId
    term: Text
    abbr: str | None = None  # the short form readers meet in the text, shown as a tooltip
    definition: Text


class Data(BaseModel):
    """Everything the site is built from, validated and cross-checked."""

    sources: dict[str, Source]
    figures: dict[str, Figure]
    api_prices: list[ApiPrice]
    training_costs: list[TrainingCost]
    training_compute: TrainingCompute
    benchmarks: Benchmarks
    timeline: list[TimelineEvent]
    market: list[MarketFall]
    seeds: list[SeedArticle]
    glossary: list[GlossaryTerm]
    workloads: list[Workload]


def _where(loc: tuple, document) -> str:
    """Turn a pydantic location like (3, 'parts', 0, 'usd') into 'entry "deepseek-v3", field parts[0].usd'."""
    parts, node, entry = [], document, None
    for step in loc:
        if isinstance(step, int):
            if isinstance(node, list) and step < len(node):
                node = node[step]
                if entry is None and isinstance(node, dict) and "id" in node:
                    entry = node["id"]
            parts.append(f"[{step}]")
        else:
            node = node.get(step) if isinstance(node, dict) else None
            if entry is None and isinstance(node, dict) and "id" in node:
                entry = node["id"]
            parts.append(f".{step}" if parts else str(step))
    field = "".join(parts) or "(whole file)"
    return (f'entry "{entry}", ' if entry else "") + f"field {field}"


def _read_yaml(path: Path, root: Path):
    name = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{name}: cannot read the file ({error})") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "not valid YAML"
        raise DataError(f"{name}: malformed YAML{where}: {problem}") from None
    if document is None:
        raise DataError(f"{name}: the file is empty")
    return name, document


def _validate(model, path: Path, root: Path):
    name, document = _read_yaml(path, root)
    try:
        if isinstance(model, type) and issubclass(model, BaseModel):
            return name, model.model_validate(document)
        from pydantic import TypeAdapter

        return name, TypeAdapter(model).validate_python(document)
    except ValidationError as error:
        first = error.errors()[0]
        message = first["msg"]
        if first["type"] == "extra_forbidden":
            message = "unknown field (check its spelling in data/README.md)"
        elif first["type"] == "missing":
            message = "required field is missing"
        got = first.get("input")
        shown = (
            ""
            if first["type"] in ("missing", "extra_forbidden") or isinstance(got, (dict, list))
            else f" (got {got!r})"
        )
        raise DataError(f"{name}: {_where(first['loc'], document)}: {message}{shown}") from None


def _unique(rows, name: str, what: str = "id") -> dict:
    seen = {}
    for row in rows:
        key = getattr(row, what)
        if key in seen:
            raise DataError(f'{name}: entry "{key}", field {what}: duplicate id (already used in {seen[key][0]})')
        seen[key] = (name, row)
    return seen


def load(root: Path) -> Data:
    """Read data/ and seeds/ under root; raise DataError on the first problem."""
    data_dir = root / "data"
    sources: dict = {}
    for path in sorted((data_dir / "sources").glob("*.yaml")):
        name, rows = _validate(list[Source], path, root)
        for key, (where, row) in _unique(rows, name).items():
            if key in sources:
                raise DataError(f'{name}: entry "{key}", field id: duplicate id (already used in {sources[key][0]})')
            sources[key] = (where, row)
    figures: dict = {}
    for path in sorted((data_dir / "figures").glob("*.yaml")):
        name, rows = _validate(list[Figure], path, root)
        for key, (where, row) in _unique(rows, name).items():
            if key in figures:
                raise DataError(f'{name}: entry "{key}", field id: duplicate id (already used in {figures[key][0]})')
            figures[key] = (where, row)

    def one(filename, model):
        path = data_dir / filename
        if not path.exists():
            raise DataError(f"data/{filename}: the file is missing")
        return _validate(model, path, root)

    files = {
        "api_prices": one("api_prices.yaml", list[ApiPrice]),
        "training_costs": one("training_costs.yaml", list[TrainingCost]),
        "training_compute": one("training_compute.yaml", TrainingCompute),
        "benchmarks": one("benchmarks.yaml", Benchmarks),
        "timeline": one("timeline.yaml", list[TimelineEvent]),
        "market": one("market.yaml", list[MarketFall]),
        "glossary": one("glossary.yaml", list[GlossaryTerm]),
        "workloads": one("workloads.yaml", list[Workload]),
    }
    seeds = [_validate(SeedArticle, path, root) for path in sorted((root / "seeds").glob("*.yaml"))]

    for name, value in files.values():
        rows = value if isinstance(value, list) else None
        if rows is not None:
            _unique(rows, name)
    _unique(files["training_compute"][1].models, files["training_compute"][0])
    _unique(files["training_compute"][1].factors, files["training_compute"][0])
    _unique(files["benchmarks"][1].models, files["benchmarks"][0])
    _unique(files["benchmarks"][1].benchmarks, files["benchmarks"][0])
    for name, article in seeds:
        _unique(article.claims, name)

    known_sources = {key for key in sources}
    figures = {key: (name, _resolve(name, figure, files, sources)) for key, (name, figure) in figures.items()}
    _check_references(files, figures, seeds, known_sources)
    # Everything is validated above; model_construct keeps the resolved figures as they are.
    return Data.model_construct(
        sources={k: v[1] for k, v in sources.items()},
        figures={k: v[1] for k, v in figures.items()},
        seeds=[article for _, article in seeds],
        **{key: value for key, (_, value) in files.items()},
    )


def _dataset_value(path: str, files: dict, sources: dict):
    """(value, source, status, as_of) for `dataset.row.field`, or an error message."""
    dataset, _, rest = path.partition(".")
    row_id, _, field = rest.partition(".")
    if dataset not in files and dataset != "factors":
        return f'unknown dataset "{dataset}"'
    if dataset == "api_prices":
        rows = {r.id: r for r in files["api_prices"][1]}
        fields = ("input_cache_hit", "input_cache_miss", "output")
        if row_id in rows and field in fields and getattr(rows[row_id], field) is not None:
            r = rows[row_id]
            return getattr(r, field), r.source, r.status, r.as_of
    elif dataset == "training_compute":
        rows = {r.id: r for r in files["training_compute"][1].models}
        fields = ("flop", "total_params", "active_params", "training_tokens", "gpu_hours")
        if row_id in rows and field in fields and getattr(rows[row_id], field) is not None:
            r = rows[row_id]
            if field == "flop":
                return r.flop, r.source, r.status, r.released
            source = r.inputs_source or r.source
            return getattr(r, field), source, "reported", sources[source][1].date_published
    elif dataset == "factors":
        rows = {r.id: r for r in files["training_compute"][1].factors}
        if row_id in rows and not field:
            r = rows[row_id]
            return r.value, r.source, r.status, sources[r.source][1].date_published
    elif dataset == "training_costs":
        rows = {r.id: r for r in files["training_costs"][1]}
        parts = {p.part: p for p in rows[row_id].parts} if row_id in rows else {}
        if field in parts:
            p = parts[field]
            return p.usd, p.source, p.status, sources[p.source][1].date_published
    elif dataset == "market":
        rows = {r.id: r for r in files["market"][1]}
        if row_id in rows and field in ("loss_usd", "percent_fall") and getattr(rows[row_id], field) is not None:
            r = rows[row_id]
            return getattr(r, field), r.source, r.status, r.date
    elif dataset == "benchmarks":
        rows = {r.id: r for r in files["benchmarks"][1].benchmarks}
        if row_id in rows and field in rows[row_id].scores:
            r = rows[row_id]
            return r.scores[field], r.source, "reported", sources[r.source][1].date_published
    return f'no value at "{path}"'


def _resolve(name: str, figure: Figure, files: dict, sources: dict) -> Figure:
    if figure.from_ is None:
        return figure
    found = _dataset_value(figure.from_, files, sources)
    if isinstance(found, str):
        raise DataError(f'{name}: entry "{figure.id}", field from: {found}')
    value, source, status, as_of = found
    return figure.model_copy(update={"value": value, "source": source, "status": status, "as_of": as_of})


def _check_references(files, figures, seeds, known_sources) -> None:
    """Every source id, benchmark model id and claim target must exist."""

    def check(name, entry, field, source_id):
        if source_id is not None and source_id not in known_sources:
            raise DataError(
                f'{name}: entry "{entry}", field {field}: unknown source id "{source_id}" (not in data/sources/)'
            )

    for key, (name, figure) in figures.items():
        check(name, key, "source", figure.source)
        if figure.format.startswith("usd") and not figure.includes:
            raise DataError(f'{name}: entry "{key}", field includes: a dollar figure must say what it includes')
    for key, (name, value) in files.items():
        if key == "training_compute":
            for row in value.models:
                check(name, row.id, "source", row.source)
                check(name, row.id, "inputs_source", row.inputs_source)
            for row in value.factors:
                check(name, row.id, "source", row.source)
        elif key == "benchmarks":
            model_ids = {m.id for m in value.models}
            for row in value.benchmarks:
                check(name, row.id, "source", row.source)
                for model_id in row.scores:
                    if model_id not in model_ids:
                        raise DataError(
                            f'{name}: entry "{row.id}", field scores.{model_id}: unknown model id (not in models)'
                        )
        elif key in ("glossary", "workloads"):
            continue
        elif key == "training_costs":
            for row in value:
                for index, part in enumerate(row.parts):
                    check(name, row.id, f"parts[{index}].source", part.source)
        else:
            for row in value:
                check(name, row.id, "source", row.source)
    for name, article in seeds:
        for claim in article.claims:
            for target in claim.checked_against:
                if target not in figures and target not in known_sources:
                    raise DataError(
                        f'{name}: entry "{claim.id}", field checked_against: unknown id "{target}" '
                        "(use a figure id from data/figures/ or a source id from data/sources/)"
                    )
