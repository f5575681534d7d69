"""Classroom handouts: print-ready HTML and PDFs made from the built site.

    python make_handouts.py [--site site] [--paper A4|Letter|both]

For each story section, and for the whole story, writes site/handouts/<name>.html (a cover with a QR
code back to the live page, the section, the glossary terms it uses, the sources it cites) and prints
it to PDF with headless Chromium. Run after `mkdocs build`; `make handout` does both.
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import sys
from pathlib import Path

import segno
import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from charts.edition import edition
from charts.lesson_pages import READER

ROOT = Path(__file__).resolve().parent
STORY_SECTION = "The story"


def mkdocs_config() -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!ENV", lambda loader, suffix, node: loader.construct_sequence(node)[-1])
    return yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)


def sections(config: dict) -> list[tuple[str, str]]:
    """(title, page.html) for every page under "The story" in the nav, plus the teachers' page."""
    out = []
    for item in config["nav"]:
        for title, value in item.items():
            if title == STORY_SECTION:
                out += [(t, p.replace(".md", ".html")) for entry in value for t, p in entry.items()]
    return out


def theme_styles(site: Path, ours: list[str]) -> list[str]:
    """The theme's stylesheets, as the built home page links them: MkDocs-Material and Zensical keep
    them in different folders, so read the page rather than guess the folder."""
    html = (site / "index.html").read_text(encoding="utf-8")
    styles = []
    for tag in re.findall(r"<link\b[^>]*>", html):
        rel = re.search(r'\brel="([^"]*)"', tag)
        href = re.search(r'\bhref="([^"]*)"', tag)
        if not (rel and href and "stylesheet" in rel.group(1).split()):
            continue
        path = posixpath.normpath(href.group(1).split("?")[0])
        if re.match(r"^([a-z]+:|/)", path) or path in ours:
            continue  # another host's, or one of ours that the handout template links itself
        if not (site / path).is_file():
            raise SystemExit(f"error: {site}/index.html links the stylesheet {path}, which is not in the site")
        styles.append(path)
    if not styles:
        raise SystemExit(f"error: {site}/index.html links no theme stylesheet; the handouts would print unstyled")
    return styles


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def write_html(site: Path, live: str, data, sections_: list[tuple[str, str]]) -> list[Path]:
    """The reader (the whole story) and one short handout per chapter, as print-ready HTML."""
    from handouts.sections import Notes, chapter, terms_used

    env = Environment(
        loader=FileSystemLoader(ROOT / "charts" / "templates"), autoescape=True, undefined=StrictUndefined
    )
    template = env.get_template("section.html.j2")
    styles = theme_styles(site, mkdocs_config().get("extra_css", []))
    out_dir = site / "handouts"
    out_dir.mkdir(exist_ok=True)
    stamp = edition(data, ROOT)
    written = []

    def render(name: str, title: str, chosen: list[tuple[str, str]], url: str) -> None:
        notes = Notes(data)
        parts = [chapter(site, ROOT, t, page, data, notes, whole=len(chosen) > 1) for t, page in chosen]
        number = 0
        for part in parts:
            for chart in part["charts"]:
                number += 1
                chart["number"] = number
        html = template.render(
            title=title,
            url=url,
            qr=qr_svg(url),
            edition=stamp,
            parts=parts,
            terms=terms_used(" ".join(p["text"] for p in parts), data.glossary),
            notes=notes.items,
            styles=styles,
            whole=len(chosen) > 1,
        )
        path = out_dir / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        written.append(path)

    render(READER, "The DeepSeek R1 story", sections_, live)
    for title, page in sections_:
        render(page.removesuffix(".html"), title, [(title, page)], live + page)
    return written


def print_pdfs(pages: list[Path], papers: list[str]) -> list[Path]:
    from handouts.printer import print_all

    return print_all(pages, papers)


def write_worksheets(site: Path, live: str, data) -> list[Path]:
    from charts.lesson import load_lesson
    from charts.pipeline import FAMILIES, all_charts
    from handouts import worksheets

    derived = {}
    for family in FAMILIES:
        if hasattr(family, "derived"):
            derived.update(family.derived(data))
    charts = all_charts(data)
    lesson = load_lesson(ROOT, data, derived, {chart.id: chart.columns for chart in charts})
    env = Environment(
        loader=FileSystemLoader(ROOT / "charts" / "templates"), autoescape=True, undefined=StrictUndefined
    )
    common = {"qr": qr_svg, "edition": edition(data, ROOT)}
    titles = {chart.id: chart.title for chart in charts}
    return worksheets.write(env, lesson, data, derived, site, ROOT, live, common, titles)


def main(argv: list[str] | None = None) -> int:
    from charts.fields import DataError
    from charts.loader import load

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--paper", choices=["A4", "Letter", "both"], default="both")
    parser.add_argument("--no-pdf", action="store_true", help="write the HTML handouts only")
    parser.add_argument("--no-zip", action="store_true", help="skip the offline copy in site/downloads/")
    args = parser.parse_args(argv)
    args.site = args.site.resolve()  # Chromium opens the handouts by absolute file:// URL
    if not (args.site / "index.html").exists():
        print(f"error: {args.site} has no built site: run `make build` first", file=sys.stderr)
        return 1
    try:
        data = load(ROOT)
    except DataError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    config = mkdocs_config()
    live = os.environ.get("SITE_URL") or config["site_url"]
    live = live if live.endswith("/") else live + "/"
    chosen = sections(config)
    pages = write_html(args.site, live, data, chosen)
    pages += write_worksheets(args.site, live, data)
    if args.no_pdf:
        return 0
    papers = ["A4", "Letter"] if args.paper == "both" else [args.paper]
    pdfs = print_pdfs(pages, papers)
    if not args.no_zip:
        from handouts.offline import write_zip

        archive = write_zip(args.site, ROOT)
        print(f"wrote the offline copy {archive.name} ({archive.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    total = sum(p.stat().st_size for p in pdfs)
    print(f"wrote {len(pdfs)} PDFs ({total / 1e6:.1f} MB) to {args.site / 'handouts'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
