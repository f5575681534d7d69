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

.PHONY: setup js browser charts build serve test lint format clean handout offline bench linkcheck stale

setup: $(STAMP)

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(STAMP)

# From npm, into .cache/npm: plotly.js with only the trace types we use (scatter, bar) at the version
# the Python package emits; Material's iframe-worker shim, which lets search run from file:// in the
# offline copy; axe-core for the accessibility tests.
IFRAME_WORKER := 1.0.4
AXE_CORE := 4.14.1
js: setup
	@version=$$($(PY) -c "import plotly.offline as o; print(o.get_plotlyjs_version())"); \
	target=.cache/npm/node_modules; \
	if grep -qs "\"version\": \"$$version\"" $$target/plotly.js-basic-dist-min/package.json && \
	   grep -qs "\"version\": \"$(IFRAME_WORKER)\"" $$target/iframe-worker/package.json && \
	   grep -qs "\"version\": \"$(AXE_CORE)\"" $$target/axe-core/package.json; then exit 0; fi; \
	if command -v npm >/dev/null; then \
	  npm install --prefix .cache/npm --no-save --no-audit --no-fund --loglevel=error \
	    plotly.js-basic-dist-min@$$version iframe-worker@$(IFRAME_WORKER) axe-core@$(AXE_CORE); \
	else echo "warning: npm not found; charts will use plotly's full bundle (3x heavier)"; fi

# Debian's Chromium for the browser tests, the chart images and the PDFs (Playwright's download fails
# here), and poppler-utils to read the PDFs back in tests.
browser: setup
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	command -v pdftotext >/dev/null || missing="$$missing poppler-utils"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else echo "installing Playwright's chromium (no root for apt: $$missing)"; $(PY) -m playwright install chromium; fi

charts: setup js browser
	$(PY) build_charts.py

# Build into a fresh folder and swap it in, so a failed build never replaces a good site/.
build: charts
	rm -rf site.new
	$(PY) -m mkdocs build --strict --site-dir site.new
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
	@test -x .cache/bench/node_modules/.bin/lighthouse || npm install --prefix .cache/bench --no-save --no-audit \
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
