"""List the sources nobody has re-read in six months or more, oldest reading first.

    python list_stale_sources.py             today's date from the clock
    python list_stale_sources.py --today 2027-06-01 --months 6

Exits 0 whatever it finds: it is a to-do list for whoever keeps the site current, not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from charts.fields import DataError
from charts.loader import load

ROOT = Path(__file__).resolve().parent


def stale(sources, today: dt.date, months: int) -> list:
    cutoff = today - dt.timedelta(days=round(months * 30.44))
    return sorted((s for s in sources if s.date_accessed < cutoff), key=lambda s: (s.date_accessed, s.id))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today())
    parser.add_argument("--months", type=int, default=6)
    args = parser.parse_args(argv)
    try:
        data = load(ROOT)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    rows = stale(data.sources.values(), args.today, args.months)
    print(f"{len(rows)} of {len(data.sources)} sources not re-read in {args.months} months (as of {args.today}):")
    for source in rows:
        print(f"  {source.date_accessed}  {source.id}  ({source.producer})  {source.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
