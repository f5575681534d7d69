"""Ask every source URL in data/sources/ whether it still answers. Needs the internet: run it by hand
(`make linkcheck`), never in CI. Prints the ones that fail; exits 1 if any do."""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from charts.loader import load

HEADERS = {"User-Agent": "Mozilla/5.0 (deepseek-story link check)"}


def status(url: str) -> str | None:
    """None when the URL answers; else a short reason."""
    for method in ("HEAD", "GET"):
        try:
            request = urllib.request.Request(url, headers=HEADERS, method=method)
            with urllib.request.urlopen(request, timeout=20) as response:
                if response.status < 400:
                    return None
        except urllib.error.HTTPError as error:
            if method == "GET" or error.code not in (403, 405, 501):
                return f"HTTP {error.code}"
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return str(getattr(error, "reason", error))
    return "no answer"


def main() -> int:
    sources = sorted(load(Path(__file__).resolve().parent).sources.values(), key=lambda s: s.id)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda s: (s, status(s.url)), sources))
    failed = [(s, why) for s, why in results if why]
    for source, why in failed:
        print(f"{source.id}: {why} {source.url}")
    print(f"{len(sources) - len(failed)} of {len(sources)} source URLs answer", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
