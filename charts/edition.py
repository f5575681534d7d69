"""Which edition of the content a copy shows: the date the facts were last checked, and a version.

The date is read from the data, never from the clock or the build, so a printed or offline copy says
how current its facts are (not "built 2025-01-01", which SOURCE_DATE_EPOCH fixes for reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import subprocess
from pathlib import Path

from charts.numbers import day
from charts.schema import Data


def content_date(data: Data) -> dt.date:
    """The latest day the data was checked: a page checked, a correction made, a source read, a price or
    figure "as of". Event dates are left out, since a timeline may hold a rule announced for a later day."""
    dates = [check.checked for check in data.checks] + [change.date for change in data.corrections]
    dates += [source.date_accessed for source in data.sources.values()]
    dates += [figure.as_of for figure in data.figures.values() if figure.as_of]
    dates += [row.as_of for row in data.api_prices]
    return max(dates)


def content_version(root: Path) -> str:
    """The commit the copy was made from; outside git, a short hash of data/ and docs/*.md."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        if out:
            return out
    except (subprocess.CalledProcessError, FileNotFoundError):
        pass
    digest = hashlib.sha256()
    for path in sorted([*(root / "data").rglob("*.yaml"), *(root / "docs").glob("*.md")]):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:7]


def edition(data: Data, root: Path) -> dict:
    """What a cover prints: {"date": date, "day": "23 November 2026", "version": "4c7ad29"}."""
    date = content_date(data)
    return {"date": date, "day": day(date), "version": content_version(root)}
