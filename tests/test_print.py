"""Print that never fails: at A4 and Letter no table, chart or figure is wider than the page column, on the
site's own pages (printed from the browser) and in every classroom PDF; no page is left with one orphan line."""

from __future__ import annotations

import re
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from local_site import nav_pages

# Material's @page margin is 25 mm: the text column at 96 px per inch.
COLUMN_PX = {"A4": round((210 - 50) / 25.4 * 96), "Letter": round((215.9 - 50) / 25.4 * 96)}
WIDER_THAN_COLUMN = """() => {
  const column = document.querySelector('article').getBoundingClientRect().right, found = [];
  for (const el of document.querySelectorAll('article table, article figure, article img, article svg, article pre')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > column + 1) found.push(`${el.tagName} ${el.id || el.className}: ${Math.round(box.right)} > ${Math.round(column)} px`);
  }
  for (const el of document.querySelectorAll('article *')) {
    const style = getComputedStyle(el);
    if (style.display !== 'none' && /auto|hidden|scroll/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1 && el.querySelector('table'))
      found.push(`${el.tagName} ${el.className} cuts off a table (${el.scrollWidth} > ${el.clientWidth} px)`);
  }
  return found;
}"""


@pytest.mark.parametrize("paper", COLUMN_PX)
def test_no_page_prints_a_table_or_figure_wider_than_the_paper_column(site, browser, paper):
    page = browser.new_page(viewport={"width": COLUMN_PX[paper], "height": 1000})
    page.emulate_media(media="print")
    clipped = []
    try:
        for name in nav_pages():
            page.goto(site["url"] + name, wait_until="load")
            clipped += [f"{name}: {problem}" for problem in page.evaluate(WIDER_THAN_COLUMN)]
    finally:
        page.close()
    assert not clipped, "\n".join(clipped[:10])


def test_the_training_cost_table_prints_its_dollar_column(site, browser, tmp_path):
    from charts.live_pages import page_quoting
    from charts.loader import load
    from charts.numbers import format_value
    from local_site import ROOT

    figure = load(ROOT).figures["v3_posttrain_cost_usd"]  # quoted only in the stage table's dollar column
    where = page_quoting(ROOT, "v3_posttrain_cost_usd")
    page = browser.new_page()
    try:
        page.goto(site["url"] + where, wait_until="load")
        for paper in COLUMN_PX:
            pdf = tmp_path / f"{paper}.pdf"
            page.pdf(path=str(pdf), format=paper)
            text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            assert format_value(figure.value, figure.format) in text, (
                f"{where} at {paper}: the dollar column is cut off"
            )
    finally:
        page.close()


def test_no_classroom_pdf_has_a_page_holding_a_single_orphan_line(site):
    for pdf in sorted((site["dir"] / "handouts").rglob("*.pdf")):
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        for number, page_text in enumerate(text.split("\f")[:-1], start=1):
            lines = [line for line in page_text.splitlines() if line.strip() and "· page" not in line]
            assert len(lines) != 1, f"{pdf.name} page {number} holds one line: {lines}"


