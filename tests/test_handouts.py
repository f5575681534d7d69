"""Classroom handouts: a PDF per section and one for the whole story, in A4 and US Letter, each with
its cover, its numbered figures drawn as vectors, its glossary and its sources."""

from __future__ import annotations

import re
import subprocess

import pytest

from local_site import ROOT
from make_handouts import mkdocs_config, sections, theme_styles

SECTIONS = sections(mkdocs_config())
PAPER_SIZES = {"a4": (595, 842), "letter": (612, 792)}  # points


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_info(path) -> dict:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def page_ink(path, page: int) -> float:
    """Share of non-white pixels on one page, rendered small with pdftoppm."""
    pgm = subprocess.run(
        ["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page), str(path)], capture_output=True, check=True
    ).stdout
    header = pgm.split(b"\n", 3)
    pixels = header[3]
    return sum(1 for value in pixels if value < 200) / max(len(pixels), 1)


# The PDFs are printed from the MkDocs build only: what they hold does not depend on the generator.
@pytest.mark.parametrize("paper", PAPER_SIZES)
def test_the_whole_story_handout_has_every_section_a_glossary_and_sources(mkdocs_site, paper):
    pdf = mkdocs_site["dir"] / "handouts" / f"deepseek-story-{paper}.pdf"
    info = pdf_info(pdf)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert abs(width - PAPER_SIZES[paper][0]) < 2 and abs(height - PAPER_SIZES[paper][1]) < 2
    assert int(info["Pages"]) <= 24, "the printed reader is at most 24 pages"
    text = words(pdf_text(pdf))
    for title, _ in SECTIONS:
        assert title in text, title
    assert "Glossary" in text and "Notes and sources" in text
    assert mkdocs_site["url"] in text  # the cover points back to the live site


@pytest.mark.parametrize("title, page", SECTIONS, ids=[p for _, p in SECTIONS])
def test_each_section_handout_has_a_cover_its_figures_and_its_questions(mkdocs_site, title, page):
    stem = page.removesuffix(".html")
    built = (mkdocs_site["dir"] / page).read_text()
    chart_titles = re.findall(r'<span class="chart-title" id="title-[^"]+">([^<]+)</span>', built)
    for paper in PAPER_SIZES:
        pdf = mkdocs_site["dir"] / "handouts" / f"{stem}-{paper}.pdf"
        text = words(pdf_text(pdf))
        assert title in text
        assert mkdocs_site["url"] + page in text.replace(" ", "") or mkdocs_site["url"] + page in text
        assert "Questions to think about" in text
        for index, chart_title in enumerate(chart_titles, start=1):
            # The title is numbered, and the chart itself is vector art whose own text is in the PDF.
            assert f"Figure {index}." in text
            assert words(chart_title.replace("&#39;", "'").replace("&amp;", "&"))[:40] in text
        assert int(pdf_info(pdf)["Pages"]) <= 4, "a section handout is at most four pages"
        assert "In short".upper() in text.upper()
        assert page_ink(pdf, 1) > 0.01, "the first page is blank"


def test_the_handout_charts_are_vector_images_not_screenshots(mkdocs_site):
    pdf = mkdocs_site["dir"] / "handouts" / "chips-a4.pdf"
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rasters = [line for line in listing.splitlines()[2:] if line.strip()]
    assert len(rasters) <= 1, listing  # at most the QR code; charts are paths and text
    assert "US rules" in pdf_text(pdf)  # a lane label from inside the timeline chart


def test_handouts_are_listed_for_every_story_section():
    assert len(SECTIONS) >= 10
    assert all((ROOT / "docs" / page.replace(".html", ".md")).exists() for _, page in SECTIONS)


def test_a_relative_site_folder_works_like_make_handout_passes_it(mkdocs_site, monkeypatch, tmp_path):
    import make_handouts

    printed = []
    monkeypatch.setattr(make_handouts, "print_pdfs", lambda pages, papers: printed.extend(pages) or [])
    monkeypatch.chdir(mkdocs_site["dir"].parent)
    assert make_handouts.main(["--site", mkdocs_site["dir"].name, "--paper", "A4"]) == 0
    assert printed and all(page.is_absolute() for page in printed)


def test_every_handout_cover_carries_the_content_date_not_the_build_date(mkdocs_site):
    from charts.edition import content_date
    from charts.loader import load
    from charts.numbers import day

    checked = day(content_date(load(ROOT)))
    pdfs = sorted((mkdocs_site["dir"] / "handouts").rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        first_page = words(
            subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        )
        assert checked in first_page, pdf.name
        assert "2025-01-01" not in first_page, pdf.name


def test_the_handouts_carry_the_theme_stylesheets_of_either_generator(site):
    handout = (site["dir"] / "handouts" / "chips.html").read_text()
    linked = re.findall(r'<link rel="stylesheet" href="([^"]+)">', handout)
    theme = [href for href in linked if not href.startswith("stylesheets/")]  # ours are site.css, handout.css
    assert theme, f"the {site['generator']} handout links no theme stylesheet: it would print unstyled"
    css = "".join((site["dir"] / href).read_text() for href in theme)  # the handout's <base> is the site root
    assert ".md-typeset" in css  # the theme's typography, which the article's markup relies on


def test_a_site_without_a_theme_stylesheet_stops_the_handouts_with_a_clear_error(tmp_path):
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="stylesheets/site.css">')
    with pytest.raises(SystemExit, match="links no theme stylesheet"):
        theme_styles(tmp_path, ["stylesheets/site.css"])


@pytest.mark.parametrize("title, page", SECTIONS, ids=[p for _, p in SECTIONS])
def test_each_printed_figure_carries_its_reading_key_but_not_the_live_charts_hint(mkdocs_site, title, page):
    """On paper a figure keeps its caption, which says what the dots, rings and colours mean; the hint about
    the live chart's controls stays off paper."""
    built = (mkdocs_site["dir"] / page).read_text()
    captions = re.findall(r'<span class="chart-caption">(.*?)</span>\s*</figcaption>', built, re.S)
    assert captions, page
    hints = re.findall(r'<span class="chart-hint">(.*?)</span>', built, re.S)
    text = words(pdf_text(mkdocs_site["dir"] / "handouts" / f"{page.removesuffix('.html')}-a4.pdf"))
    for caption in captions:
        plain = words(re.sub(r"<[^>]+>", "", caption.split('<span class="chart-hint">')[0]))
        plain = plain.replace("&#39;", "'").replace("&amp;", "&").strip()
        assert plain[:50] in text, (page, plain[:50])
    for hint in hints:
        assert words(hint)[:40] not in text, (page, hint)
