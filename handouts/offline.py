"""The offline copy as a download on the site itself, so the teachers' page can link it.

Builds the site again with Material's offline plugin (pages and search work from file://), adds the
handouts already printed, and zips it into site/downloads/. `make offline` makes the same copy in dist/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ZIP_NAME = "deepseek-story-offline"


def write_zip(site: Path, root: Path) -> Path:
    with tempfile.TemporaryDirectory() as work:
        copy = Path(work) / ZIP_NAME
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy)],
            cwd=root,
            capture_output=True,
            text=True,
            env={**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"},
        )
        if build.returncode != 0:
            raise SystemExit(f"error: the offline build failed:\n{build.stderr[-2000:]}")
        if (site / "handouts").exists():
            shutil.copytree(site / "handouts", copy / "handouts", dirs_exist_ok=True)
        (site / "downloads").mkdir(exist_ok=True)
        return Path(shutil.make_archive(str(site / "downloads" / ZIP_NAME), "zip", copy))
