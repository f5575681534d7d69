"""WCAG 2.2 AA: axe-core finds no serious or critical problem on any page, light or dark; chart text
has enough contrast; every control can be reached and seen with the keyboard."""

from __future__ import annotations

import pytest
from reader import Reader

from local_site import ROOT, nav_pages

AXE = ROOT / ".build-cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `make js`")
    return AXE.read_text()


def axe_violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['help']}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", nav_pages())
def test_axe_finds_no_serious_or_critical_violation(browser, site, axe_source, page, scheme):
    r = Reader(browser, site, color_scheme=scheme)
    try:
        r.open(site["url"] + page)
        assert r.page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default"
        )
        violations = axe_violations(r.page, axe_source)
        assert not violations, violations
    finally:
        r.close()


def luminance(rgb):
    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb(css: str):
    css = css.strip()
    if css.startswith("#"):
        return tuple(int(css[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(float(x)) for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_text_has_at_least_4_5_to_1_contrast_with_the_page(browser, site, scheme):
    r = Reader(browser, site, color_scheme=scheme)
    try:
        r.open(site["url"] + "prices.html")
        text = r.page.evaluate("document.querySelector('.plotly-chart')._fullLayout.font.color")
        background = r.page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
        if "0, 0, 0, 0" in background or background == "transparent":
            background = r.page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert contrast(rgb(text), rgb(background)) >= 4.5, (text, background)
    finally:
        r.close()


def test_tabs_and_calculator_controls_are_reachable_by_keyboard_with_a_visible_focus(browser, site):
    r = Reader(browser, site)
    try:
        r.open(site["url"] + "prices.html")
        reached, outlined = set(), set()
        for _ in range(200):
            r.page.keyboard.press("Tab")
            info = r.page.evaluate(
                """() => { const e = document.activeElement;
                  // A content tab's radio is hidden; its label shows the focus.
                  const shown = e.type === 'radio' && e.id ? document.querySelector(`label[for="${e.id}"]`) : e;
                  const s = getComputedStyle(shown);
                  return {name: e.getAttribute('name') || e.id || e.tagName, visible: s.outlineStyle !== 'none' &&
                  parseFloat(s.outlineWidth) > 0 || s.boxShadow !== 'none'}; }"""
            )
            reached.add(info["name"])
            if info["visible"]:
                outlined.add(info["name"])
        for control in ("workload", "input_tokens", "output_tokens", "tabs-api-prices"):
            assert control in reached, (control, reached)
            assert control in outlined, f"{control} has no visible focus"
    finally:
        r.close()
