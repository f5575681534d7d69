"""Validate data/ and seeds/, build every chart, write the generated files under docs/generated/.

    python build_charts.py            build once
    python build_charts.py --watch    rebuild whenever data/ or seeds/ change (used by `make serve`)
    python build_charts.py --no-images  skip the static SVGs (quicker; print falls back to nothing)

On bad data it prints one line naming the file, the entry and the field, and exits 1 without
touching the previous output.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "docs" / "generated"
WATCHED = ("data", "seeds", "charts")  # what --watch looks at, with docs/*.md (chapter reading times)


def build(root: Path = ROOT, out: Path = OUT, images: bool = True) -> dict:
    """Build into a temporary folder, then swap it into place: never a half-written output."""
    from charts import pipeline

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".generated-", dir=out.parent))
    staging.chmod(0o755)
    try:
        report = pipeline.write_all(root, staging, images_wanted=images)
        old = Path(tempfile.mkdtemp(prefix=".generated-old-", dir=out.parent))
        if out.exists():
            out.rename(old / "previous")
        staging.rename(out)
        shutil.rmtree(old, ignore_errors=True)
        return report
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def snapshot(root: Path) -> dict:
    return {
        path: path.stat().st_mtime_ns
        for folder in WATCHED
        for path in (root / folder).rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    } | {path: path.stat().st_mtime_ns for path in (root / "docs").glob("*.md")}


def main(argv: list[str] | None = None) -> int:
    from charts.fields import DataError

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watch", action="store_true", help="rebuild when data/, seeds/ or charts/ change")
    parser.add_argument("--no-images", action="store_true", help="skip static SVG export")
    args = parser.parse_args(argv)

    def once() -> bool:
        started = time.perf_counter()
        try:
            report = build(images=not args.no_images)
        except DataError as error:
            print(f"error: {error}", file=sys.stderr)
            return False
        print(
            f"built {report['charts']} charts, {report['figures']} figures, {report['sources']} sources "
            f"in {time.perf_counter() - started:.1f}s -> {OUT.relative_to(ROOT)}/",
            file=sys.stderr,
        )
        return True

    if not args.watch:
        return 0 if once() else 1
    # Each rebuild runs in a fresh process, so edits to charts/ take effect too.
    command = [sys.executable, str(Path(__file__).resolve())] + (["--no-images"] if args.no_images else [])
    seen = snapshot(ROOT)  # `make serve` has just built once
    while True:
        now = snapshot(ROOT)
        if now != seen:
            seen = now
            subprocess.run(command, check=False)
        time.sleep(1)


if __name__ == "__main__":
    sys.exit(main())
