"""The content date and version that covers and the offline copy print come from the data, not the build clock."""

from __future__ import annotations

import datetime as dt

import yaml

from charts.edition import content_date, content_version, edition
from charts.loader import load
from local_site import ROOT


def test_the_content_date_is_the_latest_day_a_source_was_read_or_a_figure_was_current():
    data = load(ROOT)
    date = content_date(data)
    assert date >= max(check.checked for check in data.checks)
    assert date >= max(s.date_accessed for s in data.sources.values())
    assert date > dt.date(2025, 1, 20), "the content date cannot be before R1 was released"


def test_the_content_date_moves_when_a_page_is_checked_again(project_copy):
    path = project_copy / "data" / "checks.yaml"
    rows = yaml.safe_load(path.read_text())
    later = content_date(load(project_copy)) + dt.timedelta(days=3)
    rows[0]["checked"] = later
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))
    assert content_date(load(project_copy)) == later


def test_outside_git_the_version_is_a_hash_of_the_content(project_copy):
    first = content_version(project_copy)  # the copy lives in a temporary folder, outside any repository
    assert len(first) == 7
    (project_copy / "docs" / "lab.md").write_text((project_copy / "docs" / "lab.md").read_text() + "\nMore.\n")
    assert content_version(project_copy) != first


def test_the_edition_spells_the_date_for_readers():
    stamp = edition(load(ROOT), ROOT)
    assert stamp["day"] == f"{stamp['date'].day} {stamp['date']:%B %Y}"
