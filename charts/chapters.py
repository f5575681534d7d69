"""Chapter numbers and reading times, shown at the top of every chapter ("Chapter 3 of 11 · 7 min read").

The story's order lives once, in mkdocs.yml's nav under "The story"; the reading time is counted from
each page's own words, so neither can go stale when a chapter moves or grows.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import yaml

STORY_SECTION = "The story"
WORDS_PER_MINUTE = 200  # a comfortable pace for a teenage reader of non-fiction


def mkdocs_nav(root: Path) -> list:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses !ENV tags; their values do not matter here.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["nav"]


def story(root: Path) -> list[tuple[str, str]]:
    """(title, file) for each chapter, in reading order."""
    for item in mkdocs_nav(root):
        if isinstance(item, dict) and STORY_SECTION in item:
            return [(title, path) for entry in item[STORY_SECTION] for title, path in entry.items()]
    raise RuntimeError(f'mkdocs.yml: nav has no "{STORY_SECTION}" section')


def words(markdown: str) -> int:
    """Words a reader reads: a number macro counts as one word, a chart macro and link targets as none."""
    text = re.sub(r"\{\{\s*chart\.\w+\s*\}\}", " ", markdown)
    text = re.sub(r"\{\{.*?\}\}", " n ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # keep a link's words, drop its address
    text = re.sub(r'^!!! \w+(?: "[^"]*")?', " ", text, flags=re.M)
    return len(re.findall(r"[\w’']+", text))


def minutes(word_count: int) -> int:
    return max(1, math.ceil(word_count / WORDS_PER_MINUTE))


def key(path: str) -> str:
    """training-cost.md -> training_cost, as pages write it: {{ chapter.training_cost }}."""
    return Path(path).stem.replace("-", "_")


def build(root: Path) -> dict[str, str]:
    chapters = story(root)
    out = {}
    for number, (_title, path) in enumerate(chapters, start=1):
        count = words((root / "docs" / path).read_text(encoding="utf-8"))
        out[key(path)] = (
            f'<p class="chapter-meta" data-chapter="{number}" data-words="{count}">'
            f"Chapter {number} of {len(chapters)} · {minutes(count)} min read</p>"
        )
    return out