def filled(pdf) -> list[float]:
    """How far down each page the lowest word reaches (chart labels included), as a share of the page; the
    browser's footer line is left out."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    shares = []
    for _, height, body in re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        bottoms = [float(y) for y in re.findall(r'yMax="([\d.]+)"', body) if float(y) < float(height) - 40]
        shares.append(max(bottoms, default=0) / float(height))
    return shares


def test_no_handout_page_is_left_half_empty_before_a_figure(site):
    pdfs = [p for p in (site["dir"] / "handouts").glob("*.pdf")]
    assert pdfs
    for pdf in pdfs:
        shares = filled(pdf)
        first = 1 if pdf.name.startswith("deepseek-story") else 0  # the reader's cover stands alone
        for number, share in enumerate(shares[first:-1], start=first + 1):
            assert share > 0.55, f"{pdf.name} page {number} is only {share:.0%} full"


def test_outside_links_print_as_numbered_notes_and_site_links_print_no_address(site, browser, tmp_path):
    page = browser.new_page()
    try:
        page.goto(site["url"] + "lab.html", wait_until="load")
        page.evaluate(
            """() => { const p = document.createElement('p');
            p.innerHTML = 'See <a href="https://example.org/report">the report</a> and <a href="chips.html">the chips</a>.';
            document.querySelector('article').prepend(p); }"""
        )
        pdf = tmp_path / "lab.pdf"
        page.pdf(path=str(pdf), format="A4")
        text = re.sub(r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout)
        assert re.search(r"See the report ?1 and the chips\.", text)
        assert re.search(r"Links 1\. https://example\.org/report( |$)", text), "a note for the outside link"
        assert not re.search(r"Links 1\. \S+ 2\. http", text), "links inside the site get no note"
        assert "chips.html" not in text
        assert not page.query_selector(".print-notes"), "the notes are removed after printing"
    finally:
        page.close()


def test_the_printer_refuses_a_clipped_table_or_an_overlong_sheet_and_writes_no_pdf(tmp_path):
    """The guard behind every classroom PDF: make handout stops, naming the file, rather than print a cut-off
    table or a worksheet that spills onto a second page."""
    from handouts.printer import print_all

    wide = tmp_path / "wide.html"
    wide.write_text('<html><body><table style="width:2000px"><tr><td>a column cut off</td></tr></table></body></html>')
    long_sheet = tmp_path / "long.html"
    long_sheet.write_text(
        '<html><body class="sheet-page"><div class="sheet" style="height:300px;overflow:hidden">'
        '<div style="height:900px">questions</div></div></body></html>'
    )
    fine = tmp_path / "fine.html"
    fine.write_text("<html><body><table><tr><td>fits</td></tr></table></body></html>")
    # In a thread of its own: the session's browser fixture already runs Playwright's loop in this one.
    with ThreadPoolExecutor(1) as pool, pytest.raises(SystemExit) as stopped:
        pool.submit(print_all, [wide, long_sheet, fine], ["A4", "Letter"]).result()
    message = str(stopped.value)
    assert "wide.html (A4)" in message and "wide.html (Letter)" in message and "table" in message
    assert "long.html (A4)" in message and "the sheet needs" in message
    assert not (tmp_path / "wide-a4.pdf").exists() and not (tmp_path / "long-a4.pdf").exists()
    assert (tmp_path / "fine-a4.pdf").exists()  # clean pages still print; the build stops after all are measured


def test_every_handout_figure_prints_at_least_six_tenths_of_its_drawn_size(mkdocs_site, browser):
    """A chart's labels are drawn at 11-13 px; shrunk to fit a short box they print too small to read (the
    two-panel estimates chart printed at 43%, its labels about 3.5 pt). Tall pictures may take more of the page."""
    from handouts.printer import TEXT_WIDTH_PX

    handouts = sorted((mkdocs_site["dir"] / "handouts").glob("*.html"))
    assert handouts
    page = browser.new_page()
    page.emulate_media(media="print")
    small = []
    try:
        for paper, width in TEXT_WIDTH_PX.items():
            page.set_viewport_size({"width": width, "height": 1000})
            for html in handouts:
                page.goto(html.as_uri(), wait_until="load")
                page.wait_for_function("[...document.images].every(i => i.complete)")
                for name, shown, drawn in page.evaluate(
                    "[...document.querySelectorAll('.print-figure img')].map(i => [i.getAttribute('src'),"
                    " i.getBoundingClientRect().width, i.naturalWidth])"
                ):
                    if shown < 0.6 * min(drawn, width):
                        small.append(f"{html.name} ({paper}): {name} at {shown / drawn:.0%}")
    finally:
        page.close()
    assert not small, "\n".join(small)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_no_table_header_in_a_classroom_handout_breaks_inside_a_word(site, browser, paper):
    """Every handout, worksheet and key laid out as the printer lays it out (print media, the paper's text
    width): each word of each table header stays on one line ("Note", not "Not / e")."""
    from handouts.printer import HEADERS_BROKEN_MID_WORD, PAPERS, TEXT_WIDTH_PX

    pages = sorted((site["dir"] / "handouts").rglob("*.html"))
    page = browser.new_page(viewport={"width": TEXT_WIDTH_PX[paper], "height": 1000})
    page.emulate_media(media="print")
    broken, headers = [], 0
    try:
        # The measure itself sees a header squeezed until it breaks inside its word.
        page.set_content('<table><tr><th style="width:1px;overflow-wrap:anywhere">Note</th></tr></table>')
        assert page.evaluate(HEADERS_BROKEN_MID_WORD), "the measure misses a broken header"
        for html in pages:
            page.goto(html.as_uri(), wait_until="load")
            page.evaluate(f"document.documentElement.dataset.paper = '{PAPERS[paper]}'")
            headers += page.evaluate("document.querySelectorAll('th').length")
            broken += [
                f"{html.relative_to(site['dir'])}: {problem}" for problem in page.evaluate(HEADERS_BROKEN_MID_WORD)
            ]
    finally:
        page.close()
    assert pages and headers, "no handout tables to measure"
    assert not broken, "\n".join(broken[:10])
