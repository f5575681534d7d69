"""Shared fixtures: a copy of the project to break, a built site served under a sub-path, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SUBPATH = "/deepseek-story/"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "seeds", "overrides", "charts", "build_charts.py")


def copy_project(target: Path) -> Path:
    """A private copy of everything a build reads, so a test can break it freely."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, target / part, ignore=shutil.ignore_patterns("generated", ".generated-*", "__pycache__")
            )
        elif source.exists():
            shutil.copy2(source, target / part)
    if (ROOT / ".cache").exists():
        (target / ".cache").symlink_to(ROOT / ".cache")
    return target


def run(args: list[str], cwd: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        args,
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        timeout=300,
    )


def build_site(project: Path, site_dir: Path, site_url: str, images: bool = True) -> None:
    """build_charts.py then mkdocs build --strict, as `make build` does."""
    charts = run([sys.executable, "build_charts.py"] + ([] if images else ["--no-images"]), project)
    assert charts.returncode == 0, charts.stderr
    site = run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], project, SITE_URL=site_url
    )
    assert site.returncode == 0, site.stderr


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SubpathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SUBPATH only, like GitHub Pages serves a project site."""

    def translate_path(self, path):
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__not_found__")
        return super().translate_path("/" + path[len(SUBPATH) :])

    def log_message(self, *args):
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser dropping a connection mid-response is not a test failure


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The real project built once and served at http://127.0.0.1:PORT/deepseek-story/."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}{SUBPATH}"
    site_dir = tmp_path_factory.mktemp("site")
    build_site(ROOT, site_dir, base_url)
    handouts = run([sys.executable, "make_handouts.py", "--site", str(site_dir)], ROOT, SITE_URL=base_url)
    assert handouts.returncode == 0, handouts.stderr
    handler = functools.partial(SubpathHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield {"url": base_url, "dir": site_dir}
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Debian's chromium where `make test` could install it (as root); else Playwright's own download,
    # which `make test` fetches on machines where apt is not an option.
    where = {"executable_path": CHROMIUM} if Path(CHROMIUM).exists() else {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(args=CHROMIUM_ARGS, **where)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path / "project")


def nav_pages() -> list[str]:
    """Every page in mkdocs.yml's nav, as built file names (index.html, lab.html...)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=Loader)

    def walk(items):
        for item in items:
            for value in item.values() if isinstance(item, dict) else [item]:
                if isinstance(value, list):
                    yield from walk(value)
                else:
                    yield value.replace(".md", ".html")

    return list(walk(config["nav"]))
