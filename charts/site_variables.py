"""The page variables build_charts.py wrote (numbers, figures, charts, generated pages), handed to the
macros plugin of MkDocs and of Zensical; mkdocs.yml names this module (plugins: macros: module_name).

Both plugins could read the file themselves (include_yaml), but with PyYAML's pure-Python parser: about
1.5 s a build for MkDocs, and Zensical reads it again for every page. libyaml reads it in a few ms.
"""

from __future__ import annotations

from pathlib import Path

import yaml

VARIABLES = Path(__file__).resolve().parent.parent / "docs" / "generated" / "macros.yml"


def load(path: Path = VARIABLES) -> dict:
    if not path.exists():
        raise FileNotFoundError(f"{path.name} is missing: run `make charts` (python build_charts.py) first")
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=loader)


def define_env(env) -> None:
    env.variables.update(load())
