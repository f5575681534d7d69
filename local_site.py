"""A local copy of the site to build, serve and open in a browser: shared by the tests and bench.py.

Copies the project (so a test can break it), builds it as `make build` or `make build-zensical` do,
serves it under the sub-path GitHub Pages uses, and names the browser and the nav's pages.
"""

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

ROOT = Path(__file__).resolve().parent
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
GENERATORS = ("mkdocs", "zensical")  # the site is built and tested with both (see README)
CACHE = ".build-cache"  # ours (npm packages, chart SVGs); `.cache/` belongs to Zensical, which empties it
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "seeds", "charts", "overrides", "build_charts.py")


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
    if (ROOT / CACHE).exists():
        (target / CACHE).symlink_to(ROOT / CACHE)
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


def site_command(generator: str, site_dir: Path) -> tuple[list[str], dict]:
    """The build command and environment for one site generator, writing into site_dir."""
    if generator == "mkdocs":
        return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)], {}
    # Zensical has no --site-dir: mkdocs.yml reads SITE_DIR, which must sit inside the project.
    return [sys.executable, "-m", "zensical", "build", "--strict"], {"SITE_DIR": str(site_dir)}


def build_site(project: Path, site_dir: Path, site_url: str | None, images=True, generator="mkdocs", **env) -> None:
    """build_charts.py then the site generator in strict mode, as `make build` (or `make build-zensical`) does."""
    charts = run([sys.executable, "build_charts.py"] + ([] if images else ["--no-images"]), project)
    assert charts.returncode == 0, charts.stderr
    command, generator_env = site_command(generator, site_dir)
    site = run(command, project, **({"SITE_URL": site_url} if site_url else {}), **generator_env, **env)
    assert site.returncode == 0, site.stderr + site.stdout


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


def serve(site_dir: Path, port: int) -> QuietServer:
    handler = functools.partial(SubpathHandler, directory=str(site_dir))
    server = QuietServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


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
