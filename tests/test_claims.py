"""The claims check leads with what matters: wrong and misleading claims first, confirmed ones folded
away, a filter by verdict and by article that works with JavaScript and hides nothing without it,
and every article named by outlet and date, or the reason it is not."""

from __future__ import annotations

import re

import pytest
from reader import Reader

from charts.loader import load
from local_site import ROOT

DATA = load(ROOT)
TOTAL = sum(len(article.claims) for article in DATA.seeds)
ROW = re.compile(r'<tr id="(claim-[a-z0-9-]+)" data-verdict="(\w+)" data-article="([0-9]+)">')


@pytest.fixture(scope="module")
def claims_html(site):
    return (site["dir"] / "claims.html").read_text(encoding="utf-8")


def test_the_claims_page_lists_wrong_and_misleading_before_confirmed(claims_html):
    verdicts = [verdict for _, verdict, _ in ROW.findall(claims_html)]
    assert len(verdicts) == TOTAL
    serious = [i for i, v in enumerate(verdicts) if v in ("wrong", "misleading")]
    confirmed = [i for i, v in enumerate(verdicts) if v == "confirmed"]
    assert serious and confirmed
    assert max(serious) < min(confirmed)
    assert verdicts[: len(serious)] == sorted(verdicts[: len(serious)], key=("wrong", "misleading").index)


def test_confirmed_claims_are_folded_away_and_no_other_verdict_is(claims_html):
    folded = re.findall(r"<details[^>]*>.*?</details>", claims_html, flags=re.S)
    assert len(folded) == 1
    inside = {verdict for _, verdict, _ in ROW.findall(folded[0])}
    assert inside == {"confirmed"}
    assert len(ROW.findall(folded[0])) == sum(
        claim.verdict == "confirmed" for article in DATA.seeds for claim in article.claims
    )


def test_every_verdict_shows_its_word_and_a_symbol_as_well_as_a_colour(browser, site):
    r = Reader(browser, site)
    try:
        r.open(site["url"] + "claims.html")
        badges = r.page.eval_on_selector_all(
            ".verdict-counts .verdict",
            "els => els.map(e => [e.textContent.trim(), getComputedStyle(e, '::before').content,"
            " getComputedStyle(e).borderLeftColor, e.getAttribute('href')])",
        )
        assert [b[0] for b in badges] == [
            DATA.legend.verdict(v).name
            for v in ("wrong", "misleading", "unverifiable", "approximately_right", "confirmed")
        ]
        assert len({b[1] for b in badges}) == 5 and all(b[1] not in ("none", '""') for b in badges)
        assert len({b[2] for b in badges}) == 5
        assert all(
            b[3].endswith("sources.html#verdict-" + v)
            for b, v in zip(badges, ("wrong", "misleading", "unverifiable", "approximately_right", "confirmed"))
        )
    finally:
        r.close()


def visible_rows(r) -> list[tuple[str, str]]:
    # Shown means laid out (a row in a closed <details> still counts: one click opens it).
    return r.page.eval_on_selector_all(
        "tr[data-verdict]",
        "rows => rows.filter(r => getComputedStyle(r).display !== 'none'"
        " && !r.closest('[hidden]')).map(r => [r.dataset.verdict, r.dataset.article])",
    )


def test_the_filter_hides_and_shows_rows_by_verdict_and_by_article(browser, site):
    r = Reader(browser, site)
    try:
        r.open(site["url"] + "claims.html")
        form = r.page.locator("form[data-claims-filter]")
        assert form.is_visible()
        assert len(visible_rows(r)) == TOTAL
        r.page.locator("input[name='verdict'][value='confirmed']").uncheck()
        rows = visible_rows(r)
        assert rows and all(verdict != "confirmed" for verdict, _ in rows)
        assert not r.page.locator("[data-verdict-group='confirmed']").is_visible()
        article = DATA.seeds[3].seed_file[:3]
        r.page.locator("select[name='article']").select_option(article)
        rows = visible_rows(r)
        assert rows and {a for _, a in rows} == {article}
        assert str(len(rows)) in form.locator(".claims-shown").inner_text()
        r.page.locator("input[name='verdict'][value='confirmed']").check()
        r.page.locator("select[name='article']").select_option("")
        assert len(visible_rows(r)) == TOTAL
        assert "all" in form.locator(".claims-shown").inner_text()
        assert not r.errors, r.errors
    finally:
        r.close()


def test_without_javascript_every_claim_is_there_and_no_dead_filter_shows(browser, site):
    r = Reader(browser, site, java_script_enabled=False)
    try:
        r.page.goto(site["url"] + "claims.html")
        assert not r.page.locator("form[data-claims-filter]").is_visible()
        assert r.page.locator("tr[data-verdict]").count() == TOTAL
        assert r.page.locator("tr[data-verdict='wrong']").first.is_visible()
    finally:
        r.close()


def test_each_article_is_named_by_outlet_and_date_with_a_link_or_the_reason_it_is_not(claims_html):
    for article in DATA.seeds:
        slug = article.seed_file[:3]
        section = re.search(rf'<section class="claims-article" id="article-{slug}">(.*?)</section>', claims_html, re.S)
        assert section, slug
        text = section.group(1)
        if article.outlet:
            assert article.outlet in text
        if article.url:
            assert f'href="{article.url}"' in text
        else:
            assert "Why not named" in text
        assert str(article.published_after.year if article.published_after else article.published.year) in text
        assert f'href="#article-{slug}"' in claims_html


def test_a_seed_article_without_outlet_or_reason_stops_the_build(project_copy):
    from charts.fields import DataError

    seed = sorted((project_copy / "seeds").glob("*.yaml"))[0]
    text = seed.read_text()
    seed.write_text(re.sub(r"\nunnamed_reason:.*?\n(?=\w)", "\n", text, flags=re.S))
    with pytest.raises(DataError, match=r"seeds/.*unnamed_reason"):
        load(project_copy)


def test_every_claim_row_has_its_own_anchor(claims_html):
    anchors = [anchor for anchor, _, _ in ROW.findall(claims_html)]
    assert len(anchors) == TOTAL == len(set(anchors))


def test_a_claim_reason_still_prints_figures_from_the_data(claims_html):
    figure_id = next(
        m.group(1)
        for article in DATA.seeds
        for claim in article.claims
        for m in [re.search(r"\{\{\s*fig\.([a-z0-9_]+)\s*\}\}", claim.reason)]
        if m
    )
    from charts.numbers import format_value

    figure = DATA.figures[figure_id]
    assert f'<span class="fig fig-{figure.status}">{format_value(figure.value, figure.format)}</span>' in claims_html
