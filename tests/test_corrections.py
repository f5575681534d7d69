"""The Corrections and updates page and each page's "last checked" line come from data/ and cannot drift."""

from __future__ import annotations

import pytest
import yaml

from charts import corrections
from charts.fields import DataError
from charts.loader import load
from local_site import ROOT


def add_correction(project, fresh=False, **fields):
    """Append one correction; fresh=True starts from an empty log, so counts do not depend on the real one."""
    path = project / "data" / "corrections.yaml"
    rows = [] if fresh else yaml.safe_load(path.read_text()) or []
    rows.append(
        {
            "date": "2026-11-29",
            "page": "prices",
            "kind": "correction",
            "what": "The launch table now shows the price that applied on launch day.",
            "why": "The old row gave a later price.",
            **fields,
        }
    )
    path.write_text(yaml.safe_dump(rows, sort_keys=False))


def test_a_correction_in_the_data_appears_on_the_page_with_what_it_said_before(project_copy):
    add_correction(
        project_copy, fresh=True, old="the later list price", new="the launch-week price", source="deepseek-v3-report"
    )
    data = load(project_copy)
    html = corrections.page(data, {"prices": "What it costs to use"})
    assert "What it costs to use" in html and "the later list price" in html and "the launch-week price" in html
    assert "1 correction and 0 updates" in html
    assert 'href="sources.html#deepseek-v3-report"' in html


def test_a_page_with_a_correction_counts_it_in_its_last_checked_line(project_copy):
    add_correction(project_copy, fresh=True)
    lines = corrections.checked(load(project_copy))
    assert "1 change so far" in lines["prices"]
    assert "no changes so far" in lines["shock"]


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"page": "no-such-page"}, r"data/corrections\.yaml: entry \[\d+\] \(2026-11-29\), field page: no page"),
        ({"figure": "no_such_figure"}, r"field figure: unknown figure id \"no_such_figure\""),
        ({"claim": "no-such-claim"}, r"field claim: unknown claim id \"no-such-claim\""),
        ({"source": "no-such-source"}, r"field source: unknown source id \"no-such-source\""),
        ({"kind": "rumour"}, r"data/corrections\.yaml: .*field \[\d+\]\.kind"),
    ],
)
def test_a_correction_that_names_something_missing_stops_the_build_with_one_line(project_copy, fields, message):
    add_correction(project_copy, **fields)
    with pytest.raises(DataError, match=message):
        load(project_copy)


def test_every_story_page_has_a_last_checked_date():
    checked = {check.page for check in load(ROOT).checks}
    story = [path.stem for path in (ROOT / "docs").glob("*.md") if "{{ checked." in path.read_text()]
    assert story, "no page prints its last-checked line"
    assert set(story) <= checked


def test_each_chart_says_the_date_its_data_is_as_of():
    from charts.numbers import day
    from charts.pipeline import all_charts
    from charts.render import figure_html

    data = load(ROOT)
    for chart in all_charts(data):
        newest = max(data.sources[source].date_published for source in chart.sources)
        assert f"Data as of {day(newest)}" in figure_html(chart, data), chart.id


def test_the_stale_source_list_names_sources_read_more_than_six_months_ago():
    import datetime as dt

    from list_stale_sources import stale

    sources = list(load(ROOT).sources.values())
    newest = max(s.date_accessed for s in sources)
    assert stale(sources, newest, 6) == []
    later = stale(sources, newest + dt.timedelta(days=200), 6)
    assert {s.id for s in later} == {s.id for s in sources if s.date_accessed <= newest}
