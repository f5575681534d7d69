# One task runner for people and CI. Every target does its own set-up.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export SOURCE_DATE_EPOCH ?= 1735689600
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup js browser charts build build-zensical serve test lint format clean handout offline bench linkcheck stale

setup: $(STAMP)

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# From npm, into .build-cache/npm: plotly.js with only the trace types we use (scatter, bar) at the version
# the Python package emits; Material's iframe-worker shim, which lets search run from file:// in the
# offline copy; axe-core for the accessibility tests.
IFRAME_WORKER := 1.0.4
AXE_CORE := 4.14.1
js: setup
	@for old in npm svg; do \
	  if [ -e .cache/$$old ] && [ ! -e .build-cache/$$old ]; then \
	    echo "moving .cache/$$old to .build-cache/$$old (.cache/ is Zensical's: its --clean empties it)"; \
	    mkdir -p .build-cache && mv .cache/$$old .build-cache/$$old; fi; done
	@version=$$($(PY) -c "import plotly.offline as o; print(o.get_plotlyjs_version())"); \
	target=.build-cache/npm/node_modules; \
	if grep -qs "\"version\": \"$$version\"" $$target/plotly.js-basic-dist-min/package.json && \
	   grep -qs "\"version\": \"$(IFRAME_WORKER)\"" $$target/iframe-worker/package.json && \
	   grep -qs "\"version\": \"$(AXE_CORE)\"" $$target/axe-core/package.json; then exit 0; fi; \
	if command -v npm >/dev/null; then \
	  npm install --prefix .build-cache/npm --no-save --no-audit --no-fund --loglevel=error \
	    plotly.js-basic-dist-min@$$version iframe-worker@$(IFRAME_WORKER) axe-core@$(AXE_CORE); \
	else echo "warning: npm not found: charts fall back to plotly's full bundle (3x heavier), offline search and the accessibility tests fail"; fi

# Debian's Chromium for the browser tests, the chart images and the PDFs (Playwright's download fails
# here), poppler-utils to read the PDFs back in tests, and a Chinese font (a source title is in Chinese:
# without one, the PDFs print it as empty boxes). Run as root, this uses apt-get (and says so
# first). Ubuntu has no chromium deb (only a snap): there, and without root, Playwright's Chromium serves
# the tests, the chart images and the PDFs (a download).
browser: setup
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	[ -n "$$(fc-list :lang=zh 2>/dev/null)" ] || missing="$$missing fonts-wqy-microhei"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "make: running as root, so installing with apt-get:$$missing"; \
	  apt-get update -qq || exit 1; \
	  apt-cache show chromium 2>/dev/null | grep -q '^Filename:' || missing="$${missing/chromium/}"; \
	  if [ -n "$${missing// /}" ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; fi; \
	fi; \
	if [ ! -x /usr/bin/chromium ]; then \
	  echo "no Debian chromium: installing Playwright's Chromium"; \
	  $(PY) -m playwright install $$([ "$$(id -u)" = 0 ] && echo --with-deps) chromium; fi

charts: setup js browser
	$(PY) build_charts.py

# Build into a fresh folder and swap it in, so a failed build never replaces a good site/.
build: charts
	rm -rf site.new
	$(PY) -m mkdocs build --strict --site-dir site.new
	rm -rf site && mv site.new site

# The same site built by Zensical, Material's successor (pinned in requirements.txt, see README). Zensical has
# no --site-dir: mkdocs.yml reads the folder from SITE_DIR, which must sit inside the project. It keeps its
# cache in .cache/ (ours is .build-cache/).
build-zensical: charts
	rm -rf site.new
	SITE_DIR=site.new $(PY) -m zensical build --strict
	rm -rf site && mv site.new site

serve: charts
	@echo "Serving on http://$(HOST):$(PORT)/ (charts rebuild when data/ or seeds/ change)"
	$(PY) build_charts.py --watch & watcher=$$!; trap "kill $$watcher" EXIT; \
	SITE_URL=http://$(HOST):$(PORT)/ $(PY) -m mkdocs serve --livereload -a $(HOST):$(PORT)

# Classroom PDFs (worksheets and keys, one handout per chapter, the reader; A4 and Letter) into site/handouts/,
# the projector view, and the offline copy as site/downloads/deepseek-story-offline.zip.
handout: build
	$(PY) make_handouts.py --site site

# The whole site as a zip that works from file:// with no network (Material's offline plugin).
offline: charts
	rm -rf dist/offline-site && mkdir -p dist
	OFFLINE=true $(PY) -m mkdocs build --strict --site-dir dist/offline-site
	$(PY) make_handouts.py --site dist/offline-site --no-zip
	$(PY) -c "import shutil; shutil.make_archive('dist/deepseek-story-offline', 'zip', 'dist/offline-site')"
	@echo "wrote dist/deepseek-story-offline.zip ($$(du -h dist/deepseek-story-offline.zip | cut -f1))"

test: charts lint
	$(PY) -m pytest

# Page weight, first chart, Lighthouse, build times, reading grade: one table. Not part of `make test`.
LIGHTHOUSE := 13.5.0
bench: charts
	@test -x .build-cache/bench/node_modules/.bin/lighthouse || npm install --prefix .build-cache/bench --no-save --no-audit \
	  --no-fund --loglevel=error lighthouse@$(LIGHTHOUSE) || echo "warning: no lighthouse; its columns stay empty"
	$(PY) bench.py $(BENCH_ARGS)

# Sources nobody has re-read in six months: the to-do list for keeping the site current.
stale: setup
	$(PY) list_stale_sources.py

# Ask every source URL whether it still answers (needs the internet; for maintainers, not CI).
linkcheck: setup
	$(PY) check_links.py

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: setup
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

clean:
	rm -rf site site.new dist docs/generated .pytest_cache
