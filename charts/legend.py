"""The words for evidence, read from data/legend.yaml: kinds of figure, claim verdicts, dispute
statuses and kinds of source. Defined once; the sources and method page prints them all, and each
figure's popover prints the line for its kind."""

from __future__ import annotations

from pydantic import Field, model_validator

from charts.fields import FIGURE_KINDS, SOURCE_KINDS, VERDICTS, RowId, Strict, Text


class Term(Strict):
    id: RowId
    name: Text
    short: Text  # one line, for popovers and badges
    definition: Text


class VerdictLine(Strict):
    between: tuple[str, str]
    rule: Text


class Legend(Strict):
    figure_kinds: list[Term] = Field(min_length=1)
    verdicts: list[Term] = Field(min_length=1)
    verdict_lines: list[VerdictLine] = []
    dispute_statuses: list[Term] = Field(min_length=1)
    source_kinds: list[Term] = Field(min_length=1)

    @model_validator(mode="after")
    def defines_every_word_the_data_uses(self):
        for field, words in (("figure_kinds", FIGURE_KINDS), ("verdicts", VERDICTS), ("source_kinds", SOURCE_KINDS)):
            defined = [term.id for term in getattr(self, field)]
            missing = [word for word in words if word not in defined]
            if missing:
                raise ValueError(f"{field} has no definition for {missing[0]!r}")
            extra = [word for word in defined if word not in words]
            if extra:
                raise ValueError(f"{field} defines {extra[0]!r}, which the data cannot use")
        verdicts = [term.id for term in self.verdicts]
        for line in self.verdict_lines:
            for word in line.between:
                if word not in verdicts:
                    raise ValueError(f"verdict_lines names {word!r}, which is not a verdict")
        return self

    def figure_kind(self, kind: str) -> Term:
        return next(term for term in self.figure_kinds if term.id == kind)

    def verdict(self, verdict: str) -> Term:
        return next(term for term in self.verdicts if term.id == verdict)
