"""Two builds of the same commit are byte-identical: no random ids, no timestamps."""

from __future__ import annotations

import filecmp
import sys

from local_site import copy_project, run


def tree(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())


def test_two_full_builds_of_the_same_input_are_byte_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    sites = []
    for name in ("first", "second"):
        assert run([sys.executable, "build_charts.py"], project).returncode == 0
        out = tmp_path / name
        result = run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
            project,
            SITE_URL="https://example.org/deepseek-story/",
            SOURCE_DATE_EPOCH="1735689600",
        )
        assert result.returncode == 0, result.stderr
        sites.append(out)
    first, second = sites
    assert tree(first) == tree(second)
    different = [str(p) for p in tree(first) if not filecmp.cmp(first / p, second / p, shallow=False)]
    assert not different, different
