"""The data files: the real ones load, and each kind of mistake gets one clear message."""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from typed_numbers import figures_typed

from charts.fields import DataError
from charts.loader import load
from local_site import ROOT, run


def test_the_real_data_and_seeds_load_without_errors():
    data = load(ROOT)
    assert len(data.sources) >= 10
    assert len(data.figures) >= 10
    assert len(data.timeline) >= 10


def test_every_source_url_is_well_formed():
    for source in load(ROOT).sources.values():
        assert re.match(r"^https?://[a-z0-9.-]+\.[a-z]{2,}(/\S*)?$", source.url, re.I), source.id


def test_no_source_was_read_before_it_was_published():
    for source in load(ROOT).sources.values():
        assert source.date_accessed >= source.date_published, source.id


def edit_yaml(path, change):
    document = yaml.safe_load(path.read_text())
    change(document)
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True))


BAD_CASES = {
    "malformed yaml": (
        "data/api_prices.yaml",
        lambda path: path.write_text(path.read_text() + "\n- id: [unclosed\n"),
        r"data/api_prices\.yaml: malformed YAML at line \d+, column \d+",
    ),
    "missing required field": (
        "data/api_prices.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].pop("output")),
        r'data/api_prices\.yaml: entry "[a-z0-9-]+", field \[0\]\.output: required field is missing',
    ),
    "a word where a number belongs": (
        "data/api_prices.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(output="cheap")),
        r'data/api_prices\.yaml: entry "[a-z0-9-]+", field \[0\]\.output: .*number.*\(got \'cheap\'\)',
    ),
    "unknown source id": (
        "data/timeline.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(source="no-such-source")),
        r'data/timeline\.yaml: entry "[a-z0-9-]+", field source: unknown source id "no-such-source"',
    ),
    "unknown source id in a dataset row that a figure reads": (
        "data/api_prices.yaml",
        lambda path: edit_yaml(
            path, lambda doc: [row.update(source="no-such-source") for row in doc if row["id"] == "deepseek-r1"]
        ),
        r'data/api_prices\.yaml: entry "deepseek-r1", field source: unknown source id "no-such-source"',
    ),
    "duplicate id": (
        "data/timeline.yaml",
        lambda path: edit_yaml(path, lambda doc: doc.append(dict(doc[0]))),
        r'data/timeline\.yaml: entry "[a-z0-9-]+", field id: duplicate id',
    ),
    "unknown key": (
        "data/market.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(colour="red")),
        r'data/market\.yaml: entry "[a-z0-9-]+", field \[0\]\.colour: unknown field',
    ),
    "a rough percentage with no percentage": (
        "data/market.yaml",
        lambda path: edit_yaml(
            path, lambda doc: [row.update(percent_about=True) for row in doc if "percent_fall" not in row][:1]
        ),
        r'data/market\.yaml: entry "[a-z0-9-]+", field \[\d+\]: .*percent_about is set but percent_fall is missing',
    ),
    "date that is not a date": (
        "data/timeline.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(date="last spring")),
        r'data/timeline\.yaml: entry "[a-z0-9-]+", field \[0\]\.date: .*date',
    ),
    "price history row with a period that does not exist": (
        "data/api_price_history.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(period="lunchtime")),
        r'data/api_price_history\.yaml: entry "[a-z0-9-]+", field \[0\]\.period: .*(got \'lunchtime\')',
    ),
    "price history row citing an unknown source": (
        "data/api_price_history.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[-1].update(source="no-such-source")),
        r'data/api_price_history\.yaml: entry "[a-z0-9-]+", field source: unknown source id "no-such-source"',
    ),
    "app action of an unknown kind": (
        "data/app_actions.yaml",
        lambda path: edit_yaml(path, lambda doc: doc[0].update(action="scolding")),
        r'data/app_actions\.yaml: entry "[a-z0-9-]+", field \[0\]\.action: .*(got \'scolding\')',
    ),
    "dollar figure that does not say what it includes": (
        "data/figures/training_cost.yaml",
        lambda path: edit_yaml(
            path, lambda doc: [f.pop("includes", None) for f in doc if f["format"].startswith("usd")]
        ),
        r'data/figures/training_cost\.yaml: entry "[a-z0-9_]+", field includes: a dollar figure must say what it includes',
    ),
    # The efficiency chart draws each effect one way from its starting point: a "cut" above 100 or a
    # "speed-up" below 1 would draw a dot on the wrong side of its ring.
    "efficiency cut above 100 percent": (
        "data/training_compute.yaml",
        lambda path: edit_yaml(
            path, lambda doc: next(f for f in doc["factors"] if f["effect"] == "cut").update(value=120)
        ),
        r'data/training_compute\.yaml: entry "[a-z0-9_]+", field factors\[\d+\]: .*value 120 must be between 0 and 100',
    ),
    "efficiency speed-up below 1": (
        "data/training_compute.yaml",
        lambda path: edit_yaml(
            path, lambda doc: next(f for f in doc["factors"] if f["effect"] == "faster").update(value=0.8)
        ),
        r'data/training_compute\.yaml: entry "[a-z0-9_]+", field factors\[\d+\]: .*value 0\.8 must be above 1',
    ),
    "efficiency share of an unknown figure": (
        "data/training_compute.yaml",
        lambda path: edit_yaml(
            path,
            lambda doc: next(f for f in doc["factors"] if f.get("share_of")).update(share_of=["v3_comm_sms", "nope"]),
        ),
        r'data/training_compute\.yaml: entry "[a-z0-9_]+", field share_of: unknown figure "nope"',
    ),
    "efficiency factor with both a value and a share": (
        "data/training_compute.yaml",
        lambda path: edit_yaml(path, lambda doc: next(f for f in doc["factors"] if f.get("share_of")).update(value=15)),
        r'data/training_compute\.yaml: entry "[a-z0-9_]+", field factors\[\d+\]: .*either value or share_of',
    ),
    "efficiency cut whose words do not say what is left": (
        "data/training_compute.yaml",
        lambda path: edit_yaml(
            path, lambda doc: next(f for f in doc["factors"] if f["effect"] == "cut").update(says="saves {value}")
        ),
        r'data/training_compute\.yaml: entry "[a-z0-9_]+", field factors\[\d+\]: .*says must contain \{left\} and \{value\}',
    ),
}


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_data_stops_with_one_message_naming_file_entry_and_field(project_copy, case):
    relative, breaker, expected = BAD_CASES[case]
    breaker(project_copy / relative)
    with pytest.raises(DataError) as error:
        load(project_copy)
    assert re.search(expected, str(error.value)), str(error.value)
    assert "\n" not in str(error.value)


