"""Load data/ and seeds/, validate them against charts/schema.py, resolve figures read from datasets.

Any problem becomes one DataError whose message names the file, the entry and the field,
so a maintainer who knows YAML but not Python can fix it.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from charts.fields import FIGURE_MACRO, DataError
from charts.resolve import resolve, worked_out_shares
from charts.schema import Data, Figure, SeedArticle, Source

# Every file under data/ besides the sources and figures folders is one field of Data, named after it
# (data/api_prices.yaml is Data.api_prices), and the field's type is the file's model.
DATASET_FILES = [name for name in Data.model_fields if name not in ("sources", "figures", "seeds")]


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


# libyaml's parser where PyYAML has it: the same documents and error marks, ten times quicker.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path, root: Path):
    name = path.relative_to(root).as_posix()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataError(f"{name}: cannot read the file ({error})") from None
    try:
        document = yaml.load(text, Loader=SAFE_LOADER)
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


def _registry(folder: Path, model, root: Path) -> dict:
    """{id: (file name, row)} across every YAML file in a folder; ids are unique across the files."""
    registry: dict = {}
    for path in sorted(folder.glob("*.yaml")):
        name, rows = _validate(list[model], path, root)
        for key, (where, row) in _unique(rows, name).items():
            if key in registry:
                raise DataError(f'{name}: entry "{key}", field id: duplicate id (already used in {registry[key][0]})')
            registry[key] = (where, row)
    return registry


def load(root: Path) -> Data:
    """Read data/ and seeds/ under root; raise DataError on the first problem."""
    data_dir = root / "data"
    sources = _registry(data_dir / "sources", Source, root)
    figures = _registry(data_dir / "figures", Figure, root)

    files = {}
    for key in DATASET_FILES:
        filename, model = f"{key}.yaml", Data.model_fields[key].annotation
        path = data_dir / filename
        if not path.exists():
            raise DataError(f"data/{filename}: the file is missing")
        files[key] = _validate(model, path, root)
    seeds = [_validate(SeedArticle, path, root) for path in sorted((root / "seeds").glob("*.yaml"))]

    for name, value in files.values():
        if isinstance(value, list) and value and hasattr(value[0], "id"):
            _unique(value, name)
    _unique(files["checks"][1], files["checks"][0], what="page")
    _unique(files["training_compute"][1].models, files["training_compute"][0])
    _unique(files["training_compute"][1].factors, files["training_compute"][0])
    _unique(files["benchmarks"][1].models, files["benchmarks"][0])
    _unique(files["benchmarks"][1].benchmarks, files["benchmarks"][0])
    for name, article in seeds:
        _unique(article.claims, name)

    known_sources = set(sources)
    # Datasets first, so a wrong source id in a row is reported against the file that holds the row,
    # not against a figure that reads from it.
    _check_dataset_references(files, known_sources)
    figures = {key: (name, resolve(name, figure, files, sources)) for key, (name, figure) in figures.items()}
    compute_file, compute = files["training_compute"]
    files["training_compute"] = (compute_file, worked_out_shares(compute_file, compute, figures))
    _check_figure_references(figures, seeds, known_sources)
    _check_pages(root, files, figures, seeds)
    # Everything is validated above; model_construct keeps the resolved figures as they are.
    return Data.model_construct(
        sources={k: v[1] for k, v in sources.items()},
        figures={k: v[1] for k, v in figures.items()},
        seeds=[article for _, article in seeds],
        **{key: value for key, (_, value) in files.items()},
    )


def _unknown_source(name, entry, field, source_id, known_sources) -> None:
    if source_id is not None and source_id not in known_sources:
        raise DataError(
            f'{name}: entry "{entry}", field {field}: unknown source id "{source_id}" (not in data/sources/)'
        )


def _check_dataset_references(files, known_sources) -> None:
    """Every source id and benchmark model id a dataset row names must exist."""

    def check(name, entry, field, source_id):
        _unknown_source(name, entry, field, source_id, known_sources)

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
        elif key in ("glossary", "workloads", "checks", "legend"):
            continue
        elif key == "corrections":
            for index, row in enumerate(value):
                check(name, f"[{index}]", "source", row.source)
        elif key == "training_costs":
            for row in value:
                for index, part in enumerate(row.parts):
                    check(name, row.id, f"parts[{index}].source", part.source)
        else:
            for row in value:
                check(name, row.id, "source", row.source)


def _check_pages(root: Path, files: dict, figures: dict, seeds) -> None:
    """Corrections and page checks name pages that exist, and figures and claims that exist."""
    pages = {path.stem for path in (root / "docs").glob("*.md")}
    claims = {claim.id for _, article in seeds for claim in article.claims}
    name, corrections = files["corrections"]
    for index, row in enumerate(corrections):
        where = f"{name}: entry [{index}] ({row.date.isoformat()})"
        if row.page not in pages:
            raise DataError(f"{where}, field page: no page docs/{row.page}.md")
        if row.figure is not None and row.figure not in figures:
            raise DataError(f'{where}, field figure: unknown figure id "{row.figure}"')
        if row.claim is not None and row.claim not in claims:
            raise DataError(f'{where}, field claim: unknown claim id "{row.claim}" (not in seeds/)')
    name, checks = files["checks"]
    for row in checks:
        if row.page not in pages:
            raise DataError(f'{name}: entry "{row.page}", field page: no page docs/{row.page}.md')


def _check_figure_references(figures, seeds, known_sources) -> None:
    """Every figure's source must exist, a dollar figure must say what it counts, and every claim's
    `checked_against` must name a figure or a source."""
    for key, (name, figure) in figures.items():
        if figure.from_ is None:
            _unknown_source(name, key, "source", figure.source, known_sources)
        if figure.format.startswith("usd") and not figure.includes:
            raise DataError(f'{name}: entry "{key}", field includes: a dollar figure must say what it includes')
    for name, article in seeds:
        for claim in article.claims:
            for figure_id in FIGURE_MACRO.findall(claim.reason):
                if figure_id not in figures:
                    raise DataError(f'{name}: entry "{claim.id}", field reason: unknown figure "{figure_id}"')
            for target in claim.checked_against:
                if target not in figures and target not in known_sources:
                    raise DataError(
                        f'{name}: entry "{claim.id}", field checked_against: unknown id "{target}" '
                        "(use a figure id from data/figures/ or a source id from data/sources/)"
                    )
