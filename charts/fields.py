"""The building blocks every data model uses: id and text types, the closed vocabularies, the base model.

The models themselves live in charts/schema.py (sources, figures, claims, the whole Data) and
charts/datasets.py (the rows of each chart's dataset).
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

SourceId = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
FigureId = Annotated[str, Field(pattern=r"^[a-z0-9]+(_[a-z0-9]+)*$")]
RowId = Annotated[str, Field(pattern=r"^[a-z0-9]+([-_][a-z0-9]+)*$")]
Text = Annotated[str, Field(min_length=1)]
Status = Literal["reported", "estimate", "claim"]
# Every kind of figure the site marks: the statuses a record can carry, plus our own arithmetic.
FIGURE_KINDS = ("reported", "estimate", "claim", "computed")
VERDICTS = ("confirmed", "approximately_right", "misleading", "wrong", "unverifiable")
# How a claim's reason in seeds/ quotes a figure, so it never types the number: {{ fig.v3_gpu_hours }}
FIGURE_MACRO = re.compile(r"\{\{\s*fig\.([a-z0-9_]+)\s*\}\}")

SOURCE_KINDS = {
    "primary_report": "primary report",
    "official_page": "official page",
    "analyst_estimate": "analyst estimate",
    "news_report": "news report",
    "press_claim": "press claim",
}
FORMATS = [
    "number",
    "usd",
    "usd_million",
    "usd_billion",
    "usd_trillion",
    "thousand",
    "million",
    "billion",
    "trillion",
    "percent",
    "sci",
    "times",
    "year",
]


class DataError(Exception):
    """A data file is wrong; the message is meant for the person who edits it."""


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=False, frozen=True)