def test_the_command_line_prints_one_line_and_no_traceback_on_bad_data(project_copy):
    edit_yaml(project_copy / "data/api_prices.yaml", lambda doc: doc[0].update(output="cheap"))
    result = run([sys.executable, "build_charts.py", "--no-images"], project_copy)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: data/api_prices.yaml: entry"), result.stderr
    assert "Traceback" not in result.stderr


def test_a_failed_chart_build_leaves_the_previous_output_untouched(project_copy):
    assert run([sys.executable, "build_charts.py", "--no-images"], project_copy).returncode == 0
    before = (project_copy / "docs/generated/macros.yml").read_bytes()
    edit_yaml(project_copy / "data/timeline.yaml", lambda doc: doc[0].update(source="nope"))
    assert run([sys.executable, "build_charts.py", "--no-images"], project_copy).returncode == 1
    assert (project_copy / "docs/generated/macros.yml").read_bytes() == before
    assert not list((project_copy / "docs").glob(".generated-*"))


def dataset_values(data):
    """(value, source) for every number a chart dataset holds."""
    for p in data.api_prices:
        for key in ("input_cache_hit", "input_cache_miss", "output"):
            if getattr(p, key) is not None:
                yield getattr(p, key), p.source
    for p in data.api_price_history:
        for key in ("input_cache_hit", "input_cache_miss", "output"):
            yield getattr(p, key), p.source
    for m in data.training_compute.models:
        yield m.flop, m.source
        for key in ("total_params", "active_params", "training_tokens", "gpu_hours"):
            if getattr(m, key) is not None:
                yield getattr(m, key), m.inputs_source or m.source
    for f in data.training_compute.factors:
        yield f.value, f.source
    for run_ in data.training_costs:
        for part in run_.parts:
            yield part.usd, part.source
    for m in data.market:
        yield m.loss_usd, m.source
    for b in data.benchmarks.benchmarks:
        for score in b.scores.values():
            yield score, b.source


