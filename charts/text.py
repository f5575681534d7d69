"""Text from data that ends up inside a Plotly chart.

Plotly reads a few HTML tags in labels (<b>, <br>, <a href>...). Data text is escaped, so a title
such as "</script><img src=x onerror=...>" shows as those characters and runs nothing; Plotly
turns the entities back into plain characters on screen.
"""

from __future__ import annotations

import html
import textwrap


def label(text: str) -> str:
    # Quotes stay as they are: Plotly writes labels as SVG text, and it does not decode &quot;.
    return html.escape(text, quote=False)


def wrapped(text: str, width: int = 18) -> str:
    """A label broken onto short lines (Plotly's <br>), escaped first."""
    return "<br>".join(label(line) for line in textwrap.wrap(text, width)) or label(text)
