"""Print handout HTML to PDF with headless Chromium, and refuse to write a PDF that would clip or overflow.

Worksheets and keys (body.sheet-page) print edge to edge of a 12 mm margin with no browser footer, and
must fit one page: a sheet whose content overflows stops the build with the file's name. Every page is
measured in print layout at the paper's text width: a table, figure or image wider than the column
would be cut off on paper, so it stops the build too, and so does a table header broken inside a word.
"""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
PAPERS = {"A4": "a4", "Letter": "letter"}
MARGIN_MM = 12
# Paper width minus both margins, in CSS pixels (96 per inch): the column a page is laid out in.
TEXT_WIDTH_PX = {paper: round((width - 2 * MARGIN_MM) / 25.4 * 96) for paper, width in (("A4", 210), ("Letter", 215.9))}
FOOTER = (
    '<div style="font-size:7.5px;width:100%;text-align:center;color:#555">'
    '<span class="title"></span> · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>'
)

# Elements wider than their page column, or a sheet taller than its page. Returns readable descriptions.
MEASURE = """() => {
  const width = document.documentElement.clientWidth, problems = [];
  for (const el of document.querySelectorAll('table, figure, img, svg, pre, blockquote, .sheet-table-wrap')) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1) problems.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} is ${Math.round(box.right)} px wide, the column ${width} px`);
  }
  for (const el of document.querySelectorAll('.sheet-table-wrap, .chart-table-wrap')) {
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`a table inside ${el.className} is cut off (${el.scrollWidth} > ${el.clientWidth} px)`);
  }
  const sheet = document.querySelector('.sheet');
  if (sheet && !sheet.classList.contains('sheet-key') && sheet.scrollHeight > sheet.clientHeight + 1) problems.push(`the sheet needs ${sheet.scrollHeight} px but one page holds ${sheet.clientHeight} px: shorten it in data/lesson.yaml`);
  return problems;
}"""


# Table headers that break inside a word ("Not / e"): each word of every <th> must sit on one line. A break
# after a hyphen or a slash is a break between words. Returns readable descriptions.
HEADERS_BROKEN_MID_WORD = """() => {
  const broken = [];
  for (const th of document.querySelectorAll('th')) {
    const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-\\u2010-\\u2014\\/]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(`the table header "${th.textContent.trim()}" breaks inside "${word[0]}"`);
      }
    }
  }
  return broken;
}"""


def launch(playwright):
    # Debian's chromium where it is installed (as here and in CI), else Playwright's own download.
    where = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
    return playwright.chromium.launch(args=CHROMIUM_ARGS, **where)


def print_all(pages: list[Path], papers: list[str]) -> list[Path]:
    from playwright.sync_api import sync_playwright

    pdfs, problems = [], []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        page.emulate_media(media="print")
        for html in pages:
            page.set_viewport_size({"width": TEXT_WIDTH_PX["A4"], "height": 1000})
            page.goto(html.as_uri(), wait_until="load")
            page.wait_for_function("[...document.images].every(i => i.complete)")
            sheet = page.evaluate("document.body.classList.contains('sheet-page')")
            for paper in papers:
                page.set_viewport_size({"width": TEXT_WIDTH_PX[paper], "height": 1000})
                page.evaluate(f"document.documentElement.dataset.paper = '{PAPERS[paper]}'")
                found = page.evaluate(MEASURE) + page.evaluate(HEADERS_BROKEN_MID_WORD)
                if found:
                    problems.append(f"{html.name} ({paper}): " + "; ".join(found[:3]))
                    continue
                pdf = html.with_name(f"{html.stem}-{PAPERS[paper]}.pdf")
                margin = f"{MARGIN_MM}mm"
                page.pdf(
                    path=str(pdf),
                    format=paper,
                    print_background=True,
                    margin={"top": margin, "bottom": "16mm" if not sheet else margin, "left": margin, "right": margin},
                    display_header_footer=not sheet,
                    header_template="<span></span>",
                    footer_template=FOOTER,
                )
                pdfs.append(pdf)
        browser.close()
    if problems:
        raise SystemExit("error: would not print cleanly:\n  " + "\n  ".join(problems))
    return pdfs
