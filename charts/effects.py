"""The words for each engineering effect: where its dot sits, and the sentence that names it.

A reported cut (93.3% less memory) is drawn as what is left (6.7%), worked out here from the reported
figure, never typed; every row says both, so the dot's number is the one the reader reads.
"""

from __future__ import annotations

from charts.numbers import trim
from charts.text import label

SMALL = 12  # px: the "against ..." line under each row's sentence


def drawn(factor) -> float:
    """Where the effect lands on its panel's axis: what is left after a cut, else the reported value."""
    return round(100 - factor.value, 6) if factor.effect == "cut" else factor.value


def amount(value: float, factor) -> str:
    return f"{trim(value)}×" if factor.effect == "faster" else f"{trim(value)}%"


def numbers(factor) -> dict[str, str]:
    """What the placeholders in the row's `says` stand for."""
    return {"{value}": amount(factor.value, factor), "{left}": amount(drawn(factor), factor)}


def words(factor) -> list[tuple[str, bool]]:
    """The row's sentence as words, each marked bold or not: the trick's name and the numbers are bold."""
    out = [(word, True) for word in factor.trick.split()]
    for word in factor.says.split():
        filled = word
        for placeholder, value in numbers(factor).items():
            filled = filled.replace(placeholder, value)
        out.append((filled, filled != word))
    return out


def sentence(factor) -> str:
    """The row's sentence as plain text: "Latent attention keeps 6.7% of the memory, 93.3% less"."""
    return " ".join(word for word, _ in words(factor))


def wide(line: list[tuple[str, bool]], size: int) -> float:
    """About how many px a line of words takes at `size` px: bold is wider. Measured on DejaVu Sans,
    the widest sans-serif a reader's system-ui is likely to be (phones' own fonts are narrower)."""
    return sum(len(word) * (7.7 if bold else 6.8) + 4.2 for word, bold in line) * size / 13


def wrap(items: list[tuple[str, bool]], width: float, size: int = 13) -> list[list[tuple[str, bool]]]:
    lines: list[list[tuple[str, bool]]] = [[]]
    for item in items:
        if lines[-1] and wide(lines[-1] + [item], size) > width:
            lines.append([])
        lines[-1].append(item)
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 2:  # no word left alone on the last line
        lines[-1].insert(0, lines[-2].pop())
    return lines


def styled(line: list[tuple[str, bool]]) -> str:
    """One line of words as Plotly text, with each run of bold words in one <b>."""
    runs: list[tuple[list[str], bool]] = []
    for word, bold in line:
        if runs and runs[-1][1] == bold:
            runs[-1][0].append(word)
        else:
            runs.append(([word], bold))
    return " ".join(f"<b>{label(' '.join(w))}</b>" if bold else label(" ".join(w)) for w, bold in runs)


def row_lines(factor, width: float) -> list[str]:
    """The row's sentence, wrapped to `width` px, then what it is measured against, smaller."""
    main = [styled(line) for line in wrap(words(factor), width)]
    against = [(word, False) for word in f"against {factor.baseline}".split()]
    small = [f'<span style="font-size:{SMALL}px"><i>{styled(line)}</i></span>' for line in wrap(against, width, SMALL)]
    return main + small