# Same number, same source, different thing: checked by hand.
COINCIDENCES = {
    "v3_gpu_hour_price",  # $2 per GPU-hour; FP8's theoretical 2x speed-up is another 2 in the V3 report
    "r1_zero_aime_majority",  # R1-Zero's 86.7 with majority voting; o1-mini's MMLU-Redux is also 86.7
}


def test_no_figure_types_a_number_that_a_chart_dataset_already_holds():
    data = load(ROOT)
    held = set(dataset_values(data))
    typed = []
    for path in sorted((ROOT / "data" / "figures").glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text()):
            if entry["id"] in COINCIDENCES:
                continue
            if "value" in entry and (float(entry["value"]), entry["source"]) in held:
                typed.append(f"{path.name}: {entry['id']}")
    assert not typed, f"read these `from` the dataset instead of typing them again: {typed}"


def test_a_figure_can_be_read_from_a_dataset_row(project_copy):
    path = project_copy / "data/figures/training_cost.yaml"
    edit_yaml(
        path,
        lambda doc: doc.append(
            {
                "id": "test_r1_output",
                "label": "R1 output price",
                "from": "api_prices.deepseek-r1.output",
                "format": "usd",
                "includes": "output tokens",
            }
        ),
    )
    data = load(project_copy)
    r1 = next(p for p in data.api_prices if p.id == "deepseek-r1")
    figure = data.figures["test_r1_output"]
    assert (figure.value, figure.source, figure.status) == (r1.output, r1.source, r1.status)


def test_a_figure_read_from_a_missing_row_names_the_path(project_copy):
    path = project_copy / "data/figures/training_cost.yaml"
    edit_yaml(
        path,
        lambda doc: doc.append({"id": "test_missing", "label": "x", "from": "api_prices.nope.output", "format": "usd"}),
    )
    with pytest.raises(DataError, match=r'entry "test_missing", field from: no value at "api_prices.nope.output"'):
        load(project_copy)


def test_no_claim_reason_types_a_figure_that_the_data_holds():
    data = load(ROOT)
    typed = [
        f"{article.seed_file}: {claim.id}: {hit}"
        for article in data.seeds
        for claim in article.claims
        for hit in figures_typed(claim.reason, data.figures)
    ]
    assert not typed, f"write {{{{ fig.ID }}}} in these reasons instead: {typed}"


def test_a_short_amount_typed_back_into_a_real_reason_is_caught():
    data = load(ROOT)
    claim = next(c for a in data.seeds for c in a.claims if "{{ fig.high_flyer_aum_usd }}" in c.reason)
    typed = claim.reason.replace("{{ fig.high_flyer_aum_usd }}", "$8 billion")
    assert figures_typed(typed, data.figures) == ["high_flyer_aum_usd ($8 billion)"]


def test_a_claim_reason_that_names_an_unknown_figure_stops_the_build(project_copy):
    path = next((project_copy / "seeds").glob("*.yaml"))
    edit_yaml(path, lambda doc: doc["claims"][0].update(reason="It took {{ fig.no_such_figure }} GPUs."))
    with pytest.raises(
        DataError, match=r'seeds/.*\.yaml: entry "[a-z0-9-]+", field reason: unknown figure "no_such_figure"'
    ):
        load(project_copy)
